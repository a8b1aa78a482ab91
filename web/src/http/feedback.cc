// What of a judge report a viewer may see. Every place a report leaves the server (a
// submission, its event stream, exports, shared reports) goes through here, so that hidden
// test data never reaches a candidate (Kattis semantics, issue 14).
#include <array>
#include <string_view>

#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {

// What a hidden test shows: how it went, never what it saw or printed.
constexpr std::array<const char*, 7> kHiddenTestFields = {"name",   "group",   "verdict",   "score",
                                                          "cpu_ms", "wall_ms", "memory_kib"};

// A sample test: marked so by the judge, or (reports judged before the mark) in a sample group.
bool IsSample(const json& test) {
  if (!test.is_object()) return false;
  if (test.value("sample", false) == true) return true;
  if (!test.contains("group") || !test["group"].is_string()) return false;
  const std::string& group = test["group"].get_ref<const std::string&>();
  return group == "sample" || group.rfind("sample/", 0) == 0;
}

bool GivesFullFeedback(const json& test) {
  return test.is_object() && test.value("full_feedback", false) == true;
}

}  // namespace

json TestForViewer(const json& test, ReportViewer viewer) {
  if (viewer == ReportViewer::kEverything || IsSample(test)) return test;
  if (viewer == ReportViewer::kCandidate && GivesFullFeedback(test)) return test;
  json shown = json::object();
  if (!test.is_object()) return shown;
  for (const char* field : kHiddenTestFields) {
    if (test.contains(field)) shown[field] = test[field];
  }
  return shown;
}

json TestsForViewer(const json& tests, ReportViewer viewer) {
  json shown = json::array();
  if (!tests.is_array()) return shown;
  for (const auto& test : tests) shown.push_back(TestForViewer(test, viewer));
  return shown;
}

std::string ProgressEventForViewer(const std::string& event, ReportViewer viewer) {
  if (viewer == ReportViewer::kEverything) return event;
  json data = json::parse(event, nullptr, false);
  if (!data.is_object()) return "{}";
  if (data.contains("test") && !data["test"].is_null()) {
    data["test"] = TestForViewer(data["test"], viewer);
  }
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

ApiResult<ReportViewer> ViewerOf(Services& services, const User& viewer,
                                 const Submission& submission) {
  if (IsTrainerRole(viewer.role)) return ReportViewer::kEverything;
  // A run on the candidate's own input has nothing hidden in it.
  if (submission.input && viewer.id == submission.user_id) return ReportViewer::kEverything;
  if (viewer.role != Role::kCandidate) return ReportViewer::kHidden;
  KOODIKOE_TRY(auto in_trial, Check(services.storage.IsTrialExercise(submission.exercise)));
  return in_trial ? ReportViewer::kHidden : ReportViewer::kCandidate;
}

}  // namespace web
