#include "judge/judge.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "feedback_json.h"

namespace judge {

namespace {

// Whole numbers print as integers ("score": 40, not 40.0).
nlohmann::json Number(double value) {
  if (!std::isfinite(value)) return 0;
  if (value == std::floor(value) && std::fabs(value) < 1e15) return static_cast<int64_t>(value);
  return value;
}

nlohmann::json TestObject(const TestResult& test) {
  nlohmann::json json = {{"name", test.name},
                         {"group", test.group},
                         {"verdict", VerdictWord(test.verdict)},
                         {"score", Number(test.score)},
                         {"cpu_ms", test.cpu_ms},
                         {"wall_ms", test.wall_ms},
                         {"memory_kib", test.memory_kib},
                         {"feedback", test.feedback}};
  if (!test.feedback_code.empty()) json["feedback_code"] = FeedbackCodeJson(test.feedback_code);
  if (test.full_feedback) json["full_feedback"] = true;
  if (test.sample) json["sample"] = true;
  if (!test.replay.empty()) {
    // Checked when it was collected; a replay that somehow is not JSON is left out.
    nlohmann::json replay = nlohmann::json::parse(test.replay, nullptr, false);
    if (replay.is_object()) json["replay"] = std::move(replay);
  }
  // The judge sets these for samples and full_feedback groups only.
  if (test.output) json["output"] = *test.output;
  if (test.error_output) json["stderr"] = *test.error_output;
  if (test.expected) json["expected"] = *test.expected;
  return json;
}

// Invalid UTF-8 in a program's output must not make the report unprintable.
std::string Dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string TestJson(const TestResult& test) { return Dump(TestObject(test)); }

std::string ReportJson(const Report& report) {
  nlohmann::json tests = nlohmann::json::array();
  for (const TestResult& test : report.tests) tests.push_back(TestObject(test));
  nlohmann::json json = {
      {"verdict", VerdictWord(report.verdict)},
      {"score", Number(report.score)},
      {"max_score", Number(report.max_score)},
      {"compile",
       {{"status", CompileStatusWord(report.compile_status)}, {"output", report.compile_output}}},
      {"tests", tests},
  };
  if (!report.language.empty()) json["language"] = report.language;
  if (report.time_limit > 0) json["time_limit"] = Number(report.time_limit);
  if (!report.message.empty()) json["message"] = report.message;
  return Dump(json);
}

Report JudgingErrorReport(std::string message) {
  Report report;
  report.verdict = Verdict::kJudgingError;
  report.compile_status = CompileStatus::kSkipped;
  report.message = std::move(message);
  return report;
}

}  // namespace judge
