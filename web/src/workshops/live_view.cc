// The trainer's view of the room and the scoreboard, computed from stored submissions.
#include <algorithm>
#include <map>
#include <set>

#include "base/time_util.h"
#include "http/api.h"

namespace web {

namespace {

struct Attempts {
  int count = 0;
  int64_t first_at = 0;
  const Submission* last = nullptr;
};

// Heat-map: for each test, how many people's latest submission on the exercise fails it.
json FailureHeatmap(const std::map<int64_t, std::map<std::string, Attempts>>& by_user) {
  std::map<std::pair<std::string, std::string>, int> failures;
  for (const auto& [user_id, exercises] : by_user) {
    for (const auto& [exercise, attempts] : exercises) {
      if (!attempts.last || attempts.last->status != "done") continue;
      json report = json::parse(attempts.last->report_json, nullptr, false);
      if (!report.is_object() || !report.contains("tests") || !report["tests"].is_array()) {
        continue;
      }
      for (const auto& test : report["tests"]) {
        if (test.value("verdict", "accepted") != "accepted") {
          ++failures[{exercise, test.value("name", "?")}];
        }
      }
    }
  }
  json heatmap = json::array();
  for (const auto& [key, count] : failures) {
    heatmap.push_back({{"exercise", key.first}, {"test", key.second}, {"failures", count}});
  }
  std::stable_sort(heatmap.begin(), heatmap.end(), [](const json& a, const json& b) {
    return a["failures"].get<int>() > b["failures"].get<int>();
  });
  return heatmap;
}

// The code a help request is about: the asker's latest submission on that exercise made
// before the request was answered (or by now, while it waits).
json SubmissionForHelp(const HelpRequest& request, const std::vector<Submission>& submissions) {
  const Submission* found = nullptr;
  for (const auto& submission : submissions) {
    if (submission.user_id != request.user_id || submission.exercise != request.exercise) continue;
    if (request.answered && submission.created_at > request.answered_at) continue;
    found = &submission;  // oldest first, so the last match is the latest
  }
  return found ? json(found->id) : json(nullptr);
}

// Answered requests stay in the list (with answered_at): the room keeps its history.
json HelpQueue(const std::vector<HelpRequest>& help, const std::vector<Submission>& submissions) {
  json queue = json::array();
  for (const auto& request : help) {
    queue.push_back(
        {{"id", request.id},
         {"username", request.username},
         {"nickname", request.nickname},
         {"exercise", request.exercise},
         {"message", request.message},
         {"created_at", IsoTime(request.created_at)},
         {"answered", request.answered},
         {"answered_at", request.answered ? json(IsoTime(request.answered_at)) : json()},
         {"submission_id", SubmissionForHelp(request, submissions)}});
  }
  return queue;
}

}  // namespace

json BuildLiveView(const Workshop& workshop, const std::vector<Member>& members,
                   const std::vector<Submission>& submissions, const std::vector<HelpRequest>& help,
                   int64_t now) {
  // Submissions come oldest first; per person and exercise keep the count and the latest.
  // Only work done since joining counts: the room is about this session.
  std::map<int64_t, int64_t> joined_at;
  for (const auto& member : members) joined_at[member.user_id] = member.joined_at;
  std::map<int64_t, std::map<std::string, Attempts>> by_user;
  std::map<int64_t, const Submission*> latest_of_user;
  for (const auto& submission : submissions) {
    if (submission.created_at < joined_at[submission.user_id]) continue;
    Attempts& attempts = by_user[submission.user_id][submission.exercise];
    if (attempts.count++ == 0) attempts.first_at = submission.created_at;
    attempts.last = &submission;
    latest_of_user[submission.user_id] = &submission;
  }
  std::set<int64_t> waiting_for_help;
  for (const auto& request : help) {
    if (!request.answered) waiting_for_help.insert(request.user_id);
  }

  json participants = json::array();
  for (const auto& member : members) {
    json row = {{"username", member.username},
                {"nickname", member.nickname},
                {"exercise", nullptr},
                {"attempts", 0},
                {"last_verdict", nullptr},
                {"last_status", nullptr},
                {"last_submission_at", nullptr},
                {"last_submission_id", nullptr},
                {"minutes_on_exercise", 0},
                {"minutes_since_last_submission", nullptr},
                {"extra_minutes", member.extra_minutes},
                {"needs_help", waiting_for_help.count(member.user_id) > 0}};
    // "Where they are" is the exercise of their latest submission.
    auto latest = latest_of_user.find(member.user_id);
    if (latest != latest_of_user.end()) {
      const Submission& last = *latest->second;
      const Attempts& attempts = by_user[member.user_id][last.exercise];
      row["exercise"] = last.exercise;
      row["attempts"] = attempts.count;
      row["last_verdict"] = last.status == "done" ? json(last.verdict) : json(nullptr);
      row["last_status"] = last.status;
      row["last_submission_at"] = IsoTime(last.created_at);
      row["last_submission_id"] = last.id;  // the trainer opens the code from the room
      row["minutes_on_exercise"] = std::max<int64_t>(0, (now - attempts.first_at) / 60);
      row["minutes_since_last_submission"] = std::max<int64_t>(0, (now - last.created_at) / 60);
    } else {
      row["minutes_on_exercise"] = std::max<int64_t>(0, (now - member.joined_at) / 60);
    }
    participants.push_back(row);
  }

  return {{"workshop", workshop.id},
          {"participants", participants},
          {"heatmap", FailureHeatmap(by_user)},
          {"help", HelpQueue(help, submissions)}};
}

json BuildScoreboard(const Workshop& workshop, const std::vector<Member>& members,
                     const std::vector<Submission>& submissions) {
  (void)workshop;
  std::map<int64_t, int64_t> joined_at;
  for (const auto& member : members) joined_at[member.user_id] = member.joined_at;
  std::map<int64_t, std::map<std::string, std::pair<bool, double>>> best;
  for (const auto& submission : submissions) {
    if (submission.status != "done" || submission.created_at < joined_at[submission.user_id]) {
      continue;
    }
    auto& entry = best[submission.user_id][submission.exercise];
    entry.first = entry.first || submission.verdict == "accepted";
    entry.second = std::max(entry.second, submission.score);
  }
  json board = json::array();
  for (const auto& member : members) {
    int solved = 0;
    double score = 0;
    for (const auto& [exercise, entry] : best[member.user_id]) {
      solved += entry.first ? 1 : 0;
      score += entry.second;
    }
    board.push_back({{"nickname", member.nickname}, {"solved", solved}, {"score", score}});
  }
  std::stable_sort(board.begin(), board.end(), [](const json& a, const json& b) {
    if (a["solved"] != b["solved"]) return a["solved"].get<int>() > b["solved"].get<int>();
    return a["score"].get<double>() > b["score"].get<double>();
  });
  return board;
}

}  // namespace web
