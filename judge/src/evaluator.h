// The judging pipeline behind PackageJudge: build the submission and the package's
// validators, run the tests on parallel boxes, score. `exercise check` uses it directly for
// the per-test detail it needs.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "build.h"
#include "judge/judge.h"
#include "judge/languages.h"
#include "judge/package.h"
#include "judge/package_judge.h"
#include "runner/sandbox.h"
#include "test_run.h"

namespace judge {

struct EvaluationOptions {
  std::string language;  // "" = by extension
  bool samples_only = false;
  bool run_all_tests = false;
  int jobs = 0;                      // 0 = the sandbox's slots
  std::optional<double> time_limit;  // overrides the package's
};

struct Evaluation {
  Report report;
  std::vector<CaseOutcome> outcomes;  // indexed like Package::cases
};

class Evaluator {
 public:
  static Result<std::unique_ptr<Evaluator>> Create(const JudgeConfig& config);

  // Judges one program. Errors are failures of the judge (sandbox, files), never of the
  // submission; a broken package gives a judging_error report with a message.
  Result<Evaluation> Evaluate(const Package& package, const ProgramSource& program,
                              const EvaluationOptions& options, const ProgressFn& progress);

  // The time limit to judge with: the package's own, or derived from its accepted
  // submissions (cached per package contents).
  Result<double> TimeLimitFor(const Package& package);

  const LanguageRegistry& languages() const { return languages_; }
  Builder& builder() { return *builder_; }
  runner::Sandbox& sandbox() { return sandbox_; }
  const std::string& cache_dir() const { return cache_dir_; }
  const std::string& work_dir() const { return work_dir_; }

  // The package's output validators, built (once per process, then from the cache).
  Result<const std::vector<BuiltProgram>*> Validators(const Package& package, std::string& error);
  ValidatorStyle StyleOf(const Package& package) const;

 private:
  Evaluator(runner::Sandbox sandbox, LanguageRegistry languages, std::string cache_dir,
            std::string work_dir);

  // The submission's language, if the package allows it.
  Result<const Language*> LanguageFor(const Package& package, const ProgramSource& program,
                                      const std::string& id) const;
  // The scenario client and output validators the tests need; false when the package's
  // validators do not build (the report says so).
  Result<bool> AddValidators(const Package& package, RunContext& context, Report& report);
  Result<void> RunAndScore(const Package& package, RunContext& context,
                           const EvaluationOptions& options, const ProgressFn& progress,
                           Evaluation& evaluation);

  runner::Sandbox sandbox_;
  LanguageRegistry languages_;
  std::string cache_dir_;
  std::string work_dir_;
  std::unique_ptr<Builder> builder_;
  std::string scenario_client_;                                  // JudgeConfig::scenario_client
  std::map<std::string, std::vector<BuiltProgram>> validators_;  // by package dir
};

// Reads a submission (a file, or a directory with sources or build/run scripts). Symlinks in a
// directory are followed where they stay inside it, or inside `package_dir` when the
// submission is one of that package's.
Result<ProgramSource> ReadSubmissionSource(const std::string& path,
                                           const std::string& package_dir = "");

}  // namespace judge
