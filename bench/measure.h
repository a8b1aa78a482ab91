// What the benchmarks share: timing a run many times, and reporting it against a baseline
// measured in the same process and minute.
#pragma once

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace bench {

using Clock = std::chrono::steady_clock;

struct Figures {
  double median_us = 0;
  double p95_us = 0;
  double runs_per_second = 0;
  // CPU time (user + system) of this process and the children it reaped, per run: what a
  // run costs the machine, which the machine's other work changes far less than wall time.
  double cpu_us = 0;
};

// CPU seconds used so far by this process and by the children it has reaped.
inline double CpuSeconds() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage usage{};
    getrusage(who, &usage);
    total += usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
             (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  }
  return total;
}

inline bool SpawnAndWait(const std::vector<std::string>& args) {
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
inline Figures Measure(int runs, const std::function<bool()>& once,
                       std::chrono::milliseconds idle = std::chrono::milliseconds(0)) {
  for (int i = 0; i < std::min(runs / 10 + 1, 20); ++i) once();  // warm-up
  std::vector<double> samples;
  Clock::duration paused{};
  const double cpu_start = CpuSeconds();
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
  double cpu = (CpuSeconds() - cpu_start) * 1e6 / runs;
  std::sort(samples.begin(), samples.end());
  return {samples[samples.size() / 2], samples[samples.size() * 95 / 100], runs / total, cpu};
}

inline void Report(const char* name, const Figures& figures, const Figures& plain) {
  std::printf(
      "%-28s median %7.0f us  p95 %7.0f us  %6.0f runs/s  ratio %.2fx  cpu %6.0f us  %.2fx\n", name,
      figures.median_us, figures.p95_us, figures.runs_per_second,
      figures.median_us / plain.median_us, figures.cpu_us, figures.cpu_us / plain.cpu_us);
}

}  // namespace bench
