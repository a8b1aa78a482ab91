// Which side of an interactive test ended first decides between the validator's wrong answer
// and the submission's crash: by proof where there is some, by the programs' end times else;
// and which side decides the verdict, in the precedence of problemtools' interactive runner.
#include <gtest/gtest.h>

#include <csignal>

#include "test_run.h"

namespace judge {
namespace {

runner::Outcome EndedAt(int64_t ns) {
  runner::Outcome outcome;
  outcome.program_ended_ns = ns;
  return outcome;
}

TEST(ValidatorEndedFirstTest, EndTimesOutweighTheReapOrder) {
  runner::Outcome validator = EndedAt(1000), submission = EndedAt(2000);
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, /*reaped_validator_first=*/false));
  EXPECT_FALSE(ValidatorEndedFirst(submission, validator, true));
}

TEST(ValidatorEndedFirstTest, ABrokenPipeProvesTheValidatorHadHungUp) {
  // Seen to end a millisecond before the validator, and reaped first: the clocks say the
  // submission crashed first, but it died writing to the validator's closed end.
  runner::Outcome validator = EndedAt(3'000'000), submission = EndedAt(2'000'000);
  submission.status = runner::Status::kRuntimeError;
  submission.signal = SIGPIPE;
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, false));
  submission.signal = SIGSEGV;
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, false));
}

TEST(ValidatorEndedFirstTest, ReapOrderWhenTheJudgeStoppedTheSubmission) {
  // Killed by the judge after the validator's rejection: the box's init was killed with it,
  // so there is no end time, and the validator's box was reaped first.
  runner::Outcome validator = EndedAt(5000), submission;
  submission.status = runner::Status::kRuntimeError;
  submission.signal = SIGKILL;
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, true));
}

TEST(ValidatorEndedFirstTest, AnEndTimeOutweighsTheJudgesStop) {
  // Killed by the memory cgroup (SIGKILL) just as the judge asked to stop it: its init took
  // the end time, which is before the validator's.
  runner::Outcome validator = EndedAt(5000), submission = EndedAt(4000);
  submission.status = runner::Status::kMemoryLimit;
  submission.signal = SIGKILL;
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, true));
}

TEST(ValidatorEndedFirstTest, ASubmissionStoppedByItsTimeLimitEndedFirst) {
  // Out of CPU time, and the validator's box reaped first: the box was killed at the limit
  // (no end time), the runner noticing it only some milliseconds after it ran out.
  runner::Outcome validator = EndedAt(7000), submission;
  submission.status = runner::Status::kTimeLimit;
  submission.limit = "cpu";
  submission.signal = SIGKILL;
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, true));
  submission.limit = "wall";
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, true));
  // Killed by RLIMIT_CPU's SIGXCPU, its init took the end time: that decides.
  submission = EndedAt(8000);
  submission.status = runner::Status::kTimeLimit;
  submission.signal = SIGXCPU;
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, false));
}

TEST(ValidatorEndedFirstTest, ReapOrderWithoutEndTimes) {
  runner::Outcome validator, submission;
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, true));
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, false));
}

runner::Outcome Exited(int code) {
  runner::Outcome outcome;
  outcome.status = code == 0 ? runner::Status::kOk : runner::Status::kRuntimeError;
  outcome.exit_code = code;
  return outcome;
}

TEST(DecideInteractionTest, AFailedValidatorDecidesWhateverTheSubmissionDid) {
  runner::Outcome crashed = Exited(1);
  EXPECT_EQ(DecideInteraction(crashed, false, /*submission_failed=*/true),
            InteractiveDecider::kValidator);
  runner::Outcome timed_out;
  timed_out.status = runner::Status::kTimeLimit;
  EXPECT_EQ(DecideInteraction(timed_out, false, true), InteractiveDecider::kValidator);
}

TEST(DecideInteractionTest, ARejectionFirstOutweighsTheSubmissionsFailure) {
  EXPECT_EQ(DecideInteraction(Exited(43), /*validator_first=*/true, true),
            InteractiveDecider::kValidator);
  EXPECT_EQ(DecideInteraction(Exited(43), false, true), InteractiveDecider::kSubmission);
}

TEST(DecideInteractionTest, TheSubmissionsFailureOutweighsAnAcceptance) {
  EXPECT_EQ(DecideInteraction(Exited(42), true, true), InteractiveDecider::kSubmission);
  EXPECT_EQ(DecideInteraction(Exited(42), true, false), InteractiveDecider::kValidator);
  EXPECT_EQ(DecideInteraction(Exited(43), false, false), InteractiveDecider::kValidator);
}

}  // namespace
}  // namespace judge
