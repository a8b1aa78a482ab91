#include "test_run.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "fs_util.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "replay.h"
#include "run_spec.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

constexpr int kKattisAccept = 42;
constexpr int kKattisReject = 43;
constexpr size_t kFeedbackBytes = 300;
// How much of a program's output, its stderr and the expected answer a report shows.
constexpr size_t kShownBytes = 4096;
constexpr int kInteractivePipeBytes = 1 << 20;
// Where a validator finds the input of a later pass of a multi-pass test.
constexpr const char* kPassInputInside = "/judge/input.in";

std::string Trim(std::string text, size_t max_bytes = kFeedbackBytes) {
  while (!text.empty() && isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  size_t start = 0;
  while (start < text.size() && isspace(static_cast<unsigned char>(text[start]))) ++start;
  text = text.substr(start);
  if (text.size() > max_bytes) text = text.substr(0, max_bytes) + "...";
  return text;
}

std::string FirstLine(const std::string& text) {
  std::string trimmed = Trim(text, 4096);
  return Trim(trimmed.substr(0, trimmed.find('\n')));
}

bool ExitedWith(const runner::Outcome& outcome, int code) {
  return (outcome.status == runner::Status::kOk ||
          outcome.status == runner::Status::kRuntimeError) &&
         outcome.signal == 0 && outcome.exit_code == code;
}

std::optional<double> ParseScore(const std::string& text) {
  std::string trimmed = Trim(text, 1024);
  if (trimmed.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(trimmed.c_str(), &end);
  if (*end != '\0' || !std::isfinite(value) || value < 0) return std::nullopt;
  return value;
}

// At most kShownBytes of a file, cut at a UTF-8 character boundary, with how much was left
// out; "" when the file is missing.
std::string ShownText(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string text = ReadBeneath(path.substr(0, slash), path.substr(slash + 1), kShownBytes + 1);
  if (text.size() <= kShownBytes) return text;
  struct stat info {};
  uint64_t size = ::lstat(path.c_str(), &info) == 0 ? info.st_size : text.size();
  size_t cut = kShownBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "... (" + std::to_string(size - cut) + " more bytes)";
}

}  // namespace

std::string SignalName(int signal) {
  const char* name = ::sigabbrev_np(signal);
  return name ? std::string("SIG") + name : std::to_string(signal);
}

std::string DescribeExit(const runner::Outcome& outcome) {
  if (outcome.signal != 0) return "killed by signal " + SignalName(outcome.signal);
  return "exit code " + std::to_string(outcome.exit_code);
}

std::string SecondsText(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", seconds);
  return text;
}

TestRun::TestRun(const RunContext& context, const TestCase& test, int index)
    : context_(context), test_(test), index_(index), outcome_(CaseOutcome::Of(test)) {}

TestRun::~TestRun() { RemoveWorkDir(dir_); }

Result<void> TestRun::Prepare() {
  dir_ = context_.work_dir + "/t" + std::to_string(index_);
  box_dir_ = dir_ + "/box";
  out_dir_ = dir_ + "/out";
  feedback_dir_ = dir_ + "/feedback";
  KOODIKOE_TRY_VOID(MakeBoxDirs({dir_, box_dir_, out_dir_, feedback_dir_}));
  // A program of several files runs where it was built; the test's .files go over them.
  if (context_.submission->multi_file && !SubmittedAnswers()) {
    KOODIKOE_TRY_VOID(CopyTree(context_.submission->dir, box_dir_));
  }
  if (!test_.files_dir.empty()) {
    KOODIKOE_TRY_VOID(CopyTree(test_.files_dir, box_dir_));
  }
  pass_input_ = test_.input_path;
  return {};
}

runner::RunSpec TestRun::SubmissionSpec() const {
  const BuiltProgram& program = *context_.submission;
  const Limits& limits = context_.package->limits;
  runner::RunSpec spec =
      BoxSpec(BoxRole::kSubmission, program.language, limits, context_.time_limit);
  spec.argv = program.RunArgv(limits.memory_mib);
  spec.argv.insert(spec.argv.end(), test_.args.begin(), test_.args.end());
  spec.box_dir = box_dir_;
  spec.binds.push_back({program.dir, kProgramMount, false});
  spec.stdin_stream = runner::FilePath{pass_input_};
  spec.stdout_stream = runner::FilePath{out_dir_ + "/stdout"};
  spec.stderr_stream = runner::FilePath{out_dir_ + "/stderr"};
  return spec;
}

std::vector<std::string> TestRun::ValidatorArgs() const {
  const std::string& package_dir = context_.package->dir;
  auto inside = [&](const std::string& host) {
    if (host.rfind(package_dir + "/", 0) == 0) {
      return std::string("/package/") + host.substr(package_dir.size() + 1);
    }
    return host;  // /dev/null
  };
  // input_file is what the submission read: in later passes of a multi-pass test, the
  // nextpass.in the validator wrote.
  std::string input = pass_ == 1 ? inside(test_.input_path) : kPassInputInside;
  std::vector<std::string> args;
  if (context_.style == ValidatorStyle::kTestlib) {
    args = {input, "/team/stdout", inside(test_.answer_path)};
  } else {
    args = {input, inside(test_.answer_path), "/box/"};
    args.insert(args.end(), test_.output_validator_args.begin(), test_.output_validator_args.end());
  }
  return args;
}

runner::RunSpec TestRun::ValidatorSpec(const BuiltProgram& validator) const {
  const Limits& limits = context_.package->limits;
  runner::RunSpec spec =
      BoxSpec(BoxRole::kValidator, validator.language, limits, context_.time_limit);
  spec.argv = validator.RunArgv(limits.validation_memory_mib);
  std::vector<std::string> args = ValidatorArgs();
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.box_dir = feedback_dir_;
  spec.working_dir = kProgramMount;
  spec.binds.push_back({validator.dir, kProgramMount, false});
  spec.binds.push_back({context_.package->dir, "/package", false});
  if (context_.style == ValidatorStyle::kTestlib) spec.binds.push_back({out_dir_, "/team", false});
  if (pass_ > 1) spec.binds.push_back({pass_input_, kPassInputInside, false});
  spec.stdin_stream = context_.style == ValidatorStyle::kTestlib
                          ? runner::Stream(runner::NullStream{})
                          : runner::Stream(runner::FilePath{out_dir_ + "/stdout"});
  spec.stdout_stream = runner::FilePath{out_dir_ + "/validator.stdout"};
  spec.stderr_stream = runner::FilePath{out_dir_ + "/validator.stderr"};
  return spec;
}

std::optional<Verdict> TestRun::SubmissionFailure(const runner::Outcome& outcome,
                                                  std::string& why) const {
  switch (outcome.status) {
    case runner::Status::kOk:
      if (outcome.cpu_ms > static_cast<int64_t>(context_.time_limit * 1000)) {
        why = "used more than " + SecondsText(context_.time_limit) + " of CPU time";
        return Verdict::kTimeLimit;
      }
      return std::nullopt;
    case runner::Status::kTimeLimit:
      why = outcome.limit == "wall"
                ? "ran longer than " + SecondsText(SubmissionWallSeconds(context_.time_limit)) +
                      " of wall time"
                : "used more than " + SecondsText(context_.time_limit) + " of CPU time";
      // Little CPU in all that time: the program was waiting (for input that never comes, a
      // partner that never answers, or a sleep), not computing.
      if (outcome.limit == "wall" && outcome.cpu_ms * 2 < context_.time_limit * 1000) {
        why = "was waiting, not computing: " + std::to_string(outcome.cpu_ms) + " ms of CPU in " +
              SecondsText(SubmissionWallSeconds(context_.time_limit)) +
              " (does it read input that never comes, or sleep?)";
      }
      return Verdict::kTimeLimit;
    case runner::Status::kMemoryLimit:
      why = "used more than " + std::to_string(context_.package->limits.memory_mib) +
            " MiB of memory";
      return Verdict::kMemoryLimit;
    case runner::Status::kOutputLimit:
      why = "wrote more than " + std::to_string(context_.package->limits.output_mib) +
            " MiB of output";
      return Verdict::kOutputLimit;
    case runner::Status::kSecurityViolation:
      why = "made a forbidden system call";
      return Verdict::kRunTimeError;
    case runner::Status::kRuntimeError: {
      std::string errors = ReadBeneath(out_dir_, "stderr", 1 << 20);
      const std::string& pattern = context_.submission->language.memory_error;
      if (!pattern.empty() && errors.find(pattern) != std::string::npos) {
        why = "ran out of memory (" + pattern + ")";
        return Verdict::kMemoryLimit;
      }
      why = DescribeExit(outcome);
      std::string last_line = Trim(errors, 4096);
      last_line = last_line.substr(
          last_line.rfind('\n') == std::string::npos ? 0 : last_line.rfind('\n') + 1);
      if (!last_line.empty()) why += ": " + Trim(last_line, 200);
      return Verdict::kRunTimeError;
    }
    case runner::Status::kInternalError:
      why = "the sandbox failed: " + outcome.message;
      return Verdict::kJudgingError;
  }
  return Verdict::kJudgingError;
}

bool TestRun::SubmittedAnswers() const {
  return context_.submission->language.id == kAnswersLanguage;
}

void TestRun::TakeSubmittedAnswer() {
  // The answer file is named like the test case ("secret/1.out"), or by its last part where no
  // other test case shares it ("1.out").
  std::string base = test_.name.substr(test_.name.rfind('/') + 1);
  int sharing = 0;
  for (const TestCase& other : context_.package->cases) {
    sharing += other.name.substr(other.name.rfind('/') + 1) == base ? 1 : 0;
  }
  std::vector<std::string> names;
  for (const char* extension : {".out", ".ans", ".txt"}) names.push_back(test_.name + extension);
  if (sharing == 1) {
    for (const char* extension : {".out", ".ans", ".txt"}) names.push_back(base + extension);
  }
  const std::string& dir = context_.submission->dir;
  const uint64_t limit = context_.package->limits.output_mib << 20;
  runner::Outcome answered;
  answered.status = runner::Status::kOk;
  std::string answer;
  for (const std::string& name : names) {
    if (!PathExists(dir + "/" + name)) continue;
    answer = ReadBeneath(dir, name, limit + 1);
    break;
  }
  if (answer.size() > limit) answered.status = runner::Status::kOutputLimit;
  // A missing answer is an empty output.
  if (auto ok = koodikoe::WriteFile(out_dir_ + "/stdout", answer); !ok) {
    answered.status = runner::Status::kInternalError;
    answered.message = ok.error().Describe();
  }
  submission_outcome_ = answered;
}

void TestRun::ShowOutputs() {
  // Only what the candidate may see: samples and groups that give full feedback. Interactive
  // programs write to their validator, not to a file.
  if (!test_.is_sample && !test_.full_feedback) return;
  if (context_.package->interactive || out_dir_.empty()) return;
  if (!PathExists(out_dir_ + "/stdout")) return;
  TestResult& result = outcome_.result;
  result.output = ShownText(out_dir_ + "/stdout");
  result.error_output = ShownText(out_dir_ + "/stderr");
  if (test_.answer_path != "/dev/null") result.expected = ShownText(test_.answer_path);
}

void TestRun::Finish(Verdict verdict, std::string feedback) {
  outcome_.result.verdict = verdict;
  outcome_.result.feedback = Trim(std::move(feedback));
  ShowOutputs();
  outcome_.ran = true;
  if (verdict != Verdict::kAccepted) {
    outcome_.score_file.reset();
    outcome_.score_multiplier.reset();
  }
  finished_ = true;
  stage_ = Stage::kDone;
}

void TestRun::RunDefaultValidator() {
  auto options = ParseDefaultValidatorFlags(test_.output_validator_args);
  if (!options) {
    Finish(Verdict::kJudgingError, "package error: " + options.error().Describe());
    return;
  }
  std::string answer = test_.answer_path;
  auto verdict = CompareFiles(answer, out_dir_ + "/stdout", *options);
  if (!verdict) {
    Finish(Verdict::kJudgingError, verdict.error().Describe());
    return;
  }
  outcome_.judge_message = verdict->message;
  outcome_.result.feedback_code = std::move(verdict->code);
  Finish(verdict->accepted ? Verdict::kAccepted : Verdict::kWrongAnswer, verdict->message);
}

bool TestRun::NextPass() {
  std::string next = ReadBeneath(feedback_dir_, "nextpass.in", 256u << 20);
  bool exists = PathExists(feedback_dir_ + "/nextpass.in");
  if (!exists || !context_.package->multi_pass) return false;
  if (pass_ >= context_.package->limits.validation_passes) {
    Finish(Verdict::kJudgingError, "the validator asked for pass " + std::to_string(pass_ + 1) +
                                       " but the limit is " +
                                       std::to_string(context_.package->limits.validation_passes) +
                                       " (limits.validation_passes)");
    return true;
  }
  ++pass_;
  pass_input_ = dir_ + "/pass" + std::to_string(pass_) + ".in";
  if (auto ok = koodikoe::WriteFile(pass_input_, next); !ok) {
    Finish(Verdict::kJudgingError, ok.error().Describe());
    return true;
  }
  koodikoe::UniqueFd feedback(::open(feedback_dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (feedback.ok()) ::unlinkat(feedback.fd(), "nextpass.in", 0);
  // The next pass may run as another box user: it must be able to append to the feedback.
  OpenUpTree(feedback_dir_, /*writable=*/true);
  stage_ = Stage::kStart;
  return true;
}

void TestRun::AfterValidator(const runner::Outcome& outcome) {
  std::string errors = ReadBeneath(out_dir_, "validator.stderr", 64 << 10);
  std::string judge_message = ReadBeneath(feedback_dir_, "judgemessage.txt", 64 << 10);
  std::string team_message = ReadBeneath(feedback_dir_, "teammessage.txt", 64 << 10);
  outcome_.judge_message += judge_message.empty() ? FirstLine(errors) : judge_message;
  std::string feedback = !team_message.empty() ? team_message : judge_message;

  if (context_.style == ValidatorStyle::kTestlib) {
    // testlib: 0 ok, 1 wrong answer, 2 presentation error, 3 checker failure, 7 points.
    std::string message = FirstLine(errors);
    outcome_.judge_message = message;
    if (ExitedWith(outcome, 0)) return Finish(Verdict::kAccepted, message);
    if (ExitedWith(outcome, 1) || ExitedWith(outcome, 2)) {
      return Finish(Verdict::kWrongAnswer, message);
    }
    if (ExitedWith(outcome, 7)) {
      size_t at = message.find("points");
      double points = at == std::string::npos ? 0 : std::strtod(message.c_str() + at + 6, nullptr);
      outcome_.score_file = points;
      return Finish(Verdict::kAccepted, message);
    }
    return Finish(Verdict::kJudgingError,
                  "checker failed (" + DescribeExit(outcome) + "): " + message);
  }

  bool multi_pass_file = PathExists(feedback_dir_ + "/nextpass.in");
  if (ExitedWith(outcome, kKattisAccept)) {
    std::string score = ReadBeneath(feedback_dir_, "score.txt", 4096);
    std::string multiplier = ReadBeneath(feedback_dir_, "score_multiplier.txt", 4096);
    if (ScoredBySimulator(context_.package->kind)) {
      // An iot or game simulator scores the run from 0 to 1: the share of the test's points.
      if (score.empty()) {
        return Finish(Verdict::kJudgingError, "the simulator accepted but wrote no score.txt");
      }
      multiplier = score;
      score.clear();
    }
    if (!score.empty()) {
      outcome_.score_file = ParseScore(score);
      if (!outcome_.score_file) {
        return Finish(Verdict::kJudgingError, "the validator wrote an invalid score.txt");
      }
    }
    if (!multiplier.empty()) {
      outcome_.score_multiplier = ParseScore(multiplier);
      if (!outcome_.score_multiplier || *outcome_.score_multiplier > 1) {
        return Finish(Verdict::kJudgingError,
                      "the validator wrote an invalid score_multiplier.txt");
      }
    }
    if (NextPass()) return;
    if (validator_index_ + 1 < context_.validators.size() && !context_.package->multi_pass) {
      ++validator_index_;  // legacy packages may have several validators; all must accept
      return;
    }
    return Finish(Verdict::kAccepted, feedback);
  }
  if (multi_pass_file && context_.package->multi_pass) {
    return Finish(Verdict::kJudgingError,
                  "the validator wrote nextpass.in but exited with " + DescribeExit(outcome));
  }
  if (ExitedWith(outcome, kKattisReject)) {
    return Finish(Verdict::kWrongAnswer, feedback.empty() ? "wrong answer" : feedback);
  }
  std::string why =
      outcome.status == runner::Status::kTimeLimit ? "ran out of time" : DescribeExit(outcome);
  Finish(Verdict::kJudgingError, "the output validator failed (" + why +
                                     ", expected exit 42 or 43)" +
                                     (errors.empty() ? "" : ": " + FirstLine(errors)));
}

bool ValidatorEndedFirst(const runner::Outcome& validator, const runner::Outcome& submission,
                         bool reaped_validator_first) {
  // Killed by SIGPIPE: it wrote to the validator after the validator had closed its end. This
  // is proof whatever the clocks say (under load an ending program can be preempted after
  // closing its pipes, so the other side may be seen to end first).
  if (submission.signal == SIGPIPE) return true;
  // Both ended on their own: the moments their programs ended. Neither program sees end of
  // file before the judge has reaped the other's box (TestRun::Started), and a box's init
  // takes its program's end time before that, so an end caused by the other's end is always
  // the later one; ends that are not are ordered by when they happened.
  if (submission.program_ended_ns && validator.program_ended_ns) {
    return validator.program_ended_ns <= submission.program_ended_ns;
  }
  // No end time: the box was killed before its program ended. At its time limit (kept as the
  // status even when the judge's stop came too): the limit is taken to have run out first,
  // since the runner notices a CPU limit only some milliseconds after it ran out. Stopped by
  // the judge after the validator's rejection: the validator's box was reaped first.
  if (submission.status == runner::Status::kTimeLimit) return false;
  return reaped_validator_first;
}

InteractiveDecider DecideInteraction(const runner::Outcome& validator, bool validator_first,
                                     bool submission_failed) {
  const bool validator_judged =
      ExitedWith(validator, kKattisAccept) || ExitedWith(validator, kKattisReject);
  // A validator that crashed or ran out of time decides: the result is a judging error.
  if (!validator_judged) return InteractiveDecider::kValidator;
  // A rejection before the submission ended: what the submission did next is a consequence.
  if (validator_first && ExitedWith(validator, kKattisReject)) {
    return InteractiveDecider::kValidator;
  }
  return submission_failed ? InteractiveDecider::kSubmission : InteractiveDecider::kValidator;
}

void TestRun::AfterInteraction() {
  const runner::Outcome& validator = *validator_outcome_;
  runner::Outcome submission = *submission_outcome_;
  outcome_.result.cpu_ms = std::max(outcome_.result.cpu_ms, submission.cpu_ms);
  outcome_.result.wall_ms = std::max(outcome_.result.wall_ms, submission.wall_ms);
  outcome_.result.memory_kib = std::max(outcome_.result.memory_kib, submission.memory_kib);
  if (context_.package->kind == ExerciseKind::kGame) {
    // Whatever the verdict, a simulator that ended on its own had the chance to write the replay.
    bool ended = ExitedWith(validator, kKattisAccept) || ExitedWith(validator, kKattisReject);
    if (auto refused = CollectReplay(test_, feedback_dir_, ended, outcome_.result)) {
      return Finish(Verdict::kJudgingError, *refused);
    }
  }
  bool validator_first = ValidatorEndedFirst(validator, submission, validator_finished_first_);
  if (submission.signal == SIGPIPE) {
    // It wrote to the validator after the validator had ended: the validator decides.
    submission.status = runner::Status::kOk;
    submission.signal = 0;
  }
  std::string why;
  std::optional<Verdict> failure = SubmissionFailure(submission, why);
  if (DecideInteraction(validator, validator_first, failure.has_value()) ==
      InteractiveDecider::kSubmission) {
    return Finish(*failure, why);
  }
  AfterValidator(validator);
}

Result<std::vector<runner::RunSpec>> TestRun::NextStep() {
  while (true) {
    switch (stage_) {
      case Stage::kDone:
        return std::vector<runner::RunSpec>{};
      case Stage::kStart: {
        if (dir_.empty()) {
          if (auto ok = Prepare(); !ok) {
            Finish(Verdict::kJudgingError, ok.error().Describe());
            continue;
          }
        }
        submission_outcome_.reset();
        validator_outcome_.reset();
        validator_finished_first_ = false;
        killed_submission_ = false;
        if (context_.package->interactive) return StartInteraction();
        stage_ = Stage::kSubmission;
        if (SubmittedAnswers()) {
          TakeSubmittedAnswer();
          continue;
        }
        return std::vector<runner::RunSpec>{SubmissionSpec()};
      }
      case Stage::kSubmission: {
        const runner::Outcome& run = *submission_outcome_;
        outcome_.result.cpu_ms = std::max(outcome_.result.cpu_ms, run.cpu_ms);
        outcome_.result.wall_ms = std::max(outcome_.result.wall_ms, run.wall_ms);
        outcome_.result.memory_kib = std::max(outcome_.result.memory_kib, run.memory_kib);
        std::string why;
        if (auto failure = SubmissionFailure(run, why)) {
          Finish(*failure, why);
          continue;
        }
        if (context_.style == ValidatorStyle::kDefault) {
          RunDefaultValidator();
          continue;
        }
        stage_ = Stage::kValidator;
        validator_index_ = 0;
        return std::vector<runner::RunSpec>{ValidatorSpec(*context_.validators[0])};
      }
      case Stage::kValidator: {
        size_t before = validator_index_;
        AfterValidator(*validator_outcome_);
        if (stage_ == Stage::kValidator && validator_index_ != before) {
          return std::vector<runner::RunSpec>{
              ValidatorSpec(*context_.validators[validator_index_])};
        }
        continue;
      }
      case Stage::kInteractive:
        submission_input_read_.Reset();
        AfterInteraction();
        continue;
    }
  }
}

Result<std::vector<runner::RunSpec>> TestRun::StartInteraction() {
  // Validator stdout -> submission stdin, submission stdout -> validator stdin.
  int to_submission[2], to_validator[2];
  if (::pipe2(to_submission, O_CLOEXEC) != 0) return koodikoe::FailErrno("pipe");
  submission_input_read_ = koodikoe::UniqueFd(to_submission[0]);
  submission_input_write_ = koodikoe::UniqueFd(to_submission[1]);
  if (::pipe2(to_validator, O_CLOEXEC) != 0) return koodikoe::FailErrno("pipe");
  validator_input_read_ = koodikoe::UniqueFd(to_validator[0]);
  validator_input_write_ = koodikoe::UniqueFd(to_validator[1]);
  // Room for what a validator still writes after the submission ended (best effort).
  ::fcntl(to_submission[0], F_SETPIPE_SZ, kInteractivePipeBytes);
  runner::RunSpec validator = ValidatorSpec(*context_.validators[0]);
  validator.stdin_stream = runner::Descriptor{to_validator[0]};
  validator.stdout_stream = runner::Descriptor{to_submission[1]};
  runner::RunSpec submission = SubmissionSpec();
  submission.stdin_stream = runner::Descriptor{to_submission[0]};
  submission.stdout_stream = runner::Descriptor{to_validator[1]};
  stage_ = Stage::kInteractive;
  return std::vector<runner::RunSpec>{std::move(validator), std::move(submission)};
}

// The judge's copies of the pipe ends are held as problemtools' interactive runner holds
// them. The read end of the validator's input goes now: a submission that writes after the
// validator ended dies of SIGPIPE (and the validator decides). Both write ends stay until the
// box that writes to them has been reaped (OnBoxFinished), so neither program sees end of file
// before the judge knows the other ended: the order of their ends is never a race. The read
// end of the submission's input stays until the test is decided, so a validator that writes
// after the submission ended is never killed by SIGPIPE.
void TestRun::Started() { validator_input_read_.Reset(); }

bool TestRun::OnBoxFinished(int member, const runner::Outcome& outcome) {
  if (stage_ == Stage::kInteractive) {
    bool first = !submission_outcome_ && !validator_outcome_;
    if (member == 0) {
      submission_input_write_.Reset();  // the submission may see end of file from here on
      validator_outcome_ = outcome;
      validator_finished_first_ = first;
      killed_submission_ = first && ExitedWith(outcome, kKattisReject);
      return killed_submission_;
    }
    validator_input_write_.Reset();  // the validator may see end of file from here on
    submission_outcome_ = outcome;
    return false;
  }
  if (stage_ == Stage::kSubmission) {
    submission_outcome_ = outcome;
  } else {
    validator_outcome_ = outcome;
  }
  return false;
}

CaseOutcome TestRun::TakeOutcome() { return std::move(outcome_); }

}  // namespace judge
