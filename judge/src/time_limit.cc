#include "time_limit.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "evaluator.h"
#include "fs_util.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

constexpr double kProbeSeconds = 10;

std::string CacheKey(const Package& package) {
  Hasher hasher;
  hasher.AddField("timelimit-v2");
  hasher.AddField(package.dir);
  (void)hasher.AddFile(package.dir + "/problem.yaml");
  for (const TestCase& test : package.cases) {
    struct stat st {};
    ::stat(test.input_path.c_str(), &st);
    hasher.AddField(test.name + ":" + std::to_string(st.st_size) + ":" +
                    std::to_string(st.st_mtim.tv_sec));
  }
  for (const SubmissionEntry& submission : package.submissions) {
    const Expectation& expected = submission.expected;
    if (!expected.BoundsTimeLimitFromBelow() && !expected.BoundsTimeLimitFromAbove()) continue;
    hasher.AddField(submission.relative);
    hasher.AddField(expected.BoundsTimeLimitFromBelow() ? "lower" : "upper");
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

namespace {

// Judges one of the package's submissions with `time_limit`; nullopt when its language is
// not installed here.
Result<std::optional<Report>> RunWithLimit(Evaluator& evaluator, const Package& package,
                                           const SubmissionEntry& submission, double time_limit,
                                           bool run_all_tests) {
  auto language =
      evaluator.builder().Detect(submission.program, submission.language, package.submit_answer);
  if (!language || !(*language)->installed) return std::optional<Report>();
  EvaluationOptions options;
  options.language = (*language)->id;
  options.run_all_tests = run_all_tests;
  options.time_limit = time_limit;
  KOODIKOE_TRY(auto evaluation, evaluator.Evaluate(package, submission.program, options, nullptr));
  return std::optional<Report>(std::move(evaluation.report));
}

// The slowest test of every lower-bound submission; how many could be used.
Result<int> MeasureLowerBounds(Evaluator& evaluator, const Package& package,
                               TimeLimitDerivation& derivation) {
  int used = 0;
  for (const SubmissionEntry& submission : package.submissions) {
    if (!submission.expected.BoundsTimeLimitFromBelow()) continue;
    KOODIKOE_TRY(auto report, RunWithLimit(evaluator, package, submission, kProbeSeconds, true));
    if (!report) continue;
    const bool accepted = report->verdict == Verdict::kAccepted;
    if (!accepted && submission.expected.ExpectsAccepted()) {
      derivation.warnings.push_back(submission.relative + " is not accepted (" +
                                    VerdictWord(report->verdict) +
                                    "); not used for the time limit");
      continue;
    }
    for (const TestResult& test : report->tests) {
      derivation.slowest_accepted = std::max(derivation.slowest_accepted, test.cpu_ms / 1000.0);
    }
    ++used;
  }
  return used;
}

// Every upper-bound submission must still be too slow with the safety margin.
Result<void> CheckUpperBounds(Evaluator& evaluator, const Package& package,
                              TimeLimitDerivation& derivation) {
  const double margin_limit = derivation.time_limit * package.limits.time_limit_to_tle;
  for (const SubmissionEntry& submission : package.submissions) {
    if (!submission.expected.BoundsTimeLimitFromAbove()) continue;
    KOODIKOE_TRY(auto report, RunWithLimit(evaluator, package, submission, margin_limit, false));
    if (!report || report->verdict == Verdict::kTimeLimit) continue;
    derivation.warnings.push_back(
        submission.relative + " is not too slow at " + Format(margin_limit) + " s (the limit x " +
        Format(package.limits.time_limit_to_tle) +
        ", time_limit_to_tle): no time limit keeps both safety margins; got " +
        VerdictWord(report->verdict));
  }
  return {};
}

}  // namespace

Result<TimeLimitDerivation> DeriveTimeLimit(Evaluator& evaluator, const Package& package,
                                            const std::vector<std::string>& notes) {
  TimeLimitDerivation derivation;
  derivation.warnings = notes;
  KOODIKOE_TRY(auto used, MeasureLowerBounds(evaluator, package, derivation));
  if (used == 0) {
    return Fail(ErrorCode::kInvalidArgument,
                package.id +
                    ": no time limit is given and no submission expected to be accepted could "
                    "be run to infer one; add limits.time_limit to problem.yaml");
  }
  derivation.time_limit = TimeLimitFromSlowest(package, derivation.slowest_accepted);
  derivation.explanation = "slowest accepted " + Format(derivation.slowest_accepted) + " s x " +
                           Format(package.limits.ac_to_time_limit) +
                           (package.version == FormatVersion::kLegacy
                                ? " (legacy time_multiplier), rounded to whole seconds"
                                : " (ac_to_time_limit), rounded up to " +
                                      Format(package.limits.time_resolution) + " s") +
                           " = " + Format(derivation.time_limit) + " s";
  KOODIKOE_TRY_VOID(CheckUpperBounds(evaluator, package, derivation));
  std::string dir = evaluator.cache_dir() + "/timelimit";
  if (MakeDirs(dir)) {
    (void)koodikoe::WriteFile(dir + "/" + CacheKey(package), Format(derivation.time_limit));
  }
  return derivation;
}

}  // namespace judge
