// Scoring of the test packages' groups with made-up test outcomes.
#include "scoring.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

const std::string kPackages = KOODIKOE_TEST_PACKAGES;

std::vector<CaseOutcome> Outcomes(const Package& package, Verdict verdict) {
  std::vector<CaseOutcome> outcomes(package.cases.size());
  for (size_t i = 0; i < outcomes.size(); ++i) {
    outcomes[i].ran = true;
    outcomes[i].result.name = package.cases[i].name;
    outcomes[i].result.group = package.cases[i].group;
    outcomes[i].result.verdict = verdict;
  }
  return outcomes;
}

void SetGroup(const Package& package, std::vector<CaseOutcome>& outcomes, const std::string& group,
              Verdict verdict) {
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (package.cases[i].group == group) outcomes[i].result.verdict = verdict;
  }
}

TEST(Scoring, PassFailIsFirstFailure) {
  auto package = ReadPackage(kPackages + "/hello");
  ASSERT_TRUE(package);
  auto outcomes = Outcomes(*package, Verdict::kAccepted);
  EXPECT_EQ(ScoreOutcomes(*package, outcomes).verdict, Verdict::kAccepted);
  outcomes[2].result.verdict = Verdict::kTimeLimit;
  outcomes[3].result.verdict = Verdict::kWrongAnswer;
  ScoreSummary summary = ScoreOutcomes(*package, outcomes);
  EXPECT_EQ(summary.verdict, Verdict::kTimeLimit);
  EXPECT_EQ(summary.score, 0);
  EXPECT_EQ(summary.max_score, 1);
  outcomes[4].result.verdict = Verdict::kJudgingError;
  EXPECT_EQ(ScoreOutcomes(*package, outcomes).verdict, Verdict::kJudgingError);
}

TEST(Scoring, Modern2025Groups) {
  auto package = ReadPackage(kPackages + "/groups");
  ASSERT_TRUE(package) << package.error().Describe();
  auto outcomes = Outcomes(*package, Verdict::kAccepted);
  ScoreSummary all = ScoreOutcomes(*package, outcomes);
  EXPECT_EQ(all.score, 100);
  EXPECT_EQ(all.max_score, 100);
  EXPECT_EQ(all.verdict, Verdict::kAccepted);

  SetGroup(*package, outcomes, "secret/group2", Verdict::kWrongAnswer);
  ScoreSummary partial = ScoreOutcomes(*package, outcomes);
  EXPECT_EQ(partial.score, 30);
  EXPECT_EQ(partial.verdict, Verdict::kWrongAnswer);

  // group2 requires the samples to pass.
  outcomes = Outcomes(*package, Verdict::kAccepted);
  SetGroup(*package, outcomes, "sample", Verdict::kWrongAnswer);
  EXPECT_EQ(ScoreOutcomes(*package, outcomes).score, 30);

  // A validator's score_multiplier scales a test in a sum group... but group1 is pass-fail:
  // a score file there is a judging error.
  outcomes = Outcomes(*package, Verdict::kAccepted);
  outcomes[1].score_file = 5;
  ScoreSummary bad = ScoreOutcomes(*package, outcomes);
  EXPECT_EQ(bad.verdict, Verdict::kJudgingError);
  EXPECT_FALSE(bad.error.empty());
}

TEST(Scoring, LegacyGraderFlags) {
  auto package = ReadPackage(kPackages + "/legacyscore");
  ASSERT_TRUE(package) << package.error().Describe();
  auto outcomes = Outcomes(*package, Verdict::kAccepted);
  ScoreSummary all = ScoreOutcomes(*package, outcomes);
  EXPECT_EQ(all.score, 100);
  EXPECT_EQ(all.max_score, 100);

  SetGroup(*package, outcomes, "secret/large", Verdict::kWrongAnswer);
  ScoreSummary partial = ScoreOutcomes(*package, outcomes);
  EXPECT_EQ(partial.score, 40);
  EXPECT_EQ(partial.verdict, Verdict::kAccepted);  // accept_if_any_accepted

  // ignore_sample: a failed sample changes neither score nor verdict.
  outcomes = Outcomes(*package, Verdict::kAccepted);
  SetGroup(*package, outcomes, "sample", Verdict::kWrongAnswer);
  EXPECT_EQ(ScoreOutcomes(*package, outcomes).score, 100);

  // Cases that did not run (on_reject: break) do not count.
  outcomes = Outcomes(*package, Verdict::kWrongAnswer);
  for (auto& outcome : outcomes) outcome.ran = outcome.result.group == "secret/small";
  ScoreSummary none = ScoreOutcomes(*package, outcomes);
  EXPECT_EQ(none.score, 0);
  EXPECT_EQ(none.verdict, Verdict::kWrongAnswer);
}

TEST(Scoring, SeverityOrder) {
  EXPECT_LT(Severity(Verdict::kJudgingError), Severity(Verdict::kRunTimeError));
  EXPECT_LT(Severity(Verdict::kRunTimeError), Severity(Verdict::kTimeLimit));
  EXPECT_LT(Severity(Verdict::kTimeLimit), Severity(Verdict::kWrongAnswer));
}

}  // namespace
}  // namespace judge
