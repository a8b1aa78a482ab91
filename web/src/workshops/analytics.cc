// Trainers' analytics from stored submissions: per exercise and per workshop, as JSON for the
// charts and as CSV for a spreadsheet. Pure functions of the data (tested on their own).
#include <algorithm>
#include <set>

#include "base/time_util.h"
#include "http/api.h"

namespace web {

namespace {

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

}  // namespace

json BuildExerciseAnalytics(const std::string& exercise,
                            const std::vector<Submission>& submissions) {
  int attempts = 0, accepted = 0;
  std::map<std::string, int> languages;
  std::map<std::string, int> verdicts;
  std::map<std::pair<std::string, std::string>, int> failing;  // (test, verdict) -> count
  std::map<int64_t, int64_t> first_try, first_accept;
  std::map<std::string, int> versions;
  for (const auto& s : submissions) {
    if (s.kind != "submission") continue;
    ++attempts;
    ++languages[s.language];
    ++versions[s.exercise_version];
    if (!first_try.count(s.user_id)) first_try[s.user_id] = s.created_at;
    if (s.status != "done") continue;
    ++verdicts[s.verdict];
    if (s.verdict == "accepted") {
      ++accepted;
      if (!first_accept.count(s.user_id)) first_accept[s.user_id] = s.created_at;
    }
    json report = json::parse(s.report_json, nullptr, false);
    if (!report.is_object() || !report.contains("tests") || !report["tests"].is_array()) continue;
    for (const auto& test : report["tests"]) {
      if (!test.is_object()) continue;
      std::string verdict = test.value("verdict", "");
      if (verdict.empty() || verdict == "accepted" || verdict == "skipped") continue;
      ++failing[{test.value("name", "?"), verdict}];
    }
  }
  std::vector<double> minutes;
  for (const auto& [user, at] : first_accept) {
    minutes.push_back(static_cast<double>(at - first_try[user]) / 60.0);
  }
  std::vector<std::pair<std::pair<std::string, std::string>, int>> ranked(failing.begin(),
                                                                          failing.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  json failing_tests = json::array();
  for (size_t i = 0; i < ranked.size() && i < 10; ++i) {
    failing_tests.push_back({{"test", ranked[i].first.first},
                             {"verdict", ranked[i].first.second},
                             {"failures", ranked[i].second}});
  }
  json language_mix = json::array();
  for (const auto& [language, count] : languages) {
    language_mix.push_back({{"language", language}, {"submissions", count}});
  }
  json by_version = json::array();
  for (const auto& [hash, count] : versions) {
    by_version.push_back({{"hash", hash}, {"submissions", count}});
  }
  return {{"exercise", exercise},
          {"attempts", attempts},
          {"people", first_try.size()},
          {"solved_by", first_accept.size()},
          {"accepted", accepted},
          {"acceptance_rate", attempts ? static_cast<double>(accepted) / attempts : 0.0},
          {"median_minutes_to_solve", minutes.empty() ? json() : json(Median(minutes))},
          {"verdicts", verdicts},
          {"failing_tests", failing_tests},
          {"languages", language_mix},
          {"versions", by_version}};
}

std::string ExerciseAnalyticsCsv(const std::vector<Submission>& submissions) {
  std::string csv =
      "submission,created_at,language,verdict,score,max_score,first_failed_test,"
      "exercise_version\n";
  for (const auto& s : submissions) {
    if (s.kind != "submission") continue;
    std::string failed;
    json report = json::parse(s.report_json, nullptr, false);
    if (report.is_object() && report.contains("tests") && report["tests"].is_array()) {
      for (const auto& test : report["tests"]) {
        if (test.is_object() && test.value("verdict", "accepted") != "accepted") {
          failed = test.value("name", "") + " " + test.value("verdict", "");
          break;
        }
      }
    }
    csv += std::to_string(s.id) + "," + IsoTime(s.created_at) + "," + CsvField(s.language) + "," +
           CsvField(s.status == "done" ? s.verdict : s.status) + "," + Number(s.score) + "," +
           Number(s.max_score) + "," + CsvField(failed) + "," + CsvField(s.exercise_version) + "\n";
  }
  return csv;
}

json BuildWorkshopAnalytics(const Workshop& workshop, const std::vector<Member>& members,
                            const std::vector<Submission>& submissions, int64_t now) {
  // Only work made during the workshop counts: from its start to its end, plus the extra
  // time a person was given (an open start or end does not limit).
  int64_t opens = ParseIsoTime(workshop.starts_at);
  int64_t closes = ParseIsoTime(workshop.ends_at);
  std::map<int64_t, int64_t> closes_for;
  for (const auto& member : members) {
    closes_for[member.user_id] =
        closes ? closes + static_cast<int64_t>(member.extra_minutes) * 60 : 0;
  }
  auto during_workshop = [&](int64_t user, int64_t at) {
    int64_t until = closes_for[user];
    return at >= opens && (!until || at <= until);
  };
  // When each (person, exercise) was first solved, and first tried.
  std::map<std::pair<int64_t, std::string>, int64_t> solved_at, tried_at;
  int64_t start = 0;
  for (const auto& s : submissions) {
    if (s.kind != "submission" || !closes_for.count(s.user_id)) continue;
    if (!during_workshop(s.user_id, s.created_at)) continue;
    auto key = std::make_pair(s.user_id, s.exercise);
    if (!tried_at.count(key)) tried_at[key] = s.created_at;
    if (s.status == "done" && s.verdict == "accepted" && !solved_at.count(key)) {
      solved_at[key] = s.finished_at ? s.finished_at : s.created_at;
    }
    if (!start || s.created_at < start) start = s.created_at;
  }
  std::set<int64_t> member_ids;
  for (const auto& member : members) member_ids.insert(member.user_id);
  json per_exercise = json::array();
  for (const auto& exercise : workshop.exercises) {
    int solved = 0, tried = 0;
    for (int64_t user : member_ids) {
      solved += solved_at.count({user, exercise}) ? 1 : 0;
      tried += tried_at.count({user, exercise}) ? 1 : 0;
    }
    per_exercise.push_back({{"exercise", exercise}, {"solved_by", solved}, {"tried_by", tried}});
  }
  // The room over time: solved (person, exercise) pairs and people with a solve, in up to 48
  // steps from the first submission to now.
  json timeline = json::array();
  if (start) {
    int64_t end = std::max(now, start + 60);
    int64_t step = std::max<int64_t>(60, (end - start + 47) / 48);
    for (int64_t t = start;; t += step) {
      int64_t at = std::min(t, end);
      int solves = 0;
      std::set<int64_t> people;
      for (const auto& [key, when] : solved_at) {
        if (when <= at) {
          ++solves;
          people.insert(key.first);
        }
      }
      int active = 0;
      std::set<int64_t> trying;
      for (const auto& [key, when] : tried_at) {
        if (when <= at) trying.insert(key.first);
      }
      active = static_cast<int>(trying.size());
      timeline.push_back({{"at", IsoTime(at)},
                          {"solved", solves},
                          {"people_with_a_solve", people.size()},
                          {"people_started", active}});
      if (at >= end) break;
    }
  }
  return {{"workshop", workshop.id},        {"title", workshop.title},
          {"participants", members.size()}, {"exercises", workshop.exercises.size()},
          {"per_exercise", per_exercise},   {"timeline", timeline}};
}

std::string WorkshopAnalyticsCsv(const json& analytics) {
  std::string csv = "at,solved,people_with_a_solve,people_started\n";
  for (const auto& row : analytics["timeline"]) {
    csv += row["at"].get<std::string>() + "," + std::to_string(row["solved"].get<int>()) + "," +
           std::to_string(row["people_with_a_solve"].get<int>()) + "," +
           std::to_string(row["people_started"].get<int>()) + "\n";
  }
  return csv;
}

namespace {

void ReplyJsonError(httplib::Response& res, int status, const std::string& error,
                    const std::string& message) {
  res.status = status;
  res.set_content(json{{"error", error}, {"message", message}}.dump(), "application/json");
}

bool WantsCsv(const ApiRequest& request) {
  return request.http.has_param("format") && request.http.get_param_value("format") == "csv";
}

}  // namespace

void ExerciseAnalytics(Services& services, const ApiRequest& request, httplib::Response& res) {
  const std::string& id = request.params.at("id");
  if (!services.catalog.Find(id)) {
    return ReplyJsonError(res, 404, "unknown_exercise",
                          "There is no exercise '" + id + "' on this server.");
  }
  auto submissions = services.storage.ExerciseSubmissions(id);
  if (!submissions) {
    return ReplyJsonError(res, 503, "storage_down", "The database does not answer; try again.");
  }
  res.status = 200;
  if (WantsCsv(request)) {
    res.set_header("Content-Disposition", "attachment; filename=\"" + id + "-submissions.csv\"");
    res.set_content(ExerciseAnalyticsCsv(*submissions), "text/csv; charset=utf-8");
    return;
  }
  res.set_content(BuildExerciseAnalytics(id, *submissions).dump(), "application/json");
}

void WorkshopAnalytics(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto id = PathId(request);
  if (!id) return ReplyJsonError(res, 400, id.error().error, id.error().message);
  auto workshop = services.storage.FindWorkshop(*id);
  if (!workshop || !*workshop) {
    return ReplyJsonError(res, 404, "unknown_workshop", "There is no such workshop.");
  }
  if ((*workshop)->trainer_id != request.user().id && request.user().role != Role::kAdmin) {
    return ReplyJsonError(res, 403, "not_your_workshop",
                          "Only the trainer who runs this workshop can do that.");
  }
  auto members = services.storage.Members(*id);
  if (!members) return ReplyJsonError(res, 503, "storage_down", "The database does not answer.");
  std::vector<int64_t> user_ids;
  for (const auto& member : *members) user_ids.push_back(member.user_id);
  auto submissions = services.storage.SubmissionsFor(user_ids, (*workshop)->exercises);
  if (!submissions)
    return ReplyJsonError(res, 503, "storage_down", "The database does not answer.");
  json analytics = BuildWorkshopAnalytics(**workshop, *members, *submissions, UnixNow());
  // Titles in the reader's language; the ids stay for links.
  for (auto& row : analytics["per_exercise"]) {
    auto exercise = services.catalog.Find(row["exercise"].get<std::string>());
    row["title"] = exercise ? json(exercise->Title(request.user().language)) : row["exercise"];
  }
  res.status = 200;
  if (WantsCsv(request)) {
    res.set_header("Content-Disposition",
                   "attachment; filename=\"workshop-" + std::to_string(*id) + "-progress.csv\"");
    res.set_content(WorkshopAnalyticsCsv(analytics), "text/csv; charset=utf-8");
    return;
  }
  res.set_content(analytics.dump(), "application/json");
}

}  // namespace web
