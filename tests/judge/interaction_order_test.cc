// Which side of an interactive test ended first decides between the validator's wrong answer
// and the submission's crash: by proof where there is some, by the programs' end times else.
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
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, /*reaped_validator_first=*/false,
                                  /*judge_killed=*/false));
  EXPECT_FALSE(ValidatorEndedFirst(submission, validator, true, false));
}

TEST(ValidatorEndedFirstTest, ABrokenPipeProvesTheValidatorHadHungUp) {
  // Seen to end a millisecond before the validator, and reaped first: the clocks say the
  // submission crashed first, but it died writing to the validator's closed end.
  runner::Outcome validator = EndedAt(3'000'000), submission = EndedAt(2'000'000);
  submission.status = runner::Status::kRuntimeError;
  submission.signal = SIGPIPE;
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, false, false));
  submission.signal = SIGSEGV;
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, false, false));
}

TEST(ValidatorEndedFirstTest, ReapOrderWhenTheJudgeStoppedTheSubmission) {
  // Killed by the judge after the validator's rejection: its end time is the kill's.
  runner::Outcome validator = EndedAt(5000), submission = EndedAt(4000);
  submission.signal = SIGKILL;
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, true, true));
}

TEST(ValidatorEndedFirstTest, ASubmissionStoppedByItsTimeLimitEndedFirst) {
  // Out of CPU time: the validator saw the end of its input and rejected, and its box was
  // reaped first, so the judge asked to stop a submission that was already gone.
  runner::Outcome validator = EndedAt(7000), submission;
  submission.status = runner::Status::kTimeLimit;
  submission.limit = "cpu";
  submission.signal = SIGKILL;
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, true, true));
  submission.limit = "wall";
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, true, false));
}

TEST(ValidatorEndedFirstTest, ReapOrderWithoutEndTimes) {
  runner::Outcome validator, submission;
  EXPECT_TRUE(ValidatorEndedFirst(validator, submission, true, false));
  EXPECT_FALSE(ValidatorEndedFirst(validator, submission, false, false));
}

}  // namespace
}  // namespace judge
