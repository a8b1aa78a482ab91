// JSON field readers and the encodings shared by several handlers.
#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {
// Whole numbers print as integers ("score": 3, not 3.0), as in the judge's reports.
json Number(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value))) {
    return static_cast<int64_t>(value);
  }
  return value;
}

std::string KiB(size_t bytes) { return std::to_string((bytes + 1023) / 1024) + " KiB"; }
}  // namespace

ApiResult<std::string> RequireString(const json& body, const std::string& field, size_t max_bytes) {
  if (!body.is_object() || !body.contains(field) || !body[field].is_string()) {
    return Reject(Fault::kInvalid, "missing_field",
                  "The request needs a text field \"" + field + "\".", {{"field", field}});
  }
  std::string value = body[field].get<std::string>();
  if (value.size() > max_bytes) {
    return Reject(Fault::kTooLarge, "field_too_large",
                  "The field \"" + field + "\" is " + KiB(value.size()) + "; at most " +
                      KiB(max_bytes) + " is allowed.",
                  {{"field", field},
                   {"size_kib", (value.size() + 1023) / 1024},
                   {"limit_kib", (max_bytes + 1023) / 1024}});
  }
  return value;
}

ApiResult<std::optional<std::string>> OptionalString(const json& body, const std::string& field,
                                                     size_t max_bytes) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) {
    return std::optional<std::string>();
  }
  KOODIKOE_TRY(auto value, RequireString(body, field, max_bytes));
  return std::optional<std::string>(std::move(value));
}

ApiResult<int64_t> RequireInt(const json& body, const std::string& field, int64_t low,
                              int64_t high) {
  if (!body.is_object() || !body.contains(field) || !body[field].is_number_integer()) {
    return Reject(Fault::kInvalid, "missing_field",
                  "The request needs a whole number \"" + field + "\".", {{"field", field}});
  }
  int64_t value = body[field].get<int64_t>();
  if (value < low || value > high) {
    return Reject(Fault::kInvalid, "out_of_range",
                  "\"" + field + "\" must be between " + std::to_string(low) + " and " +
                      std::to_string(high) + ".",
                  {{"field", field}, {"low", low}, {"high", high}});
  }
  return value;
}

ApiResult<int64_t> PathId(const ApiRequest& request, const std::string& name) {
  auto it = request.params.find(name);
  if (it != request.params.end() && !it->second.empty() && it->second.size() < 19 &&
      it->second.find_first_not_of("0123456789") == std::string::npos) {
    return std::stoll(it->second);
  }
  return Reject(Fault::kNotFound, "not_found", "There is nothing with that number.");
}

bool IsTrainerRole(Role role) { return role == Role::kTrainer || role == Role::kAdmin; }

json EncodeMe(const User& user) {
  return {{"username", user.username},
          {"role", RoleName(user.role)},
          {"language", user.language},
          {"nickname", user.nickname}};
}

json EncodeSubmission(const Submission& s, bool with_source, ReportViewer viewer) {
  json out = {{"id", s.id},
              {"exercise", s.exercise},
              {"user", s.username},
              {"language", s.language},
              {"status", s.status},
              {"verdict", s.status == "done" ? json(s.verdict) : json(nullptr)},
              {"score", Number(s.score)},
              {"max_score", Number(s.max_score)},
              {"created_at", IsoTime(s.created_at)},
              {"kind", s.kind},
              {"exercise_version", s.exercise_version}};
  if (s.team_id != 0) {
    out["team"] = s.team_id;
    out["commit"] = s.commit_sha;
  }
  if (!with_source) return out;
  out["source"] = s.source;
  out["compile"] = {{"status", ""}, {"output", ""}};
  out["tests"] = json::array();
  if (s.input) out["input"] = *s.input;
  if (s.status == "done") out["finished_at"] = IsoTime(s.finished_at);
  json report = json::parse(s.report_json, nullptr, false);
  if (report.is_object()) {
    if (report.contains("compile")) out["compile"] = report["compile"];
    if (report.contains("tests")) out["tests"] = TestsForViewer(report["tests"], viewer);
    if (report.contains("output")) out["output"] = report["output"];
    if (report.contains("message")) out["message"] = report["message"];
  }
  return out;
}

}  // namespace web
