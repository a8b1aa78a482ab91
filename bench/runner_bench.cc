// Sandbox overhead against a plain fork+exec of /bin/true, measured in the same run.
//
// Method: each mode runs /bin/true N times back to back after a warm-up; we report the
// median and 95th percentile of one run and runs per second, then N/10 runs each after
// 150 ms of idleness, then the same with one worker process per core. Ratios are to the
// plain mode of this same run, so machine noise and kernel differences cancel out. See
// bench/README.md.
#include <signal.h>
#include <spawn.h>
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

#include "runner/sandbox.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
  double median_us = 0;
  double p95_us = 0;
  double runs_per_second = 0;
};

bool SpawnAndWait(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return false;
  int status = 0;
  return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// `idle` is a pause before every run, outside the clock: a workshop's submissions arrive
// spaced out, and a run after a pause may pay what back-to-back runs do not.
Figures Measure(int runs, const std::function<bool()>& once,
                std::chrono::milliseconds idle = std::chrono::milliseconds(0)) {
  for (int i = 0; i < std::min(runs / 10 + 1, 20); ++i) once();  // warm-up
  std::vector<double> samples;
  Clock::duration paused{};
  auto start = Clock::now();
  for (int i = 0; i < runs; ++i) {
    if (idle.count() > 0) {
      auto pause_start = Clock::now();
      std::this_thread::sleep_for(idle);
      paused += Clock::now() - pause_start;
    }
    auto before = Clock::now();
    if (!once()) {
      std::fprintf(stderr, "a run failed\n");
      std::exit(1);
    }
    samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - before).count());
  }
  double total = std::chrono::duration<double>(Clock::now() - start - paused).count();
  std::sort(samples.begin(), samples.end());
  return {samples[samples.size() / 2], samples[samples.size() * 95 / 100], runs / total};
}

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

void Report(const char* name, const Figures& figures, const Figures& plain) {
  std::printf("%-28s median %7.0f us  p95 %7.0f us  %6.0f runs/s  ratio %.2fx\n", name,
              figures.median_us, figures.p95_us, figures.runs_per_second,
              figures.median_us / plain.median_us);
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
