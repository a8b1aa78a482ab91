#include "judge/package_judge.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>
#include <thread>

#include "evaluator.h"
#include "fs_util.h"
#include "koodikoe/files.h"
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

// Where each case sits in the group tree, innermost group last.
void MapGroups(const TestGroup& group, std::vector<const TestGroup*>& path,
               std::vector<std::vector<const TestGroup*>>& by_case) {
  path.push_back(&group);
  for (int index : group.cases) by_case[static_cast<size_t>(index)] = path;
  for (const TestGroup& child : group.groups) MapGroups(child, path, by_case);
  path.pop_back();
}

void CollectCases(const TestGroup& group, std::set<int>& cases) {
  cases.insert(group.cases.begin(), group.cases.end());
  for (const TestGroup& child : group.groups) CollectCases(child, cases);
}

// Which later cases a failure makes pointless to run.
class StopPolicy {
 public:
  StopPolicy(const Package& package, bool run_all) : package_(package), run_all_(run_all) {
    std::vector<const TestGroup*> path;
    groups_of_.resize(package.cases.size());
    MapGroups(package.root, path, groups_of_);
  }

  // Cases (indices) to cancel after case `failed` failed.
  std::set<int> AfterFailure(int failed) const {
    std::set<int> cancel;
    if (run_all_) return cancel;
    const TestCase& test = package_.cases[static_cast<size_t>(failed)];
    if (!package_.scoring) {
      // Pass-fail: the verdict is decided; samples still all run for their feedback.
      if (test.is_sample) return cancel;
      for (size_t i = static_cast<size_t>(failed) + 1; i < package_.cases.size(); ++i) {
        if (!package_.cases[i].is_sample) cancel.insert(static_cast<int>(i));
      }
      return cancel;
    }
    const auto& path = groups_of_[static_cast<size_t>(failed)];
    // path[0] is data/, path[1] sample or secret, then groups. Never cross sample/secret.
    for (size_t level = path.size(); level-- > 1;) {
      const TestGroup& group = *path[level];
      bool stops = package_.version == FormatVersion::kLegacy
                       ? group.settings.break_on_reject
                       : group.settings.aggregation == Aggregation::kPassFail;
      if (!stops) break;
      std::set<int> members;
      CollectCases(group, members);
      for (int index : members) {
        if (index > failed) cancel.insert(index);
      }
      if (package_.version != FormatVersion::kLegacy || group.settings.accept_if_any_accepted ||
          group.settings.verdict_mode == VerdictMode::kAlwaysAccept) {
        break;  // the group's own result may still be accepted: its parent goes on
      }
    }
    return cancel;
  }

 private:
  const Package& package_;
  const bool run_all_;
  std::vector<std::vector<const TestGroup*>> groups_of_;
};

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
  auto languages = config.languages_file.empty() ? LanguageRegistry::LoadDefault()
                                                 : LanguageRegistry::Load(config.languages_file);
  if (!languages) return tl::unexpected(languages.error());
  runner::SandboxOptions options;
  options.allow_weak_limits = config.allow_weak_limits;
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.slots = config.slots > 0 ? std::max(config.slots, 2) : std::max(cores, 2);
  auto sandbox = runner::Sandbox::Create(options);
  if (!sandbox) return tl::unexpected(sandbox.error());
  std::string cache_dir = config.cache_dir.empty() ? DefaultCacheDir() : config.cache_dir;
  if (auto ok = MakeDirs(cache_dir); !ok) return tl::unexpected(ok.error());
  std::string work_dir = config.work_dir.empty() ? DefaultWorkDir() : config.work_dir;
  auto evaluator = std::unique_ptr<Evaluator>(new Evaluator(
      std::move(*sandbox), std::move(*languages), std::move(cache_dir), std::move(work_dir)));
  evaluator->scenario_client_ = config.scenario_client;
  return evaluator;
}

ValidatorStyle Evaluator::StyleOf(const Package& package) const {
  if (!package.custom_output_validation) return ValidatorStyle::kDefault;
  if (package.koodikoe.validator_style == "testlib") return ValidatorStyle::kTestlib;
  if (package.koodikoe.validator_style == "kattis") return ValidatorStyle::kKattis;
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
    auto program = builder_->Build(source, **language, {}, package.limits, package.constants);
    if (!program) return tl::unexpected(program.error());
    if (!program->ok) {
      error = "output validator " + source.name + " does not build:\n" + program->output;
      return &validators_[package.dir];
    }
    built.push_back(std::move(*program));
  }
  validators_[package.dir] = std::move(built);
  return &validators_[package.dir];
}

Result<double> Evaluator::TimeLimitFor(const Package& package) {
  if (package.limits.time_limit) return *package.limits.time_limit;
  if (auto cached = CachedTimeLimit(*this, package)) return *cached;
  auto derived = DeriveTimeLimit(*this, package, {});
  if (!derived) return tl::unexpected(derived.error());
  return derived->time_limit;
}

Result<Evaluation> Evaluator::Evaluate(const Package& package, const ProgramSource& program,
                                       const EvaluationOptions& options,
                                       const ProgressFn& progress) {
  Evaluation evaluation;
  Report& report = evaluation.report;
  evaluation.outcomes.resize(package.cases.size());

  auto language = builder_->Detect(program, options.language, package.submit_answer);
  if (!language) return tl::unexpected(language.error());
  report.language = (*language)->id;
  if (*language != &AnswersLanguage() && !package.languages.empty() &&
      std::find(package.languages.begin(), package.languages.end(), (*language)->id) ==
          package.languages.end()) {
    return Fail(ErrorCode::kInvalidArgument,
                "this exercise does not allow " + (*language)->id + " submissions");
  }

  // The time limit first: deriving it may run the package's own submissions.
  double time_limit = 0;
  if (options.time_limit) {
    time_limit = *options.time_limit;
  } else {
    auto limit = TimeLimitFor(package);
    if (!limit) return tl::unexpected(limit.error());
    time_limit = *limit;
  }
  report.time_limit = time_limit;

  std::vector<std::string> include_dirs;
  for (const std::string& key : {std::string("default"), (*language)->id}) {
    auto dir = package.include_dirs.find(key);
    if (dir != package.include_dirs.end()) include_dirs.push_back(dir->second);
  }
  auto built =
      builder_->Build(program, **language, include_dirs, package.limits, package.constants);
  if (!built) return tl::unexpected(built.error());
  report.compile_status = BuildStatusWord(built->status);
  report.compile_output = built->output;
  if (!built->ok) {
    report.verdict = Verdict::kCompileError;
    if (progress) progress(Progress{0, 0, nullptr});
    return evaluation;
  }

  RunContext context;
  context.package = &package;
  context.submission = &*built;
  context.style = StyleOf(package);
  context.time_limit = time_limit;
  if (package.koodikoe.kind == "service") {
    auto client = ScenarioClientPath(scenario_client_);
    if (!client) return tl::unexpected(client.error());
    context.scenario_client = *client;
  }
  if (context.style != ValidatorStyle::kDefault) {
    std::string error;
    auto validators = Validators(package, error);
    if (!validators) return tl::unexpected(validators.error());
    if (!error.empty()) {
      report.verdict = Verdict::kJudgingError;
      report.message = error;
      return evaluation;
    }
    for (const BuiltProgram& validator : **validators) context.validators.push_back(&validator);
  }

  std::vector<int> selected;
  for (size_t i = 0; i < package.cases.size(); ++i) {
    if (!options.samples_only || package.cases[i].is_sample)
      selected.push_back(static_cast<int>(i));
  }
  auto work = MakeTempDir(work_dir_, "run-");
  if (!work) return tl::unexpected(work.error());
  context.work_dir = *work;
  auto outcomes = RunTests(package, context, selected, options, progress);
  if (std::getenv("KOODIKOE_KEEP_WORK") == nullptr) (void)koodikoe::RemoveTree(*work);
  if (!outcomes) return tl::unexpected(outcomes.error());
  evaluation.outcomes = std::move(*outcomes);

  ScoreSummary summary = ScoreOutcomes(package, evaluation.outcomes);
  report.verdict = summary.verdict;
  report.score = summary.score;
  report.max_score = summary.max_score;
  report.message = summary.error;
  for (int index : selected) {
    const CaseOutcome& outcome = evaluation.outcomes[static_cast<size_t>(index)];
    if (outcome.ran) report.tests.push_back(outcome.result);
  }
  return evaluation;
}

Result<std::vector<CaseOutcome>> Evaluator::RunTests(const Package& package,
                                                     const RunContext& context,
                                                     const std::vector<int>& selected,
                                                     const EvaluationOptions& options,
                                                     const ProgressFn& progress) {
  std::vector<CaseOutcome> outcomes(package.cases.size());
  const bool service = package.koodikoe.kind == "service";
  const int boxes_per_test = package.interactive || service ? 2 : 1;
  int max_boxes = options.jobs > 0 ? options.jobs : sandbox_.slots();
  max_boxes = std::max(std::min(max_boxes, sandbox_.slots()), boxes_per_test);
  StopPolicy policy(package, options.run_all_tests);

  struct Active {
    std::unique_ptr<CaseRun> run;
    std::vector<int> boxes;  // box ids of the current step
    int pending = 0;         // boxes of the step not yet finished
  };
  std::map<int, Active> active;                  // by case index
  std::map<int, std::pair<int, int>> box_owner;  // box id -> (case index, member)
  std::deque<int> waiting;                       // cases whose next step waits for free boxes
  std::map<int, std::vector<runner::RunSpec>> waiting_specs;
  std::set<int> cancelled, finished;
  size_t next = 0, reported = 0;
  int running_boxes = 0;

  if (progress) progress(Progress{0, static_cast<int>(selected.size()), nullptr});

  auto start_step = [&](int index, std::vector<runner::RunSpec> specs) -> Result<void> {
    Active& entry = active[index];
    entry.boxes.clear();
    for (size_t member = 0; member < specs.size(); ++member) {
      if (int host = entry.run->NetworkHost(member); host >= 0) {
        specs[member].join_network_of = entry.boxes[static_cast<size_t>(host)];
      }
      auto id = sandbox_.Start(specs[member]);
      if (!id) {
        for (int started : entry.boxes) sandbox_.Kill(started);
        return tl::unexpected(id.error());
      }
      entry.boxes.push_back(*id);
      box_owner[*id] = {index, static_cast<int>(member)};
      ++running_boxes;
    }
    entry.pending = static_cast<int>(specs.size());
    entry.run->Started();
    return {};
  };

  // Asks a run for its next step; starts it now, queues it, or records the finished test.
  auto advance = [&](int index) -> Result<void> {
    Active& entry = active[index];
    auto specs = entry.run->NextStep();
    if (!specs) return tl::unexpected(specs.error());
    if (entry.run->finished()) {
      CaseOutcome outcome = entry.run->TakeOutcome();
      active.erase(index);
      finished.insert(index);
      if (cancelled.count(index)) return {};
      bool failed = outcome.result.verdict != Verdict::kAccepted;
      outcomes[static_cast<size_t>(index)] = std::move(outcome);
      if (failed) {
        for (int victim : policy.AfterFailure(index)) {
          if (!cancelled.insert(victim).second) continue;
          auto running = active.find(victim);
          if (running != active.end()) {
            for (int box : running->second.boxes) sandbox_.Kill(box);
          }
        }
      }
      return {};
    }
    if (running_boxes + static_cast<int>(specs->size()) <= max_boxes) {
      return start_step(index, std::move(*specs));
    }
    waiting.push_back(index);
    waiting_specs[index] = std::move(*specs);
    return {};
  };

  auto report_in_order = [&]() {
    while (reported < selected.size()) {
      int index = selected[reported];
      bool skipped = cancelled.count(index) && !active.count(index);
      if (!finished.count(index) && !skipped) break;
      ++reported;
      if (progress) {
        const CaseOutcome& outcome = outcomes[static_cast<size_t>(index)];
        progress(Progress{static_cast<int>(reported), static_cast<int>(selected.size()),
                          outcome.ran ? &outcome.result : nullptr});
      }
    }
  };

  while (true) {
    // Steps of tests already running go first, then new tests, while boxes are free.
    while (!waiting.empty()) {
      int index = waiting.front();
      auto& specs = waiting_specs[index];
      if (cancelled.count(index)) {
        waiting.pop_front();
        waiting_specs.erase(index);
        active.erase(index);
        finished.insert(index);
        continue;
      }
      if (running_boxes + static_cast<int>(specs.size()) > max_boxes) break;
      waiting.pop_front();
      auto specs_to_start = std::move(specs);
      waiting_specs.erase(index);
      if (auto ok = start_step(index, std::move(specs_to_start)); !ok)
        return tl::unexpected(ok.error());
    }
    while (waiting.empty() && next < selected.size() &&
           running_boxes + boxes_per_test <= max_boxes) {
      int index = selected[next++];
      if (cancelled.count(index)) continue;
      const TestCase& test = package.cases[static_cast<size_t>(index)];
      if (service) {
        active[index].run = std::make_unique<ServiceRun>(context, test, index);
      } else {
        active[index].run = std::make_unique<TestRun>(context, test, index);
      }
      if (auto ok = advance(index); !ok) return tl::unexpected(ok.error());
    }
    report_in_order();
    if (running_boxes == 0 && waiting.empty() && next >= selected.size()) break;
    if (running_boxes == 0) continue;

    auto done = sandbox_.WaitAny();
    if (!done) return tl::unexpected(done.error());
    --running_boxes;
    auto owner = box_owner.find(done->first);
    if (owner == box_owner.end()) continue;
    auto [index, member] = owner->second;
    box_owner.erase(owner);
    Active& entry = active[index];
    if (entry.run->OnBoxFinished(member, done->second)) {
      for (int box : entry.boxes) {
        if (box != done->first && box_owner.count(box)) sandbox_.Kill(box);
      }
    }
    if (--entry.pending > 0) continue;
    if (cancelled.count(index)) {
      active.erase(index);
      finished.insert(index);
      continue;
    }
    if (auto ok = advance(index); !ok) return tl::unexpected(ok.error());
  }
  return outcomes;
}

PackageJudge::PackageJudge(std::unique_ptr<Evaluator> evaluator)
    : evaluator_(std::move(evaluator)) {}

PackageJudge::~PackageJudge() = default;

Result<std::unique_ptr<PackageJudge>> PackageJudge::Create(const JudgeConfig& config) {
  auto evaluator = Evaluator::Create(config);
  if (!evaluator) return tl::unexpected(evaluator.error());
  return std::unique_ptr<PackageJudge>(new PackageJudge(std::move(*evaluator)));
}

Result<Report> PackageJudge::Evaluate(const EvaluateRequest& request, const ProgressFn& progress) {
  // Submissions are read too: a package without a time limit derives it from them.
  auto package = ReadPackage(request.package_dir);
  if (!package) return tl::unexpected(package.error());
  auto program = ReadSubmissionSource(request.source_path, package->dir);
  if (!program) return tl::unexpected(program.error());
  EvaluationOptions options;
  options.language = request.language;
  options.samples_only = request.samples_only;
  options.run_all_tests = request.run_all_tests;
  options.jobs = request.jobs;
  auto evaluation = evaluator_->Evaluate(*package, *program, options, progress);
  if (!evaluation) return tl::unexpected(evaluation.error());
  return std::move(evaluation->report);
}

}  // namespace judge
