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
  report.compile_status = CompileStatus::kOk;
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

// A service's sample scenario is in the scored "scenarios" group: the mark, not the group's
// name, tells the platform it may be shown in a trial.
TEST(ReportJson, MarksSampleTests) {
  Report report;
  TestResult sample;
  sample.name = "scenarios/1-health";
  sample.group = "scenarios";
  sample.full_feedback = true;
  sample.sample = true;
  TestResult secret = sample;
  secret.name = "scenarios/2-hidden";
  secret.sample = false;
  report.tests = {sample, secret};
  auto json = nlohmann::json::parse(ReportJson(report));
  EXPECT_EQ(json["tests"][0].value("sample", false), true);
  EXPECT_FALSE(json["tests"][1].contains("sample"));
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

TEST(VerdictWord, EveryWordReadsBackAsItsVerdict) {
  for (Verdict verdict : {Verdict::kAccepted, Verdict::kWrongAnswer, Verdict::kTimeLimit,
                          Verdict::kMemoryLimit, Verdict::kOutputLimit, Verdict::kRunTimeError,
                          Verdict::kCompileError, Verdict::kJudgingError}) {
    EXPECT_EQ(VerdictFromWord(VerdictWord(verdict)), verdict) << VerdictWord(verdict);
  }
  EXPECT_EQ(VerdictFromWord("Accepted"), std::nullopt);
  EXPECT_EQ(VerdictFromWord("rejected"), std::nullopt);
}

TEST(CompileStatusWord, ContractWords) {
  EXPECT_STREQ(CompileStatusWord(CompileStatus::kOk), "ok");
  EXPECT_STREQ(CompileStatusWord(CompileStatus::kCompileError), "compile_error");
  EXPECT_STREQ(CompileStatusWord(CompileStatus::kSkipped), "skipped");
}

// The test objects sent while judging are the report's own, byte for byte.
TEST(TestJson, IsTheReportsTestObject) {
  TestResult test;
  test.name = "secret/1";
  test.group = "secret";
  test.verdict = Verdict::kTimeLimit;
  test.score = 2.5;
  test.wall_ms = 2100;
  test.feedback = "bad byte \xff here";
  test.replay = R"({"frames":[]})";
  Report report;
  report.tests = {test};
  auto whole = nlohmann::json::parse(ReportJson(report));
  auto alone = nlohmann::json::parse(TestJson(test));
  EXPECT_EQ(alone, whole["tests"][0]);
  EXPECT_EQ(alone["verdict"], "time_limit_exceeded");
  EXPECT_EQ(alone["score"], 2.5);
  EXPECT_TRUE(alone["replay"].is_object());
}

TEST(JudgingErrorReport, JudgedNothingAndSaysWhy) {
  auto json = nlohmann::json::parse(ReportJson(JudgingErrorReport("the exercise is gone")));
  EXPECT_EQ(json["verdict"], "judging_error");
  EXPECT_EQ(json["score"], 0);
  EXPECT_EQ(json["max_score"], 0);
  EXPECT_EQ(json["compile"], (nlohmann::json{{"status", "skipped"}, {"output", ""}}));
  EXPECT_EQ(json["tests"], nlohmann::json::array());
  EXPECT_EQ(json["message"], "the exercise is gone");
}

}  // namespace
}  // namespace judge
