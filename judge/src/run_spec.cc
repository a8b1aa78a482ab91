#include "run_spec.h"

#include <algorithm>

namespace judge {

namespace {

constexpr uint64_t kMiB = 1u << 20;

// Compilers are trusted toolchains that start helpers and threads (javac, go build).
constexpr int kCompilerProcesses = 128;
// A built program far larger than this is an attack on the cache, not a program.
constexpr uint64_t kCompilerFileSize = 128 * kMiB;
constexpr uint64_t kCompilerTmp = 512 * kMiB;
constexpr uint64_t kCompilerOutput = 1 * kMiB;
// Files a submission writes may be larger than what it prints.
constexpr uint64_t kSmallestFileSizeMiB = 64;

// The scenario client's memory and output: it keeps a few responses and prints one line.
constexpr uint64_t kClientMemory = 512 * kMiB;
constexpr uint64_t kClientOutput = 64 << 10;
// Threads beyond its connections (the runtime's own).
constexpr int kClientExtraProcesses = 16;

// Every box's environment: the same for all, then what the language adds.
std::vector<std::string> Environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env = {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "TMPDIR=/tmp",
                                  "LANG=C.UTF-8"};
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

// What the box may hold in memory: the runtime's own heap limit is told the package's limit,
// the box allows the runtime's overhead on top.
uint64_t BoxMemory(uint64_t memory_mib, const Language& language) {
  return (memory_mib + language.memory_extra_mib) * kMiB;
}

void SetCompilerLimits(const Language& language, const Limits& limits, runner::Limits& box) {
  box.cpu_seconds = limits.compilation_time;
  box.wall_seconds = limits.compilation_time * 2 + 5;
  box.memory_bytes = limits.compilation_memory_mib * kMiB;
  box.max_processes = std::max(language.processes, kCompilerProcesses);
  box.output_bytes = kCompilerOutput;
  box.file_size_bytes = kCompilerFileSize;
  box.tmp_bytes = kCompilerTmp;
  box.disk_bytes = kCompilerTmp + kCompilerFileSize;
}

void SetSubmissionLimits(const Language& language, const Limits& limits, double time_limit,
                         runner::Limits& box) {
  box.cpu_seconds = time_limit;
  box.wall_seconds = SubmissionWallSeconds(time_limit);
  box.memory_bytes = BoxMemory(limits.memory_mib, language);
  box.stack_bytes = limits.memory_mib * kMiB;
  box.max_processes = language.processes;
  box.output_bytes = limits.output_mib * kMiB;
  box.disk_bytes = limits.disk_mib * kMiB;
  box.file_size_bytes =
      std::min(std::max(limits.output_mib, kSmallestFileSizeMiB) * kMiB, box.disk_bytes);
}

void SetValidatorLimits(const Language& language, const Limits& limits, runner::Limits& box) {
  box.cpu_seconds = limits.validation_time;
  box.memory_bytes = BoxMemory(limits.validation_memory_mib, language);
  box.max_processes = language.processes;
  box.output_bytes = limits.validation_output_mib * kMiB;
  box.disk_bytes = std::max(limits.disk_mib, limits.validation_output_mib) * kMiB;
}

}  // namespace

double SubmissionWallSeconds(double time_limit) { return time_limit * 2 + 1; }

runner::RunSpec BoxSpec(BoxRole role, const Language& language, const Limits& limits,
                        double time_limit) {
  runner::RunSpec spec;
  spec.env = Environment(language.env);
  spec.stdin_stream = runner::NullStream{};
  switch (role) {
    case BoxRole::kCompiler:
      SetCompilerLimits(language, limits, spec.limits);
      break;
    case BoxRole::kSubmission:
    case BoxRole::kService:
      SetSubmissionLimits(language, limits, time_limit, spec.limits);
      break;
    case BoxRole::kValidator:
      SetValidatorLimits(language, limits, spec.limits);
      // An interactive validator waits on the submission: it must outlast the submission.
      spec.limits.wall_seconds =
          std::max(limits.validation_time, SubmissionWallSeconds(time_limit)) + 10;
      break;
    case BoxRole::kInputValidator:
      SetValidatorLimits(language, limits, spec.limits);
      break;
  }
  return spec;
}

runner::RunSpec ScenarioClientSpec(double seconds, int connections) {
  runner::RunSpec spec;
  spec.env = Environment({});
  spec.stdin_stream = runner::NullStream{};
  spec.limits.cpu_seconds = seconds;
  spec.limits.wall_seconds = seconds;
  spec.limits.memory_bytes = kClientMemory;
  spec.limits.max_processes = connections + kClientExtraProcesses;
  spec.limits.output_bytes = kClientOutput;
  return spec;
}

}  // namespace judge
