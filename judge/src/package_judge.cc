#include "judge/package_judge.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

#include "evaluator.h"
#include "fs_util.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "replay.h"
#include "scheduler.h"
#include "scoring.h"
#include "service_run.h"
#include "time_limit.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

std::string DefaultWorkDir() {
  const char* tmp = std::getenv("TMPDIR");
  return std::string(tmp && *tmp ? tmp : "/tmp") + "/koodikoe-judge";
}

bool MentionsTestlib(const ProgramSource& program) {
  for (const std::string& file : program.files) {
    std::string path = program.is_directory ? program.path + "/" + file : program.path;
    auto text = koodikoe::ReadFile(path, 1 << 20);
    if (text && text->find("testlib.h") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

Evaluator::Evaluator(runner::Sandbox sandbox, LanguageRegistry languages, std::string cache_dir,
                     std::string work_dir)
    : sandbox_(std::move(sandbox)),
      languages_(std::move(languages)),
      cache_dir_(std::move(cache_dir)),
      work_dir_(std::move(work_dir)) {
  builder_ = std::make_unique<Builder>(sandbox_, languages_, cache_dir_);
}

Result<std::unique_ptr<Evaluator>> Evaluator::Create(const JudgeConfig& config) {
  KOODIKOE_TRY(auto languages, config.languages_file.empty()
                                   ? LanguageRegistry::LoadDefault()
                                   : LanguageRegistry::Load(config.languages_file));
  runner::SandboxOptions options;
  options.allow_weak_limits = config.allow_weak_limits;
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.slots = config.slots > 0 ? std::max(config.slots, 2) : std::max(cores, 2);
  KOODIKOE_TRY(auto sandbox, runner::Sandbox::Create(options));
  std::string cache_dir = config.cache_dir.empty() ? DefaultCacheDir() : config.cache_dir;
  KOODIKOE_TRY_VOID(MakeDirs(cache_dir));
  std::string work_dir = config.work_dir.empty() ? DefaultWorkDir() : config.work_dir;
  auto evaluator = std::unique_ptr<Evaluator>(new Evaluator(
      std::move(sandbox), std::move(languages), std::move(cache_dir), std::move(work_dir)));
  evaluator->scenario_client_ = config.scenario_client;
  return evaluator;
}

ValidatorStyle Evaluator::StyleOf(const Package& package) const {
  if (!package.custom_output_validation) return ValidatorStyle::kDefault;
  if (package.koodikoe.validator_style) return *package.koodikoe.validator_style;
  if (!package.interactive && !package.multi_pass && !package.output_validators.empty() &&
      MentionsTestlib(package.output_validators[0])) {
    return ValidatorStyle::kTestlib;
  }
  return ValidatorStyle::kKattis;
}

Result<const std::vector<BuiltProgram>*> Evaluator::Validators(const Package& package,
                                                               std::string& error) {
  auto found = validators_.find(package.dir);
  if (found != validators_.end()) return &found->second;
  std::vector<BuiltProgram> built;
  for (const ProgramSource& source : package.output_validators) {
    auto language = builder_->Detect(source, "");
    if (!language) {
      error = "output validator " + source.name + ": " + language.error().Describe();
      return &validators_[package.dir];  // empty: the caller reports the error
    }
    KOODIKOE_TRY(auto program,
                 builder_->Build(source, **language, {}, package.limits, package.constants));
    if (!program.ok) {
      error = "output validator " + source.name + " does not build:\n" + program.output;
      return &validators_[package.dir];
    }
    built.push_back(std::move(program));
  }
  validators_[package.dir] = std::move(built);
  return &validators_[package.dir];
}

Result<double> Evaluator::TimeLimitFor(const Package& package) {
  if (package.limits.time_limit) return *package.limits.time_limit;
  if (auto cached = CachedTimeLimit(*this, package)) return *cached;
  KOODIKOE_TRY(auto derived, DeriveTimeLimit(*this, package, {}));
  return derived.time_limit;
}

Result<const Language*> Evaluator::LanguageFor(const Package& package, const ProgramSource& program,
                                               const std::string& id) const {
  KOODIKOE_TRY(auto language, builder_->Detect(program, id, package.submit_answer));
  if (language != &AnswersLanguage() && !package.languages.empty() &&
      std::find(package.languages.begin(), package.languages.end(), language->id) ==
          package.languages.end()) {
    return Fail(ErrorCode::kInvalidArgument,
                "this exercise does not allow " + language->id + " submissions");
  }
  return language;
}

Result<bool> Evaluator::AddValidators(const Package& package, RunContext& context, Report& report) {
  if (package.kind == ExerciseKind::kService) {
    KOODIKOE_TRY(auto client, ScenarioClientPath(scenario_client_));
    context.scenario_client = client;
  }
  if (context.style == ValidatorStyle::kDefault) return true;
  std::string error;
  KOODIKOE_TRY(auto validators, Validators(package, error));
  if (!error.empty()) {
    report.verdict = Verdict::kJudgingError;
    report.message = error;
    return false;
  }
  for (const BuiltProgram& validator : *validators) context.validators.push_back(&validator);
  return true;
}

Result<void> Evaluator::RunAndScore(const Package& package, RunContext& context,
                                    const EvaluationOptions& options, const ProgressFn& progress,
                                    Evaluation& evaluation) {
  std::vector<int> selected;
  for (size_t i = 0; i < package.cases.size(); ++i) {
    if (!options.samples_only || package.cases[i].is_sample) {
      selected.push_back(static_cast<int>(i));
    }
  }
  KOODIKOE_TRY(auto work, MakeTempDir(work_dir_, "run-"));
  context.work_dir = work;
  int max_boxes = options.jobs > 0 ? std::min(options.jobs, sandbox_.slots()) : sandbox_.slots();
  TestScheduler scheduler(sandbox_, package, context, max_boxes, options.run_all_tests, progress);
  auto outcomes = scheduler.Run(selected);
  RemoveWorkDir(work);
  if (!outcomes) return tl::unexpected(outcomes.error());
  evaluation.outcomes = std::move(*outcomes);

  Report& report = evaluation.report;
  ScoreSummary summary = ScoreOutcomes(package, evaluation.outcomes);
  report.verdict = summary.verdict;
  report.score = summary.score;
  report.max_score = summary.max_score;
  report.message = summary.error;
  for (int index : selected) {
    const CaseOutcome& outcome = evaluation.outcomes[static_cast<size_t>(index)];
    if (outcome.ran) report.tests.push_back(outcome.result);
  }
  CapReplays(report.tests);
  return {};
}

Result<Evaluation> Evaluator::Evaluate(const Package& package, const ProgramSource& program,
                                       const EvaluationOptions& options,
                                       const ProgressFn& progress) {
  Evaluation evaluation;
  Report& report = evaluation.report;
  evaluation.outcomes.resize(package.cases.size());
  KOODIKOE_TRY(auto language, LanguageFor(package, program, options.language));
  report.language = language->id;

  // The time limit first: inferring it may run the package's own submissions.
  KOODIKOE_TRY(auto time_limit,
               options.time_limit ? Result<double>(*options.time_limit) : TimeLimitFor(package));
  report.time_limit = time_limit;

  std::vector<std::string> include_dirs;
  for (const std::string& key : {std::string("default"), language->id}) {
    auto dir = package.include_dirs.find(key);
    if (dir != package.include_dirs.end()) include_dirs.push_back(dir->second);
  }
  KOODIKOE_TRY(auto built, builder_->Build(program, *language, include_dirs, package.limits,
                                           package.constants));
  report.compile_status = built.status;
  report.compile_output = built.output;
  if (!built.ok) {
    report.verdict = Verdict::kCompileError;
    if (progress) progress(Progress{0, 0, nullptr});
    return evaluation;
  }

  RunContext context;
  context.package = &package;
  context.submission = &built;
  context.style = StyleOf(package);
  context.time_limit = time_limit;
  KOODIKOE_TRY(auto judged, AddValidators(package, context, report));
  if (!judged) return evaluation;
  KOODIKOE_TRY_VOID(RunAndScore(package, context, options, progress, evaluation));
  return evaluation;
}

PackageJudge::PackageJudge(std::unique_ptr<Evaluator> evaluator)
    : evaluator_(std::move(evaluator)) {}

PackageJudge::~PackageJudge() = default;

Result<std::unique_ptr<PackageJudge>> PackageJudge::Create(const JudgeConfig& config) {
  KOODIKOE_TRY(auto evaluator, Evaluator::Create(config));
  return std::unique_ptr<PackageJudge>(new PackageJudge(std::move(evaluator)));
}

Result<Report> PackageJudge::Evaluate(const EvaluateRequest& request, const ProgressFn& progress) {
  // Submissions are read too: a package without a time limit derives it from them.
  KOODIKOE_TRY(auto package, ReadPackage(request.package_dir));
  KOODIKOE_TRY(auto program, ReadSubmissionSource(request.source_path, package.dir));
  EvaluationOptions options;
  options.language = request.language;
  options.samples_only = request.samples_only;
  options.run_all_tests = request.run_all_tests;
  options.jobs = request.jobs;
  KOODIKOE_TRY(auto evaluation, evaluator_->Evaluate(package, program, options, progress));
  return std::move(evaluation.report);
}

}  // namespace judge
