// The programme report, for the coordinator and for funders: participants, activity per week,
// exercises solved by track and tier, skills confirmed, shares, company contacts, trials and
// outcomes, every figure a count of people. The small-group rule: in anything shown outside
// the programme's coordinators a count of 1 to 4 people is hidden (null in JSON, "<5" in CSV),
// with its share. JSON and CSV are made from one list of rows, so they always agree.
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "base/time_util.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

struct Row {
  std::string section;
  std::string key;
  int64_t count = 0;
  bool with_share = false;  // outcomes: the count's share of all participants
  double share = 0;         // percent, one decimal
};

bool Hidden(const Row& row, bool masked) {
  return masked && row.count > 0 && row.count < kSmallGroup;
}

// The Monday of the week of `unix_seconds`, as YYYY-MM-DD (UTC).
std::string WeekOf(int64_t unix_seconds) {
  int64_t days = unix_seconds / 86400;
  int64_t weekday = (days + 3) % 7;  // 1970-01-01 was a Thursday: Monday is 0
  return IsoTime((days - weekday) * 86400).substr(0, 10);
}

struct People {
  std::map<std::string, std::set<int64_t>> by_key;
  void Add(const std::string& key, int64_t who) { by_key[key].insert(who); }
};

void Append(std::vector<Row>& rows, const std::string& section, const People& people) {
  for (const auto& [key, who] : people.by_key) {
    rows.push_back({section, key, static_cast<int64_t>(who.size())});
  }
}

ApiResult<std::vector<Row>> BuildRows(Services& services, const ProgrammeView& view) {
  std::vector<int64_t> ids;
  for (const auto& m : view.members) {
    if (m.role == "participant") ids.push_back(m.user_id);
  }
  std::vector<Row> rows;
  rows.push_back({"participants", "all", static_cast<int64_t>(ids.size())});
  std::vector<std::string> exercise_ids;
  for (const auto& e : services.catalog.All()) exercise_ids.push_back(e->id);
  KOODIKOE_TRY(auto submissions, Check(services.storage.SubmissionsFor(ids, exercise_ids)));
  People weeks, tracks, tiers, skills, reached;
  for (const auto& s : submissions) weeks.Add(WeekOf(s.created_at), s.user_id);
  for (int64_t id : ids) {
    KOODIKOE_TRY(auto results, Check(services.storage.ExerciseResults(id)));
    for (const auto& r : results) {
      auto e = services.catalog.Find(r.exercise);
      if (!r.solved || !e) continue;
      tracks.Add(e->track, id);
      tiers.Add(std::to_string(e->tier), id);
    }
    KOODIKOE_TRY(auto profile, Check(services.storage.FindProfile(id)));
    if (profile) {
      for (const auto& skill : profile->confirmed_skills) skills.Add(skill, id);
    }
    KOODIKOE_TRY(auto shares, Check(services.storage.SharesOfCandidate(id)));
    for (const auto& share : shares) {
      reached.Add("shared_profile", id);
      if (!share.contact.empty()) reached.Add("company_contact", id);
    }
    KOODIKOE_TRY(auto trial, Check(services.storage.FirstTrialOpened(id)));
    if (trial) reached.Add("trial", id);
  }
  Append(rows, "activity", weeks);
  Append(rows, "solved_by_track", tracks);
  Append(rows, "solved_by_tier", tiers);
  Append(rows, "skills_confirmed", skills);
  for (const char* key : {"shared_profile", "company_contact", "trial"}) {
    auto it = reached.by_key.find(key);
    rows.push_back(
        {"reached", key, it == reached.by_key.end() ? 0 : static_cast<int64_t>(it->second.size())});
  }
  // Outcomes kept without the participant's consent, and participants without one, count as
  // unknown.
  KOODIKOE_TRY(auto outcomes, Check(services.storage.Outcomes(view.programme.id, 0)));
  std::map<std::string, int64_t> by_outcome;
  std::set<int64_t> participants(ids.begin(), ids.end());
  for (const auto& o : outcomes) {
    if (!participants.count(o.participant_id)) continue;
    ++by_outcome[o.consent ? o.outcome : "unknown"];
  }
  int64_t known = 0;
  for (const auto& [outcome, count] : by_outcome) known += count;
  by_outcome["unknown"] += static_cast<int64_t>(ids.size()) - known;
  for (const char* outcome : kOutcomes) {
    Row row{"outcomes", outcome, by_outcome[outcome], true};
    row.share = ids.empty() ? 0 : std::round(1000.0 * row.count / ids.size()) / 10;
    rows.push_back(row);
  }
  return rows;
}

json EncodeReport(const ProgrammeView& view, const std::vector<Row>& rows, bool masked) {
  json sections = json::object();
  for (const auto& row : rows) {
    bool hidden = Hidden(row, masked);
    json cell = {{"key", row.key}, {"count", hidden ? json(nullptr) : json(row.count)}};
    if (row.with_share) cell["share"] = hidden ? json(nullptr) : json(row.share);
    if (!sections.contains(row.section)) sections[row.section] = json::array();
    sections[row.section].push_back(std::move(cell));
  }
  return {{"programme",
           {{"id", view.programme.id},
            {"name", view.programme.name},
            {"starts_on", view.programme.starts_on},
            {"ends_on", view.programme.ends_on}}},
          {"masked", masked},
          {"small_group_limit", kSmallGroup},
          {"sections", sections}};
}

std::string Csv(const std::vector<Row>& rows, bool masked) {
  std::ostringstream out;
  out << "section,key,count,share\n";
  for (const auto& row : rows) {
    bool hidden = Hidden(row, masked);
    std::string key = row.key;
    if (key.find_first_of(",\"\n") != std::string::npos ||
        (!key.empty() && std::string("=+-@").find(key[0]) != std::string::npos)) {
      std::string quoted = "\"'";
      for (char c : key) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      key = quoted + "\"";
    }
    out << row.section << ',' << key << ','
        << (hidden ? std::string("<5") : std::to_string(row.count)) << ',';
    if (row.with_share) {
      if (hidden) {
        out << "<5";
      } else {
        std::ostringstream share;
        share << row.share;
        out << share.str();
      }
    }
    out << '\n';
  }
  return out.str();
}

// The report's rows and whether they are masked for the caller: exact for the programme's
// coordinators (unless they ask ?view=public to see what others see), masked for everyone
// else of the programme; 404 outside it.
ApiResult<std::pair<ProgrammeView, bool>> ReportFor(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeenProgramme(services, request));
  bool masked = view.SeatOf(request.user()) != Seat::kCoordinator ||
                request.http.get_param_value("view") == "public";
  return std::pair{std::move(view), masked};
}

}  // namespace

ApiResult<ApiReply> GetProgrammeReport(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto seen, ReportFor(services, request));
  KOODIKOE_TRY(auto rows, BuildRows(services, seen.first));
  ApiReply reply;
  reply.body = EncodeReport(seen.first, rows, seen.second);
  return reply;
}

ApiResult<std::string> ProgrammeReportCsv(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto seen, ReportFor(services, request));
  KOODIKOE_TRY(auto rows, BuildRows(services, seen.first));
  return Csv(rows, seen.second);
}

}  // namespace web
