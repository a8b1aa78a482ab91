// judge_bench: judging throughput on a generated package of tiny tests, for a C++ and a
// Python submission, with a cold and a warm compile cache, against the same tests run with
// plain fork+exec (no sandbox) and compared with the same default validator, in the same run.
// C++ (a program including <iostream>, and one including <bits/stdc++.h>) is judged with a
// cold cache twice: without the precompiled standard headers and with them (built once
// beforehand, as `koodikoe languages --warm` does).
//
// usage: judge_bench [TESTS] [ROUNDS]     (defaults 100 and 3; run as root, see README.md)
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "judge/default_validator.h"
#include "judge/languages.h"
#include "judge/package_judge.h"
#include "koodikoe/files.h"
#include "languages_precompiled.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kCpp = R"(#include <iostream>
int main() { long long a, b; std::cin >> a >> b; std::cout << a + b << "\n"; }
)";
constexpr const char* kCppAll = R"(#include <bits/stdc++.h>
int main() { long long a, b; std::cin >> a >> b; std::cout << a + b << "\n"; }
)";
constexpr const char* kPython = "a, b = map(int, input().split())\nprint(a + b)\n";

std::string MakeTemp(const std::string& name) {
  std::string pattern = "/tmp/koodikoe-bench-" + name + "-XXXXXX";
  return ::mkdtemp(pattern.data());
}

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

// A package of `tests` tiny a+b tests.
std::string MakePackage(int tests) {
  std::string dir = MakeTemp("package");
  Write(dir + "/problem.yaml", "name: Bench\nlimits: {time_limit: 2, memory: 256}\n");
  for (int i = 1; i <= tests; ++i) {
    char stem[32];
    std::snprintf(stem, sizeof stem, "/data/secret/%03d", i);
    Write(dir + stem + ".in", std::to_string(i) + " " + std::to_string(i * 7) + "\n");
    Write(dir + stem + ".ans", std::to_string(i * 8) + "\n");
  }
  return dir;
}

double Seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

struct Figure {
  double seconds = 0;
  bool ok = true;
};

// Judges through the real pipeline; a fresh cache dir makes it cold.
Figure Judge(const std::string& package, const std::string& source, const std::string& cache,
             int jobs) {
  judge::JudgeConfig config;
  config.cache_dir = cache;
  config.slots = jobs;
  auto started = Clock::now();
  auto judge = judge::PackageJudge::Create(config);
  if (!judge) {
    std::fprintf(stderr, "judge: %s\n", judge.error().Describe().c_str());
    return {0, false};
  }
  judge::EvaluateRequest request;
  request.package_dir = package;
  request.source_path = source;
  request.jobs = jobs;
  auto report = (*judge)->Evaluate(request, nullptr);
  Figure figure{Seconds(Clock::now() - started), true};
  if (!report || report->verdict != judge::Verdict::kAccepted) {
    std::fprintf(stderr, "judge: %s\n",
                 report ? judge::VerdictWord(report->verdict) : report.error().Describe().c_str());
    figure.ok = false;
  }
  return figure;
}

// The same tests with fork+exec, `jobs` at a time, no sandbox, same validator.
Figure Plain(const std::string& package, const std::vector<std::string>& argv, int tests,
             int jobs) {
  std::string out_dir = MakeTemp("plain");
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  auto started = Clock::now();
  int next = 1, running = 0;
  bool ok = true;
  auto paths = [&](int i) {
    char stem[32];
    std::snprintf(stem, sizeof stem, "%03d", i);
    return std::make_pair(package + "/data/secret/" + stem, out_dir + "/" + stem + ".out");
  };
  std::vector<std::pair<pid_t, int>> children;
  while (next <= tests || running > 0) {
    while (next <= tests && running < jobs) {
      auto [stem, out] = paths(next);
      pid_t pid = ::fork();
      if (pid == 0) {
        int in = ::open((stem + ".in").c_str(), O_RDONLY);
        int output = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(in, 0);
        ::dup2(output, 1);
        // The environment the judge gives a program, so that both start the same way.
        char* env[] = {const_cast<char*>("PATH=/usr/local/bin:/usr/bin:/bin"),
                       const_cast<char*>("HOME=/tmp"), const_cast<char*>("LANG=C.UTF-8"),
                       const_cast<char*>("PYTHONDONTWRITEBYTECODE=1"), nullptr};
        ::execve(args[0], args.data(), env);
        ::_exit(127);
      }
      children.emplace_back(pid, next++);
      ++running;
    }
    int status = 0;
    pid_t done = ::wait(&status);
    if (done < 0) break;
    --running;
    auto child = std::find_if(children.begin(), children.end(),
                              [&](const auto& entry) { return entry.first == done; });
    auto [stem, out] = paths(child->second);
    children.erase(child);
    auto verdict = judge::CompareFiles(stem + ".ans", out, {});
    ok = ok && status == 0 && verdict && verdict->accepted;
  }
  Figure figure{Seconds(Clock::now() - started), ok};
  (void)koodikoe::RemoveTree(out_dir);
  return figure;
}

// Builds the precompiled headers of every installed language into `cache`, outside the
// measurement; returns whether there are some.
bool WarmPrecompiled(const std::string& cache) {
  auto registry = judge::LanguageRegistry::LoadDefault();
  auto sandbox = runner::Sandbox::Create({});
  if (!registry || !sandbox) return false;
  judge::PrecompiledHeaders headers(*sandbox, cache);
  bool any = false;
  for (const char* id : {"cpp"}) {
    const judge::Language* language = registry->Find(id);
    if (language == nullptr) continue;
    auto built = headers.Build(*language);
    if (!built) std::fprintf(stderr, "precompiled %s: %s\n", id, built.error().Describe().c_str());
    any = any || (built && !built->empty());
  }
  return any;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int tests = argc > 1 ? std::atoi(argv[1]) : 100;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  const int jobs = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  if (::geteuid() != 0) std::fprintf(stderr, "note: not root; the sandbox may refuse to run\n");
  std::string package = MakePackage(tests);
  std::string sources = MakeTemp("sources");
  Write(sources + "/sum.cpp", kCpp);
  Write(sources + "/sum.py", kPython);
  // The plain baseline's C++ binary is built once, outside the measurement.
  std::string binary = sources + "/sum";
  std::string compile = "g++ -std=c++20 -O2 -o " + binary + " " + sources + "/sum.cpp";
  if (std::system(compile.c_str()) != 0) return 1;

  // The precompiled headers live in a cache of their own, moved into each round's fresh
  // cache for the rounds that use them (a rename, outside the measurement).
  std::string headers_home = MakeTemp("headers");
  bool precompiled = WarmPrecompiled(headers_home);
  if (!precompiled)
    std::fprintf(stderr, "note: no precompiled headers; the PCH rows are skipped\n");
  Write(sources + "/all.cpp", kCppAll);
  std::string binary_all = sources + "/all";
  compile = "g++ -std=c++20 -O2 -o " + binary_all + " " + sources + "/all.cpp";
  if (std::system(compile.c_str()) != 0) return 1;

  std::printf("judge_bench: %d tests, %d jobs, median of %d rounds\n\n", tests, jobs, rounds);
  std::printf("%-10s %-30s %10s %12s %10s\n", "language", "mode", "seconds", "tests/s", "vs plain");
  bool all_ok = true;
  struct Language {
    const char* name;
    std::string source;
    std::vector<std::string> plain_argv;
    bool compiled;
  };
  for (const Language& language :
       {Language{"cpp", sources + "/sum.cpp", {binary}, true},
        Language{"cpp-stdc++", sources + "/all.cpp", {binary_all}, true},
        Language{
            "python", sources + "/sum.py", {"/usr/bin/python3", sources + "/sum.py"}, false}}) {
    const bool with_headers = language.compiled && precompiled;
    std::vector<double> cold, cold_headers, warm, plain;
    for (int round = 0; round < rounds; ++round) {
      std::string cache = MakeTemp("cache");
      Figure first = Judge(package, language.source, cache, jobs);
      all_ok = all_ok && first.ok;
      cold.push_back(first.seconds);
      if (with_headers) {
        (void)koodikoe::RemoveTree(cache);
        cache = MakeTemp("cache");
        std::filesystem::rename(headers_home + "/pch", cache + "/pch");
        Figure figure = Judge(package, language.source, cache, jobs);
        std::filesystem::rename(cache + "/pch", headers_home + "/pch");
        all_ok = all_ok && figure.ok;
        cold_headers.push_back(figure.seconds);
      }
      Figure second = Judge(package, language.source, cache, jobs);
      Figure base = Plain(package, language.plain_argv, tests, jobs);
      all_ok = all_ok && second.ok && base.ok;
      warm.push_back(second.seconds);
      plain.push_back(base.seconds);
      (void)koodikoe::RemoveTree(cache);
    }
    double base = Median(plain);
    auto row = [&](const char* mode, double seconds) {
      std::printf("%-10s %-30s %10.3f %12.1f %9.2fx\n", language.name, mode, seconds,
                  tests / seconds, seconds / base);
    };
    row(language.compiled ? "sandbox, cold cache, no PCH" : "sandbox, cold cache", Median(cold));
    if (with_headers) row("sandbox, cold cache, PCH", Median(cold_headers));
    row("sandbox, warm cache", Median(warm));
    row("plain fork+exec", base);
  }
  (void)koodikoe::RemoveTree(headers_home);
  (void)koodikoe::RemoveTree(package);
  (void)koodikoe::RemoveTree(sources);
  if (!all_ok) std::printf("\nWARNING: some runs were not accepted; figures are not valid\n");
  return all_ok ? 0 : 1;
}
