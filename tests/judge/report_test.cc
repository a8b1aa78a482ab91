#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "judge/judge.h"

namespace judge {
namespace {

TEST(ReportJson, HasTheContractFields) {
  Report report;
  report.verdict = Verdict::kWrongAnswer;
  report.score = 30;
  report.max_score = 100;
  report.compile_status = "ok";
  TestResult test;
  test.name = "secret/group1/1";
  test.group = "secret/group1";
  test.verdict = Verdict::kWrongAnswer;
  test.cpu_ms = 12;
  test.feedback = "bad byte \xff here";
  report.tests.push_back(test);
  auto json = nlohmann::json::parse(ReportJson(report));
  EXPECT_EQ(json["verdict"], "wrong_answer");
  EXPECT_EQ(json["score"], 30);
  EXPECT_EQ(json["max_score"], 100);
  EXPECT_EQ(json["compile"]["status"], "ok");
  EXPECT_EQ(json["compile"]["output"], "");
  ASSERT_EQ(json["tests"].size(), 1u);
  for (const char* key :
       {"name", "group", "verdict", "score", "cpu_ms", "wall_ms", "memory_kib", "feedback"}) {
    EXPECT_TRUE(json["tests"][0].contains(key)) << key;
  }
}

TEST(VerdictWord, ContractWords) {
  EXPECT_STREQ(VerdictWord(Verdict::kAccepted), "accepted");
  EXPECT_STREQ(VerdictWord(Verdict::kWrongAnswer), "wrong_answer");
  EXPECT_STREQ(VerdictWord(Verdict::kTimeLimit), "time_limit_exceeded");
  EXPECT_STREQ(VerdictWord(Verdict::kMemoryLimit), "memory_limit_exceeded");
  EXPECT_STREQ(VerdictWord(Verdict::kOutputLimit), "output_limit_exceeded");
  EXPECT_STREQ(VerdictWord(Verdict::kRunTimeError), "run_time_error");
  EXPECT_STREQ(VerdictWord(Verdict::kCompileError), "compile_error");
  EXPECT_STREQ(VerdictWord(Verdict::kJudgingError), "judging_error");
}

}  // namespace
}  // namespace judge
