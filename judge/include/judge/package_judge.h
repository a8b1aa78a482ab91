// judge::PackageJudge: the Judge that evaluates submissions against packages on disk, in the
// sandbox of this process. Use it from a single-threaded process (it owns a runner::Sandbox).
#pragma once

#include <memory>
#include <string>

#include "judge/judge.h"

namespace judge {

struct JudgeConfig {
  std::string cache_dir;           // compile cache and derived time limits; "" = the default
  std::string languages_file;      // "" = languages.yaml found by LanguageRegistry::LoadDefault
  std::string work_dir;            // per-evaluation scratch; "" = $TMPDIR or /tmp
  int slots = 0;                   // sandbox boxes at once; 0 = the number of cores, at least 2
  bool allow_weak_limits = false;  // run where cgroups cannot be used
  // The program that plays `service` scenarios; "" = found as ScenarioClientPath says.
  std::string scenario_client;
};

class Evaluator;

class PackageJudge : public Judge {
 public:
  static Result<std::unique_ptr<PackageJudge>> Create(const JudgeConfig& config = {});
  ~PackageJudge() override;

  [[nodiscard]] Result<Report> Evaluate(const EvaluateRequest& request,
                                        const ProgressFn& progress) override;

  Evaluator& evaluator() { return *evaluator_; }

 private:
  explicit PackageJudge(std::unique_ptr<Evaluator> evaluator);
  std::unique_ptr<Evaluator> evaluator_;
};

}  // namespace judge
