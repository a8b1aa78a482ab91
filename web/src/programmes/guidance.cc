// Guidance paths: goals a participant sets with their coach, the coach's check-in notes, the
// participant's own reflections and the milestones their data shows. Private to the
// participant and their coaches (trainers the coordinator assigned to them in this
// programme): anyone else gets 404. Reminders: a coach's participants quiet for 14 days.
#include <algorithm>

#include "base/time_util.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

constexpr size_t kMaxEntryBytes = 4000;

json EncodeEntry(const GuidanceEntry& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"text", e.text},
          {"author", e.author_username},
          {"created_at", IsoTime(e.created_at)}};
}

json Milestone(int64_t at, json detail = json::object()) {
  if (at == 0) return nullptr;
  detail["at"] = IsoTime(at);
  return detail;
}

// First exercise solved, first profile shared, first company contact, first trial opened.
ApiResult<json> Milestones(Services& services, int64_t user_id) {
  int64_t solved_at = 0;
  std::string solved;
  for (int64_t older_than = 0;;) {
    KOODIKOE_TRY(auto page, Check(services.storage.ListSubmissions(user_id, "", older_than)));
    if (page.empty()) break;
    older_than = page.back().id;
    for (const auto& s : page) {
      if (s.verdict == "accepted" && (solved_at == 0 || s.created_at <= solved_at)) {
        solved_at = s.created_at;
        solved = s.exercise;
      }
    }
  }
  KOODIKOE_TRY(auto shares, Check(services.storage.SharesOfCandidate(user_id)));
  int64_t shared_at = 0, contact_at = 0;
  for (const auto& s : shares) {
    if (shared_at == 0 || s.created_at < shared_at) shared_at = s.created_at;
    if (!s.contact.empty() && (contact_at == 0 || s.created_at < contact_at)) {
      contact_at = s.created_at;  // the contact came through the share made then
    }
  }
  KOODIKOE_TRY(auto trial_at, Check(services.storage.FirstTrialOpened(user_id)));
  return json{{"first_exercise_solved", Milestone(solved_at, {{"exercise", solved}})},
              {"first_shared_profile", Milestone(shared_at)},
              {"first_company_contact", Milestone(contact_at)},
              {"first_trial", Milestone(trial_at)}};
}

ApiResult<ApiReply> AddEntry(Services& services, const ApiRequest& request,
                             const PathAccess& access, const std::string& kind,
                             const std::string& field) {
  GuidanceEntry e;
  KOODIKOE_TRY(e.text, RequireString(request.body, field, kMaxEntryBytes));
  if (e.text.empty()) {
    return Reject(Fault::kInvalid, "missing_field", "Write something first.", {{"field", field}});
  }
  e.programme_id = access.view.programme.id;
  e.participant_id = access.participant.user_id;
  e.author_id = request.user().id;
  e.kind = kind;
  e.created_at = UnixNow();
  KOODIKOE_TRY(e.id, Check(services.storage.AddGuidanceEntry(e)));
  e.author_username = request.user().username;
  ApiReply reply;
  reply.body = EncodeEntry(e);
  return reply;
}

}  // namespace

ApiResult<PathAccess> SeePath(Services& services, const ApiRequest& request) {
  PathAccess access;
  KOODIKOE_TRY(access.view, SeenProgramme(services, request));
  KOODIKOE_TRY(auto participant_id, PathId(request, "user"));
  const User& user = request.user();
  const ProgrammeMember* member = access.view.Member(participant_id);
  access.is_participant = participant_id == user.id;
  bool allowed = member && member->role == "participant" &&
                 (access.is_participant || access.view.Coaches(user.id, participant_id));
  if (!allowed) {
    return Reject(Fault::kNotFound, "not_found",
                  "No guidance path you may read has that number: it is seen only by the "
                  "participant and their coaches.");
  }
  access.participant = *member;
  return access;
}

ApiResult<ApiReply> GetGuidancePath(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeePath(services, request));
  int64_t id = access.participant.user_id;
  KOODIKOE_TRY(auto entries, Check(services.storage.GuidanceEntries(access.view.programme.id, id)));
  json goals = json::array(), checkins = json::array(), reflections = json::array();
  for (const auto& e : entries) {
    json& list = e.kind == "goal" ? goals : e.kind == "checkin" ? checkins : reflections;
    list.push_back(EncodeEntry(e));
  }
  KOODIKOE_TRY(auto milestones, Milestones(services, id));
  KOODIKOE_TRY(auto last, Check(services.storage.LastActivity({id})));
  ApiReply reply;
  reply.body = {{"programme", access.view.programme.id},
                {"participant",
                 {{"id", id},
                  {"username", access.participant.username},
                  {"nickname", access.participant.nickname}}},
                {"coaches", access.view.CoachesOf(id)},
                {"private", true},
                {"goals", goals},
                {"checkins", checkins},
                {"reflections", reflections},
                {"milestones", milestones},
                {"last_active", last.count(id) ? json(IsoTime(last[id])) : json(nullptr)}};
  return reply;
}

ApiResult<ApiReply> AddGoal(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeePath(services, request));
  return AddEntry(services, request, access, "goal", "text");
}

ApiResult<ApiReply> AddCheckIn(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeePath(services, request));
  if (access.is_participant) {
    return Reject(Fault::kForbidden, "trainer_only",
                  "Check-ins are written by your coach; write a reflection instead.");
  }
  return AddEntry(services, request, access, "checkin", "note");
}

ApiResult<ApiReply> AddReflection(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeePath(services, request));
  if (!access.is_participant) {
    return Reject(Fault::kForbidden, "candidate_only",
                  "A reflection is the participant's own; write a check-in note instead.");
  }
  return AddEntry(services, request, access, "reflection", "text");
}

ApiResult<ApiReply> GetReminders(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeenProgramme(services, request));
  Seat seat = view.SeatOf(request.user());
  if (seat != Seat::kCoach && seat != Seat::kCoordinator) {
    return Reject(Fault::kNotFound, "not_found",
                  "You coach no one in a programme with that number.");
  }
  std::vector<const ProgrammeMember*> mine;
  std::vector<int64_t> ids;
  for (const auto& m : view.members) {
    if (m.role != "participant") continue;
    if (seat == Seat::kCoach && !view.Coaches(request.user().id, m.user_id)) continue;
    mine.push_back(&m);
    ids.push_back(m.user_id);
  }
  KOODIKOE_TRY(auto last, Check(services.storage.LastActivity(ids)));
  int64_t now = UnixNow();
  ApiReply reply;
  reply.body = json::array();
  for (const ProgrammeMember* m : mine) {
    auto it = last.find(m->user_id);
    int64_t since = it == last.end() ? m->joined_at : std::max(it->second, m->joined_at);
    if (now - since < kQuietSeconds) continue;
    reply.body.push_back(
        {{"id", m->user_id},
         {"username", m->username},
         {"nickname", m->nickname},
         {"last_active", it == last.end() ? json(nullptr) : json(IsoTime(it->second))},
         {"quiet_days", (now - since) / (24 * 3600)}});
  }
  return reply;
}

ApiResult<json> ExportProgrammes(Services& services, const User& user) {
  KOODIKOE_TRY(auto memberships, Check(services.storage.MembershipsOf(user.id)));
  json out = json::array();
  for (const auto& m : memberships) {
    KOODIKOE_TRY(auto programme, Check(services.storage.FindProgramme(m.programme_id)));
    if (!programme) continue;
    json item = {{"id", programme->id},
                 {"name", programme->name},
                 {"role", m.role},
                 {"joined_at", IsoTime(m.joined_at)}};
    if (!m.looks_for.empty()) item["looks_for"] = json::parse(m.looks_for, nullptr, false);
    if (m.role == "participant") {
      KOODIKOE_TRY(auto entries, Check(services.storage.GuidanceEntries(m.programme_id, user.id)));
      json path = json::array();
      for (const auto& e : entries) path.push_back(EncodeEntry(e));
      item["guidance"] = path;
      KOODIKOE_TRY(auto outcomes, Check(services.storage.Outcomes(m.programme_id, user.id)));
      item["outcome"] = nullptr;
      for (const auto& o : outcomes) {
        item["outcome"] = {{"outcome", o.outcome},
                           {"date", o.outcome_on},
                           {"consent", o.consent},
                           {"recorded_by", o.recorded_by_username},
                           {"updated_at", IsoTime(o.updated_at)}};
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace web
