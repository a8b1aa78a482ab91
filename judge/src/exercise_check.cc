#include "exercise_check.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "fs_util.h"
#include "koodikoe/files.h"
#include "run_spec.h"
#include "time_limit.h"

namespace judge {

namespace {

constexpr int kInputValid = 42;

// Columns of the submissions table.
constexpr size_t kSubmissionWidth = 44, kLanguageWidth = 10, kExpectedWidth = 30, kGotWidth = 22,
                 kScoreWidth = 14, kTimeWidth = 8;

// A left-aligned cell, always followed by at least one space however long its text.
std::string Cell(const std::string& text, size_t width) {
  return text + std::string(text.size() < width ? width - text.size() : 1, ' ');
}

std::string Format(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

std::string ExpectedText(const Expectation& expected) {
  if (!expected.known) return "?";
  std::string text;
  for (Verdict verdict : expected.verdicts) {
    // Out of memory is a run-time error in Kattis' formats: said once, with the folder's word.
    if (verdict == Verdict::kMemoryLimit && !text.empty()) continue;
    text += (text.empty() ? "" : "|") + std::string(VerdictWord(verdict));
  }
  if (expected.rejected) text = "not accepted";
  if (expected.partial) text = "partial score";
  if (expected.score_low) {
    std::string range = expected.score_low == expected.score_high
                            ? Format(*expected.score_low)
                            : Format(*expected.score_low) + ".." + Format(*expected.score_high);
    text += (text.empty() ? "score " : ", score ") + range;
  }
  auto classes = [](const std::vector<CaseClass>& list) {
    std::string codes;
    for (CaseClass code : list)
      codes += (codes.empty() ? "" : ",") + std::string(CaseClassCode(code));
    return codes;
  };
  if (text.empty() && !expected.permitted.empty()) text = "tests " + classes(expected.permitted);
  if (!expected.required.empty()) {
    text += (text.empty() ? "" : ", ") + std::string("some ") + classes(expected.required);
  }
  if (text.empty()) text = "see submissions.yaml";
  return text;
}

// Runs every input validator over every input.
void CheckInputs(Evaluator& evaluator, const Package& package, std::ostream& out,
                 CheckTotals& totals) {
  if (package.input_validators.empty()) {
    out << "input validators: none (the format asks for at least one)\n";
    return;
  }
  for (const ProgramSource& source : package.input_validators) {
    if (source.name.size() > 4 &&
        (source.name.ends_with(".ctd") || source.name.ends_with(".viva"))) {
      out << "input validator " << source.name
          << ": skipped (checktestdata and VIVA are not supported)\n";
      continue;
    }
    auto language = evaluator.builder().Detect(source, "");
    if (!language) {
      out << "input validator " << source.name << ": ERROR " << language.error().Describe() << "\n";
      ++totals.errors;
      continue;
    }
    auto built =
        evaluator.builder().Build(source, **language, {}, package.limits, package.constants);
    if (!built || !built->ok) {
      out << "input validator " << source.name
          << ": ERROR does not build: " << (built ? built->output : built.error().Describe())
          << "\n";
      ++totals.errors;
      continue;
    }
    auto work = MakeTempDir(evaluator.work_dir(), "inputs-");
    if (!work) {
      out << "input validator " << source.name << ": ERROR " << work.error().Describe() << "\n";
      ++totals.errors;
      continue;
    }
    int valid = 0;
    std::vector<std::string> failures;
    for (const TestCase& test : package.cases) {
      runner::RunSpec spec = BoxSpec(BoxRole::kInputValidator, built->language, package.limits);
      spec.argv = built->RunArgv(package.limits.validation_memory_mib);
      auto named = test.input_validator_args_by_name.find(source.name);
      const auto& args = named != test.input_validator_args_by_name.end()
                             ? named->second
                             : test.input_validator_args;
      spec.argv.insert(spec.argv.end(), args.begin(), args.end());
      spec.argv.insert(spec.argv.end(), test.args.begin(), test.args.end());
      spec.working_dir = kProgramMount;
      spec.binds.push_back({built->dir, kProgramMount, false});
      spec.stdin_stream = runner::FilePath{test.input_path};
      spec.stdout_stream = runner::Capture{};
      spec.stderr_stream = runner::Capture{};
      auto outcome = evaluator.sandbox().Run(spec);
      if (!outcome) {
        failures.push_back(test.name + ": " + outcome.error().Describe());
        continue;
      }
      if (outcome->signal == 0 && outcome->exit_code == kInputValid &&
          (outcome->status == runner::Status::kOk ||
           outcome->status == runner::Status::kRuntimeError)) {
        ++valid;
      } else {
        std::string message =
            outcome->stderr_data.empty() ? outcome->stdout_data : outcome->stderr_data;
        message = message.substr(0, message.find('\n'));
        failures.push_back(test.name + ": rejected (" + runner::StatusWord(outcome->status) +
                           ", exit " + std::to_string(outcome->exit_code) + ")" +
                           (message.empty() ? "" : ": " + message));
      }
    }
    (void)koodikoe::RemoveTree(*work);
    out << "input validator " << source.name << ": " << valid << "/" << package.cases.size()
        << " inputs valid\n";
    for (const std::string& failure : failures) out << "  INVALID " << failure << "\n";
    if (!failures.empty()) ++totals.errors;
  }
}

}  // namespace

bool MeetsExpectation(const Expectation& expected, const Evaluation& evaluation, std::string& why) {
  const Report& report = evaluation.report;
  if (!expected.verdicts.empty() && std::find(expected.verdicts.begin(), expected.verdicts.end(),
                                              report.verdict) == expected.verdicts.end()) {
    why = std::string("got ") + VerdictWord(report.verdict);
    return false;
  }
  if (expected.rejected && report.verdict == Verdict::kAccepted) {
    why = "was accepted";
    return false;
  }
  if (expected.partial && !(report.score > 0 && report.score < report.max_score)) {
    why =
        "score " + Format(report.score) + " is not a partial score of " + Format(report.max_score);
    return false;
  }
  if (expected.score_low &&
      (report.score < *expected.score_low - 1e-6 ||
       report.score > expected.score_high.value_or(*expected.score_low) + 1e-6)) {
    why = "score " + Format(report.score) + " outside the expected range";
    return false;
  }
  std::set<CaseClass> classes;
  for (const TestResult& test : report.tests) classes.insert(CaseClassOf(test.verdict));
  for (CaseClass got : classes) {
    if (!expected.permitted.empty() &&
        std::find(expected.permitted.begin(), expected.permitted.end(), got) ==
            expected.permitted.end()) {
      why = std::string("a test got ") + CaseClassCode(got) + ", which is not permitted";
      return false;
    }
  }
  if (!expected.required.empty()) {
    bool found = false;
    for (CaseClass code : expected.required) found = found || classes.count(code);
    if (!found) {
      why = "no test got any of the required verdicts";
      return false;
    }
  }
  if (!expected.message.empty()) {
    bool found = false;
    for (const CaseOutcome& outcome : evaluation.outcomes) {
      found = found || outcome.judge_message.find(expected.message) != std::string::npos;
    }
    if (!found) {
      why = "no judge message contains '" + expected.message + "'";
      return false;
    }
  }
  return true;
}

namespace {

void PrintHeader(const Package& package, std::ostream& out) {
  int samples = 0;
  for (const TestCase& test : package.cases) samples += test.is_sample ? 1 : 0;
  out << "== " << package.id << ": " << package.DisplayName() << " ("
      << FormatVersionName(package.version) << ", " << (package.scoring ? "scoring" : "pass-fail")
      << (package.interactive ? ", interactive" : "") << (package.multi_pass ? ", multi-pass" : "")
      << ")\n";
  out << "structure: ok, " << samples << " sample and " << package.cases.size() - samples
      << " secret tests, " << package.submissions.size() << " submissions\n";
  for (const std::string& warning : package.warnings) out << "  warning: " << warning << "\n";
  bool has_accepted = false;
  for (const SubmissionEntry& submission : package.submissions) {
    has_accepted = has_accepted || submission.expected.ExpectsAccepted();
  }
  if (!has_accepted) out << "  warning: no submissions/accepted/ solution\n";
}

// Builds the output validators; false (an error counted) when they do not build.
bool CheckOutputValidators(Evaluator& evaluator, const Package& package, std::ostream& out,
                           CheckTotals& totals) {
  if (!package.custom_output_validation) return true;
  std::string error;
  auto validators = evaluator.Validators(package, error);
  if (!validators || !error.empty()) {
    out << "output validator: ERROR " << (validators ? error : validators.error().Describe())
        << "\n";
    ++totals.errors;
    return false;
  }
  out << "output validator: " << (*validators)->size() << " built ("
      << (evaluator.StyleOf(package) == ValidatorStyle::kTestlib ? "testlib" : "kattis")
      << " style)\n";
  return true;
}

// The package's time limit, inferred if it gives none; nullopt (an error counted) if that fails.
std::optional<double> CheckTimeLimit(Evaluator& evaluator, const Package& package,
                                     std::ostream& out, CheckTotals& totals) {
  if (package.limits.time_limit) {
    out << "time limit: " << Format(*package.limits.time_limit) << " s (from "
        << package.limits.time_limit_source << ")\n";
    return *package.limits.time_limit;
  }
  auto derived = DeriveTimeLimit(evaluator, package, {});
  if (!derived) {
    out << "time limit: ERROR " << derived.error().Describe() << "\n";
    ++totals.errors;
    return std::nullopt;
  }
  out << "time limit: " << Format(derived->time_limit) << " s, derived: " << derived->explanation
      << "\n";
  for (const std::string& warning : derived->warnings) out << "  warning: " << warning << "\n";
  return derived->time_limit;
}

// Why a submission is not judged here ("" if it is).
std::string SkipReason(const Package& package, const SubmissionEntry& submission,
                       const Language& language) {
  if (!language.installed) return language.id + " is not installed";
  if (!submission.expected.known) return "no rule for folder " + submission.expected.folder;
  if (&language != &AnswersLanguage() && !package.languages.empty() &&
      std::find(package.languages.begin(), package.languages.end(), language.id) ==
          package.languages.end()) {
    return "the package does not allow " + language.id;
  }
  return "";
}

void PrintResult(const Evaluation& evaluation, bool ok, const std::string& why,
                 const CheckOptions& options, std::ostream& out) {
  const Report& report = evaluation.report;
  int64_t slowest = 0;
  for (const TestResult& test : report.tests) slowest = std::max(slowest, test.cpu_ms);
  char time_text[16];
  std::snprintf(time_text, sizeof time_text, "%.2fs", slowest / 1000.0);
  out << Cell(VerdictWord(report.verdict), kGotWidth)
      << Cell(Format(report.score) + "/" + Format(report.max_score), kScoreWidth)
      << Cell(time_text, kTimeWidth) << (ok ? "ok" : "MISMATCH: " + why) << "\n";
  if (ok && !options.verbose) return;
  if (!report.message.empty()) out << "    " << report.message << "\n";
  if (report.verdict == Verdict::kCompileError) {
    out << "    " << report.compile_output.substr(0, 300) << "\n";
  }
  for (const TestResult& test : report.tests) {
    if (test.verdict == Verdict::kAccepted && !options.verbose) continue;
    out << "    " << test.name << ": " << VerdictWord(test.verdict) << " " << test.feedback << "\n";
  }
}

// Each file of starter/ is judged on the samples, as a candidate's first "run on the examples"
// would be: it must build (a grader's, with the harness that has main); what it answers does
// not matter. One error counted per starter that does not.
void CheckStarters(Evaluator& evaluator, const Package& package, double time_limit,
                   const CheckOptions& options, std::ostream& out, CheckTotals& totals) {
  if (package.kind == ExerciseKind::kGrader && package.starters.empty()) {
    out << "  warning: no starter/: the editor starts from its own template, whose main "
           "would clash with the harness's; add starter/ files with the functions to write\n";
  }
  std::set<std::string> seen;
  for (const auto& [name, path] : package.starters) {
    out << "starter " << name << ": " << std::flush;
    ProgramSource program;
    program.name = name;
    program.path = path;
    program.files = {name};
    program.from_package = true;
    auto language = evaluator.builder().Detect(program, "");
    if (!language) {
      out << "ERROR " << language.error().Describe() << "\n";
      ++totals.errors;
      continue;
    }
    const std::string& id = (*language)->id;
    if (!seen.insert(id).second) {
      out << "warning: a second " << id << " starter; the editor uses the first by name\n";
      continue;
    }
    if (!package.languages.empty() && std::find(package.languages.begin(), package.languages.end(),
                                                id) == package.languages.end()) {
      out << "ERROR it is " << id << ", which the exercise does not allow\n";
      ++totals.errors;
      continue;
    }
    if (!(*language)->installed) {
      out << "skipped: " << id << " is not installed\n";
      continue;
    }
    EvaluationOptions evaluation_options;
    evaluation_options.language = id;
    evaluation_options.jobs = options.jobs;
    evaluation_options.time_limit = time_limit;
    evaluation_options.samples_only = true;
    auto evaluation = evaluator.Evaluate(package, program, evaluation_options, nullptr);
    if (!evaluation) {
      out << "ERROR " << evaluation.error().Describe() << "\n";
      ++totals.errors;
      continue;
    }
    const Report& report = evaluation->report;
    if (report.verdict == Verdict::kCompileError) {
      std::string message = report.compile_output.substr(0, 600);
      for (size_t at = 0; (at = message.find('\n', at)) != std::string::npos; at += 5) {
        message.insert(at + 1, "    ");
      }
      out << "ERROR " << id << ", does not build:\n    " << message << "\n";
      ++totals.errors;
      continue;
    }
    out << id << ", builds; " << VerdictWord(report.verdict) << " on the samples\n";
  }
}

enum class RowResult { kMatched, kMismatched, kSkipped };

// One row of the submissions table: judges the submission and compares with its expectation.
RowResult CheckSubmission(Evaluator& evaluator, const Package& package,
                          const SubmissionEntry& submission, double time_limit,
                          const CheckOptions& options, std::ostream& out) {
  const Expectation& expected = submission.expected;
  out << Cell(submission.relative, kSubmissionWidth);
  auto language =
      evaluator.builder().Detect(submission.program, submission.language, package.submit_answer);
  if (!language) {
    out << Cell("?", kLanguageWidth) << "skipped: " << language.error().Describe() << "\n";
    return RowResult::kSkipped;
  }
  out << Cell((*language)->id, kLanguageWidth) << Cell(ExpectedText(expected), kExpectedWidth);
  if (std::string why = SkipReason(package, submission, **language); !why.empty()) {
    out << "skipped: " << why << "\n";
    return RowResult::kSkipped;
  }
  EvaluationOptions evaluation_options;
  evaluation_options.language = (*language)->id;
  evaluation_options.jobs = options.jobs;
  evaluation_options.time_limit = time_limit;
  evaluation_options.run_all_tests =
      !expected.permitted.empty() || !expected.required.empty() || !expected.message.empty();
  auto evaluation = evaluator.Evaluate(package, submission.program, evaluation_options, nullptr);
  if (!evaluation) {
    out << "ERROR " << evaluation.error().Describe() << "\n";
    return RowResult::kMismatched;
  }
  std::string why;
  bool ok = MeetsExpectation(expected, *evaluation, why);
  PrintResult(*evaluation, ok, why, options, out);
  return ok ? RowResult::kMatched : RowResult::kMismatched;
}

}  // namespace

void CheckPackage(Evaluator& evaluator, const std::string& package_dir, const CheckOptions& options,
                  std::ostream& out, CheckTotals& totals) {
  auto package = ReadPackage(package_dir);
  if (!package) {
    out << "== " << package_dir << "\nERROR " << package.error().Describe() << "\n\n";
    ++totals.errors;
    return;
  }
  PrintHeader(*package, out);
  if (!CheckOutputValidators(evaluator, *package, out, totals)) return;
  CheckInputs(evaluator, *package, out, totals);
  out << std::flush;
  std::optional<double> time_limit = CheckTimeLimit(evaluator, *package, out, totals);
  if (!time_limit) return;
  CheckStarters(evaluator, *package, *time_limit, options, out, totals);

  out << Cell("SUBMISSION", kSubmissionWidth) << Cell("LANGUAGE", kLanguageWidth)
      << Cell("EXPECTED", kExpectedWidth) << Cell("GOT", kGotWidth) << Cell("SCORE", kScoreWidth)
      << Cell("TIME", kTimeWidth) << "RESULT\n";
  int matched = 0, mismatched = 0, skipped = 0;
  for (const SubmissionEntry& submission : package->submissions) {
    // Each finished row reaches a reader at once (the server shows the check's progress).
    out << std::flush;
    switch (CheckSubmission(evaluator, *package, submission, *time_limit, options, out)) {
      case RowResult::kMatched:
        ++matched;
        break;
      case RowResult::kMismatched:
        ++mismatched;
        break;
      case RowResult::kSkipped:
        ++skipped;
        break;
    }
  }
  out << package->id << ": " << matched << " match, " << mismatched << " mismatch, " << skipped
      << " skipped\n\n";
  totals.matched += matched;
  totals.mismatched += mismatched;
  totals.skipped += skipped;
}

}  // namespace judge
