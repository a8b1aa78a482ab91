// Submitting, running on samples or own input, reading results, and line comments.
#include <algorithm>

#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {

struct SourceRequest {
  std::shared_ptr<const Exercise> exercise;
  std::string language;
  std::string source;
};

ApiResult<SourceRequest> DecodeSource(Services& services, const json& body) {
  KOODIKOE_TRY(auto exercise_id, RequireString(body, "exercise", 200));
  KOODIKOE_TRY(auto language, RequireString(body, "language", 32));
  if (!body.is_object() || !body.contains("source") || !body["source"].is_string()) {
    return Reject(Fault::kInvalid, "missing_field", "The request needs the program's \"source\".",
                  {{"field", "source"}});
  }
  const std::string& source = body["source"].get_ref<const std::string&>();
  if (source.size() > kMaxSourceBytes) {
    size_t size_kib = (source.size() + 1023) / 1024;
    return Reject(Fault::kTooLarge, "source_too_large",
                  "Your program is " + std::to_string(size_kib) +
                      " KiB; the limit is 256 KiB. A solution is usually much shorter: remove "
                      "pasted data or generated code.",
                  {{"size_kib", size_kib}, {"limit_kib", kMaxSourceBytes / 1024}});
  }
  if (source.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Reject(Fault::kInvalid, "empty_source", "The program is empty. Write some code first.");
  }
  auto exercise = services.catalog.Find(exercise_id);
  if (!exercise) {
    return Reject(Fault::kNotFound, "unknown_exercise",
                  "There is no exercise '" + exercise_id + "' on this server.");
  }
  const auto& allowed = exercise->languages;
  if (std::find(allowed.begin(), allowed.end(), language) == allowed.end()) {
    std::string list;
    for (const auto& id : allowed) list += (list.empty() ? "" : ", ") + id;
    return Reject(
        Fault::kInvalid, "unsupported_language",
        "This exercise cannot be solved in '" + language + "'. Choose one of: " + list + ".",
        {{"language", language}, {"allowed", list}});
  }
  return SourceRequest{exercise, language, source};
}

// One person's flood of submissions would hold up everyone else's (issue 14).
tl::unexpected<ApiError> TooManyQueued(const User& user, int64_t waiting) {
  std::string count = std::to_string(waiting);
  ApiError error{Fault::kRateLimited, "too_many_queued",
                 user.language == "fi"
                     ? "Sinulla on jo " + count +
                           " koodia jonossa odottamassa tulosta. Odota, että niistä tulee "
                           "tulokset, ja lähetä sitten uudelleen."
                     : "You already have " + count +
                           " programs waiting in the queue for their results. Wait for their "
                           "verdicts, then send again.",
                 5, json{{"waiting", waiting}}};
  return tl::unexpected(error);
}

ApiResult<ApiReply> Enqueue(Services& services, const ApiRequest& request, const std::string& kind,
                            std::optional<std::string> input) {
  KOODIKOE_TRY(auto decoded, DecodeSource(services, request.body));
  Submission submission;
  submission.user_id = request.user().id;
  submission.exercise = decoded.exercise->id;
  submission.language = decoded.language;
  submission.source = std::move(decoded.source);
  submission.kind = kind;
  submission.input = std::move(input);
  submission.created_at = UnixNow();
  submission.exercise_version = decoded.exercise->content_hash;
  // Stored (committed) first, then the workers are woken: a crash in between loses nothing.
  KOODIKOE_TRY(auto admitted, Check(services.storage.QueueSubmission(
                                  submission, services.options.queued_per_account)));
  if (admitted.id == 0) return TooManyQueued(request.user(), admitted.waiting);
  services.queue.Wake();
  ApiReply reply;
  reply.body = {{"id", admitted.id}, {"status", "queued"}, {"kind", kind}};
  return reply;
}

}  // namespace

ApiResult<ApiReply> CreateSubmission(Services& services, const ApiRequest& request) {
  return Enqueue(services, request, "submission", std::nullopt);
}

ApiResult<ApiReply> CreateRun(Services& services, const ApiRequest& request) {
  auto input = OptionalString(request.body, "input", kMaxInputBytes);
  if (!input) {
    if (input.error().fault == Fault::kTooLarge) {
      return Reject(Fault::kTooLarge, "input_too_large",
                    "Your input is larger than 1 MiB. Try the program on a smaller input.",
                    {{"limit_kib", kMaxInputBytes / 1024}});
    }
    return tl::unexpected(input.error());
  }
  return Enqueue(services, request, "run", std::move(*input));
}

ApiResult<ApiReply> ListSubmissions(Services& services, const ApiRequest& request) {
  std::string exercise =
      request.http.has_param("exercise") ? request.http.get_param_value("exercise") : std::string();
  KOODIKOE_TRY(auto list, Check(services.storage.ListSubmissions(request.user().id, exercise, 0)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& submission : list) reply.body.push_back(EncodeSubmission(submission, false));
  return reply;
}

ApiResult<Submission> VisibleSubmission(Services& services, const Caller& caller, int64_t id) {
  KOODIKOE_TRY(auto found, Check(services.storage.FindSubmission(id)));
  auto hidden = Reject(Fault::kNotFound, "unknown_submission",
                       "There is no submission " + std::to_string(id) + " that you can see.");
  if (!found) return hidden;
  const User& user = caller.user;
  if (found->user_id == user.id || user.role == Role::kAdmin) return std::move(*found);
  if (found->team_id != 0) {
    // A judging of a team's commit: every member of the team follows it.
    KOODIKOE_TRY(auto team, Check(services.storage.FindTeam(found->team_id)));
    if (team && std::any_of(team->members.begin(), team->members.end(),
                            [&](const TeamMember& m) { return m.user_id == user.id; })) {
      return std::move(*found);
    }
  }
  if (user.role == Role::kTrainer) {
    KOODIKOE_TRY(auto trains, Check(services.storage.IsTrainerOf(user.id, found->user_id)));
    if (trains) return std::move(*found);
  }
  return hidden;
}

ApiResult<ApiReply> GetSubmission(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY(auto submission, VisibleSubmission(services, request.who(), id));
  KOODIKOE_TRY(auto viewer, ViewerOf(services, request.user(), submission));
  ApiReply reply;
  reply.body = EncodeSubmission(submission, true, viewer);
  return reply;
}

ApiResult<ApiReply> ListComments(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY_VOID(VisibleSubmission(services, request.who(), id));
  KOODIKOE_TRY(auto comments, Check(services.storage.Comments(id)));
  ApiReply reply;
  reply.body = json::array();
  for (const auto& comment : comments) {
    reply.body.push_back({{"id", comment.id},
                          {"line", comment.line},
                          {"author", comment.author},
                          {"role", RoleName(comment.role)},
                          {"text", comment.text},
                          {"created_at", IsoTime(comment.created_at)}});
  }
  return reply;
}

ApiResult<ApiReply> AddComment(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, PathId(request));
  KOODIKOE_TRY_VOID(VisibleSubmission(services, request.who(), id));
  // Whoever can see it may comment: its owner answering, a trainer of the owner, an admin.
  KOODIKOE_TRY(auto line, RequireInt(request.body, "line", 1, 1000000));
  KOODIKOE_TRY(auto text, RequireString(request.body, "text", kMaxCommentBytes));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Reject(Fault::kInvalid, "empty_comment", "Write something in the comment first.");
  }
  Comment comment;
  comment.submission_id = id;
  comment.user_id = request.user().id;
  comment.line = static_cast<int>(line);
  comment.text = text;
  comment.created_at = UnixNow();
  KOODIKOE_TRY(auto comment_id, Check(services.storage.AddComment(comment)));
  ApiReply reply;
  reply.body = {{"id", comment_id},
                {"line", comment.line},
                {"author", request.user().username},
                {"role", RoleName(request.user().role)},
                {"text", comment.text},
                {"created_at", IsoTime(comment.created_at)}};
  return reply;
}

}  // namespace web
