// Team projects of a workshop and their teams: who may see and change them is the workshop's
// trainer (and admins) and the members of each team, no one else.
#include <algorithm>

#include "base/log.h"
#include "base/time_util.h"
#include "koodikoe/try.h"
#include "projects/projects.h"
#include "projects/team_repos.h"

namespace web {

namespace {

constexpr char kCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

std::string NewTeamCode() {
  std::string random = RandomHex(8);
  std::string code = "T";
  for (size_t i = 0; i < 7; ++i) {
    int value = std::stoi(random.substr(i * 2, 2), nullptr, 16);
    code += kCodeAlphabet[value % (sizeof kCodeAlphabet - 1)];
  }
  return code;
}

ApiReply Reply(json body) {
  ApiReply reply;
  reply.body = std::move(body);
  return reply;
}

bool Runs(const User& user, const Workshop& workshop) {
  return user.role == Role::kAdmin || workshop.trainer_id == user.id;
}

bool IsMember(const Team& team, int64_t user_id) {
  return std::any_of(team.members.begin(), team.members.end(),
                     [&](const TeamMember& m) { return m.user_id == user_id; });
}

ApiResult<Workshop> LoadWorkshop(Services& services, int64_t id) {
  auto found = Check(services.storage.FindWorkshop(id));
  if (!found) return tl::unexpected(found.error());
  if (!*found) return Reject(Fault::kNotFound, "unknown_workshop", "There is no such workshop.");
  return std::move(**found);
}

struct ProjectView {
  TeamProject project;
  Workshop workshop;
  bool trainer = false;
};

// The project and its workshop, for its trainer or a member of the workshop; others get 404.
ApiResult<ProjectView> SeeProject(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  auto project = Check(services.storage.FindProject(id));
  if (!project) return tl::unexpected(project.error());
  auto unknown = Reject(Fault::kNotFound, "unknown_project", "There is no such team project.");
  if (!*project) return unknown;
  KOODIKOE_TRY(auto workshop, LoadWorkshop(services, (*project)->workshop_id));
  ProjectView view{std::move(**project), std::move(workshop), false};
  view.trainer = Runs(request.user(), view.workshop);
  if (view.trainer) return view;
  KOODIKOE_TRY(auto members, Check(services.storage.Members(view.workshop.id)));
  bool member = std::any_of(members.begin(), members.end(),
                            [&](const Member& m) { return m.user_id == request.user().id; });
  if (!member) return unknown;
  return view;
}

std::string BaseUrl(const httplib::Request& http) {
  std::string host = http.get_header_value("Host");
  if (host.empty()) host = "localhost";
  bool https = http.get_header_value("X-Forwarded-Proto") == "https";
  return (https ? "https://" : "http://") + host;
}

json EncodeTeam(const Team& team, const httplib::Request& http) {
  json members = json::array();
  for (const auto& m : team.members) {
    members.push_back({{"username", m.username}, {"joined_at", IsoTime(m.joined_at)}});
  }
  return {
      {"id", team.id},      {"project", team.project_id},
      {"name", team.name},  {"join_code", team.join_code},
      {"members", members}, {"clone_url", BaseUrl(http) + "/git/teams/" + TeamRepoName(team.id)}};
}

json EncodeProject(Services& services, const TeamProject& project) {
  auto exercise = services.catalog.Find(project.exercise);
  return {{"id", project.id},
          {"workshop", project.workshop_id},
          {"exercise", project.exercise},
          {"exercise_title", exercise ? exercise->Title() : project.exercise},
          {"title", project.title},
          {"created_at", IsoTime(project.created_at)}};
}

// The workshop members named, by id; 400 naming the first who is not one.
ApiResult<std::vector<int64_t>> MemberIds(Services& services, const Workshop& workshop,
                                          const json& names) {
  if (!names.is_array() || names.size() < kMinTeamMembers || names.size() > kMaxTeamMembers) {
    return Reject(Fault::kInvalid, "team_size",
                  "A team has " + std::to_string(kMinTeamMembers) + " to " +
                      std::to_string(kMaxTeamMembers) + " members: list their usernames.");
  }
  KOODIKOE_TRY(auto members, Check(services.storage.Members(workshop.id)));
  std::vector<int64_t> ids;
  for (const auto& name : names) {
    std::string username = name.is_string() ? name.get<std::string>() : name.dump();
    auto found = std::find_if(members.begin(), members.end(),
                              [&](const Member& m) { return m.username == username; });
    if (found == members.end()) {
      return Reject(Fault::kInvalid, "unknown_member",
                    username + " is not a member of the workshop " + workshop.title + ".");
    }
    if (std::find(ids.begin(), ids.end(), found->user_id) == ids.end())
      ids.push_back(found->user_id);
  }
  return ids;
}

// The team is stored, then its repository made; a repository that could not be made is made
// again on the first git request (git_http.cc).
ApiResult<Team> StoreTeam(Services& services, const ProjectView& view, const std::string& name,
                          const std::vector<int64_t>& ids) {
  Team team;
  team.project_id = view.project.id;
  team.name = name;
  team.join_code = NewTeamCode();
  team.created_at = UnixNow();
  auto id = services.storage.AddTeam(team, ids);
  if (!id && id.error().code == ErrorCode::kInvalidArgument) {
    return Reject(Fault::kConflict, "already_in_team", id.error().context);
  }
  if (!id) return InternalFailure(id.error());
  auto exercise = services.catalog.Find(view.project.exercise);
  auto repo = CreateTeamRepo(services.options.data_dir, *id, exercise ? exercise->package_dir : "",
                             view.project.title, /*fresh=*/true);
  if (!repo) LogError("team " + std::to_string(*id) + " repository: " + repo.error().Describe());
  KOODIKOE_TRY(auto stored, Check(services.storage.FindTeam(*id)));
  if (!stored) return Reject(Fault::kNotFound, "unknown_team", "There is no such team.");
  return std::move(*stored);
}

}  // namespace

ApiResult<TeamView> SeeTeam(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  auto team = Check(services.storage.FindTeam(id));
  if (!team) return tl::unexpected(team.error());
  auto unknown = Reject(Fault::kNotFound, "unknown_team", "There is no such team.");
  if (!*team) return unknown;
  KOODIKOE_TRY(auto project, Check(services.storage.FindProject((*team)->project_id)));
  if (!project) return unknown;
  KOODIKOE_TRY(auto workshop, LoadWorkshop(services, project->workshop_id));
  bool member = IsMember(**team, request.user().id);
  bool trainer = Runs(request.user(), workshop);
  if (!member && !trainer) return unknown;
  return TeamView{std::move(**team), std::move(*project), std::move(workshop), member, trainer};
}

namespace {

// A judging of the team's commit: who asked, the verdict and each scenario's verdict.
json EncodeJudging(const Submission& judging) {
  json scenarios = json::array();
  json report = json::parse(judging.report_json, nullptr, false);
  if (report.is_object() && report.contains("tests") && report["tests"].is_array()) {
    for (const auto& test : report["tests"]) {
      scenarios.push_back({{"name", test.value("name", "")},
                           {"verdict", test.value("verdict", "")},
                           {"score", test.value("score", 0.0)}});
    }
  }
  bool done = judging.status == "done";
  return {{"id", judging.id},
          {"commit", judging.commit_sha},
          {"user", judging.username},
          {"status", judging.status},
          {"verdict", done ? json(judging.verdict) : json(nullptr)},
          {"score", judging.score},
          {"max_score", judging.max_score},
          {"created_at", IsoTime(judging.created_at)},
          {"message", report.is_object() ? report.value("message", "") : ""},
          {"scenarios", scenarios}};
}

}  // namespace

ApiResult<ApiReply> CreateProject(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY(auto workshop, LoadWorkshop(services, id));
  if (!Runs(request.user(), workshop)) {
    return Reject(Fault::kForbidden, "not_your_workshop",
                  "Only the trainer who runs this workshop can do that.");
  }
  KOODIKOE_TRY(auto exercise_id, RequireString(request.body, "exercise", 200));
  auto exercise = services.catalog.Find(exercise_id);
  if (!exercise) {
    return Reject(Fault::kNotFound, "unknown_exercise", "There is no exercise " + exercise_id);
  }
  if (exercise->kind != "service") {
    return Reject(Fault::kInvalid, "not_a_service",
                  exercise_id + " is a " + exercise->kind +
                      " exercise; a team project is built on a service exercise.");
  }
  KOODIKOE_TRY(auto title, OptionalString(request.body, "title", 200));
  TeamProject project{0, workshop.id, exercise_id, title.value_or(exercise->Title()), UnixNow()};
  KOODIKOE_TRY(auto stored, Check(services.storage.AddProject(project)));
  project.id = stored;
  json body = EncodeProject(services, project);
  body["teams"] = json::array();
  return Reply(body);
}

ApiResult<ApiReply> GetProject(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeProject(services, request));
  KOODIKOE_TRY(auto teams, Check(services.storage.TeamsOfProject(view.project.id)));
  json body = EncodeProject(services, view.project);
  body["teams"] = json::array();
  for (const auto& team : teams) {
    if (view.trainer || IsMember(team, request.user().id))
      body["teams"].push_back(EncodeTeam(team, request.http));
  }
  return Reply(body);
}

// The trainer forms a team of named members; a member of the workshop starts one alone and
// gives its join code to the others.
ApiResult<ApiReply> CreateTeam(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeProject(services, request));
  KOODIKOE_TRY(auto name, RequireString(request.body, "name", 100));
  std::vector<int64_t> ids = {request.user().id};
  if (view.trainer) {
    KOODIKOE_TRY(auto named,
                 MemberIds(services, view.workshop, request.body.value("members", json())));
    ids = std::move(named);
  }
  KOODIKOE_TRY(auto team, StoreTeam(services, view, name, ids));
  return Reply(EncodeTeam(team, request.http));
}

ApiResult<ApiReply> JoinTeamRoute(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto code, RequireString(request.body, "code", 40));
  KOODIKOE_TRY(auto team, Check(services.storage.FindTeamByCode(code)));
  if (!team) {
    return Reject(Fault::kNotFound, "unknown_team_code", "No team has the code " + code + ".");
  }
  KOODIKOE_TRY(auto project, Check(services.storage.FindProject(team->project_id)));
  if (!project) {
    return Reject(Fault::kNotFound, "unknown_team_code", "No team has the code " + code + ".");
  }
  KOODIKOE_TRY(auto members, Check(services.storage.Members(project->workshop_id)));
  if (std::none_of(members.begin(), members.end(),
                   [&](const Member& m) { return m.user_id == request.user().id; })) {
    return Reject(Fault::kForbidden, "not_a_member",
                  "Join the workshop first: a team is formed of the workshop's members.");
  }
  auto joined = services.storage.JoinTeam(team->id, request.user().id, kMaxTeamMembers, UnixNow());
  if (!joined && joined.error().code == ErrorCode::kInvalidArgument) {
    return Reject(Fault::kConflict, "already_in_team", joined.error().context);
  }
  if (!joined) return InternalFailure(joined.error());
  if (!*joined) {
    return Reject(Fault::kConflict, "team_full",
                  "The team " + team->name + " has " + std::to_string(kMaxTeamMembers) +
                      " members already, the most a team may have.");
  }
  KOODIKOE_TRY(auto stored, Check(services.storage.FindTeam(team->id)));
  if (!stored) return Reject(Fault::kNotFound, "unknown_team", "There is no such team.");
  return Reply(EncodeTeam(*stored, request.http));
}

ApiResult<ApiReply> GetTeam(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeTeam(services, request));
  json body = EncodeTeam(view.team, request.http);
  KOODIKOE_TRY(auto reflections, EncodeReflections(services, view.team));
  body["reflections"] = std::move(reflections);
  return Reply(body);
}

// A member asks to judge the team's main (or a chosen commit): a submission of kind "team"
// by that member, queued like any other; the commit's tree is taken when it is judged.
ApiResult<ApiReply> JudgeTeam(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeTeam(services, request));
  if (!view.member) {
    return Reject(Fault::kForbidden, "not_a_team_member",
                  "Only the team's members judge its commits; the trainer sees the results.");
  }
  KOODIKOE_TRY(auto asked, OptionalString(request.body, "commit", 200));
  std::string commit = asked.value_or("main");
  auto sha = ResolveTeamCommit(services.options.data_dir, view.team.id, commit);
  if (!sha && sha.error().code == ErrorCode::kInvalidArgument) {
    return Reject(Fault::kInvalid, "unknown_commit",
                  "The team's repository has no commit '" + commit +
                      "'. Give a commit id from its history, or leave it out to judge main.");
  }
  if (!sha) return InternalFailure(sha.error());
  auto exercise = services.catalog.Find(view.project.exercise);
  if (!exercise) {
    return Reject(
        Fault::kNotFound, "unknown_exercise",
        "The project's exercise '" + view.project.exercise + "' is no longer on this server.");
  }
  Submission submission;
  submission.user_id = request.user().id;
  submission.exercise = exercise->id;
  submission.kind = "team";
  submission.created_at = UnixNow();
  submission.exercise_version = exercise->content_hash;
  submission.team_id = view.team.id;
  submission.commit_sha = *sha;
  KOODIKOE_TRY(auto admitted, Check(services.storage.QueueSubmission(
                                  submission, services.options.queued_per_account)));
  if (admitted.id == 0) {
    return Reject(Fault::kRateLimited, "too_many_queued",
                  "You already have " + std::to_string(admitted.waiting) +
                      " programs waiting in the queue for their results. Wait for their "
                      "verdicts, then judge again.",
                  {{"waiting", admitted.waiting}});
  }
  services.queue.Wake();
  return Reply({{"id", admitted.id},
                {"status", "queued"},
                {"kind", "team"},
                {"team", view.team.id},
                {"commit", *sha}});
}

ApiResult<ApiReply> ListTeamJudgings(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeTeam(services, request));
  KOODIKOE_TRY(auto judgings, Check(services.storage.TeamJudgings(view.team.id)));
  json list = json::array();
  for (const auto& judging : judgings) list.push_back(EncodeJudging(judging));
  return Reply(list);
}

}  // namespace web
