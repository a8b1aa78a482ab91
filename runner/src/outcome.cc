#include <nlohmann/json.hpp>

#include "runner/sandbox.h"

namespace runner {

const char* StatusWord(Status status) {
  switch (status) {
    case Status::kOk:
      return "ok";
    case Status::kRuntimeError:
      return "runtime_error";
    case Status::kTimeLimit:
      return "time_limit_exceeded";
    case Status::kMemoryLimit:
      return "memory_limit_exceeded";
    case Status::kOutputLimit:
      return "output_limit_exceeded";
    case Status::kSecurityViolation:
      return "security_violation";
    case Status::kInternalError:
      return "internal_error";
  }
  return "internal_error";
}

std::string OutcomeJson(const Outcome& outcome) {
  nlohmann::ordered_json json;
  json["status"] = StatusWord(outcome.status);
  using Json = nlohmann::ordered_json;
  json["exit_code"] = outcome.signal == 0 ? Json(outcome.exit_code) : Json(nullptr);
  json["signal"] = outcome.signal == 0 ? Json(nullptr) : Json(outcome.signal);
  json["cpu_ms"] = outcome.cpu_ms;
  json["wall_ms"] = outcome.wall_ms;
  json["memory_kib"] = outcome.memory_kib;
  json["limit"] = outcome.limit.empty() ? Json(nullptr) : Json(outcome.limit);
  json["message"] = outcome.message;
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace runner
