#include "judge/judge.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace judge {

const char* VerdictWord(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccepted:
      return "accepted";
    case Verdict::kWrongAnswer:
      return "wrong_answer";
    case Verdict::kTimeLimit:
      return "time_limit_exceeded";
    case Verdict::kMemoryLimit:
      return "memory_limit_exceeded";
    case Verdict::kOutputLimit:
      return "output_limit_exceeded";
    case Verdict::kRunTimeError:
      return "run_time_error";
    case Verdict::kCompileError:
      return "compile_error";
    case Verdict::kJudgingError:
      return "judging_error";
  }
  return "judging_error";
}

namespace {

// Whole numbers print as integers ("score": 40, not 40.0).
nlohmann::json Number(double value) {
  if (!std::isfinite(value)) return 0;
  if (value == std::floor(value) && std::fabs(value) < 1e15) return static_cast<int64_t>(value);
  return value;
}

}  // namespace

std::string ReportJson(const Report& report) {
  nlohmann::json tests = nlohmann::json::array();
  for (const TestResult& test : report.tests) {
    nlohmann::json& added = tests.emplace_back();
    added = {{"name", test.name},
             {"group", test.group},
             {"verdict", VerdictWord(test.verdict)},
             {"score", Number(test.score)},
             {"cpu_ms", test.cpu_ms},
             {"wall_ms", test.wall_ms},
             {"memory_kib", test.memory_kib},
             {"feedback", test.feedback}};
    if (test.full_feedback) added["full_feedback"] = true;
    if (!test.replay.empty()) {
      // Checked when it was collected; a replay that somehow is not JSON is left out.
      nlohmann::json replay = nlohmann::json::parse(test.replay, nullptr, false);
      if (replay.is_object()) added["replay"] = std::move(replay);
    }
  }
  nlohmann::json json = {
      {"verdict", VerdictWord(report.verdict)},
      {"score", Number(report.score)},
      {"max_score", Number(report.max_score)},
      {"compile", {{"status", report.compile_status}, {"output", report.compile_output}}},
      {"tests", tests},
  };
  if (!report.language.empty()) json["language"] = report.language;
  if (report.time_limit > 0) json["time_limit"] = Number(report.time_limit);
  if (!report.message.empty()) json["message"] = report.message;
  // Invalid UTF-8 in a program's output must not make the report unprintable.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace judge
