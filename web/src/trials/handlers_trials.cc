// Coding trials: a company (or a trainer for one) builds a timed trial from exercises and
// invites candidates with a link; each candidate's window starts when they open it. Opening
// the invitation is the candidate's consent to show that trial's results, with their name, to
// the trial's owner. Results per candidate as JSON and CSV, and similar solutions among them.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>

#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/try.h"
#include "similarity/similarity.h"

namespace web {

namespace {

constexpr int kMaxTrialMinutes = 8 * 60;

bool MayRunTrials(Role role) { return role == Role::kCompany || IsTrainerRole(role); }

json EncodeTrial(const Trial& trial, bool with_invite) {
  json out = {{"id", trial.id},
              {"title", trial.title},
              {"minutes", trial.minutes},
              {"exercises", trial.exercises},
              {"owner", trial.owner_username},
              {"created_at", IsoTime(trial.created_at)}};
  if (with_invite) {
    out["code"] = trial.invite_code;
    out["invite"] = "/trials/open/" + trial.invite_code;
  }
  return out;
}

ApiResult<Trial> OwnTrial(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY(auto trial, Check(services.storage.FindTrial(id)));
  if (!trial || (trial->owner_id != request.user().id && request.user().role != Role::kAdmin)) {
    return Reject(Fault::kNotFound, "unknown_trial", "You run no trial with that number.");
  }
  return std::move(*trial);
}

struct ParticipantResult {
  TrialParticipant participant;
  int64_t ends_at = 0;
  std::map<std::string, Submission> best;  // exercise -> best submission inside the window
  std::map<std::string, int> attempts;
  std::map<std::string, double> percent;  // exercise -> best score as % of its maximum
  double total = 0;  // mean of `percent` over the trial's exercises (an unsent one counts 0)
};

// One decimal: 2 of 3 is 66.7.
double Rounded(double value) { return std::round(value * 10) / 10; }

// A score as a share of its maximum, so exercises scored out of 3 and out of 100 weigh the same.
double Percent(const Submission& s) {
  return s.max_score > 0 ? std::min(1.0, std::max(0.0, s.score / s.max_score)) * 100 : 0;
}

// Each participant's submissions inside their own window, best per exercise.
ApiResult<std::vector<ParticipantResult>> TrialResults(Services& services, const Trial& trial) {
  KOODIKOE_TRY(auto participants, Check(services.storage.TrialParticipants(trial.id)));
  std::vector<int64_t> ids;
  for (const auto& p : participants) ids.push_back(p.user_id);
  KOODIKOE_TRY(auto submissions, Check(services.storage.SubmissionsFor(ids, trial.exercises)));
  std::vector<ParticipantResult> results;
  for (const auto& p : participants) {
    ParticipantResult r;
    r.participant = p;
    r.ends_at = p.opened_at + static_cast<int64_t>(trial.minutes) * 60;
    for (const auto& s : submissions) {
      if (s.user_id != p.user_id || s.status != "done") continue;
      if (s.created_at < p.opened_at || s.created_at > r.ends_at) continue;
      ++r.attempts[s.exercise];
      auto it = r.best.find(s.exercise);
      if (it == r.best.end() || s.score > it->second.score ||
          (s.score == it->second.score && s.verdict == "accepted")) {
        r.best[s.exercise] = s;
      }
    }
    for (const auto& [exercise, s] : r.best) {
      r.percent[exercise] = Percent(s);
      r.total += r.percent[exercise];
    }
    r.total = trial.exercises.empty() ? 0 : Rounded(r.total / trial.exercises.size());
    results.push_back(std::move(r));
  }
  return results;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos &&
      (text.empty() || std::string("=+-@").find(text[0]) == std::string::npos)) {
    return text;
  }
  std::string quoted = "\"";
  // A leading formula character is neutralised so a spreadsheet does not evaluate it.
  if (!text.empty() && std::string("=+-@").find(text[0]) != std::string::npos) quoted += "'";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string Score(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

ApiResult<ApiReply> CreateTrial(Services& services, const ApiRequest& request) {
  if (!MayRunTrials(request.user().role)) {
    return Reject(Fault::kForbidden, "company_only", "Only a company or a trainer runs trials.");
  }
  KOODIKOE_TRY(auto title, RequireString(request.body, "title", 200));
  KOODIKOE_TRY(auto minutes, RequireInt(request.body, "minutes", 5, kMaxTrialMinutes));
  const json& list = request.body.value("exercises", json::array());
  if (!list.is_array() || list.empty() || list.size() > 20) {
    return Reject(Fault::kInvalid, "bad_exercises", "Choose from 1 to 20 exercises for the trial.");
  }
  Trial trial;
  for (const auto& item : list) {
    if (!item.is_string() || !services.catalog.Find(item.get<std::string>())) {
      return Reject(Fault::kInvalid, "unknown_exercise",
                    "The trial names an exercise this server does not have: " + item.dump());
    }
    if (std::find(trial.exercises.begin(), trial.exercises.end(), item) == trial.exercises.end()) {
      trial.exercises.push_back(item);
    }
  }
  trial.owner_id = request.user().id;
  trial.title = title;
  trial.minutes = static_cast<int>(minutes);
  trial.invite_code = RandomHex(12);
  trial.created_at = UnixNow();
  KOODIKOE_TRY(auto id, Check(services.storage.AddTrial(trial)));
  trial.id = id;
  trial.owner_username = request.user().username;
  ApiReply reply;
  reply.body = EncodeTrial(trial, true);
  return reply;
}

ApiResult<ApiReply> ListTrials(Services& services, const ApiRequest& request) {
  ApiReply reply;
  reply.body = json::array();
  if (MayRunTrials(request.user().role)) {
    KOODIKOE_TRY(auto trials, Check(services.storage.TrialsOfOwner(request.user().id)));
    for (const auto& trial : trials) reply.body.push_back(EncodeTrial(trial, true));
  }
  return reply;
}

// The candidate opens an invitation: the window starts now (or already did). With
// "preview": true nothing starts: the landing page shows what the trial is, how long it takes
// and what its owner will see, and the window's times only if it was already opened.
ApiResult<ApiReply> OpenTrial(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto code, RequireString(request.body, "code", 64));
  KOODIKOE_TRY(auto trial, Check(services.storage.FindTrialByCode(code)));
  if (!trial) {
    return Reject(Fault::kNotFound, "unknown_trial",
                  "This invitation does not work. Check the link you were sent.");
  }
  if (request.user().role != Role::kCandidate) {
    return Reject(Fault::kForbidden, "candidate_only", "Only a candidate takes a trial.");
  }
  const bool preview = request.body.value("preview", false) == true;
  std::optional<int64_t> opened;
  if (preview) {
    KOODIKOE_TRY(auto participants, Check(services.storage.TrialParticipants(trial->id)));
    for (const auto& p : participants) {
      if (p.user_id == request.user().id) opened = p.opened_at;
    }
  } else {
    KOODIKOE_TRY(auto started,
                 Check(services.storage.OpenTrial(trial->id, request.user().id, UnixNow())));
    opened = started;
  }
  ApiReply reply;
  reply.body = EncodeTrial(*trial, false);
  reply.body["opened"] = opened.has_value();
  if (opened) {
    int64_t ends = *opened + static_cast<int64_t>(trial->minutes) * 60;
    reply.body["opened_at"] = IsoTime(*opened);
    reply.body["ends_at"] = IsoTime(ends);
    reply.body["seconds_left"] = std::max<int64_t>(0, ends - UnixNow());
  }
  json titles = json::object();
  for (const auto& id : trial->exercises) {
    if (auto exercise = services.catalog.Find(id)) {
      titles[id] = exercise->Title(request.user().language);
    }
  }
  reply.body["titles"] = titles;
  return reply;
}

ApiResult<ApiReply> GetTrialResults(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto trial, OwnTrial(services, request));
  KOODIKOE_TRY(auto results, TrialResults(services, trial));
  json exercises = json::array();
  for (const auto& id : trial.exercises) {
    auto exercise = services.catalog.Find(id);
    json column = {{"id", id}, {"title", exercise ? exercise->Title("en") : id}};
    // The title in each language the exercise has, for the table in the reader's language.
    if (exercise) column["titles"] = exercise->titles;
    exercises.push_back(std::move(column));
  }
  json candidates = json::array();
  json distribution = json::object();  // exercise -> scores, for the chart
  for (const auto& r : results) {
    json per = json::object();
    for (const auto& id : trial.exercises) {
      auto it = r.best.find(id);
      if (it == r.best.end()) {
        per[id] = {
            {"score", 0}, {"max_score", 0}, {"percent", 0}, {"verdict", nullptr}, {"attempts", 0}};
        distribution[id].push_back(0);
        continue;
      }
      const Submission& s = it->second;
      per[id] = {{"score", s.score},
                 {"max_score", s.max_score},
                 {"percent", Rounded(r.percent.at(id))},
                 {"verdict", s.verdict},
                 {"attempts", r.attempts.at(id)},
                 {"submission", s.id}};
      distribution[id].push_back(s.max_score > 0 ? s.score / s.max_score : 0);
    }
    const auto& p = r.participant;
    candidates.push_back({{"username", p.username},
                          {"name", p.nickname.empty() ? p.username : p.nickname},
                          {"opened_at", IsoTime(p.opened_at)},
                          {"ends_at", IsoTime(r.ends_at)},
                          {"finished", UnixNow() > r.ends_at},
                          {"total", r.total},
                          {"exercises", per}});
  }
  ApiReply reply;
  reply.body = EncodeTrial(trial, true);
  reply.body["columns"] = exercises;
  reply.body["candidates"] = candidates;
  reply.body["total_scale"] = "percent";  // each exercise's % of its maximum, mean over them
  reply.body["distribution"] = distribution;
  return reply;
}

ApiResult<std::string> TrialCsv(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto trial, OwnTrial(services, request));
  KOODIKOE_TRY(auto results, TrialResults(services, trial));
  // Every score column is on one scale, named in its header: % of the exercise's maximum.
  std::string csv = "candidate,username,opened_at,ends_at";
  for (const auto& id : trial.exercises) csv += "," + CsvField(id + " (% of max)");
  csv += ",total (mean % of max)\r\n";
  for (const auto& r : results) {
    const auto& p = r.participant;
    csv += CsvField(p.nickname.empty() ? p.username : p.nickname) + "," + CsvField(p.username) +
           "," + IsoTime(p.opened_at) + "," + IsoTime(r.ends_at);
    for (const auto& id : trial.exercises) {
      auto it = r.percent.find(id);
      csv += "," + (it == r.percent.end() ? std::string("0") : Score(Rounded(it->second)));
    }
    csv += "," + Score(r.total) + "\r\n";
  }
  return csv;
}

ApiResult<ApiReply> TrialSimilarity(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto trial, OwnTrial(services, request));
  KOODIKOE_TRY(auto results, TrialResults(services, trial));
  json pairs = json::array();
  for (const auto& exercise : trial.exercises) {
    std::vector<Submission> finals;
    std::vector<SimilarityProgram> programs;
    std::map<int64_t, std::string> names;
    for (const auto& r : results) {
      auto it = r.best.find(exercise);
      if (it == r.best.end()) continue;
      KOODIKOE_TRY(auto full, Check(services.storage.FindSubmission(it->second.id)));
      if (!full) continue;
      names[full->user_id] =
          r.participant.nickname.empty() ? r.participant.username : r.participant.nickname;
      programs.push_back({std::to_string(full->id), full->language, full->source});
      finals.push_back(std::move(*full));
    }
    auto side = [&](const Submission& s) {
      return json{{"submission", s.id},           {"username", s.username},
                  {"nickname", names[s.user_id]}, {"language", s.language},
                  {"verdict", s.verdict},         {"source", s.source}};
    };
    for (const auto& pair : FindSimilarPairs(programs)) {
      json regions = json::array();
      for (const auto& r : pair.regions) {
        regions.push_back({{"a", {r.a_first, r.a_last}}, {"b", {r.b_first, r.b_last}}});
      }
      pairs.push_back({{"exercise", exercise},
                       {"score", static_cast<int>(pair.score * 100 + 0.5)},
                       {"shared_fingerprints", pair.shared},
                       {"a", side(finals[pair.a])},
                       {"b", side(finals[pair.b])},
                       {"regions", regions}});
    }
  }
  ApiReply reply;
  reply.body = {{"trial", trial.id}, {"pairs", pairs}};
  return reply;
}

}  // namespace web
