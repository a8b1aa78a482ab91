// Team projects (issue 20): the API's handlers and the git smart-HTTP bridge, for the route
// table.
#pragma once

#include <httplib.h>

#include "http/api.h"

namespace web {

// A team has at most this many members; one a trainer forms has at least kMinTeamMembers.
inline constexpr int kMinTeamMembers = 2;
inline constexpr int kMaxTeamMembers = 6;

// The longest reflection a member writes on their role, and a trainer's note on a member.
inline constexpr size_t kMaxTeamReflectionBytes = 4000;
inline constexpr size_t kMaxTrainerNoteBytes = 1000;

// A team with its project and workshop, as the caller sees it.
struct TeamView {
  Team team;
  TeamProject project;
  Workshop workshop;
  bool member = false;   // the caller is one of the team
  bool trainer = false;  // the caller runs the workshop (or is an admin)
};

// The team at the path, for its members and the workshop's trainer (and admins); everyone
// else gets 404, as if there were no such team.
ApiResult<TeamView> SeeTeam(Services&, const ApiRequest&);
// Each member's reflection and the trainer's note on them, in the team's member order.
ApiResult<json> EncodeReflections(Services&, const Team&);

// The API (handlers_projects.cc).
ApiResult<ApiReply> CreateProject(Services&, const ApiRequest&);
ApiResult<ApiReply> GetProject(Services&, const ApiRequest&);
ApiResult<ApiReply> CreateTeam(Services&, const ApiRequest&);
ApiResult<ApiReply> JoinTeamRoute(Services&, const ApiRequest&);
ApiResult<ApiReply> GetTeam(Services&, const ApiRequest&);
// Judging a team's commit through the queue (a submission of kind "team"), and the team's
// judgings with their per-scenario verdicts.
ApiResult<ApiReply> JudgeTeam(Services&, const ApiRequest&);
ApiResult<ApiReply> ListTeamJudgings(Services&, const ApiRequest&);
// Evidence of teamwork (handlers_team_evidence.cc): contributions from the history, a
// member's reflection on their own role, the trainer's note on a member.
ApiResult<ApiReply> GetContributions(Services&, const ApiRequest&);
ApiResult<ApiReply> PutTeamReflection(Services&, const ApiRequest&);
ApiResult<ApiReply> PutTeamNote(Services&, const ApiRequest&);

// git's smart HTTP protocol for team repositories (git_http.cc): GET .../info/refs and POST
// .../git-upload-pack or .../git-receive-pack, served by `git http-backend` as CGI, for the
// team's members authenticated with HTTP Basic (their account's name and password).
void GitHttp(Services&, const ApiRequest&, httplib::Response&);

}  // namespace web
