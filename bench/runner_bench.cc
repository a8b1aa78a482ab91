// Sandbox overhead against a plain fork+exec of /bin/true, measured in the same run.
//
// Method: each mode runs /bin/true N times back to back after a warm-up; we report the
// median and 95th percentile of one run and runs per second, then N/10 runs each after
// 150 ms of idleness, then the same with one worker process per core. Ratios are to the
// plain mode of this same run, so machine noise and kernel differences cancel out. See
// bench/README.md.
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "measure.h"
#include "runner/sandbox.h"

namespace {

using bench::Figures;
using bench::Measure;
using bench::Report;
using bench::SpawnAndWait;
using Clock = std::chrono::steady_clock;

// Runs `once` in `workers` processes at the same time; returns runs per second overall.
// `make` is called in each worker to build its own `once` (its own Sandbox and box slot).
double Throughput(int workers, int runs_each, const std::function<std::function<bool()>()>& make) {
  int go[2];
  if (pipe(go) != 0) return 0;
  std::vector<pid_t> children;
  for (int w = 0; w < workers; ++w) {
    pid_t pid = fork();
    if (pid == 0) {
      close(go[1]);
      auto once = make();
      for (int i = 0; i < 10; ++i) once();  // warm-up
      char byte;
      if (read(go[0], &byte, 1) < 0) _exit(2);
      for (int i = 0; i < runs_each; ++i) {
        if (!once()) _exit(1);
      }
      _exit(0);
    }
    children.push_back(pid);
  }
  close(go[0]);
  auto start = Clock::now();
  close(go[1]);  // start them all at once
  bool ok = true;
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!ok) {
    std::fprintf(stderr, "a worker failed\n");
    std::exit(1);
  }
  return workers * runs_each / seconds;
}

bool Succeeds(runner::Sandbox& sandbox, const runner::RunSpec& spec) {
  auto outcome = sandbox.Run(spec);
  return outcome && outcome->status == runner::Status::kOk;
}

// A fresh directory with one 64 KiB file, as a judge's test box holds its input.
std::string MakeBoxDir() {
  char pattern[] = "/tmp/koodikoe-bench-box-XXXXXX";
  if (!mkdtemp(pattern)) std::exit(1);
  std::string input(64 * 1024, 'x');
  FILE* file = std::fopen((std::string(pattern) + "/input").c_str(), "w");
  if (!file || std::fwrite(input.data(), 1, input.size(), file) != input.size()) std::exit(1);
  std::fclose(file);
  chmod(pattern, 0755);
  return pattern;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 500;
  std::string koodikoe = argc > 2 ? argv[2] : "";
  signal(SIGPIPE, SIG_IGN);

  auto plain_once = [] { return SpawnAndWait({"/bin/true"}); };
  auto sandbox = runner::Sandbox::Create();
  if (!sandbox) {
    std::fprintf(stderr, "sandbox: %s\n", sandbox.error().Describe().c_str());
    return 1;
  }
  runner::RunSpec spec;
  spec.argv = {"/bin/true"};
  spec.stdout_stream = runner::NullStream{};
  spec.stderr_stream = runner::NullStream{};
  auto library_once = [&] {
    auto outcome = sandbox->Run(spec);
    return outcome && outcome->status == runner::Status::kOk;
  };

  std::printf("koodikoe runner benchmark: %d runs of /bin/true per mode\n", runs);
  Figures plain = Measure(runs, plain_once);
  Report("plain fork+exec", plain, plain);
  Report("runner::Sandbox (library)", Measure(runs, library_once), plain);
  Report("Create + Run (fresh Sandbox)",
         Measure(runs / 4,
                 [&] {
                   auto fresh = runner::Sandbox::Create();
                   auto outcome = fresh ? fresh->Run(spec) : tl::unexpected(fresh.error());
                   return outcome && outcome->status == runner::Status::kOk;
                 }),
         plain);
  Report("Create only", Measure(runs / 4, [&] { return runner::Sandbox::Create().has_value(); }),
         plain);
  // A tenth of the runs, each after 150 ms of idleness, against plain runs spaced alike.
  const auto idle = std::chrono::milliseconds(150);
  Figures plain_idle = Measure(runs / 10, plain_once, idle);
  Report("plain, after 150 ms idle", plain_idle, plain_idle);
  Report("library, after 150 ms idle", Measure(runs / 10, library_once, idle), plain_idle);
  // The box's files: a --box directory holding one 64 KiB input, /bin/true writing nothing;
  // then touch making one new file in /box, against plain touch into a host directory.
  std::string box = MakeBoxDir();
  runner::RunSpec boxed = spec;
  boxed.box_dir = box;
  Report("library, --box", Measure(runs, [&] { return Succeeds(*sandbox, boxed); }), plain);
  std::string host_dir = MakeBoxDir();
  int made = 0;
  Figures plain_write = Measure(runs, [&] {
    return SpawnAndWait({"/usr/bin/touch", host_dir + "/out." + std::to_string(made++)});
  });
  Report("plain touch (makes 1 file)", plain_write, plain);
  runner::RunSpec writing = boxed;
  Report("library, --box, touch",
         Measure(runs,
                 [&] {
                   writing.argv = {"/usr/bin/touch", "/box/out." + std::to_string(made++)};
                   return Succeeds(*sandbox, writing);
                 }),
         plain);
  std::filesystem::remove_all(box);
  std::filesystem::remove_all(host_dir);
  if (!koodikoe.empty()) {
    // The result goes to a file, as a script that reads it would have it.
    std::string result = std::filesystem::temp_directory_path() / "koodikoe-bench-result.json";
    auto cli_once = [&] {
      return SpawnAndWait({koodikoe, "run", "--result", result, "--", "/bin/true"});
    };
    Report("koodikoe run (new process)", Measure(runs, cli_once), plain);
  }

  long cores = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
  int workers = static_cast<int>(cores);
  double plain_parallel =
      Throughput(workers, runs, [&] { return std::function<bool()>(plain_once); });
  // Each worker process gets its own Sandbox (its own box slot), as judge helpers do.
  double library_parallel = Throughput(workers, runs, [&] {
    auto own = std::make_shared<runner::Sandbox>(std::move(*runner::Sandbox::Create()));
    return std::function<bool()>([own, &spec] {
      auto outcome = own->Run(spec);
      return outcome && outcome->status == runner::Status::kOk;
    });
  });
  std::printf("%d workers: plain %.0f runs/s, runner::Sandbox %.0f runs/s (%.2f of plain)\n",
              workers, plain_parallel, library_parallel, library_parallel / plain_parallel);
  return 0;
}
