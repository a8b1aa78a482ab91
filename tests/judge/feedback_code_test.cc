// The default output validator's notes as codes with parameters, the English notes made from
// them, and the report's "feedback_code".
#include "judge/feedback_code.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "feedback_json.h"
#include "judge/default_validator.h"
#include "judge/judge.h"

namespace judge {
namespace {

ValidatorVerdict Compare(const std::string& answer, const std::string& output,
                         const std::vector<std::string>& flags = {}) {
  auto options = ParseDefaultValidatorFlags(flags);
  EXPECT_TRUE(options);
  StringSource answer_source(answer);
  StringSource output_source(output);
  return CompareWithAnswer(answer_source, output_source, *options);
}

nlohmann::json Params(const ValidatorVerdict& verdict) {
  return FeedbackCodeJson(verdict.code)["params"];
}

struct Expected {
  const char* name;
  std::string answer, output;
  std::vector<std::string> flags;
  const char* code;
  nlohmann::json params;
  const char* message;  // the English note, as the report has always worded it
};

const std::vector<Expected>& Cases() {
  static const std::vector<Expected> cases = {
      {"token",
       "Hei, maailma\n",
       "Hei maailma\n",
       {},
       "token_differs",
       {{"n", 1}, {"line", 1}, {"expected", "Hei,"}, {"got", "Hei"}},
       "token 1 (line 1): expected 'Hei,', got 'Hei'"},
      {"token on line 3",
       "1\n2\n3\n",
       "1\n2\n4\n",
       {},
       "token_differs",
       {{"n", 3}, {"line", 3}, {"expected", "3"}, {"got", "4"}},
       "token 3 (line 3): expected '3', got '4'"},
      {"number expected",
       "1.5\n",
       "x\n",
       {"float_tolerance", "1e-6"},
       "number_expected",
       {{"n", 1}, {"line", 1}, {"expected", "1.5"}, {"got", "x"}},
       "token 1 (line 1): expected a number near '1.5', got 'x'"},
      {"number differs",
       "1.5\n",
       "1.75\n",
       {"float_tolerance", "1e-6"},
       "number_differs",
       {{"n", 1}, {"line", 1}, {"expected", "1.5"}, {"got", "1.75"}, {"difference", 0.25}},
       "token 1 (line 1): expected '1.5', got '1.75': differs by 0.25 from the expected value"},
      {"whitespace",
       "1 2\n",
       "1  2\n",
       {"space_change_sensitive"},
       "whitespace_differs",
       {{"n", 2}, {"line", 1}, {"expected", " "}, {"got", "  "}},
       "whitespace differs before token 2 (line 1): expected ' ', got '  '"},
      {"extra output",
       "1\n",
       "1\n2\n",
       {},
       "extra_output",
       {{"n", 2}, {"line", 2}, {"got", "2"}},
       "more output than expected: token 2 (line 2) is '2' after the answer's last token"},
      {"output ended",
       "Hello World!\n",
       "Hello\n",
       {},
       "output_ended",
       {{"n", 1}, {"expected", "World!"}},
       "output ended after 1 tokens; expected 'World!' next"},
  };
  return cases;
}

TEST(FeedbackCode, DefaultValidatorGivesACodeForEachKindOfDifference) {
  for (const Expected& test : Cases()) {
    ValidatorVerdict verdict = Compare(test.answer, test.output, test.flags);
    EXPECT_FALSE(verdict.accepted) << test.name;
    EXPECT_EQ(verdict.code.code, test.code) << test.name;
    EXPECT_EQ(Params(verdict), test.params) << test.name;
    EXPECT_EQ(verdict.message, test.message) << test.name;
    EXPECT_EQ(verdict.message, FeedbackText(verdict.code)) << test.name;
  }
}

TEST(FeedbackCode, AcceptedOutputHasNone) {
  ValidatorVerdict verdict = Compare("1 2\n", "1 2\n");
  EXPECT_TRUE(verdict.accepted);
  EXPECT_TRUE(verdict.code.empty());
  EXPECT_EQ(verdict.message, "");
}

// Parameters hold the program's text as it is (UTF-8 stays letters); the English note shows
// bytes outside ASCII as \xNN, and long tokens are cut in both.
TEST(FeedbackCode, ExcerptsAreShortAndTheNoteEscapesBytes) {
  ValidatorVerdict verdict = Compare("Hyvää\n", "Hyva\n");
  EXPECT_EQ(Params(verdict)["expected"], "Hyvää");
  EXPECT_EQ(verdict.message, "token 1 (line 1): expected 'Hyv\\xc3\\xa4\\xc3\\xa4', got 'Hyva'");
  ValidatorVerdict long_token = Compare(std::string(1000, 'x') + "\n", "y\n");
  EXPECT_EQ(Params(long_token)["expected"], std::string(40, 'x') + "...");
  EXPECT_EQ(long_token.message,
            "token 1 (line 1): expected '" + std::string(40, 'x') + "...', got 'y'");
  // Of an output token only as much is read as could still match the answer.
  ValidatorVerdict giant = Compare("x\n", std::string(1000, 'y') + "\n");
  EXPECT_EQ(Params(giant)["got"], "yy...");
}

TEST(FeedbackCode, EveryCodeHasAnEnglishNote) {
  EXPECT_GE(FeedbackCodes().size(), 24u);
  for (std::string_view code : FeedbackCodes()) {
    EXPECT_FALSE(FeedbackText(FeedbackCode{std::string(code), {}}).empty()) << code;
  }
  EXPECT_EQ(FeedbackText(FeedbackCode{"no_such_code", {}}), "");
}

// The platform words every code (web/ui/src/i18n/en.ts and fi.ts have "fb.CODE").
TEST(FeedbackCode, ThePlatformWordsEveryCode) {
  for (const char* catalogue : {"en.ts", "fi.ts"}) {
    std::ifstream in(std::string(KOODIKOE_SOURCE_DIR) + "/web/ui/src/i18n/" + catalogue);
    ASSERT_TRUE(in) << catalogue;
    std::stringstream text;
    text << in.rdbuf();
    for (std::string_view code : FeedbackCodes()) {
      EXPECT_NE(text.str().find("'fb." + std::string(code) + "':"), std::string::npos)
          << catalogue << " has no text for " << code;
    }
  }
}

// A scenario step's note: the step, what was sent and received, and the service's log.
TEST(FeedbackCode, ScenarioStepNote) {
  FeedbackCode code{"status_differs", {}};
  code.Set("expected", 201).Set("got", 200).Set("step", 2).Set("step_name", "create");
  code.Set("request", "POST /todos").Set("response", "200 with an empty body");
  code.Set("log", "Traceback");
  EXPECT_EQ(FeedbackText(code),
            "step 2 'create': expected status 201, got 200\nsent: POST /todos\n"
            "got: 200 with an empty body\nthe service wrote: Traceback");
  FeedbackCode concurrent{"step_timeout", {}};
  concurrent.Set("seconds", 1.5).Set("failed", 3).Set("concurrency", 10);
  EXPECT_EQ(FeedbackText(concurrent),
            "3 of 10 concurrent requests failed; the first: no complete response within 1.5 s");
  FeedbackCode stopped{"service_stopped", {}};
  stopped.Set("step", 1).Set("signal", "SIGSEGV");
  EXPECT_EQ(FeedbackText(stopped),
            "the service stopped (killed by signal SIGSEGV) during step 1; a service must keep "
            "running until the scenario ends, in the foreground");
}

// The service's own limits are codes too, worded as the judge wrote them before codes existed.
TEST(FeedbackCode, ServiceLimitNotes) {
  FeedbackCode wall{"service_wall_limit", {}};
  wall.Set("seconds", 13.0).Set("step", 2).Set("step_name", "slow");
  EXPECT_EQ(FeedbackText(wall), "the service ran longer than 13 s during step 2 'slow'");
  FeedbackCode cpu{"service_cpu_limit", {}};
  cpu.Set("seconds", 1.5).Set("log", "busy");
  EXPECT_EQ(FeedbackText(cpu),
            "the service used more than 1.5 s of CPU time\nthe service wrote: busy");
  FeedbackCode memory{"service_memory_limit", {}};
  memory.Set("mib", 256);
  EXPECT_EQ(FeedbackText(memory), "the service used more than 256 MiB of memory");
  FeedbackCode output{"service_output_limit", {}};
  output.Set("mib", 8).Set("step", 1);
  EXPECT_EQ(FeedbackText(output),
            "the service wrote more than 8 MiB to stdout and stderr during step 1");
  FeedbackCode forbidden{"service_forbidden_call", {}};
  EXPECT_EQ(FeedbackText(forbidden), "the service made a forbidden system call");
}

TEST(FeedbackCode, JsonRoundTrip) {
  FeedbackCode code{"number_differs", {}};
  code.Set("n", 3).Set("difference", 0.5).Set("got", "x");
  nlohmann::json json = FeedbackCodeJson(code);
  EXPECT_EQ(json, nlohmann::json::parse(
                      R"({"code":"number_differs","params":{"n":3,"difference":0.5,"got":"x"}})"));
  EXPECT_EQ(FeedbackCodeJson(FeedbackCodeFromJson(json)), json);
  EXPECT_EQ(FeedbackText(FeedbackCodeFromJson(json)), FeedbackText(code));
  EXPECT_TRUE(FeedbackCodeFromJson(nlohmann::json::parse(R"({"params":{}})")).empty());
}

TEST(ReportJson, CarriesTheFeedbackCodeOnlyWhereThereIsOne) {
  Report report;
  TestResult coded;
  coded.name = "sample/1";
  coded.verdict = Verdict::kWrongAnswer;
  coded.feedback_code = Compare("Hei,\n", "Hei\n").code;
  coded.feedback = FeedbackText(coded.feedback_code);
  TestResult free_text;
  free_text.name = "secret/1";
  free_text.verdict = Verdict::kWrongAnswer;
  free_text.feedback = "the validator says no";
  report.tests = {coded, free_text};
  auto json = nlohmann::json::parse(ReportJson(report));
  EXPECT_EQ(json["tests"][0]["feedback_code"], nlohmann::json::parse(R"({"code":"token_differs",
              "params":{"n":1,"line":1,"expected":"Hei,","got":"Hei"}})"));
  EXPECT_EQ(json["tests"][0]["feedback"], "token 1 (line 1): expected 'Hei,', got 'Hei'");
  EXPECT_FALSE(json["tests"][1].contains("feedback_code"));
  EXPECT_EQ(nlohmann::json::parse(TestJson(coded))["feedback_code"]["code"], "token_differs");
}

}  // namespace
}  // namespace judge
