// One test case of one submission as a small state machine over sandbox boxes: the
// submission, then its validator; both at once, joined by pipes, for interactive problems;
// and again per pass for multi-pass problems. The scheduler (package_judge.cc) starts the
// boxes each step asks for and reports them back as they finish.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "build.h"
#include "judge/default_validator.h"
#include "judge/judge.h"
#include "judge/package.h"
#include "koodikoe/unique_fd.h"
#include "runner/sandbox.h"

namespace judge {

// What every test of one evaluation shares.
struct RunContext {
  const Package* package = nullptr;
  const BuiltProgram* submission = nullptr;
  std::vector<const BuiltProgram*> validators;  // custom output validators, compiled
  ValidatorStyle style = ValidatorStyle::kDefault;
  double time_limit = 1;
  std::string work_dir;         // host directory for this evaluation's per-test directories
  std::string scenario_client;  // host path of koodikoe-scenario-client (`service` kind)
};

// A test's result with what scoring and package checks need beyond the contract's fields.
struct CaseOutcome {
  TestResult result;
  bool ran = false;
  std::optional<double> score_file;        // score.txt (or testlib points)
  std::optional<double> score_multiplier;  // score_multiplier.txt
  std::string judge_message;               // judgemessage.txt / checker message, untrimmed

  // The outcome of `test` before anything ran: named, judging_error.
  static CaseOutcome Of(const TestCase& test) {
    CaseOutcome outcome;
    outcome.result.name = test.name;
    outcome.result.group = test.group;
    // A sample, or a secret test whose group gives full feedback: what it saw and printed
    // may be shown to the candidate.
    outcome.result.full_feedback = test.is_sample || test.full_feedback;
    outcome.result.sample = test.is_sample;
    return outcome;
  }
};

// "exit code 3", "killed by signal SIGSEGV".
std::string DescribeExit(const runner::Outcome& outcome);
// "SIGSEGV" (the number where the signal has no name).
std::string SignalName(int signal);
// "1.5 s".
std::string SecondsText(double seconds);

// What the scheduler drives: one test as a sequence of steps, each a set of boxes started
// together.
class CaseRun {
 public:
  virtual ~CaseRun() = default;
  // The boxes to start now, all together. Empty when the test is finished.
  virtual Result<std::vector<runner::RunSpec>> NextStep() = 0;
  // After the boxes of a step were started (e.g. drops the judge's copies of pipe ends).
  virtual void Started() = 0;
  // A box of the current step finished (called in the order they finish). Returns true when
  // the step's other boxes should be killed.
  virtual bool OnBoxFinished(int member, const runner::Outcome& outcome) = 0;
  // The member of the current step whose network namespace `member` joins; -1 = its own.
  // A joined box is started after the box it joins.
  virtual int NetworkHost(size_t /*member*/) const { return -1; }
  virtual bool finished() const = 0;
  virtual CaseOutcome TakeOutcome() = 0;
};

// Interactive tests: whether the validator was done before the submission ended. Its wrong
// answer then decides, and the submission's crash or timeout is only a consequence of the
// hang-up. Decided by proof (a submission killed by SIGPIPE), else by when the two programs
// ended (runner::Outcome::program_ended_ns); a submission stopped by its time limit has no end
// time and counts as ended first; else `reaped_validator_first`, the order the boxes were
// reaped in. Sound only because the judge holds the pipe ends until each box is reaped
// (TestRun::Started): an end caused by the other's end is always the later one.
bool ValidatorEndedFirst(const runner::Outcome& validator, const runner::Outcome& submission,
                         bool reaped_validator_first);

// Which side of an interactive test decides its verdict, in the precedence of problemtools'
// interactive runner: a validator that failed (a judging error); a validator that rejected
// before the submission ended; the submission's own failure (time, memory, a crash; a
// submission killed by SIGPIPE has not failed); else the validator.
enum class InteractiveDecider { kValidator, kSubmission };
InteractiveDecider DecideInteraction(const runner::Outcome& validator, bool validator_first,
                                     bool submission_failed);

// Batch, interactive (iot too: its simulator is an interactive validator) and multi-pass
// tests.
class TestRun : public CaseRun {
 public:
  TestRun(const RunContext& context, const TestCase& test, int index);
  ~TestRun() override;
  TestRun(const TestRun&) = delete;
  TestRun& operator=(const TestRun&) = delete;

  Result<std::vector<runner::RunSpec>> NextStep() override;
  void Started() override;
  bool OnBoxFinished(int member, const runner::Outcome& outcome) override;
  bool finished() const override { return finished_; }
  CaseOutcome TakeOutcome() override;

 private:
  enum class Stage { kStart, kSubmission, kValidator, kInteractive, kDone };

  Result<void> Prepare();
  // Submit-answer problems: the submission is the answers, one file per test case.
  bool SubmittedAnswers() const;
  // Puts this test's answer file where a program's output would be, as if it had run.
  void TakeSubmittedAnswer();
  // Pipes joining the validator and the submission, and both boxes' specs.
  Result<std::vector<runner::RunSpec>> StartInteraction();
  runner::RunSpec SubmissionSpec() const;
  runner::RunSpec ValidatorSpec(const BuiltProgram& validator) const;
  std::vector<std::string> ValidatorArgs() const;
  // Verdict of a finished submission box, or nullopt if it ran normally.
  std::optional<Verdict> SubmissionFailure(const runner::Outcome& outcome, std::string& why) const;
  // Reads the validator's exit and feedback; nullopt when another pass follows.
  void AfterValidator(const runner::Outcome& outcome);
  void AfterInteraction();
  void RunDefaultValidator();
  // Sets up the next pass if the validator asked for one; true if it did.
  bool NextPass();
  // Copies the program's output, its stderr and the answer into the result where the candidate
  // may see them (TestResult::output).
  void ShowOutputs();
  void Finish(Verdict verdict, std::string feedback);

  const RunContext& context_;
  const TestCase& test_;
  const int index_;
  Stage stage_ = Stage::kStart;
  bool finished_ = false;
  CaseOutcome outcome_;

  std::string dir_, box_dir_, out_dir_, feedback_dir_;
  std::string pass_input_;  // this pass's input (the .in file, then nextpass.in copies)
  int pass_ = 1;
  size_t validator_index_ = 0;
  // The judge's copies of the interactive pipes (see Started): the submission's input, whose
  // write end is the validator's stdout, and the validator's input.
  koodikoe::UniqueFd submission_input_read_, submission_input_write_;
  koodikoe::UniqueFd validator_input_read_, validator_input_write_;

  // Interactive bookkeeping.
  std::optional<runner::Outcome> submission_outcome_;
  std::optional<runner::Outcome> validator_outcome_;
  bool validator_finished_first_ = false;
  bool killed_submission_ = false;  // the validator rejected first and the judge killed it
};

}  // namespace judge
