#include <signal.h>
#include <sys/wait.h>

#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "box.h"
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

void Classify(Box& box, const CgroupUsage& usage, const std::vector<ChildReport>& reports,
              const std::string& weaknesses) {
  Outcome& out = box.outcome;
  out.message = weaknesses;
  auto add_message = [&](const std::string& text) {
    out.message = out.message.empty() ? text : text + "; " + out.message;
  };
  int status = -1;
  for (const auto& report : reports) {
    if (report.kind == ChildReport::kSetupFailed) {
      std::string what = std::string(StepName(report.step)) + ": " + std::strerror(report.error);
      if (report.step == Step::kExec) {
        out.status = Status::kRuntimeError;
        out.exit_code = 127;
        add_message("cannot " + what);
      } else {
        out.status = Status::kInternalError;
        add_message("sandbox setup failed at " + what);
      }
      return;
    }
    if (report.kind == ChildReport::kProgramEnded) {
      status = report.wait_status;
      out.program_ended_ns = report.ended_ns;
    }
  }
  if (status >= 0 && WIFEXITED(status)) out.exit_code = WEXITSTATUS(status);
  if (status >= 0 && WIFSIGNALED(status)) out.signal = WTERMSIG(status);
  if (status < 0 && box.killed != KillReason::kNone) out.signal = SIGKILL;

  const double cpu_seconds = static_cast<double>(usage.cpu_ns) / 1e9;
  const bool over_cpu = box.limits.cpu_seconds > 0 && cpu_seconds > box.limits.cpu_seconds;
  if (box.killed == KillReason::kOutput) {
    out.status = Status::kOutputLimit;
    out.limit = "output";
    add_message("output exceeded " + std::to_string(box.limits.output_bytes) + " bytes");
  } else if (box.killed == KillReason::kCpu || over_cpu || out.signal == SIGXCPU) {
    out.status = Status::kTimeLimit;
    out.limit = "cpu";
  } else if (box.killed == KillReason::kWall) {
    out.status = Status::kTimeLimit;
    out.limit = "wall";
  } else if (box.killed == KillReason::kCaller && status < 0) {
    // Only a program the stop cut short: one that had already ended keeps its own status.
    out.status = Status::kRuntimeError;
    add_message("stopped by the caller");
  } else if (usage.oom_kills > 0) {
    out.status = Status::kMemoryLimit;
  } else if (usage.socket_memory_at_limit) {
    // The kernel stopped taking its socket data at the limit: it hid memory there.
    out.status = Status::kMemoryLimit;
    add_message("socket buffers reached the memory limit");
  } else if (status < 0) {
    out.status = Status::kInternalError;
    add_message("the box ended without a report");
  } else if (out.signal == SIGSYS) {
    out.status = Status::kSecurityViolation;
    add_message("a forbidden system call was made");
  } else if (box.disk_full) {
    // Whatever the program made of ENOSPC: it filled what /box and /tmp may hold.
    out.status = Status::kOutputLimit;
    out.limit = "disk";
    add_message("/box and /tmp together reached the disk limit of " +
                std::to_string(box.limits.disk_bytes) + " bytes");
  } else if (out.signal != 0 || out.exit_code != 0) {
    out.status = usage.memory_failures > 0 ? Status::kMemoryLimit : Status::kRuntimeError;
    if (out.signal == SIGXFSZ) add_message("a file grew past the file size limit");
  } else {
    out.status = Status::kOk;
  }
}

}  // namespace runner
