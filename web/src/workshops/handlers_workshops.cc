// Workshops: the trainer's room, joining with a code, help queue, hints, extra time,
// scoreboard.
#include <algorithm>
#include <cctype>

#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {

// No 0/O or 1/I: codes are read off a whiteboard.
constexpr char kCodeAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

std::string NewJoinCode() {
  std::string random = RandomHex(6);
  std::string code;
  for (size_t i = 0; i < 6; ++i) {
    int value = std::stoi(random.substr(i * 2, 2), nullptr, 16);
    code += kCodeAlphabet[value % (sizeof kCodeAlphabet - 1)];
  }
  return code;
}

bool Runs(const User& user, const Workshop& workshop) {
  return user.role == Role::kAdmin || workshop.trainer_id == user.id;
}

ApiResult<Workshop> FindWorkshop(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY(auto found, Check(services.storage.FindWorkshop(id)));
  if (!found) {
    return Reject(Fault::kNotFound, "unknown_workshop", "There is no such workshop.");
  }
  return std::move(*found);
}

// The workshop if the caller runs it.
ApiResult<Workshop> RunWorkshop(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto workshop, FindWorkshop(services, request));
  if (!Runs(request.user(), workshop)) {
    return Reject(Fault::kForbidden, "not_your_workshop",
                  "Only the trainer who runs this workshop can do that.");
  }
  return workshop;
}

ApiResult<std::optional<Member>> FindMember(Services& services, const Workshop& workshop,
                                            int64_t user_id) {
  KOODIKOE_TRY(auto members, Check(services.storage.Members(workshop.id)));
  for (auto& member : members) {
    if (member.user_id == user_id) return std::optional<Member>(member);
  }
  return std::optional<Member>();
}

// The workshop if the caller runs it or has joined it (others do not learn it exists).
ApiResult<std::pair<Workshop, std::optional<Member>>> SeeWorkshop(Services& services,
                                                                  const ApiRequest& request) {
  KOODIKOE_TRY(auto workshop, FindWorkshop(services, request));
  KOODIKOE_TRY(auto member, FindMember(services, workshop, request.user().id));
  if (!member && !Runs(request.user(), workshop)) {
    return Reject(Fault::kNotFound, "unknown_workshop", "There is no such workshop.");
  }
  return std::make_pair(std::move(workshop), std::move(member));
}

json EncodeWorkshop(Services& services, const Workshop& workshop, const User& viewer,
                    const std::optional<Member>& member) {
  json exercises = json::array();
  for (const auto& id : workshop.exercises) {
    auto exercise = services.catalog.Find(id);
    bool released = std::count(workshop.hints_released.begin(), workshop.hints_released.end(), id);
    auto released_at = workshop.hints_released_at.find(id);
    exercises.push_back({{"id", id},
                         {"title", exercise ? exercise->Title(viewer.language) : id},
                         {"track", exercise ? exercise->track : ""},
                         {"tier", exercise ? exercise->tier : 0},
                         {"hints_released", released},
                         {"hints_released_at", released_at != workshop.hints_released_at.end()
                                                   ? json(IsoTime(released_at->second))
                                                   : json()}});
  }
  json out = {{"id", workshop.id},
              {"title", workshop.title},
              {"exercises", workshop.exercises},
              {"exercise_details", exercises},
              {"hints_released", workshop.hints_released},
              {"starts_at", workshop.starts_at},
              {"ends_at", workshop.ends_at},
              {"scoreboard", workshop.scoreboard}};
  if (Runs(viewer, workshop)) out["join_code"] = workshop.join_code;
  if (member) {
    out["nickname"] = member->nickname;
    out["extra_minutes"] = member->extra_minutes;
  }
  return out;
}

ApiResult<std::vector<std::string>> DecodeExerciseList(Services& services, const json& body) {
  if (!body.contains("exercises") || !body["exercises"].is_array()) {
    return Reject(Fault::kInvalid, "missing_field",
                  "The request needs \"exercises\": a list of exercise ids.");
  }
  std::vector<std::string> ids;
  std::vector<std::string> unknown;
  for (const auto& item : body["exercises"]) {
    if (!item.is_string()) {
      return Reject(Fault::kInvalid, "bad_field", "\"exercises\" must be a list of ids (text).");
    }
    std::string id = item.get<std::string>();
    if (!services.catalog.Find(id)) unknown.push_back(id);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (!unknown.empty()) {
    std::string list;
    for (const auto& id : unknown) list += (list.empty() ? "" : ", ") + id;
    return Reject(Fault::kInvalid, "unknown_exercise",
                  "These exercises are not on this server: " + list + ".");
  }
  if (ids.size() > 200) {
    return Reject(Fault::kInvalid, "too_many_exercises", "A workshop has at most 200 exercises.");
  }
  return ids;
}

ApiResult<std::string> WorkshopExercise(const Workshop& workshop, const json& body) {
  KOODIKOE_TRY(auto exercise, RequireString(body, "exercise", 200));
  if (std::find(workshop.exercises.begin(), workshop.exercises.end(), exercise) ==
      workshop.exercises.end()) {
    return Reject(Fault::kInvalid, "not_in_workshop",
                  "The exercise '" + exercise + "' is not part of this workshop.");
  }
  return exercise;
}

ApiResult<std::pair<std::vector<Member>, std::vector<Submission>>> RoomData(
    Services& services, const Workshop& workshop) {
  KOODIKOE_TRY(auto members, Check(services.storage.Members(workshop.id)));
  std::vector<int64_t> ids;
  for (const auto& member : members) ids.push_back(member.user_id);
  KOODIKOE_TRY(auto submissions, Check(services.storage.SubmissionsFor(ids, workshop.exercises)));
  return std::make_pair(std::move(members), std::move(submissions));
}

}  // namespace

ApiResult<ApiReply> CreateWorkshop(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto title, RequireString(request.body, "title", 200));
  if (title.empty()) return Reject(Fault::kInvalid, "empty_title", "Give the workshop a title.");
  KOODIKOE_TRY(auto exercises, DecodeExerciseList(services, request.body));
  for (const auto& exercise : exercises) {
    KOODIKOE_TRY_VOID(PublishRefusal(services, exercise));
  }
  KOODIKOE_TRY(auto starts_at, OptionalString(request.body, "starts_at", 64));
  KOODIKOE_TRY(auto ends_at, OptionalString(request.body, "ends_at", 64));
  Workshop workshop;
  workshop.title = title;
  workshop.trainer_id = request.user().id;
  workshop.exercises = exercises;
  workshop.starts_at = starts_at.value_or("");
  workshop.ends_at = ends_at.value_or("");
  workshop.scoreboard = request.body.value("scoreboard", false);
  workshop.created_at = UnixNow();
  for (int attempt = 0; attempt < 10; ++attempt) {
    workshop.join_code = NewJoinCode();
    auto id = services.storage.AddWorkshop(workshop);
    if (id) {
      ApiReply reply;
      reply.body = {{"id", *id}, {"join_code", workshop.join_code}};
      return reply;
    }
    if (id.error().code != ErrorCode::kInvalidArgument) return InternalFailure(id.error());
  }
  return InternalFailure({ErrorCode::kInternal, 0, "no free join code after 10 tries"});
}

ApiResult<ApiReply> ListWorkshops(Services& services, const ApiRequest& request) {
  const User& user = request.user();
  KOODIKOE_TRY(auto list,
               Check(IsTrainerRole(user.role) ? services.storage.WorkshopsOfTrainer(user.id)
                                              : services.storage.WorkshopsOfMember(user.id)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& workshop : list) {
    std::optional<Member> member;
    if (!Runs(user, workshop)) {
      KOODIKOE_TRY(auto found, FindMember(services, workshop, user.id));
      member = found;
    }
    reply.body.push_back(EncodeWorkshop(services, workshop, user, member));
  }
  return reply;
}

ApiResult<ApiReply> GetWorkshop(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto seen, SeeWorkshop(services, request));
  ApiReply reply;
  reply.body = EncodeWorkshop(services, seen.first, request.user(), seen.second);
  return reply;
}

ApiResult<ApiReply> JoinWorkshop(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto code, RequireString(request.body, "code", 32));
  std::string normalized;
  for (char c : code) {
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '-') {
      normalized += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  KOODIKOE_TRY(auto nickname, OptionalString(request.body, "nickname", 64));
  KOODIKOE_TRY(auto workshop, Check(services.storage.FindWorkshopByCode(normalized)));
  if (!workshop) {
    return Reject(Fault::kNotFound, "unknown_join_code",
                  "No workshop has the code '" + code + "'. Check the code on the board.");
  }
  const User& user = request.user();
  std::string name = nickname.value_or("");
  if (name.empty()) name = user.nickname.empty() ? user.username : user.nickname;
  KOODIKOE_TRY_VOID(Check(services.storage.AddMember(workshop->id, user.id, name, UnixNow())));
  if (user.nickname.empty() && nickname.has_value()) {
    User updated = user;
    updated.nickname = name;
    KOODIKOE_TRY_VOID(Check(services.storage.UpdateUser(updated)));
  }
  ApiReply reply;
  reply.body = {{"id", workshop->id}, {"title", workshop->title}, {"nickname", name}};
  return reply;
}

ApiResult<ApiReply> WorkshopLive(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto workshop, RunWorkshop(services, request));
  KOODIKOE_TRY(auto room, RoomData(services, workshop));
  KOODIKOE_TRY(auto help, Check(services.storage.HelpRequests(workshop.id)));
  ApiReply reply;
  reply.body = BuildLiveView(workshop, room.first, room.second, help, UnixNow());
  return reply;
}

ApiResult<ApiReply> AskHelp(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto seen, SeeWorkshop(services, request));
  if (!seen.second) {
    return Reject(Fault::kForbidden, "not_a_member",
                  "Join the workshop with its code before asking for help in it.");
  }
  KOODIKOE_TRY(auto exercise, WorkshopExercise(seen.first, request.body));
  KOODIKOE_TRY(auto message, OptionalString(request.body, "message", 1000));
  HelpRequest help;
  help.workshop_id = seen.first.id;
  help.user_id = request.user().id;
  help.exercise = exercise;
  help.message = message.value_or("");
  help.created_at = UnixNow();
  KOODIKOE_TRY(auto id, Check(services.storage.AddHelpRequest(help)));
  ApiReply reply;
  reply.body = {{"id", id}};
  return reply;
}

ApiResult<ApiReply> AnswerHelp(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto workshop, RunWorkshop(services, request));
  KOODIKOE_TRY(auto help_id, PathId(request, "hid"));
  KOODIKOE_TRY(auto answered,
               Check(services.storage.AnswerHelpRequest(workshop.id, help_id, UnixNow())));
  if (!answered) {
    return Reject(Fault::kNotFound, "unknown_help_request",
                  "There is no such help request in this workshop.");
  }
  ApiReply reply;
  reply.body = {{"id", help_id}, {"answered", true}};
  return reply;
}

ApiResult<ApiReply> ReleaseHints(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto workshop, RunWorkshop(services, request));
  KOODIKOE_TRY(auto exercise, WorkshopExercise(workshop, request.body));
  // Releasing again keeps the first time: a second click changes nothing.
  auto earlier = workshop.hints_released_at.find(exercise);
  bool already = earlier != workshop.hints_released_at.end();
  int64_t released_at = already ? earlier->second : UnixNow();
  if (!already) {
    KOODIKOE_TRY_VOID(Check(services.storage.ReleaseHints(workshop.id, exercise, released_at)));
  }
  ApiReply reply;
  reply.body = {{"exercise", exercise},
                {"hints_released", true},
                {"hints_released_at", IsoTime(released_at)},
                {"already_released", already}};
  return reply;
}

ApiResult<ApiReply> GiveExtraTime(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto workshop, RunWorkshop(services, request));
  KOODIKOE_TRY(auto username, RequireString(request.body, "username", 64));
  KOODIKOE_TRY(auto minutes, RequireInt(request.body, "minutes", 1, 24 * 60));
  KOODIKOE_TRY(auto user, Check(services.storage.FindUserByName(username)));
  bool added = false;
  if (user) {
    KOODIKOE_TRY(auto done, Check(services.storage.AddExtraTime(workshop.id, user->id,
                                                                static_cast<int>(minutes))));
    added = done;
  }
  if (!added) {
    return Reject(Fault::kNotFound, "not_a_member",
                  "'" + username + "' has not joined this workshop.");
  }
  KOODIKOE_TRY(auto member, FindMember(services, workshop, user->id));
  ApiReply reply;
  reply.body = {{"username", username}, {"extra_minutes", member ? member->extra_minutes : 0}};
  return reply;
}

ApiResult<ApiReply> GetScoreboard(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto seen, SeeWorkshop(services, request));
  if (!seen.first.scoreboard) {
    return Reject(Fault::kNotFound, "scoreboard_off",
                  "This workshop has no scoreboard; the trainer chose to keep results private.");
  }
  KOODIKOE_TRY(auto room, RoomData(services, seen.first));
  ApiReply reply;
  reply.body = BuildScoreboard(seen.first, room.first, room.second);
  return reply;
}

}  // namespace web
