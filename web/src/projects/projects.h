// Team projects (issue 20): the API's handlers and the git smart-HTTP bridge, for the route
// table.
#pragma once

#include <httplib.h>

#include "http/api.h"

namespace web {

// A team has at most this many members; one a trainer forms has at least kMinTeamMembers.
inline constexpr int kMinTeamMembers = 2;
inline constexpr int kMaxTeamMembers = 6;

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

// git's smart HTTP protocol for team repositories (git_http.cc): GET .../info/refs and POST
// .../git-upload-pack or .../git-receive-pack, served by `git http-backend` as CGI, for the
// team's members authenticated with HTTP Basic (their account's name and password).
void GitHttp(Services&, const ApiRequest&, httplib::Response&);

}  // namespace web
