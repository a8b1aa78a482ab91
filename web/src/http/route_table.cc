// The route table: every route of the API, its handler, the roles allowed, its body kind and
// limit, and its OpenAPI description. One row a route, grouped by the part of web/ that
// serves it; the groups are put together in registration order at the end. Rows are kept out
// of clang-format: easier to review as a table than as it would wrap them.
#include "http/route_table.h"

#include "programmes/programmes.h"
#include "projects/projects.h"
#include "projects/team_files.h"

namespace web {

namespace {

constexpr size_t kSourceBody = 4u << 20;  // a 256 KiB source plus JSON escaping and input
constexpr size_t kPackageBody = 32u << 20;
constexpr const char* kJson = "application/json";
constexpr const char* kQueueFull =
    "too_many_queued: the caller already has --queued-per-account (default 10) submissions "
    "and runs waiting for their verdicts";
constexpr const char* kTooManyStreams =
    "too_many_streams: the caller already follows 8 event streams; wait Retry-After seconds";

// The caller's session and account; administrators' and trainers' account tools.
std::vector<Route> AccountRoutes() {
  // clang-format off
  return {
    {"POST", "/api/v1/session", Access::kPublic, 200, Login, nullptr,
     "Log in: sets the kk_session and kk_csrf cookies and returns a bearer token",
     R"({"username":"aino","password":"aino-demo"})",
     R"({"token":"…","role":"candidate","username":"aino","csrf":"…","language":"fi"})",
     64 * 1024, kJson, BodyKind::kJson,
     "too_many_attempts: wrong passwords for the name or from the address; wait Retry-After "
     "seconds"},
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
    {"PUT", "/api/v1/users/{username}/role", Access::kAdmin, 200, SetUserRole, nullptr,
     "An admin changes an account's role (e.g. grants coordinator)", R"({"role":"coordinator"})",
     R"({"id":7,"username":"kaisa","role":"coordinator"})"},
    {"POST", "/api/v1/users/{username}/unlock", Access::kTrainer, 200, UnlockLogin, nullptr,
     "A trainer lets a member of their workshop try passwords again at once (admins: anyone)",
     "{}", R"({"username":"aino","unlocked":true})"},
    {"GET", "/api/v1/me/export", Access::kUser, 200, nullptr, ExportMe,
     "Download everything the platform holds about you: a zip of data.json and your sources", "",
     "", 64 * 1024, "application/zip"},
    {"DELETE", "/api/v1/me", Access::kUser, 200, DeleteMe, nullptr,
     "Delete your account and everything in it (needs your password)", R"({"password":"…"})",
     R"({"deleted":true})"},
  };
  // clang-format on
}

// The exercises candidates see and their progress.
std::vector<Route> CatalogueRoutes() {
  // clang-format off
  return {
    {"GET", "/api/v1/languages", Access::kUser, 200, ListLanguages, nullptr,
     "Language ids the judge can run on this server", "", R"(["c","cpp","python"])"},
    {"GET", "/api/v1/exercises", Access::kUser, 200, ListExercises, nullptr,
     "The catalogue, with the caller's status per exercise", "",
     R"([{"id":"hello","title":"Hei","track":"basics","tier":1,"kind":"batch","languages":["python"],"skills":["output"],"status":"new"}])"},
    {"GET", "/api/v1/exercises/{id}", Access::kUser, 200, GetExercise, nullptr,
     "An exercise: statement, samples, limits; hints once released (never hidden data)", "",
     R"({"id":"hello","statement":{"en":"…","fi":"…"},"samples":[{"name":"sample/1","input":"","output":"Hello\n"}],"hints_released":false,"hints":null,"starters":{"c":"#include <stdio.h>\n…"}})"},
    {"GET", "/api/v1/progress", Access::kUser, 200, GetProgress, nullptr,
     "The caller's progress by tier, skill and track", "",
     R"({"solved":["hello"],"by_tier":{"1":{"solved":1,"total":3}},"by_skill":{},"by_track":{}})"},
    {"GET", "/api/v1/packages/{hash}", Access::kPublic, 200, nullptr, GetPackage,
     "For `koodikoe worker`s, with \"Authorization: Bearer WORKER_TOKEN\": the package "
     "of the exercise version with this content hash, as a .zip",
     "", "", 64 * 1024, "application/zip"},
  };
  // clang-format on
}

// Trainers' exercises: import, editing, checks, versions, owners, rejudging.
std::vector<Route> AuthoringRoutes() {
  // clang-format off
  return {
    {"POST", "/api/v1/exercises/import", Access::kTrainer, 200, ImportExercise, nullptr,
     "Import an exercise package (.zip) as the next version of its id; checked in the "
     "background",
     "",
     R"({"id":"hello","version":1,"hash":"…","replaced":false,"check":{"status":"running","samples":2,"follow":"/api/v1/exercises/hello/check"}})",
     kPackageBody, "application/json", BodyKind::kZip},
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
     "", "", 64 * 1024, "text/event-stream", BodyKind::kJson, kTooManyStreams},
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
     "", R"({"id":"hello","version":4,"files_added":6})", kPackageBody, "application/json",
     BodyKind::kZip},
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
  };
  // clang-format on
}

// Trainers' exercise sets.
std::vector<Route> SetRoutes() {
  // clang-format off
  return {
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
  };
  // clang-format on
}

// Submissions, their progress and comments, and test runs.
std::vector<Route> SubmissionRoutes() {
  // clang-format off
  return {
    {"POST", "/api/v1/submissions", Access::kUser, 202, CreateSubmission, nullptr,
     "Submit a solution: stored, then queued for judging",
     R"({"exercise":"hello","language":"python","source":"print('Hello')\n"})",
     R"({"id":42,"status":"queued","kind":"submission"})", kSourceBody, kJson, BodyKind::kJson,
     kQueueFull},
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
     "", "", 64 * 1024, "text/event-stream", BodyKind::kJson, kTooManyStreams},
    {"GET", "/api/v1/submissions/{id}/comments", Access::kUser, 200, ListComments, nullptr,
     "Line comments on a submission", "",
     R"([{"id":1,"line":3,"author":"mikko","role":"trainer","text":"…","created_at":"…"}])"},
    {"POST", "/api/v1/submissions/{id}/comments", Access::kUser, 200, AddComment, nullptr,
     "Comment on a line (a trainer of the candidate, or the candidate answering)",
     R"({"line":3,"text":"What happens when n is 0?"})", R"({"id":1,"line":3})"},
    {"POST", "/api/v1/runs", Access::kUser, 202, CreateRun, nullptr,
     "Run on the samples (or on \"input\" alone) without recording a submission",
     R"({"exercise":"hello","language":"python","source":"print('Hello')\n","input":"optional"})",
     R"({"id":43,"status":"queued","kind":"run"})", kSourceBody, kJson, BodyKind::kJson,
     kQueueFull},
  };
  // clang-format on
}

// Workshops, the trainer's live room, help, hints and scoreboards.
std::vector<Route> WorkshopRoutes() {
  // clang-format off
  return {
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
  };
  // clang-format on
}

// A candidate's evidence: profile, credentials, sharing, and companies' views.
std::vector<Route> EvidenceRoutes() {
  // clang-format off
  return {
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
  };
  // clang-format on
}

// Suspiciously similar solutions.
std::vector<Route> SimilarityRoutes() {
  // clang-format off
  return {
    {"GET", "/api/v1/exercises/{id}/similarity", Access::kTrainer, 200, ExerciseSimilarity,
     nullptr,
     "Pairs of final submissions of the trainer's candidates that are suspiciously alike, "
     "with the matching line ranges",
     "",
     R"({"exercise":"hello","compared":12,"pairs":[{"score":92,"a":{"submission":4,"username":"aino","source":"…"},"b":{"submission":9},"regions":[{"a":[1,8],"b":[3,10]}]}]})"},
    {"GET", "/api/v1/trials/{id}/similarity", Access::kUser, 200, TrialSimilarity, nullptr,
     "Suspiciously similar solutions among the trial's candidates (the trial's owner)", "",
     R"({"trial":1,"pairs":[]})"},
  };
  // clang-format on
}

// Timed coding trials.
std::vector<Route> TrialRoutes() {
  // clang-format off
  return {
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
     "trial's owner will see the results with the candidate's name (\"preview\": true reads "
     "the trial for its landing page and starts nothing)",
     R"({"code":"…"})",
     R"({"id":1,"title":"Backend trial","exercises":["hello"],"opened_at":"…","ends_at":"…","seconds_left":3600})"},
    {"GET", "/api/v1/trials/{id}/results", Access::kUser, 200, GetTrialResults, nullptr,
     "Results per candidate inside their own window, and the score distribution per exercise "
     "(the trial's owner)",
     "",
     R"({"id":1,"columns":[{"id":"hello","title":"Hello"}],"total_scale":"percent","candidates":[{"name":"Aino","total":100,"exercises":{"hello":{"score":3,"max_score":3,"percent":100,"attempts":1}}}],"distribution":{"hello":[1.0]}})"},
    {"GET", "/api/v1/trials/{id}/results.csv", Access::kUser, 200, nullptr, TrialResultsCsv,
     "The results as CSV (the trial's owner)", "", "", 64 * 1024, "text/csv"},
  };
  // clang-format on
}

// The server itself: its API description, health and metrics.
std::vector<Route> ServerRoutes() {
  // clang-format off
  return {
    {"GET", "/api/v1/openapi.json", Access::kPublic, 200, nullptr, OpenApi,
     "This description of the API", "", ""},
    {"GET", "/healthz", Access::kPublic, 200, nullptr, Health,
     "200 when storage and judging work, else 503 saying which is down", "",
     R"({"status":"ok","workers":2,"live_helpers":2,"queue_depth":0})"},
    {"GET", "/metrics", Access::kPublic, 200, nullptr, MetricsText,
     "Prometheus metrics: queue depth, verdicts, judge latency", "", "", 64 * 1024, "text/plain"},
  };
  // clang-format on
}

// Team projects: teams, their members, and each team's git repository (git's smart HTTP,
// HTTP Basic with the member's own account, served by git http-backend).
std::vector<Route> ProjectRoutes() {
  constexpr const char* kTeam =
      R"({"id":3,"project":1,"name":"Sauna crew","join_code":"TAB3CD4E","members":[{"username":"aino","joined_at":"…"}],"clone_url":"http://koodikoe.example/git/teams/3.git"})";
  constexpr const char* kGit = "application/octet-stream";
  // clang-format off
  return {
    {"POST", "/api/v1/workshops/{id}/projects", Access::kTrainer, 200, CreateProject, nullptr,
     "The workshop's trainer starts a team project on a service exercise",
     R"({"exercise":"sauna-booking","title":"optional"})",
     R"({"id":1,"workshop":1,"exercise":"sauna-booking","exercise_title":"Sauna booking","title":"Sauna booking","created_at":"…","teams":[]})"},
    {"GET", "/api/v1/projects/{id}", Access::kUser, 200, GetProject, nullptr,
     "A team project: its trainer sees every team, a member of the workshop their own", "",
     R"({"id":1,"workshop":1,"exercise":"sauna-booking","title":"Sauna booking","teams":[]})"},
    {"POST", "/api/v1/projects/{id}/teams", Access::kUser, 200, CreateTeam, nullptr,
     "Form a team: the trainer names 2 to 6 members of the workshop; a member starts one "
     "alone and gives its join code to the others (at most 6)",
     R"({"name":"Sauna crew","members":["aino","yusuf"]})", kTeam},
    {"POST", "/api/v1/teams/join", Access::kUser, 200, JoinTeamRoute, nullptr,
     "Join a team of a workshop you are in with its code", R"({"code":"TAB3CD4E"})", kTeam},
    {"GET", "/api/v1/teams/{id}", Access::kUser, 200, GetTeam, nullptr,
     "A team, for its members and the workshop's trainer: members and clone_url", "", kTeam},
    {"POST", "/api/v1/teams/{id}/judge", Access::kUser, 202, JudgeTeam, nullptr,
     "A member judges the team's main (or a chosen commit: an id or a branch) through the "
     "queue; follow it as a submission (GET /api/v1/submissions/{id}, its events)",
     R"({"commit":"optional: a commit id or branch; main when left out"})",
     R"({"id":42,"status":"queued","kind":"team","team":3,"commit":"4b825dc642cb6eb9a060e54bf8d69288fbee4904"})",
     64 * 1024, kJson, BodyKind::kJson,
     kQueueFull},
    {"GET", "/api/v1/teams/{id}/judgements", Access::kUser, 200, ListTeamJudgings, nullptr,
     "The team's judgings, newest first, for its members and the workshop's trainer", "",
     R"([{"id":42,"commit":"4b825dc642cb6eb9a060e54bf8d69288fbee4904","user":"aino","status":"done","verdict":"accepted","score":2,"max_score":2,"created_at":"…","message":"","scenarios":[{"name":"scenarios/1-health","verdict":"accepted","score":1}]}])"},
    {"GET", "/api/v1/teams/{id}/contributions", Access::kUser, 200, GetContributions, nullptr,
     "Each member's part in main's history, for the team and the trainer: commits they pushed, "
     "files and lines added and removed (renames followed), scenarios that went from failing "
     "to passing in judgings of their commits", "",
     R"({"members":[{"username":"aino","commits":3,"files":2,"lines_added":40,"lines_removed":3,"scenarios_fixed":["scenarios/2-version"]}],"unattributed_commits":1})"},
    {"PUT", "/api/v1/teams/{id}/reflection", Access::kUser, 200, PutTeamReflection, nullptr,
     "A member writes (or rewrites) their reflection on their own role (at most 4000 bytes)",
     R"({"text":"I built the booking API and reviewed the front page."})",
     R"({"reflections":[{"username":"aino","reflection":"…","trainer_note":"","updated_at":"…"}]})"},
    {"PUT", "/api/v1/teams/{id}/members/{user}/note", Access::kTrainer, 200, PutTeamNote, nullptr,
     "The workshop's trainer writes a short note on a member of the team (at most 1000 bytes)",
     R"({"note":"Led the API design."})",
     R"({"reflections":[{"username":"aino","reflection":"…","trainer_note":"Led the API design.","updated_at":"…"}]})"},
    {"GET", "/api/v1/teams/{id}/trees/{commit}", Access::kPublic, 200, nullptr, GetTeamTree,
     "For `koodikoe worker`s, with \"Authorization: Bearer WORKER_TOKEN\": the tree of a "
     "team's commit (a full commit id) as a tar, to judge it", "", "", 64 * 1024,
     "application/x-tar"},
    {"GET", "/git/teams/{id}/info/refs", Access::kPublic, 200, nullptr, GitHttp,
     "git smart HTTP (?service=git-upload-pack|git-receive-pack), for the team's members: "
     "HTTP Basic with their koodikoe username and password", "", "", 0, kGit,
     BodyKind::kJson, "too_many_attempts: wrong passwords; wait Retry-After seconds"},
    {"POST", "/git/teams/{id}/git-upload-pack", Access::kPublic, 200, nullptr, GitHttp,
     "git fetch and clone (smart HTTP), for the team's members", "", "", 0, kGit,
     BodyKind::kStream},
    {"POST", "/git/teams/{id}/git-receive-pack", Access::kPublic, 200, nullptr, GitHttp,
     "git push (smart HTTP), for the team's members; checked: at most 8 MiB a push, 1 MiB a "
     "file, 32 MiB a repository, no symbolic links, no rewritten history, main kept", "", "", 0, kGit, BodyKind::kStream},
    {"GET", "/api/v1/teams/{id}/tree", Access::kUser, 200, GetTeamTree, nullptr,
     "The files of a commit of the team's repository (?ref=main, a branch or a sha), for its "
     "members and the workshop's trainer", "",
     R"({"ref":"main","commit":"3f2a…","files":[{"path":"app.py","size":812,"executable":false,"link":false}],"can_commit":true})"},
    {"GET", "/api/v1/teams/{id}/file", Access::kUser, 200, GetTeamFile, nullptr,
     "One file's text (?path=...&ref=main); binary files and files over 1 MiB are refused", "",
     R"({"path":"app.py","commit":"3f2a…","size":812,"executable":false,"link":false,"content":"…"})"},
    {"GET", "/api/v1/teams/{id}/commits", Access::kUser, 200, GetTeamCommits, nullptr,
     "The history of the team's repository (?ref=main), newest first, with the files each "
     "commit changed", "",
     R"({"commit":"3f2a…","commits":[{"sha":"3f2a…","author":"aino","email":"aino@users.noreply.koodikoe","time":"…","message":"Booking form","files":["app.py"]}]})"},
    {"POST", "/api/v1/teams/{id}/commits", Access::kUser, 200, CommitTeamFiles, nullptr,
     "A member commits files changed in the browser onto main; 409 stale_parent when main is "
     "no longer `parent`. The limits of a push apply",
     R"({"parent":"3f2a…","message":"Booking form","changes":[{"path":"app.py","content":"…"},{"path":"old.py","delete":true}]})",
     R"({"commit":"9b1c…","parent":"3f2a…","author":"aino","email":"aino@users.noreply.koodikoe"})",
     4 * 1024 * 1024},
  };
  // clang-format on
}

// Programmes: a coordinator's cohort with coaches, participants, partner companies,
// workshops and trials; each participant's guidance path, private to them and their coaches.
std::vector<Route> ProgrammeRoutes() {
  constexpr const char* kProgramme =
      R"({"id":1,"name":"Vantaa spring 2027","description":"…","starts_on":"2027-01-10","ends_on":"2027-06-10","coordinator":"kaisa","your_role":"coordinator","companies":[{"username":"sari","nickname":"Sari","looks_for":{"path":"junior web developer","skills":["loops","conditions"]}}],"workshops":[{"id":1,"title":"…"}],"trials":[{"id":1,"title":"…","owner":"sari"}],"members":[{"id":4,"username":"aino","nickname":"Aino","role":"participant","joined_at":"…","coaches":["ville"]}],"join_code":"ABCD2345"})";
  // clang-format off
  return {
    {"POST", "/api/v1/programmes", Access::kUser, 200, CreateProgramme, nullptr,
     "A coordinator (or an admin) creates a programme; returns it with its join code",
     R"({"name":"Vantaa spring 2027","description":"optional","starts_on":"2027-01-10","ends_on":"2027-06-10"})",
     kProgramme},
    {"GET", "/api/v1/programmes", Access::kUser, 200, ListProgrammes, nullptr,
     "The programmes the caller coordinates or is a member of, with the caller's role", "",
     R"([{"id":1,"name":"Vantaa spring 2027","description":"…","starts_on":"2027-01-10","ends_on":"2027-06-10","coordinator":"kaisa","your_role":"participant"}])"},
    {"GET", "/api/v1/programmes/{id}", Access::kUser, 200, GetProgramme, nullptr,
     "A programme as the caller's role sees it: the coordinator every member and the join "
     "code, a coach their participants, a participant their coaches, a company the partner "
     "companies only (404 for anyone else)", "", kProgramme},
    {"POST", "/api/v1/programmes/join", Access::kCandidate, 200, JoinProgramme, nullptr,
     "A candidate joins a programme as a participant with its code", R"({"code":"ABCD2345"})",
     kProgramme},
    {"POST", "/api/v1/programmes/{id}/members", Access::kUser, 200, AddProgrammeMember, nullptr,
     "The coordinator adds a participant (candidate account), coach (trainer account) or "
     "partner company (company account)", R"({"username":"aino","role":"participant"})",
     kProgramme},
    {"POST", "/api/v1/programmes/{id}/coaching", Access::kUser, 200, AssignCoachRoute, nullptr,
     "The coordinator makes a coach of the programme one of a participant's coaches",
     R"({"coach":"ville","participant":"aino"})", kProgramme},
    {"POST", "/api/v1/programmes/{id}/items", Access::kUser, 200, AddProgrammeItemRoute, nullptr,
     "The coordinator puts a workshop or a trial in the programme",
     R"({"kind":"workshop","id":1})", kProgramme},
    {"PUT", "/api/v1/programmes/{id}/looking-for", Access::kCompany, 200, PutLookingFor, nullptr,
     "A partner company of the programme publishes what it looks for: a career path and skills",
     R"({"path":"junior web developer","skills":["loops","conditions"]})", kProgramme},
  };
  // clang-format on
}

// A participant's guidance path, career paths and outcome in a programme.
std::vector<Route> GuidanceRoutes() {
  constexpr const char* kEntry =
      R"({"id":1,"kind":"goal","text":"…","author":"ville","created_at":"…"})";
  // clang-format off
  return {
    {"GET", "/api/v1/programmes/{id}/participants/{user}/path", Access::kUser, 200,
     GetGuidancePath, nullptr,
     "A participant's guidance path (private: the participant and their coaches; 404 for "
     "anyone else): goals, check-ins, reflections, milestones from their data", "",
     R"({"programme":1,"participant":{"id":4,"username":"aino","nickname":"Aino"},"coaches":["ville"],"private":true,"goals":[],"checkins":[],"reflections":[],"milestones":{"first_exercise_solved":{"at":"…","exercise":"hello"},"first_shared_profile":null,"first_company_contact":null,"first_trial":null},"last_active":"…"})"},
    {"POST", "/api/v1/programmes/{id}/participants/{user}/path/goals", Access::kUser, 200,
     AddGoal, nullptr, "A goal, set by the participant or their coach", R"({"text":"…"})",
     kEntry},
    {"POST", "/api/v1/programmes/{id}/participants/{user}/path/checkins", Access::kUser, 200,
     AddCheckIn, nullptr, "A coach's check-in note on their participant", R"({"note":"…"})",
     kEntry},
    {"POST", "/api/v1/programmes/{id}/participants/{user}/path/reflections", Access::kUser, 200,
     AddReflection, nullptr, "The participant's own reflection", R"({"text":"…"})", kEntry},
    {"POST", "/api/v1/programmes/{id}/paths", Access::kUser, 200, CreateCareerPath, nullptr,
     "The coordinator defines a career path: skills (tags of exercises/skills.yaml) with the "
     "tier expected of each",
     R"({"name":"Junior web developer","skills":[{"skill":"loops","tier":1},{"skill":"http","tier":2}]})",
     R"({"id":1,"name":"Junior web developer","skills":[{"skill":"loops","tier":1}],"created_at":"…"})"},
    {"GET", "/api/v1/programmes/{id}/paths", Access::kUser, 200, ListCareerPaths, nullptr,
     "The programme's career paths (anyone in the programme)", "",
     R"([{"id":1,"name":"Junior web developer","skills":[{"skill":"loops","tier":1}],"created_at":"…"}])"},
    {"GET", "/api/v1/programmes/{id}/participants/{user}/paths", Access::kUser, 200,
     GetCareerProgress, nullptr,
     "How far the participant's solved exercises take them along each path, and exercises "
     "that would close the gap, titled in fi and en (the participant and their coaches)", "",
     R"({"participant":"aino","paths":[{"id":1,"name":"Junior web developer","met":1,"total":2,"percent":50,"skills":[{"skill":"http","tier":2,"met":false,"shown_by":[],"exercises_to_close_gap":[{"id":"sauna-booking","tier":2,"track":"web","title":{"fi":"…","en":"…"}}]}]}]})"},
    {"GET", "/api/v1/programmes/{id}/participants/{user}/outcome", Access::kUser, 200,
     GetOutcome, nullptr, "The participant's outcome (the participant and their coaches)", "",
     R"({"participant":"aino","outcome":{"outcome":"employed","date":"2027-06-01","consent":true,"recorded_by":"ville","corrected_by_participant":false,"updated_at":"…"}})"},
    {"PUT", "/api/v1/programmes/{id}/participants/{user}/outcome", Access::kUser, 200,
     PutOutcomeRoute, nullptr,
     "Their coach records the outcome (employed, apprenticeship, education, other, unknown) "
     "with the participant's consent to keep it; the participant may correct it",
     R"({"outcome":"employed","date":"2027-06-01","consent":true})",
     R"({"participant":"aino","outcome":{"outcome":"employed","date":"2027-06-01","consent":true,"recorded_by":"ville","corrected_by_participant":false,"updated_at":"…"}})"},
    {"GET", "/api/v1/programmes/{id}/report", Access::kUser, 200, GetProgrammeReport, nullptr,
     "The programme report, counts of people: exact for its coordinators (?view=public shows "
     "what others see), and for the rest of the programme with every count of 1-4 hidden (null)",
     "",
     R"({"programme":{"id":1,"name":"…","starts_on":"…","ends_on":"…"},"masked":true,"small_group_limit":5,"sections":{"participants":[{"key":"all","count":7}],"activity":[{"key":"2027-01-11","count":null}],"solved_by_track":[],"solved_by_tier":[],"skills_confirmed":[],"reached":[{"key":"shared_profile","count":5}],"outcomes":[{"key":"employed","count":null,"share":null}]}})"},
    {"GET", "/api/v1/programmes/{id}/report.csv", Access::kUser, 200, nullptr,
     ProgrammeReportCsvRaw,
     "The report as CSV (section,key,count,share), hidden counts as \"<5\"", "", "", 64 * 1024,
     "text/csv"},
    {"GET", "/api/v1/programmes/{id}/reminders", Access::kUser, 200, GetReminders, nullptr,
     "A coach's participants (the coordinator: every participant) without activity for 14 days",
     "", R"([{"id":4,"username":"aino","nickname":"Aino","last_active":null,"quiet_days":15}])"},
  };
  // clang-format on
}

}  // namespace

const std::vector<Route>& RouteTable() {
  static const std::vector<Route> routes = [] {
    std::vector<Route> all;
    for (auto part : {AccountRoutes, CatalogueRoutes, AuthoringRoutes, SetRoutes, SubmissionRoutes,
                      WorkshopRoutes, EvidenceRoutes, SimilarityRoutes, TrialRoutes, ProjectRoutes,
                      ProgrammeRoutes, GuidanceRoutes, ServerRoutes}) {
      auto routes = part();
      all.insert(all.end(), routes.begin(), routes.end());
    }
    return all;
  }();
  return routes;
}

}  // namespace web
