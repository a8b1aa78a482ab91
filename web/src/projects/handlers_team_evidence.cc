// A team's evidence of teamwork through the API: each member's contribution from the history,
// their reflections on their own role and the trainer's notes, for the team and its trainer.
#include "base/log.h"
#include "base/time_util.h"
#include "koodikoe/try.h"
#include "projects/projects.h"
#include "projects/team_history.h"

namespace web {

namespace {

ApiReply Reply(json body) {
  ApiReply reply;
  reply.body = std::move(body);
  return reply;
}

}  // namespace

ApiResult<json> EncodeReflections(Services& services, const Team& team) {
  KOODIKOE_TRY(auto stored, Check(services.storage.TeamReflections(team.id)));
  json list = json::array();
  for (const auto& member : team.members) {
    json entry = {{"username", member.username},
                  {"reflection", ""},
                  {"trainer_note", ""},
                  {"updated_at", nullptr}};
    for (const auto& r : stored) {
      if (r.user_id != member.user_id) continue;
      entry["reflection"] = r.reflection;
      entry["trainer_note"] = r.trainer_note;
      entry["updated_at"] = IsoTime(r.updated_at);
    }
    list.push_back(entry);
  }
  return list;
}

ApiResult<ApiReply> GetContributions(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeTeam(services, request));
  auto contributions = TeamContributions(services.storage, services.options.data_dir, view.team);
  if (!contributions) return InternalFailure(contributions.error());
  return Reply(std::move(*contributions));
}

ApiResult<ApiReply> PutTeamReflection(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeTeam(services, request));
  if (!view.member) {
    return Reject(Fault::kForbidden, "not_a_team_member",
                  "Only the team's members write reflections on their own role; the trainer "
                  "writes a note per member.");
  }
  KOODIKOE_TRY(auto text, RequireString(request.body, "text", kMaxTeamReflectionBytes));
  KOODIKOE_TRY_VOID(
      Check(services.storage.SetTeamReflection(view.team.id, request.user().id, text, UnixNow())));
  KOODIKOE_TRY(auto reflections, EncodeReflections(services, view.team));
  return Reply({{"reflections", reflections}});
}

ApiResult<ApiReply> PutTeamNote(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeTeam(services, request));
  if (!view.trainer) {
    return Reject(Fault::kForbidden, "not_your_workshop",
                  "Only the trainer who runs the workshop writes notes on the team's members.");
  }
  const std::string& username = request.params.at("user");
  const TeamMember* member = nullptr;
  for (const auto& m : view.team.members) {
    if (m.username == username) member = &m;
  }
  if (!member) {
    return Reject(Fault::kNotFound, "unknown_member",
                  username + " is not a member of the team " + view.team.name + ".");
  }
  KOODIKOE_TRY(auto note, RequireString(request.body, "note", kMaxTrainerNoteBytes));
  KOODIKOE_TRY_VOID(
      Check(services.storage.SetTeamNote(view.team.id, member->user_id, note, UnixNow())));
  KOODIKOE_TRY(auto reflections, EncodeReflections(services, view.team));
  return Reply({{"reflections", reflections}});
}

}  // namespace web
