// Internal to web/: what route handlers see and return. Handlers report faults as ApiError;
// routes.cc turns replies and faults into HTTP.
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accounts/auth.h"
#include "authoring/exercise_sets.h"
#include "authoring/exercise_store.h"
#include "base/metrics.h"
#include "catalogue/catalog.h"
#include "http/api_error.h"
#include "http/server.h"
#include "queue/events.h"
#include "queue/judge_queue.h"
#include "storage/storage.h"

namespace web {

using nlohmann::json;

class PlatformKey;  // web/credentials.h

// Everything a handler may use; owned by the running server.
struct Services {
  Storage& storage;
  Catalog& catalog;
  JudgeQueue& queue;
  EventHub& events;
  Metrics& metrics;
  LoginRateLimiter& login_limiter;
  ExerciseStore& store;
  ExerciseSets& sets;
  const ServerOptions& options;
  const PlatformKey& key;  // signs credentials and share links
};

struct Caller {
  User user;
  std::string token_hash;
  std::string csrf;
  bool via_cookie = false;
};

struct ApiRequest {
  const httplib::Request& http;
  std::map<std::string, std::string> params;  // from the path: "{id}" -> value
  std::optional<Caller> caller;               // set for every route that needs a login
  json body;                                  // parsed JSON body (null if none)
  // BodyKind::kStream routes: reads the body as it arrives (null for the others).
  const httplib::ContentReader* content = nullptr;

  const Caller& who() const { return *caller; }
  const User& user() const { return caller->user; }
};

struct ApiReply {
  json body = json::object();
  std::string json_text;  // when not empty, the body exactly as it goes out (JSON already)
  std::vector<std::string> set_cookies;  // Set-Cookie header values
};

using Handler = ApiResult<ApiReply> (*)(Services&, const ApiRequest&);

// Limits of what a request may carry.
inline constexpr size_t kMaxSourceBytes = 256 * 1024;
inline constexpr size_t kMaxInputBytes = 1024 * 1024;
inline constexpr size_t kMaxCommentBytes = 4000;
inline constexpr int64_t kSessionSeconds = 7 * 24 * 3600;

// Field readers for JSON bodies: a missing, mistyped or oversized field is a kInvalid fault
// naming the field.
ApiResult<std::string> RequireString(const json& body, const std::string& field,
                                     size_t max_bytes = 1000);
ApiResult<std::optional<std::string>> OptionalString(const json& body, const std::string& field,
                                                     size_t max_bytes = 1000);
ApiResult<int64_t> RequireInt(const json& body, const std::string& field, int64_t low,
                              int64_t high);
ApiResult<int64_t> PathId(const ApiRequest& request, const std::string& name = "id");

// Storage errors as faults (details to the log).
template <class T>
ApiResult<T> Check(Result<T> result) {
  if (!result) return InternalFailure(result.error());
  if constexpr (std::is_void_v<T>) {
    return {};
  } else {
    return std::move(*result);
  }
}

bool IsTrainerRole(Role role);  // trainer or admin

// Account and session.
ApiResult<ApiReply> Login(Services&, const ApiRequest&);
ApiResult<ApiReply> Logout(Services&, const ApiRequest&);
ApiResult<ApiReply> GetMe(Services&, const ApiRequest&);
ApiResult<ApiReply> PutMe(Services&, const ApiRequest&);
ApiResult<ApiReply> CreateUserRoute(Services&, const ApiRequest&);
ApiResult<ApiReply> UnlockLogin(Services&, const ApiRequest&);
ApiResult<ApiReply> SetUserRole(Services&, const ApiRequest&);
json EncodeMe(const User& user);

// Exercises and progress.
ApiResult<ApiReply> ListExercises(Services&, const ApiRequest&);
ApiResult<ApiReply> GetExercise(Services&, const ApiRequest&);
ApiResult<ApiReply> ListLanguages(Services&, const ApiRequest&);
ApiResult<ApiReply> GetProgress(Services&, const ApiRequest&);

// Trainers' exercise tools (handlers_authoring.cc).
ApiResult<ApiReply> ImportExercise(Services&, const ApiRequest&);
void ExportExercise(Services&, const ApiRequest&, httplib::Response&);
void GetPackage(Services&, const ApiRequest&, httplib::Response&);
// For remote workers: a team commit's tree as a tar (projects/README.md).
void GetTeamTree(Services&, const ApiRequest&, httplib::Response&);
ApiResult<ApiReply> GetExerciseCheck(Services&, const ApiRequest&);
ApiResult<ApiReply> RecheckExercise(Services&, const ApiRequest&);
void ExerciseCheckEvents(Services&, const ApiRequest&, httplib::Response&);
// What an event stream sends next: Server-Sent Events text (may be empty), and whether it
// ends the stream.
struct EventStreamStep {
  std::string events;
  bool last = false;
};
// Answers with an event stream (200, no caching), or 429 too_many_streams when the caller
// holds EventHub::kStreamsPerAccount. The stream asks the client to reconnect after 2 s, then
// sends what `next` gives (next waits for news, about 10 s at most; `first` on the first
// call) until a step is the last, the client goes away or 30 minutes pass; a step of
// std::nullopt ends the stream at once, sending nothing more.
void StreamEvents(Services&, const ApiRequest&, httplib::Response&,
                  std::function<std::optional<EventStreamStep>(bool first)> next);
ApiResult<ApiReply> GetExerciseSource(Services&, const ApiRequest&);
ApiResult<ApiReply> SaveExerciseSource(Services&, const ApiRequest&);
ApiResult<ApiReply> CreateExercise(Services&, const ApiRequest&);
ApiResult<ApiReply> CopyExercise(Services&, const ApiRequest&);
ApiResult<ApiReply> UploadTests(Services&, const ApiRequest&);
ApiResult<ApiReply> ListVersions(Services&, const ApiRequest&);
ApiResult<ApiReply> RejudgeExercise(Services&, const ApiRequest&);
ApiResult<ApiReply> RejudgeProgress(Services&, const ApiRequest&);
ApiResult<ApiReply> PublishToWorkshop(Services&, const ApiRequest&);
ApiResult<ApiReply> ListExerciseOwners(Services&, const ApiRequest&);
ApiResult<ApiReply> AddExerciseOwnerRoute(Services&, const ApiRequest&);
// A kConflict fault if the exercise may not be put in a workshop (its newest version has not
// passed its check); bundled exercises always may.
ApiResult<void> PublishRefusal(Services&, const std::string& exercise);

// Exercise sets (handlers_sets.cc).
ApiResult<ApiReply> ListSets(Services&, const ApiRequest&);
ApiResult<ApiReply> GetSet(Services&, const ApiRequest&);
ApiResult<ApiReply> CreateSet(Services&, const ApiRequest&);
ApiResult<ApiReply> UpdateSet(Services&, const ApiRequest&);
ApiResult<ApiReply> CopySet(Services&, const ApiRequest&);

// Analytics (analytics.cc): JSON, or CSV with ?format=csv.
void ExerciseAnalytics(Services&, const ApiRequest&, httplib::Response&);
void WorkshopAnalytics(Services&, const ApiRequest&, httplib::Response&);
json BuildExerciseAnalytics(const std::string& exercise,
                            const std::vector<Submission>& submissions);
std::string ExerciseAnalyticsCsv(const std::vector<Submission>& submissions);
json BuildWorkshopAnalytics(const Workshop& workshop, const std::vector<Member>& members,
                            const std::vector<Submission>& submissions, int64_t now);
std::string WorkshopAnalyticsCsv(const json& analytics);

// Submissions, runs, comments.
ApiResult<ApiReply> CreateSubmission(Services&, const ApiRequest&);
ApiResult<ApiReply> CreateRun(Services&, const ApiRequest&);
ApiResult<ApiReply> ListSubmissions(Services&, const ApiRequest&);
ApiResult<ApiReply> GetSubmission(Services&, const ApiRequest&);
ApiResult<ApiReply> ListComments(Services&, const ApiRequest&);
ApiResult<ApiReply> AddComment(Services&, const ApiRequest&);
// The submission if the caller may read it (owner, admin, a trainer of the owner), else a
// kNotFound fault (existence is not revealed).
ApiResult<Submission> VisibleSubmission(Services&, const Caller& caller, int64_t id);
// How much of a submission's report a viewer may see (feedback.cc).
enum class ReportViewer {
  kEverything,  // trainers and admins; a candidate's run on their own input
  kCandidate,   // samples, and secret tests whose group gives full feedback
  kHidden,      // samples only: coding trials, companies reading shared evidence
};
ApiResult<ReportViewer> ViewerOf(Services&, const User& viewer, const Submission& submission);
// A test of a report as the viewer may see it: a hidden one keeps its name, group, verdict,
// score, time and memory only (no feedback, input, output, answer or replay).
json TestForViewer(const json& test, ReportViewer viewer);
json TestsForViewer(const json& tests, ReportViewer viewer);
// A progress event's JSON ({"done","total","test"}) with its test filtered.
std::string ProgressEventForViewer(const std::string& event, ReportViewer viewer);
// With source: the report too, filtered for `viewer`.
json EncodeSubmission(const Submission& submission, bool with_source,
                      ReportViewer viewer = ReportViewer::kHidden);

// Workshops.
ApiResult<ApiReply> CreateWorkshop(Services&, const ApiRequest&);
ApiResult<ApiReply> ListWorkshops(Services&, const ApiRequest&);
ApiResult<ApiReply> GetWorkshop(Services&, const ApiRequest&);
ApiResult<ApiReply> JoinWorkshop(Services&, const ApiRequest&);
ApiResult<ApiReply> WorkshopLive(Services&, const ApiRequest&);
ApiResult<ApiReply> AskHelp(Services&, const ApiRequest&);
ApiResult<ApiReply> AnswerHelp(Services&, const ApiRequest&);
ApiResult<ApiReply> ReleaseHints(Services&, const ApiRequest&);
ApiResult<ApiReply> GiveExtraTime(Services&, const ApiRequest&);
ApiResult<ApiReply> GetScoreboard(Services&, const ApiRequest&);

// The trainer's live view of a room, from stored data (pure; tested on its own).
json BuildLiveView(const Workshop& workshop, const std::vector<Member>& members,
                   const std::vector<Submission>& submissions, const std::vector<HelpRequest>& help,
                   int64_t now);
json BuildScoreboard(const Workshop& workshop, const std::vector<Member>& members,
                     const std::vector<Submission>& submissions);

// Candidate evidence (evidence.cc): skill profile, reflections, credentials, own data.
ApiResult<ApiReply> GetProfile(Services&, const ApiRequest&);
ApiResult<ApiReply> PutProfile(Services&, const ApiRequest&);
ApiResult<ApiReply> PutReflection(Services&, const ApiRequest&);
ApiResult<ApiReply> GetCredential(Services&, const ApiRequest&);
ApiResult<ApiReply> VerifyCredentialRoute(Services&, const ApiRequest&);
ApiResult<ApiReply> GetIssuer(Services&, const ApiRequest&);
ApiResult<ApiReply> DeleteMe(Services&, const ApiRequest&);
// Everything the platform holds about the user, as a zip (data.json and sources/).
ApiResult<std::string> ExportArchive(Services&, const User& user);

// Sharing with consent (handlers_sharing.cc).
ApiResult<ApiReply> ListCompanies(Services&, const ApiRequest&);
ApiResult<ApiReply> ListShares(Services&, const ApiRequest&);
ApiResult<ApiReply> CreateShare(Services&, const ApiRequest&);
ApiResult<ApiReply> RevokeShare(Services&, const ApiRequest&);
ApiResult<ApiReply> AnswerContact(Services&, const ApiRequest&);
ApiResult<ApiReply> ListShareViews(Services&, const ApiRequest&);
ApiResult<ApiReply> GetSharedByLink(Services&, const ApiRequest&);
ApiResult<ApiReply> CompanyCandidates(Services&, const ApiRequest&);
ApiResult<ApiReply> CompanyCandidate(Services&, const ApiRequest&);
ApiResult<ApiReply> RequestContact(Services&, const ApiRequest&);
ApiResult<ApiReply> PutShortlist(Services&, const ApiRequest&);
ApiResult<ApiReply> RemoveShortlist(Services&, const ApiRequest&);
ApiResult<ApiReply> CompareCandidates(Services&, const ApiRequest&);

// Coding trials (handlers_trials.cc).
ApiResult<ApiReply> CreateTrial(Services&, const ApiRequest&);
ApiResult<ApiReply> ListTrials(Services&, const ApiRequest&);
ApiResult<ApiReply> OpenTrial(Services&, const ApiRequest&);
ApiResult<ApiReply> GetTrialResults(Services&, const ApiRequest&);
ApiResult<ApiReply> TrialSimilarity(Services&, const ApiRequest&);
// The results as CSV: one row per candidate, one column per exercise.
ApiResult<std::string> TrialCsv(Services&, const ApiRequest&);

// Similar final submissions of an exercise (handlers_similarity.cc).
ApiResult<ApiReply> ExerciseSimilarity(Services&, const ApiRequest&);

// Sets up every route of the table, the UI fallback and the JSON error pages.
void RegisterRoutes(httplib::Server& server, Services& services, const std::string& ui_dir);

// Demo data for `serve --demo`: accounts and the demo workshop, if not there yet.
Result<void> SeedDemo(Storage& storage, const Catalog& catalog);
// Demo evidence: the demo candidate's attempts (queued for judging) and a share with the demo
// company, once.
Result<void> SeedDemoEvidence(Storage& storage, const Catalog& catalog);

}  // namespace web
