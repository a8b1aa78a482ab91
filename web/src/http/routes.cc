// The HTTP edge: the route table, authentication, CSRF, body limits, and the translation of
// replies and faults into status codes (raw handlers, for downloads and streams, set theirs).
#include "http/routes.h"

#include <regex>

#include "base/log.h"
#include "base/time_util.h"
#include "http/api.h"
#include "http/request_guard.h"
#include "http/static_files.h"

namespace web {

namespace {

// kCandidate and kCompany are exactly that role: an admin is neither a candidate with evidence
// nor a company that candidates consent to.
enum class Access { kPublic, kUser, kTrainer, kAdmin, kCandidate, kCompany };

using RawHandler = void (*)(Services&, const ApiRequest&, httplib::Response&);

struct Route {
  const char* method;
  const char* path;
  Access access;
  int status;
  Handler handler;  // JSON in, JSON out
  RawHandler raw;   // or a handler that writes the response itself (streams, text)
  const char* summary;
  const char* request_example = "";
  const char* response_example = "";
  size_t max_body = 64 * 1024;
  const char* content_type = "application/json";
  const char* too_many = "";  // when the route answers 429 ("" = never), for the OpenAPI
};

constexpr const char* kJson = "application/json";
constexpr const char* kQueueFull =
    "too_many_queued: the caller already has --queued-per-account (default 10) submissions "
    "and runs waiting for their verdicts";

constexpr size_t kSourceBody = 4u << 20;  // a 256 KiB source plus JSON escaping and input
constexpr size_t kPackageBody = 32u << 20;

int StatusOf(Fault fault) {
  switch (fault) {
    case Fault::kInvalid:
      return 400;
    case Fault::kUnauthenticated:
      return 401;
    case Fault::kForbidden:
      return 403;
    case Fault::kNotFound:
      return 404;
    case Fault::kConflict:
      return 409;
    case Fault::kTooLarge:
      return 413;
    case Fault::kRateLimited:
      return 429;
    case Fault::kUnavailable:
      return 503;
    case Fault::kInternal:
      return 500;
  }
  return 500;
}

void ReplyJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void ReplyError(httplib::Response& res, const ApiError& error) {
  if (error.retry_after_seconds > 0) {
    res.set_header("Retry-After", std::to_string(error.retry_after_seconds));
  }
  ReplyJson(res, StatusOf(error.fault), {{"error", error.error}, {"message", error.message}});
}

void ReplyError(httplib::Response& res, Fault fault, const std::string& error,
                const std::string& message) {
  ReplyError(res, ApiError{fault, error, message, 0});
}

// ---- Routes that write their own responses ----

void Health(Services& services, const ApiRequest&, httplib::Response& res) {
  auto storage = services.storage.Ping();
  auto queued = services.storage.CountQueued();
  int helpers = services.queue.live_helpers();
  json body = {{"workers", services.queue.workers()},
               {"live_helpers", helpers},
               {"queue_depth", queued ? *queued : -1},
               {"exercises", services.catalog.size()}};
  if (!storage) {
    body["status"] = "unavailable";
    body["error"] = "storage_down";
    body["message"] = "The database does not answer: " + storage.error().Describe();
    return ReplyJson(res, 503, body);
  }
  if (helpers == 0 && services.queue.workers() > 0) {
    body["status"] = "unavailable";
    body["error"] = "judge_down";
    body["message"] = "No judge helper is running; submissions wait in the queue.";
    return ReplyJson(res, 503, body);
  }
  body["status"] = "ok";
  ReplyJson(res, 200, body);
}

void MetricsText(Services& services, const ApiRequest&, httplib::Response& res) {
  auto queued = services.storage.CountQueued();
  res.status = 200;
  res.set_content(services.metrics.Render(queued ? *queued : -1, services.queue.workers()),
                  "text/plain; version=0.0.4; charset=utf-8");
}

void OpenApi(Services&, const ApiRequest&, httplib::Response& res) {
  static const std::string document = OpenApiDocument().dump(2);
  res.status = 200;
  res.set_content(document, "application/json");
}

std::string SseEvent(const std::string& name, const std::string& data) {
  return "event: " + name + "\ndata: " + data + "\n\n";
}

// Progress of one submission as Server-Sent Events: every progress event since judging
// started, then `done` with the whole submission. Comments keep proxies from closing an idle
// stream.
void SubmissionEvents(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto id = PathId(request);
  if (!id) return ReplyError(res, id.error());
  auto submission = VisibleSubmission(services, request.who(), *id);
  if (!submission) return ReplyError(res, submission.error());
  auto viewer_or = ViewerOf(services, request.user(), *submission);
  if (!viewer_or) return ReplyError(res, viewer_or.error());
  ReportViewer viewer = *viewer_or;
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Accel-Buffering", "no");
  if (submission->status == "done") {
    res.set_content(
        "retry: 2000\n\n" + SseEvent("done", EncodeSubmission(*submission, true, viewer).dump()),
        "text/event-stream");
    return;
  }
  struct StreamState {
    size_t cursor = 0;
    bool started = false;
    std::chrono::steady_clock::time_point deadline =
        std::chrono::steady_clock::now() + std::chrono::minutes(30);
  };
  auto state = std::make_shared<StreamState>();
  Services* shared = &services;
  int64_t submission_id = *id;
  res.set_chunked_content_provider(
      "text/event-stream", [shared, submission_id, state, viewer](size_t, httplib::DataSink& sink) {
        std::string out;
        if (!state->started) {
          out += "retry: 2000\n\n";
          state->started = true;
        }
        auto batch = shared->events.Wait(submission_id, state->cursor, std::chrono::seconds(10));
        state->cursor = batch.cursor;
        for (const auto& event : batch.events) {
          out += SseEvent("progress", ProgressEventForViewer(event, viewer));
        }
        bool finished = batch.finished;
        std::optional<Submission> done;
        if (finished || batch.events.empty()) {
          // Storage is the truth (another server may have judged it); the hub only wakes us.
          auto stored = shared->storage.FindSubmission(submission_id);
          if (stored && *stored && (*stored)->status == "done") done = **stored;
        }
        if (done) {
          out += SseEvent("done", EncodeSubmission(*done, true, viewer).dump());
        } else if (batch.events.empty()) {
          out += ": keep-alive\n\n";
        }
        if (!sink.write(out.data(), out.size())) return false;
        if (done || batch.closed || std::chrono::steady_clock::now() > state->deadline) {
          sink.done();
        }
        return true;
      });
}

// Everything about the caller in one zip: data.json and the source of every submission.
void ExportMe(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto archive = ExportArchive(services, request.user());
  if (!archive) return ReplyError(res, archive.error());
  res.status = 200;
  res.set_header("Content-Disposition",
                 "attachment; filename=\"koodikoe-" + request.user().username + ".zip\"");
  res.set_header("Cache-Control", "no-store");
  res.set_content(*archive, "application/zip");
}

void TrialResultsCsv(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto csv = TrialCsv(services, request);
  if (!csv) return ReplyError(res, csv.error());
  res.status = 200;
  res.set_header("Content-Disposition", "attachment; filename=\"trial-results.csv\"");
  res.set_content(*csv, "text/csv; charset=utf-8");
}

// ---- The table ----

const std::vector<Route>& Table() {
  // One route a row, easier to review as a table than as clang-format would wrap it.
  // clang-format off
  static const std::vector<Route> routes = {
      {"POST", "/api/v1/session", Access::kPublic, 200, Login, nullptr,
       "Log in: sets the kk_session and kk_csrf cookies and returns a bearer token",
       R"({"username":"aino","password":"aino-demo"})",
       R"({"token":"…","role":"candidate","username":"aino","csrf":"…","language":"fi"})",
       64 * 1024, kJson, "too_many_attempts: wrong passwords for the name or from the address; "
       "wait Retry-After seconds"},
      {"DELETE", "/api/v1/session", Access::kUser, 200, Logout, nullptr,
       "Log out (ends this session)", "", R"({"ok":true})"},
      {"GET", "/api/v1/me", Access::kUser, 200, GetMe, nullptr, "The caller's account", "",
       R"({"username":"aino","role":"candidate","language":"fi","nickname":"Aino"})"},
      {"PUT", "/api/v1/me", Access::kUser, 200, PutMe, nullptr,
       "Change the caller's UI language or nickname", R"({"language":"en","nickname":"Aino"})",
       R"({"username":"aino","role":"candidate","language":"en","nickname":"Aino"})"},
      {"POST", "/api/v1/users", Access::kAdmin, 200, CreateUserRoute, nullptr, "Create an account",
       R"({"username":"ville","password":"…","role":"candidate"})",
       R"({"id":7,"username":"ville","role":"candidate"})"},
      {"POST", "/api/v1/users/{username}/unlock", Access::kTrainer, 200, UnlockLogin, nullptr,
       "A trainer lets a member of their workshop try passwords again at once (admins: anyone)",
       "{}", R"({"username":"aino","unlocked":true})"},
      {"GET", "/api/v1/languages", Access::kUser, 200, ListLanguages, nullptr,
       "Language ids the judge can run on this server", "", R"(["c","cpp","python"])"},
      {"GET", "/api/v1/exercises", Access::kUser, 200, ListExercises, nullptr,
       "The catalogue, with the caller's status per exercise", "",
       R"([{"id":"hello","title":"Hei","track":"basics","tier":1,"kind":"batch","languages":["python"],"skills":["output"],"status":"new"}])"},
      {"POST", "/api/v1/exercises/import", Access::kTrainer, 200, ImportExercise, nullptr,
       "Import an exercise package (.zip) as the next version of its id; checked in the "
       "background",
       "zip",
       R"({"id":"hello","version":1,"hash":"…","replaced":false,"check":{"status":"running","samples":2,"follow":"/api/v1/exercises/hello/check"}})",
       kPackageBody},
      {"POST", "/api/v1/exercises", Access::kTrainer, 200, CreateExercise, nullptr,
       "Create an exercise from the authoring form (version 1, checked in the background)",
       R"({"id":"doubler","titles":{"fi":"Tuplaaja","en":"Doubler"},"statement":{"fi":"…","en":"…"},"kind":"batch","tier":1,"track":"basics","skills":["arithmetic"],"time_limit":1,"memory_limit_mib":256,"checker":{"type":"default","float_tolerance":null},"files":{"data/sample/1.in":"2\n","data/sample/1.ans":"4\n","submissions/accepted/ok.py":"print(2*int(input()))\n"}})",
       R"({"id":"doubler","version":1,"hash":"…","check":{"status":"running"}})", kPackageBody},
      {"GET", "/api/v1/exercises/{id}/check", Access::kTrainer, 200, GetExerciseCheck, nullptr,
       "The check of the exercise's newest version (koodikoe exercise check): status "
       "none|running|passed|failed, progress and report",
       "", R"({"id":"hello","version":2,"status":"passed","done":3,"total":3,"output":"…"})"},
      {"POST", "/api/v1/exercises/{id}/check", Access::kTrainer, 200, RecheckExercise, nullptr,
       "Run the check of the newest version again", "",
       R"({"id":"hello","version":2,"status":"running"})"},
      {"GET", "/api/v1/exercises/{id}/check/events", Access::kTrainer, 200, nullptr,
       ExerciseCheckEvents,
       "Server-Sent Events of the running check: `progress` {status,done,total}, then `done` "
       "with the report",
       "", "", 64 * 1024, "text/event-stream"},
      {"GET", "/api/v1/exercises/{id}/export", Access::kTrainer, 200, nullptr, ExportExercise,
       "The exercise's package as a .zip for Kattis / ICPC tools", "", "", 64 * 1024,
       "application/zip"},
      {"GET", "/api/v1/exercises/{id}/source", Access::kTrainer, 200, GetExerciseSource, nullptr,
       "The authoring form of an exercise: titles, statements, metadata, limits, checker, files",
       "",
       R"({"id":"hello","version":2,"editable":true,"format":"2023-07","titles":{"en":"Hello"},"statement":{"en":"…"},"kind":"batch","tier":1,"track":"basics","skills":[],"time_limit":1,"memory_limit_mib":256,"checker":{"type":"default","case_sensitive":false,"space_change_sensitive":false,"float_tolerance":null},"files":[{"path":"problem.yaml","size":80,"text":"…"}]})"},
      {"PUT", "/api/v1/exercises/{id}/source", Access::kTrainer, 200, SaveExerciseSource, nullptr,
       "Save an edit as the exercise's next version (fields as in the form; files: path -> "
       "text, or null to delete); checked in the background",
       R"({"base_version":2,"statement":{"fi":"…"},"files":{"data/secret/2.in":"5\n","data/secret/2.ans":"10\n"}})",
       R"({"id":"hello","version":3,"hash":"…","replaced":true,"check":{"status":"running"}})",
       kPackageBody},
      {"POST", "/api/v1/exercises/{id}/copy", Access::kTrainer, 200, CopyExercise, nullptr,
       "Copy an exercise (bundled ones too) under a new id, as an editable exercise",
       R"({"new_id":"hello-monday"})", R"({"id":"hello-monday","version":1})"},
      {"POST", "/api/v1/exercises/{id}/tests", Access::kTrainer, 200, UploadTests, nullptr,
       "Add a .zip of test files to a group (?group=secret|sample|secret/NAME) as a new version",
       "zip", R"({"id":"hello","version":4,"files_added":6})", kPackageBody},
      {"GET", "/api/v1/exercises/{id}/versions", Access::kTrainer, 200, ListVersions, nullptr,
       "The exercise's versions with their checks and how many submissions each was judged on", "",
       R"({"id":"hello","current":2,"current_hash":"…","versions":[{"number":1,"hash":"…","origin":"import","check":{"status":"passed"},"submissions":5}]})"},
      {"POST", "/api/v1/exercises/{id}/rejudge", Access::kTrainer, 200, RejudgeExercise, nullptr,
       "Judge the exercise's submissions (or one: \"submission\") again on its current version",
       R"({"submission":42})",
       R"({"exercise":"hello","version":2,"queued":1,"ids":[42],"follow":"/api/v1/exercises/hello/rejudge"})"},
      {"GET", "/api/v1/exercises/{id}/owners", Access::kTrainer, 200, ListExerciseOwners, nullptr,
       "Who may change the exercise: its author and the trainers an owner added (admins always "
       "may; a bundled exercise has none)",
       "", R"({"id":"hello-monday","bundled":false,"owners":["mikko","liisa"]})"},
      {"POST", "/api/v1/exercises/{id}/owners", Access::kTrainer, 200, AddExerciseOwnerRoute,
       nullptr, "An owner adds a trainer as an owner of the exercise", R"({"username":"liisa"})",
       R"({"id":"hello-monday","bundled":false,"owners":["mikko","liisa"]})"},
      {"GET", "/api/v1/exercises/{id}/rejudge", Access::kTrainer, 200, RejudgeProgress, nullptr,
       "Rejudging progress: submissions done on the current version, of all", "",
       R"({"exercise":"hello","total":12,"pending":3,"on_current_version":9})"},
      {"GET", "/api/v1/exercises/{id}/analytics", Access::kTrainer, 200, nullptr, ExerciseAnalytics,
       "Per exercise: attempts, acceptance rate, failing tests by verdict, median minutes to "
       "solve, languages (?format=csv: the submissions as CSV)",
       "",
       R"({"exercise":"hello","attempts":12,"acceptance_rate":0.5,"failing_tests":[{"test":"secret/3","verdict":"wrong_answer","failures":4}],"median_minutes_to_solve":6.5,"languages":[{"language":"python","submissions":10}]})"},
      {"GET", "/api/v1/exercises/{id}", Access::kUser, 200, GetExercise, nullptr,
       "An exercise: statement, samples, limits; hints once released (never hidden data)", "",
       R"({"id":"hello","statement":{"en":"…","fi":"…"},"samples":[{"name":"sample/1","input":"","output":"Hello\n"}],"hints_released":false,"hints":null})"},
      {"GET", "/api/v1/progress", Access::kUser, 200, GetProgress, nullptr,
       "The caller's progress by tier, skill and track", "",
       R"({"solved":["hello"],"by_tier":{"1":{"solved":1,"total":3}},"by_skill":{},"by_track":{}})"},
      {"GET", "/api/v1/exercise-sets", Access::kTrainer, 200, ListSets, nullptr,
       "Exercise sets: the catalogue's tracks (read-only) and trainers' own ordered sets", "",
       R"([{"id":"track-basics","title":"basics","editable":false,"items":[{"exercise":"hello","tier":1,"title":"Hei","available":true}]}])"},
      {"POST", "/api/v1/exercise-sets", Access::kTrainer, 200, CreateSet, nullptr,
       "Create an ordered exercise set with a tier per exercise",
       R"({"id":"monday","title":"Monday basics","items":[{"exercise":"hello","tier":1}]})",
       R"({"id":"monday","title":"Monday basics","editable":true,"items":[]})"},
      {"GET", "/api/v1/exercise-sets/{id}", Access::kTrainer, 200, GetSet, nullptr,
       "One exercise set", "", R"({"id":"monday","title":"Monday basics","items":[]})"},
      {"PUT", "/api/v1/exercise-sets/{id}", Access::kTrainer, 200, UpdateSet, nullptr,
       "Edit a set: title, description, the ordered items with tiers (tracks are read-only)",
       R"({"title":"Monday","items":[{"exercise":"sum","tier":2},{"exercise":"hello","tier":1}]})",
       R"({"id":"monday","title":"Monday","items":[]})"},
      {"POST", "/api/v1/exercise-sets/{id}/copy", Access::kTrainer, 200, CopySet, nullptr,
       "Clone a set (a track too) under a new id, to edit the copy",
       R"({"new_id":"tuesday","title":"Tuesday basics"})",
       R"({"id":"tuesday","title":"Tuesday basics","editable":true,"items":[]})"},
      {"POST", "/api/v1/submissions", Access::kUser, 202, CreateSubmission, nullptr,
       "Submit a solution: stored, then queued for judging",
       R"({"exercise":"hello","language":"python","source":"print('Hello')\n"})",
       R"({"id":42,"status":"queued","kind":"submission"})", kSourceBody, kJson, kQueueFull},
      {"GET", "/api/v1/submissions", Access::kUser, 200, ListSubmissions, nullptr,
       "The caller's own submissions, newest first (?exercise=ID to filter)", "",
       R"([{"id":42,"exercise":"hello","language":"python","status":"done","verdict":"accepted","score":1,"max_score":1,"created_at":"2026-01-05T10:00:00Z"}])"},
      {"GET", "/api/v1/submissions/{id}", Access::kUser, 200, GetSubmission, nullptr,
       "A submission or run with its source and test results; a game's tests carry their "
       "replay (judge/PACKAGES.md)", "",
       R"({"id":42,"status":"done","verdict":"accepted","tests":[],"compile":{"status":"ok","output":""},"kind":"submission"})"},
      {"GET", "/api/v1/submissions/{id}/events", Access::kUser, 200, nullptr, SubmissionEvents,
       "Server-Sent Events while judging: `progress` {done,total,test}, then `done` with the "
       "submission",
       "", "", 64 * 1024, "text/event-stream"},
      {"GET", "/api/v1/submissions/{id}/comments", Access::kUser, 200, ListComments, nullptr,
       "Line comments on a submission", "",
       R"([{"id":1,"line":3,"author":"mikko","role":"trainer","text":"…","created_at":"…"}])"},
      {"POST", "/api/v1/submissions/{id}/comments", Access::kUser, 200, AddComment, nullptr,
       "Comment on a line (a trainer of the candidate, or the candidate answering)",
       R"({"line":3,"text":"What happens when n is 0?"})", R"({"id":1,"line":3})"},
      {"POST", "/api/v1/runs", Access::kUser, 202, CreateRun, nullptr,
       "Run on the samples (or on \"input\" alone) without recording a submission",
       R"({"exercise":"hello","language":"python","source":"print('Hello')\n","input":"optional"})",
       R"({"id":43,"status":"queued","kind":"run"})", kSourceBody, kJson, kQueueFull},
      {"POST", "/api/v1/workshops", Access::kTrainer, 200, CreateWorkshop, nullptr,
       "Create a workshop with a join code",
       R"({"title":"Monday","exercises":["hello"],"starts_at":"2026-01-05T09:00:00Z","ends_at":"2026-01-05T15:00:00Z","scoreboard":false})",
       R"({"id":1,"join_code":"K7QX2M"})"},
      {"GET", "/api/v1/workshops", Access::kUser, 200, ListWorkshops, nullptr,
       "Trainers: the workshops they run; others: the ones they joined", "",
       R"([{"id":1,"title":"Monday","exercises":["hello"]}])"},
      {"POST", "/api/v1/workshops/join", Access::kUser, 200, JoinWorkshop, nullptr,
       "Join a workshop with its code", R"({"code":"DEMO42","nickname":"Aino"})",
       R"({"id":1,"title":"Monday","nickname":"Aino"})"},
      {"GET", "/api/v1/workshops/{id}", Access::kUser, 200, GetWorkshop, nullptr,
       "A workshop (the join code only for its trainer)", "",
       R"({"id":1,"title":"Monday","exercises":["hello"],"starts_at":"","ends_at":"","scoreboard":false})"},
      {"GET", "/api/v1/workshops/{id}/live", Access::kTrainer, 200, WorkshopLive, nullptr,
       "The trainer's live view: participants, failing-test heat-map, help queue", "",
       R"({"participants":[],"heatmap":[],"help":[]})"},
      {"POST", "/api/v1/workshops/{id}/help", Access::kUser, 200, AskHelp, nullptr,
       "Ask for help (a member of the workshop)", R"({"exercise":"hello","message":"optional"})",
       R"({"id":3})"},
      {"POST", "/api/v1/workshops/{id}/help/{hid}/answer", Access::kTrainer, 200, AnswerHelp,
       nullptr, "Mark a help request answered", "", R"({"id":3,"answered":true})"},
      {"POST", "/api/v1/workshops/{id}/hints", Access::kTrainer, 200, ReleaseHints, nullptr,
       "Release an exercise's hints to the room", R"({"exercise":"hello"})",
       R"({"exercise":"hello","hints_released":true})"},
      {"POST", "/api/v1/workshops/{id}/extra-time", Access::kTrainer, 200, GiveExtraTime, nullptr,
       "Give one participant extra minutes", R"({"username":"aino","minutes":15})",
       R"({"username":"aino","extra_minutes":15})"},
      {"POST", "/api/v1/workshops/{id}/exercises", Access::kTrainer, 200, PublishToWorkshop,
       nullptr,
       "Publish an exercise to a workshop; refused (409 not_validated) unless its newest "
       "version passed its check",
       R"({"exercise":"doubler"})",
       R"({"workshop":1,"exercise":"doubler","version":2,"added":true})"},
      {"GET", "/api/v1/workshops/{id}/analytics", Access::kTrainer, 200, nullptr, WorkshopAnalytics,
       "The room's progress over time and per exercise (?format=csv for the timeline)", "",
       R"({"workshop":1,"participants":14,"per_exercise":[{"exercise":"hello","solved_by":9,"tried_by":12}],"timeline":[{"at":"…","solved":3,"people_with_a_solve":2,"people_started":8}]})"},
      {"GET", "/api/v1/workshops/{id}/scoreboard", Access::kUser, 200, GetScoreboard, nullptr,
       "The scoreboard by nickname, when the workshop has one", "",
       R"([{"nickname":"Aino","solved":2,"score":2}])"},
      {"GET", "/api/v1/packages/{hash}", Access::kPublic, 200, nullptr, GetPackage,
       "For `koodikoe worker`s, with \"Authorization: Bearer WORKER_TOKEN\": the package "
       "of the exercise version with this content hash, as a .zip",
       "", "", 64 * 1024, "application/zip"},
      {"GET", "/api/v1/profile", Access::kCandidate, 200, GetProfile, nullptr,
       "The caller's skill profile from verified results: every result (shown or hidden), "
       "reflections, suggested and confirmed skills",
       "",
       R"({"intro":"…","intro_language":"fi","hidden_exercises":[],"confirmed_skills":["loops"],"suggested_skills":[{"skill":"loops","exercises":2,"confirmed":true}],"solved":2,"results":[{"exercise":"hello","track":"basics","tier":1,"skills":["output"],"solved":true,"solved_at":"…","languages":["python"],"attempts":2,"best_score":3,"max_score":3,"minutes_spent":6,"reflection":"…","shown":true}]})"},
      {"PUT", "/api/v1/profile", Access::kCandidate, 200, PutProfile, nullptr,
       "Change the introduction, which results are hidden, and which suggested skills are "
       "confirmed",
       R"({"intro":"…","intro_language":"en","hidden_exercises":["sum"],"confirmed_skills":["loops"]})",
       R"({"intro":"…","results":[]})"},
      {"PUT", "/api/v1/profile/reflections/{exercise}", Access::kCandidate, 200, PutReflection,
       nullptr, "The candidate's own words on a solved exercise (empty text removes it)",
       R"({"text":"I first sorted the list, then …"})",
       R"({"exercise":"hello","reflection":"I first sorted the list, then …"})"},
      {"GET", "/api/v1/credentials/issuer", Access::kPublic, 200, GetIssuer, nullptr,
       "This platform's credential issuer: its did:key", "",
       R"({"id":"did:key:z6Mk…","name":"koodikoe","cryptosuite":"eddsa-jcs-2022"})"},
      {"POST", "/api/v1/credentials/verify", Access::kPublic, 200, VerifyCredentialRoute, nullptr,
       "Verify an Open Badges 3.0 credential (the credential itself as the body)",
       R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"proof":{}})",
       R"({"valid":true,"reason":"","issuer":"did:key:z6Mk…","issued_here":true})"},
      {"GET", "/api/v1/credentials/{exercise}", Access::kUser, 200, GetCredential, nullptr,
       "An Open Badges 3.0 credential for the caller's accepted solution, signed by the platform",
       "",
       R"({"type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:key:z6Mk…"},"credentialSubject":{},"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-jcs-2022"}})"},
      {"GET", "/api/v1/companies", Access::kCandidate, 200, ListCompanies, nullptr,
       "Partner company accounts a candidate can share with", "",
       R"([{"username":"sari","name":"Sari"}])"},
      {"GET", "/api/v1/shares", Access::kCandidate, 200, ListShares, nullptr,
       "The caller's shares, revoked ones included", "",
       R"([{"id":1,"kind":"company","company":"sari","label":"","contact":"requested","active":true,"created_at":"…","revoked_at":""},{"id":2,"kind":"link","link":"/shared/2.…","active":true}])"},
      {"POST", "/api/v1/shares", Access::kCandidate, 200, CreateShare, nullptr,
       "Share the profile with a company account, or (no \"company\") create a signed link",
       R"({"company":"sari","label":"optional"})", R"({"id":1,"kind":"company","active":true})"},
      {"GET", "/api/v1/shares/views", Access::kCandidate, 200, ListShareViews, nullptr,
       "Who has seen the caller's shared evidence, newest first", "",
       R"([{"share":1,"via":"sari","viewer":"sari","what":"report","viewed_at":"…"}])"},
      {"DELETE", "/api/v1/shares/{id}", Access::kCandidate, 200, RevokeShare, nullptr,
       "Revoke a share: from now on the company or the link sees nothing", "",
       R"({"id":1,"active":false})"},
      {"POST", "/api/v1/shares/{id}/contact", Access::kCandidate, 200, AnswerContact, nullptr,
       "Answer a company's contact request; accepting shows the company your name",
       R"({"accept":true})", R"({"id":1,"contact":"accepted"})"},
      {"GET", "/api/v1/shared/{token}", Access::kPublic, 200, GetSharedByLink, nullptr,
       "The report behind a signed share link, while the candidate has not revoked it", "",
       R"({"share":2,"alias":"Candidate 2","name":"Yusuf","exercises":[]})"},
      {"GET", "/api/v1/company/candidates", Access::kCompany, 200, CompanyCandidates, nullptr,
       "Candidates who shared with the caller's company: anonymised cards until contact is "
       "accepted",
       "",
       R"([{"share":1,"alias":"Candidate 1","name":null,"contact":"","solved":3,"skills":["loops"],"shortlisted":false,"note":""}])"},
      {"GET", "/api/v1/company/candidates/{share}", Access::kCompany, 200, CompanyCandidate,
       nullptr,
       "A shared candidate's report: per exercise the score by test group, final code, "
       "timeline of attempts, time spent; the skill profile",
       "",
       R"({"share":1,"alias":"Candidate 1","name":null,"exercises":[{"exercise":"hello","final":{"source":"…","groups":[{"group":"secret","passed":2,"total":2,"score":2}]},"timeline":[],"minutes_spent":6}]})"},
      {"POST", "/api/v1/company/candidates/{share}/contact", Access::kCompany, 200, RequestContact,
       nullptr, "Ask a shared candidate for contact (they decide)",
       R"({"message":"We would like to meet you."})", R"({"share":1,"contact":"requested"})"},
      {"PUT", "/api/v1/company/shortlist/{share}", Access::kCompany, 200, PutShortlist, nullptr,
       "Shortlist a shared candidate with a private note", R"({"note":"Strong in graphs"})",
       R"({"share":1,"shortlisted":true,"note":"Strong in graphs"})"},
      {"DELETE", "/api/v1/company/shortlist/{share}", Access::kCompany, 200, RemoveShortlist,
       nullptr, "Take a candidate off the shortlist", "", R"({"share":1,"shortlisted":false})"},
      {"GET", "/api/v1/company/compare", Access::kCompany, 200, CompareCandidates, nullptr,
       "Several shared candidates side by side (?shares=1,2,3)", "",
       R"({"candidates":[{"share":1,"alias":"Candidate 1"}],"exercises":[{"exercise":"hello","results":{"1":{"score":3,"max_score":3,"attempts":2}}}]})"},
      {"GET", "/api/v1/exercises/{id}/similarity", Access::kTrainer, 200, ExerciseSimilarity,
       nullptr,
       "Pairs of final submissions of the trainer's candidates that are suspiciously alike, "
       "with the matching line ranges",
       "",
       R"({"exercise":"hello","compared":12,"pairs":[{"score":92,"a":{"submission":4,"username":"aino","source":"…"},"b":{"submission":9},"regions":[{"a":[1,8],"b":[3,10]}]}]})"},
      {"POST", "/api/v1/trials", Access::kUser, 200, CreateTrial, nullptr,
       "Build a timed coding trial from exercises (a company or a trainer); returns its "
       "invitation link",
       R"({"title":"Backend trial","exercises":["hello","sum"],"minutes":60})",
       R"({"id":1,"title":"Backend trial","minutes":60,"exercises":["hello","sum"],"code":"…","invite":"/trials/open/…"})"},
      {"GET", "/api/v1/trials", Access::kUser, 200, ListTrials, nullptr,
       "The trials the caller runs (companies and trainers)", "",
       R"([{"id":1,"title":"Backend trial","minutes":60,"invite":"/trials/open/…"}])"},
      {"POST", "/api/v1/trials/open", Access::kCandidate, 200, OpenTrial, nullptr,
       "Open a trial invitation: the candidate's window starts now (or already did); the "
       "trial's owner will see the results with the candidate's name",
       R"({"code":"…"})",
       R"({"id":1,"title":"Backend trial","exercises":["hello"],"opened_at":"…","ends_at":"…","seconds_left":3600})"},
      {"GET", "/api/v1/trials/{id}/results", Access::kUser, 200, GetTrialResults, nullptr,
       "Results per candidate inside their own window, and the score distribution per exercise "
       "(the trial's owner)",
       "",
       R"({"id":1,"columns":[{"id":"hello","title":"Hello"}],"candidates":[{"name":"Aino","total":3,"exercises":{"hello":{"score":3,"max_score":3,"attempts":1}}}],"distribution":{"hello":[1.0]}})"},
      {"GET", "/api/v1/trials/{id}/results.csv", Access::kUser, 200, nullptr, TrialResultsCsv,
       "The results as CSV (the trial's owner)", "", "", 64 * 1024, "text/csv"},
      {"GET", "/api/v1/trials/{id}/similarity", Access::kUser, 200, TrialSimilarity, nullptr,
       "Suspiciously similar solutions among the trial's candidates (the trial's owner)", "",
       R"({"trial":1,"pairs":[]})"},
      {"GET", "/api/v1/me/export", Access::kUser, 200, nullptr, ExportMe,
       "Download everything the platform holds about you: a zip of data.json and your sources", "",
       "", 64 * 1024, "application/zip"},
      {"DELETE", "/api/v1/me", Access::kUser, 200, DeleteMe, nullptr,
       "Delete your account and everything in it (needs your password)", R"({"password":"…"})",
       R"({"deleted":true})"},
      {"GET", "/api/v1/openapi.json", Access::kPublic, 200, nullptr, OpenApi,
       "This description of the API", "", ""},
      {"GET", "/healthz", Access::kPublic, 200, nullptr, Health,
       "200 when storage and judging work, else 503 saying which is down", "",
       R"({"status":"ok","workers":2,"live_helpers":2,"queue_depth":0})"},
      {"GET", "/metrics", Access::kPublic, 200, nullptr, MetricsText,
       "Prometheus metrics: queue depth, verdicts, judge latency", "", "", 64 * 1024, "text/plain"},
  };
  // clang-format on
  return routes;
}

const char* AccessName(Access access) {
  switch (access) {
    case Access::kPublic:
      return "public";
    case Access::kUser:
      return "user";
    case Access::kTrainer:
      return "trainer";
    case Access::kAdmin:
      return "admin";
    case Access::kCandidate:
      return "candidate";
    case Access::kCompany:
      return "company";
  }
  return "user";
}

// "/api/v1/workshops/{id}/help/{hid}/answer" -> regex and parameter names.
std::pair<std::string, std::vector<std::string>> PathPattern(const std::string& path) {
  std::string pattern;
  std::vector<std::string> names;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      size_t end = path.find('}', i);
      names.push_back(path.substr(i + 1, end - i - 1));
      pattern += "([^/]+)";
      i = end;
    } else if (std::string(".+*?()[]^$|\\").find(path[i]) != std::string::npos) {
      pattern += std::string("\\") + path[i];
    } else {
      pattern += path[i];
    }
  }
  return {pattern, names};
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

// The caller of a request, from a bearer token or the session cookie.
ApiResult<std::optional<Caller>> Authenticate(Services& services, const httplib::Request& req) {
  std::string token;
  bool via_cookie = false;
  std::string authorization = req.get_header_value("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0) {
    token = authorization.substr(7);
  } else {
    token = CookieValue(req, "kk_session");
    via_cookie = true;
  }
  if (token.empty() || token.size() > 256) return std::optional<Caller>();
  std::string hash = TokenHash(token);
  auto session = Check(services.storage.FindSession(hash, UnixNow()));
  if (!session) return tl::unexpected(session.error());
  if (!*session) return std::optional<Caller>();
  auto user = Check(services.storage.FindUser((*session)->user_id));
  if (!user) return tl::unexpected(user.error());
  if (!*user) return std::optional<Caller>();
  return Caller{std::move(**user), hash, (*session)->csrf, via_cookie};
}

bool IsWrite(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::optional<ApiError> CheckAccess(const Route& route, const ApiRequest& request) {
  if (route.access == Access::kPublic) return std::nullopt;
  if (!request.caller) {
    return ApiError{Fault::kUnauthenticated, "login_required",
                    "Log in first: your session has ended or you are not logged in.", 0};
  }
  // A cookie is sent by the browser on any site's request; the CSRF header proves the
  // request comes from our own page, which alone can read the kk_csrf cookie.
  if (request.caller->via_cookie && IsWrite(route.method) &&
      !SameSecret(request.http.get_header_value("X-CSRF-Token"), request.caller->csrf)) {
    return ApiError{Fault::kForbidden, "csrf_failed",
                    "The request lacked the X-CSRF-Token header matching the kk_csrf cookie. "
                    "Reload the page and try again.",
                    0};
  }
  Role role = request.caller->user.role;
  if (route.access == Access::kTrainer && !IsTrainerRole(role)) {
    return ApiError{Fault::kForbidden, "trainer_only", "Only a trainer can do this.", 0};
  }
  if (route.access == Access::kAdmin && role != Role::kAdmin) {
    return ApiError{Fault::kForbidden, "admin_only", "Only an administrator can do this.", 0};
  }
  if (route.access == Access::kCandidate && role != Role::kCandidate) {
    return ApiError{Fault::kForbidden, "candidate_only",
                    "Only a candidate has a skill profile and shares it.", 0};
  }
  if (route.access == Access::kCompany && role != Role::kCompany) {
    return ApiError{Fault::kForbidden, "company_only",
                    "Only a company account sees the candidates who shared with it.", 0};
  }
  return std::nullopt;
}

void Serve(Services& services, const Route& route, const std::vector<std::string>& names,
           const httplib::Request& req, httplib::Response& res) {
  services.metrics.RecordRequest();
  ApiRequest request{req, {}, std::nullopt, json()};
  for (size_t i = 0; i < names.size() && i + 1 < req.matches.size(); ++i) {
    request.params[names[i]] = req.matches[i + 1].str();
  }
  if (route.access != Access::kPublic) {
    auto caller = Authenticate(services, req);
    if (!caller) return ReplyError(res, caller.error());
    request.caller = std::move(*caller);
  }
  if (auto denied = CheckAccess(route, request)) return ReplyError(res, *denied);
  if (req.body.size() > route.max_body) {
    return ReplyError(res, Fault::kTooLarge, "body_too_large",
                      "The request is " + std::to_string(req.body.size() / 1024) +
                          " KiB; this address accepts at most " +
                          std::to_string(route.max_body / 1024) + " KiB.");
  }
  if (IsWrite(route.method) && std::string(route.request_example) != "zip") {
    // The parser recurses per level: a body of a million '[' would overflow the stack.
    if (NestedTooDeeply(req.body)) {
      return ReplyError(res, Fault::kInvalid, "nested_too_deeply",
                        "The JSON body is nested too deeply: at most " +
                            std::to_string(kMaxJsonDepth) + " levels of [ and { are accepted.");
    }
    request.body = req.body.empty() ? json::object() : json::parse(req.body, nullptr, false);
    if (request.body.is_discarded() || !request.body.is_object()) {
      return ReplyError(res, Fault::kInvalid, "bad_json",
                        "The request body must be a JSON object.");
    }
  }
  if (route.raw) return route.raw(services, request, res);
  auto reply = route.handler(services, request);
  if (!reply) return ReplyError(res, reply.error());
  for (const auto& cookie : reply->set_cookies) res.headers.emplace("Set-Cookie", cookie);
  ReplyJson(res, route.status, reply->body);
}

void RegisterRoute(httplib::Server& server, Services& services, const Route& route) {
  auto [pattern, names] = PathPattern(route.path);
  auto handler = [&services, &route, names = names](const httplib::Request& req,
                                                    httplib::Response& res) {
    try {
      Serve(services, route, names, req, res);
    } catch (const json::exception& e) {
      // A field of an unexpected type deep in a body: the client's mistake.
      ReplyError(res, Fault::kInvalid, "bad_field",
                 std::string("A field of the request has the wrong type: ") + e.what());
    }
  };
  std::string method = route.method;
  if (method == "GET") server.Get(pattern, handler);
  if (method == "POST") server.Post(pattern, handler);
  if (method == "PUT") server.Put(pattern, handler);
  if (method == "DELETE") server.Delete(pattern, handler);
}

}  // namespace

std::vector<RouteDoc> ListRoutes() {
  std::vector<RouteDoc> docs;
  for (const auto& route : Table()) {
    docs.push_back({route.method, route.path, AccessName(route.access), route.status, route.summary,
                    route.request_example, route.response_example, route.content_type,
                    route.too_many});
  }
  return docs;
}

void RegisterRoutes(httplib::Server& server, Services& services, const std::string& ui_dir) {
  for (const auto& route : Table()) RegisterRoute(server, services, route);

  // Every other GET: the browser UI's index (its router knows the path), never for /api/.
  server.Get(".*", [ui_dir](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) {
      return ReplyError(res, Fault::kNotFound, "no_such_route",
                        "There is no API address " + req.path + ". See /api/v1/openapi.json.");
    }
    UiPage page = UiIndex(ui_dir);
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    res.set_content(page.body, page.content_type);
  });

  // Answers the server makes before any handler (unknown route, body over the limit, bad
  // request line) still get the JSON error shape.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    json body;
    if (res.status == 413) {
      body = {{"error", "body_too_large"},
              {"message",
               "The request is too large. Sources are limited to 256 KiB and "
               "exercise packages to 32 MiB."}};
    } else if (res.status == 404) {
      body = {{"error", "no_such_route"},
              {"message", "There is no " + req.method + " " + req.path +
                              ". See /api/v1/openapi.json for the API."}};
    } else {
      body = {{"error", "bad_request"},
              {"message",
               "The server could not read the request (HTTP " + std::to_string(res.status) + ")."}};
    }
    res.set_content(body.dump(), "application/json");
  });
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        LogError("exception method=" + req.method + " path=" + req.path + " what=\"" + what + "\"");
        ReplyJson(res, 500,
                  {{"error", "internal_error"},
                   {"message", "Something went wrong on the server. Try again in a moment."}});
      });
}

}  // namespace web
