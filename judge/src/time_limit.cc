#include "time_limit.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "evaluator.h"
#include "fs_util.h"
#include "koodikoe/files.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

constexpr double kProbeSeconds = 10;

std::string CacheKey(const Package& package) {
  Hasher hasher;
  hasher.AddField("timelimit-v1");
  hasher.AddField(package.dir);
  (void)hasher.AddFile(package.dir + "/problem.yaml");
  for (const TestCase& test : package.cases) {
    struct stat st {};
    ::stat(test.input_path.c_str(), &st);
    hasher.AddField(test.name + ":" + std::to_string(st.st_size) + ":" +
                    std::to_string(st.st_mtim.tv_sec));
  }
  for (const SubmissionEntry& submission : package.submissions) {
    if (!submission.expected.BoundsTimeLimitFromBelow()) continue;
    hasher.AddField(submission.relative);
    for (const std::string& file : submission.program.files) {
      std::string path = submission.program.is_directory ? submission.program.path + "/" + file
                                                         : submission.program.path;
      (void)hasher.AddFile(path);
    }
  }
  return hasher.HexDigest();
}

std::string Format(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

}  // namespace

double TimeLimitFromSlowest(const Package& package, double slowest_seconds) {
  const Limits& limits = package.limits;
  double exact = slowest_seconds * limits.ac_to_time_limit;
  if (package.version == FormatVersion::kLegacy) {
    return std::max(1.0, std::floor(0.5 + exact));  // whole seconds, as problemtools
  }
  double resolution = limits.time_resolution > 0 ? limits.time_resolution : 1.0;
  double steps = std::max(1.0, std::ceil(exact / resolution - 1e-9));
  return steps * resolution;
}

std::optional<double> CachedTimeLimit(Evaluator& evaluator, const Package& package) {
  std::string text = ReadBeneath(evaluator.cache_dir() + "/timelimit", CacheKey(package), 64);
  if (text.empty()) return std::nullopt;
  auto seconds = koodikoe::ParseSeconds(text);
  if (!seconds || *seconds <= 0) return std::nullopt;
  return *seconds;
}

Result<TimeLimitDerivation> DeriveTimeLimit(Evaluator& evaluator, const Package& package,
                                            const std::vector<std::string>& notes) {
  TimeLimitDerivation derivation;
  derivation.warnings = notes;
  int used = 0;
  for (const SubmissionEntry& submission : package.submissions) {
    if (!submission.expected.BoundsTimeLimitFromBelow()) continue;
    auto language = evaluator.builder().Detect(submission.program, submission.language);
    if (!language || !(*language)->installed) continue;
    EvaluationOptions options;
    options.language = (*language)->id;
    options.run_all_tests = true;
    options.time_limit = kProbeSeconds;
    auto evaluation = evaluator.Evaluate(package, submission.program, options, nullptr);
    if (!evaluation) return tl::unexpected(evaluation.error());
    if (evaluation->report.verdict != Verdict::kAccepted) {
      derivation.warnings.push_back(submission.relative + " is not accepted (" +
                                    VerdictWord(evaluation->report.verdict) +
                                    "); not used for the time limit");
      continue;
    }
    for (const TestResult& test : evaluation->report.tests) {
      derivation.slowest_accepted = std::max(derivation.slowest_accepted, test.cpu_ms / 1000.0);
    }
    ++used;
  }
  if (used == 0) {
    return Fail(ErrorCode::kInvalidArgument,
                package.id +
                    ": no time limit is given and no accepted submission could be run "
                    "to derive one; add limits.time_limit to problem.yaml");
  }
  derivation.time_limit = TimeLimitFromSlowest(package, derivation.slowest_accepted);
  derivation.explanation = "slowest accepted " + Format(derivation.slowest_accepted) + " s x " +
                           Format(package.limits.ac_to_time_limit) +
                           (package.version == FormatVersion::kLegacy
                                ? " (legacy time_multiplier), rounded to whole seconds"
                                : " (ac_to_time_limit), rounded up to " +
                                      Format(package.limits.time_resolution) + " s") +
                           " = " + Format(derivation.time_limit) + " s";
  std::string dir = evaluator.cache_dir() + "/timelimit";
  if (MakeDirs(dir)) {
    (void)koodikoe::WriteFile(dir + "/" + CacheKey(package), Format(derivation.time_limit));
  }
  return derivation;
}

}  // namespace judge
