// Trainers' exercise tools: import and export of packages, authoring in the browser, the
// check of every version, publishing to a workshop, versions and rejudging.
#include <filesystem>

#include "authoring/authoring.h"
#include "authoring/exercise_owners.h"
#include "base/log.h"
#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace web {

namespace fs = std::filesystem;

namespace {

ApiResult<std::shared_ptr<const Exercise>> FindExercise(Services& services, const std::string& id) {
  auto exercise = services.catalog.Find(id);
  if (!exercise) {
    return Reject(Fault::kNotFound, "unknown_exercise",
                  "There is no exercise '" + id + "' on this server.");
  }
  return exercise;
}

json EncodeCheck(const VersionCheck& check) {
  return {{"status", check.status},
          {"done", check.done},
          {"total", check.total},
          {"output", check.output},
          {"finished_at", check.finished_at ? json(IsoTime(check.finished_at)) : json()}};
}

json EncodeVersion(const StoredVersion& version) {
  return {{"number", version.number},
          {"hash", version.hash},
          {"author", version.author},
          {"origin", version.origin},
          {"created_at", IsoTime(version.created_at)},
          {"check", {{"status", version.check.status}}}};
}

Result<Exercise> ReadVersion(const StoredVersion& version) {
  KOODIKOE_TRY(auto exercise, LoadExercise(version.package_dir));
  exercise.version = version.number;
  exercise.content_hash = version.hash;
  exercise.stored = true;
  return exercise;
}

// What the catalogue offers candidates (statement, judging) moves to a version only once it
// has passed its check (issue 14), unless nothing is offered yet.
std::function<void(const StoredVersion&)> OfferWhenPassed(Services& services) {
  return [&catalog = services.catalog](const StoredVersion& version) {
    auto exercise = ReadVersion(version);
    if (!exercise) {
      LogError("offer " + version.id + ": " + exercise.error().Describe());
      return;
    }
    if (catalog.PutIfNewer(std::move(*exercise))) {
      LogInfo("exercise=" + version.id + " offered version=" + std::to_string(version.number));
    }
  };
}

// A stored version is registered for judging and its check starts; a new exercise is
// offered at once (to its trainers: it cannot be published before it passes).
ApiResult<Exercise> Offer(Services& services, const StoredVersion& version) {
  auto exercise = ReadVersion(version);
  if (!exercise) return InternalFailure(exercise.error());
  services.catalog.PutVersion(version.id, version.hash, version.package_dir);
  if (!services.catalog.Find(version.id)) services.catalog.PutIfNewer(*exercise);
  services.store.StartCheck(version, OfferWhenPassed(services));
  return std::move(*exercise);
}

// The newest stored version of a trainer's exercise: what they edit, whether or not it passed
// its check (the catalogue may still offer an older one).
ApiResult<StoredVersion> Newest(Services& services, const Exercise& exercise) {
  auto latest = services.store.Latest(exercise.id);
  if (!latest) {
    return Reject(Fault::kNotFound, "no_version", "This exercise has no stored version.");
  }
  return std::move(*latest);
}

ApiResult<ApiReply> VersionReply(Services& services, const StoredVersion& version, bool replaced) {
  KOODIKOE_TRY(auto exercise, Offer(services, version));
  ApiReply reply;
  reply.body = {{"id", version.id},
                {"version", version.number},
                {"hash", version.hash},
                {"replaced", replaced},
                {"check",
                 {{"status", "running"},
                  {"samples", exercise.samples.size()},
                  {"follow", "/api/v1/exercises/" + version.id + "/check"}}}};
  return reply;
}

ApiResult<void> PackageProblem(const Result<StoredVersion>& saved) {
  if (saved) return {};
  if (saved.error().code == ErrorCode::kInvalidArgument) {
    return Reject(Fault::kInvalid, "invalid_package",
                  "The package cannot be used: " + saved.error().context,
                  {{"detail", saved.error().context}});
  }
  return InternalFailure(saved.error());
}

// Bundled exercises come from the server's exercise folders and are read-only.
ApiResult<void> RequireStored(Services& services, const Exercise& exercise) {
  if (exercise.stored && services.store.IsStored(exercise.id)) return {};
  return Reject(Fault::kConflict, "bundled_exercise",
                "'" + exercise.id +
                    "' is a bundled exercise and cannot be changed here. Copy it first, then "
                    "edit the copy.");
}

std::string Author(const ApiRequest& request) { return request.user().username; }

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

// Only an exercise's owners change how it is judged (issue 14); admins always may. Bundled
// exercises belong to the server, so only admins.
ApiResult<void> RequireOwner(Services& services, const ApiRequest& request,
                             const Exercise& exercise) {
  if (request.user().role == Role::kAdmin) return {};
  if (!exercise.stored) {
    return Reject(Fault::kForbidden, "not_owner",
                  "'" + exercise.id +
                      "' is a bundled exercise; only an admin can do that. Copy it to make "
                      "your own.");
  }
  auto owners = ExerciseOwners(services.store, exercise.id);
  if (std::find(owners.begin(), owners.end(), request.user().username) != owners.end()) return {};
  return Reject(Fault::kForbidden, "not_owner",
                "'" + exercise.id + "' belongs to " + JoinNames(owners) +
                    ". Ask one of them to add you as an owner, or copy the exercise under a "
                    "new id and change the copy.");
}

// The exercise of the route's {id}, stored on this server and owned by the caller: what every
// route that changes a trainer's exercise needs first.
ApiResult<std::shared_ptr<const Exercise>> FindOwnedStoredExercise(Services& services,
                                                                   const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  KOODIKOE_TRY_VOID(RequireStored(services, *exercise));
  KOODIKOE_TRY_VOID(RequireOwner(services, request, *exercise));
  return exercise;
}

// Removes a version just stored (an import that was refused) and the exercise's folder if
// that was its only version.
void DiscardVersion(const StoredVersion& version) {
  fs::path version_dir = fs::path(version.package_dir).parent_path();
  (void)koodikoe::RemoveTree(version_dir.string());
  std::error_code ec;
  fs::remove(version_dir.parent_path(), ec);  // only if now empty
}

}  // namespace

ApiResult<void> PublishRefusal(Services& services, const std::string& id) {
  auto exercise = services.catalog.Find(id);
  if (!exercise || !exercise->stored) return {};  // bundled sets are checked in CI
  VersionCheck check = services.store.CheckOf(id);
  if (check.status == "passed") return {};
  std::string why = check.status == "running" ? "its check is still running; wait for it to finish"
                    : check.status == "failed"
                        ? "its newest version failed the check; open the exercise's "
                          "check report, fix the package and save it again"
                        : "its newest version has not been checked; run the check";
  // Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) on "'" + std::string&&.
  std::string message = "'";
  message += exercise->Title("en");
  message += "' cannot be published: ";
  message += why;
  message += ".";
  return Reject(Fault::kConflict, "not_validated", message);
}

ApiResult<ApiReply> ImportExercise(Services& services, const ApiRequest& request) {
  if (request.http.body.empty()) {
    return Reject(Fault::kInvalid, "empty_upload",
                  "Send the package as a .zip file in the request body.");
  }
  // Peek at the id before storing: a bundled exercise's id is refused.
  auto saved = services.store.ImportZip(request.http.body, Author(request));
  KOODIKOE_TRY_VOID(PackageProblem(saved));
  auto existing = services.catalog.Find(saved->id);
  if (existing && !existing->stored) {
    DiscardVersion(*saved);
    return Reject(Fault::kConflict, "exercise_exists",
                  "A bundled exercise already has the id '" + saved->id +
                      "'. Rename the package's folder and upload it again.");
  }
  if (existing) {
    // Importing over an exercise is changing it: owners only. Others get 403 and may upload
    // it under a new id (the package's folder name).
    if (auto owner = RequireOwner(services, request, *existing); !owner) {
      DiscardVersion(*saved);
      return tl::unexpected(owner.error());
    }
  }
  return VersionReply(services, *saved, existing != nullptr);
}

void ExportExercise(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto exercise = services.catalog.Find(request.params.at("id"));
  if (!exercise) {
    res.status = 404;
    res.set_content(
        json{{"error", "unknown_exercise"},
             {"message", "There is no exercise '" + request.params.at("id") + "' on this server."}}
            .dump(),
        "application/json");
    return;
  }
  // ?version=HASH: an older version still on this server (a judge worker elsewhere fetching
  // the exact package a submission was made on).
  std::string dir = exercise->package_dir;
  std::string hash = exercise->content_hash;
  if (request.http.has_param("version")) {
    hash = request.http.get_param_value("version");
    dir = hash == exercise->content_hash ? dir : services.catalog.PackageDirFor(exercise->id, hash);
    if (dir == exercise->package_dir && hash != exercise->content_hash) {
      res.status = 404;
      res.set_content(
          json{{"error", "unknown_version"},
               {"message", "This server has no version " + hash + " of '" + exercise->id + "'."}}
              .dump(),
          "application/json");
      return;
    }
  }
  auto zip = ExportZip(dir);
  if (!zip) {
    LogError("export " + exercise->id + ": " + zip.error().Describe());
    res.status = 500;
    res.set_content(json{{"error", "internal_error"},
                         {"message", "The package could not be packed. Try again in a moment."}}
                        .dump(),
                    "application/json");
    return;
  }
  res.status = 200;
  std::string name =
      exercise->id + (exercise->version ? "-v" + std::to_string(exercise->version) : "");
  res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".zip\"");
  res.set_header("X-Koodikoe-Content-Hash", hash);
  res.set_content(std::move(*zip), "application/zip");
}

ApiResult<ApiReply> GetExerciseCheck(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  ApiReply reply;
  if (!exercise->stored) {
    reply.body = {{"id", exercise->id},
                  {"version", 0},
                  {"status", "bundled"},
                  {"done", 0},
                  {"total", 0},
                  {"output", "A bundled exercise: checked with the project's own tests."}};
    return reply;
  }
  auto latest = services.store.Latest(exercise->id);
  if (!latest) return Reject(Fault::kNotFound, "no_check", "This exercise has no stored version.");
  reply.body = EncodeCheck(latest->check);
  reply.body["id"] = latest->id;
  reply.body["version"] = latest->number;
  reply.body["hash"] = latest->hash;
  return reply;
}

ApiResult<ApiReply> RecheckExercise(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindOwnedStoredExercise(services, request));
  auto latest = services.store.Latest(exercise->id);
  if (!latest)
    return Reject(Fault::kNotFound, "no_version", "This exercise has no stored version.");
  if (latest->check.status == "running") {
    return Reject(Fault::kConflict, "check_running", "The check is already running.");
  }
  services.store.StartCheck(*latest, OfferWhenPassed(services));
  ApiReply reply;
  reply.body = {{"id", latest->id}, {"version", latest->number}, {"status", "running"}};
  return reply;
}

// The check of the newest version as Server-Sent Events: `progress` {status,done,total}
// whenever it moves, then `done` with the whole report.
void ExerciseCheckEvents(Services& services, const ApiRequest& request, httplib::Response& res) {
  std::string id = request.params.at("id");
  auto exercise = services.catalog.Find(id);
  if (!exercise || !exercise->stored) {
    res.status = 404;
    res.set_content(json{{"error", "no_check"},
                         {"message", "Only imported or authored exercises have checks here."}}
                        .dump(),
                    "application/json");
    return;
  }
  Services* shared = &services;
  auto seen = std::make_shared<uint64_t>(0);
  StreamEvents(
      services, request, res, [shared, id, seen](bool first) -> std::optional<EventStreamStep> {
        *seen = first ? shared->store.CheckGeneration()
                      : shared->store.WaitForCheckChange(id, *seen, std::chrono::seconds(10));
        auto latest = shared->store.Latest(id);
        if (!latest) return std::nullopt;
        json body = EncodeCheck(latest->check);
        body["id"] = id;
        body["version"] = latest->number;
        EventStreamStep step;
        step.last = latest->check.status != "running";
        if (step.last) {
          step.events = "event: done\ndata: " + body.dump() + "\n\n";
        } else {
          json progress = {{"status", "running"},
                           {"done", latest->check.done},
                           {"total", latest->check.total},
                           {"version", latest->number}};
          step.events = "event: progress\ndata: " + progress.dump() + "\n\n";
        }
        return step;
      });
}

ApiResult<ApiReply> GetExerciseSource(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  StoredVersion shown;
  shown.id = exercise->id;
  shown.number = exercise->version;
  shown.hash = exercise->content_hash;
  shown.package_dir = exercise->package_dir;
  if (exercise->stored) {
    KOODIKOE_TRY(auto newest, Newest(services, *exercise));
    shown = std::move(newest);
  }
  auto form = PackageForm(shown.package_dir);
  if (!form) return InternalFailure(form.error());
  ApiReply reply;
  reply.body = std::move(*form);
  reply.body["id"] = shown.id;
  reply.body["version"] = shown.number;
  reply.body["hash"] = shown.hash;
  reply.body["editable"] = exercise->stored;
  return reply;
}

ApiResult<ApiReply> SaveExerciseSource(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindOwnedStoredExercise(services, request));
  KOODIKOE_TRY(auto newest, Newest(services, *exercise));
  // Optimistic locking: an edit made on an older version than the newest is refused.
  if (request.body.contains("base_version") && request.body["base_version"].is_number_integer() &&
      request.body["base_version"].get<int>() != newest.number) {
    return Reject(Fault::kConflict, "stale_version",
                  "Someone saved version " + std::to_string(newest.number) +
                      " after you opened version " +
                      std::to_string(request.body["base_version"].get<int>()) +
                      ". Reload the exercise and make your change again.");
  }
  const json& form = request.body;
  auto saved = services.store.SaveVersion(
      exercise->id, newest.package_dir, Author(request), "edit",
      [&form](const std::string& dir) { return ApplyForm(dir, form, false); });
  KOODIKOE_TRY_VOID(PackageProblem(saved));
  return VersionReply(services, *saved, true);
}

ApiResult<ApiReply> CreateExercise(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto id, RequireString(request.body, "id", 64));
  if (services.catalog.Find(id)) {
    return Reject(Fault::kConflict, "exercise_exists",
                  "There is already an exercise '" + id + "'. Choose another id.");
  }
  json form = request.body;
  if (!form.contains("titles")) form["titles"] = {{"en", id}};
  if (!form.contains("statement")) form["statement"] = {{"en", ""}};
  auto saved = services.store.SaveVersion(
      id, "", Author(request), "create",
      [&form](const std::string& dir) { return ApplyForm(dir, form, true); });
  KOODIKOE_TRY_VOID(PackageProblem(saved));
  return VersionReply(services, *saved, false);
}

ApiResult<ApiReply> CopyExercise(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  KOODIKOE_TRY(auto id, RequireString(request.body, "new_id", 64));
  if (services.catalog.Find(id)) {
    return Reject(Fault::kConflict, "exercise_exists",
                  "There is already an exercise '" + id + "'. Choose another id.");
  }
  auto saved = services.store.SaveVersion(id, exercise->package_dir, Author(request), "clone",
                                          [](const std::string&) -> Result<void> { return {}; });
  KOODIKOE_TRY_VOID(PackageProblem(saved));
  return VersionReply(services, *saved, false);
}

// A zip of test files (NAME.in, NAME.ans, and anything else a test has) added to one group.
ApiResult<ApiReply> UploadTests(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindOwnedStoredExercise(services, request));
  std::string group =
      request.http.has_param("group") ? request.http.get_param_value("group") : "secret";
  if (group != "sample" && group != "secret" &&
      !(group.rfind("secret/", 0) == 0 && ExerciseStore::SafeRelativePath(group))) {
    return Reject(Fault::kInvalid, "bad_group", "group must be sample, secret or secret/NAME.");
  }
  if (request.http.body.empty()) {
    return Reject(Fault::kInvalid, "empty_upload", "Send the tests as a .zip in the request body.");
  }
  auto incoming = services.store.root() + "/.incoming";
  std::error_code ec;
  fs::create_directories(incoming, ec);
  std::string work = incoming + "/tests-XXXXXX";
  if (!mkdtemp(work.data())) return InternalFailure({ErrorCode::kSystem, errno, "mkdtemp"});
  struct Cleanup {
    std::string path;
    ~Cleanup() { (void)koodikoe::RemoveTree(path); }
  } cleanup{work};
  if (auto unpacked = UnpackZip(request.http.body, work); !unpacked) {
    if (unpacked.error().code == ErrorCode::kInvalidArgument) {
      return Reject(Fault::kInvalid, "invalid_upload",
                    "The tests cannot be used: " + unpacked.error().context,
                    {{"detail", unpacked.error().context}});
    }
    return InternalFailure(unpacked.error());
  }
  auto hashes = FileHashes(work);
  if (!hashes) return InternalFailure(hashes.error());
  if (hashes->empty()) return Reject(Fault::kInvalid, "empty_upload", "The zip has no files.");
  KOODIKOE_TRY(auto newest, Newest(services, *exercise));
  int added = 0;
  auto saved = services.store.SaveVersion(
      exercise->id, newest.package_dir, Author(request), "edit",
      [&](const std::string& dir) -> Result<void> {
        for (const auto& [relative, hash] : *hashes) {
          // Tests go flat into the group: folders inside the zip are not kept.
          std::string name = fs::path(relative).filename().string();
          KOODIKOE_TRY(auto content, koodikoe::ReadFile(work + "/" + relative, 1ull << 31));
          KOODIKOE_TRY_VOID(ExerciseStore::WriteInto(dir, "data/" + group + "/" + name, content));
          ++added;
        }
        return {};
      });
  KOODIKOE_TRY_VOID(PackageProblem(saved));
  auto reply = VersionReply(services, *saved, true);
  if (reply) reply->body["files_added"] = added;
  return reply;
}

ApiResult<ApiReply> ListVersions(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  KOODIKOE_TRY(auto submissions, Check(services.storage.ExerciseSubmissions(exercise->id)));
  std::map<std::string, int> judged_on;
  for (const auto& submission : submissions) ++judged_on[submission.exercise_version];
  ApiReply reply;
  json versions = json::array();
  if (exercise->stored) {
    for (const auto& version : services.store.Versions(exercise->id)) {
      json item = EncodeVersion(version);
      item["submissions"] = judged_on[version.hash];
      versions.push_back(item);
    }
  } else {
    versions.push_back({{"number", 0},
                        {"hash", exercise->content_hash},
                        {"origin", "bundled"},
                        {"submissions", judged_on[exercise->content_hash]},
                        {"check", {{"status", "bundled"}}}});
  }
  reply.body = {{"id", exercise->id},
                {"current", exercise->version},
                {"current_hash", exercise->content_hash},
                {"versions", versions}};
  return reply;
}

// Judges the exercise's submissions (or one) again on its current version.
ApiResult<ApiReply> RejudgeExercise(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  KOODIKOE_TRY_VOID(RequireOwner(services, request, *exercise));
  std::optional<int64_t> only;
  if (request.body.contains("submission")) {
    KOODIKOE_TRY(auto id, RequireInt(request.body, "submission", 1, INT64_MAX));
    only = id;
  }
  KOODIKOE_TRY(auto ids, Check(services.storage.RejudgeSubmissions(exercise->id, only,
                                                                   exercise->content_hash)));
  if (only && ids.empty()) {
    return Reject(Fault::kNotFound, "unknown_submission",
                  "Submission " + std::to_string(*only) + " is not a finished submission on '" +
                      exercise->id + "'.");
  }
  services.queue.Wake();
  LogInfo("rejudge exercise=" + exercise->id + " submissions=" + std::to_string(ids.size()) +
          " by=" + request.user().username);
  ApiReply reply;
  reply.body = {{"exercise", exercise->id},
                {"version", exercise->version},
                {"hash", exercise->content_hash},
                {"queued", ids.size()},
                {"ids", ids},
                {"follow", "/api/v1/exercises/" + exercise->id + "/rejudge"}};
  return reply;
}

// How far a rejudge is: submissions on the current version that are done, of all.
ApiResult<ApiReply> RejudgeProgress(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  KOODIKOE_TRY(auto submissions, Check(services.storage.ExerciseSubmissions(exercise->id)));
  int total = 0, current = 0, pending = 0;
  for (const auto& submission : submissions) {
    ++total;
    if (submission.status != "done") ++pending;
    if (submission.status == "done" && submission.exercise_version == exercise->content_hash) {
      ++current;
    }
  }
  ApiReply reply;
  reply.body = {{"exercise", exercise->id},
                {"hash", exercise->content_hash},
                {"total", total},
                {"pending", pending},
                {"on_current_version", current}};
  return reply;
}

// Adds an exercise to a workshop the caller runs; refused for an exercise that has not passed
// its check.
ApiResult<ApiReply> PublishToWorkshop(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto workshop_id, PathId(request));
  KOODIKOE_TRY(auto workshop, Check(services.storage.FindWorkshop(workshop_id)));
  if (!workshop) return Reject(Fault::kNotFound, "unknown_workshop", "There is no such workshop.");
  if (workshop->trainer_id != request.user().id && request.user().role != Role::kAdmin) {
    return Reject(Fault::kForbidden, "not_your_workshop",
                  "Only the trainer who runs this workshop can do that.");
  }
  KOODIKOE_TRY(auto id, RequireString(request.body, "exercise", 64));
  KOODIKOE_TRY(auto exercise, FindExercise(services, id));
  // Any trainer may use a bundled exercise; a trainer's own exercise only its owners.
  if (exercise->stored) {
    KOODIKOE_TRY_VOID(RequireOwner(services, request, *exercise));
  }
  KOODIKOE_TRY_VOID(PublishRefusal(services, id));
  KOODIKOE_TRY(auto added, Check(services.storage.AddWorkshopExercise(workshop_id, id)));
  ApiReply reply;
  reply.body = {{"workshop", workshop_id},
                {"exercise", id},
                {"version", exercise->version},
                {"added", added}};
  return reply;
}

// The exercise's owners, for any trainer (so they know whom to ask).
ApiResult<ApiReply> ListExerciseOwners(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindExercise(services, request.params.at("id")));
  ApiReply reply;
  reply.body = {{"id", exercise->id},
                {"bundled", !exercise->stored},
                {"owners", ExerciseOwners(services.store, exercise->id)}};
  return reply;
}

// An owner adds another trainer as an owner.
ApiResult<ApiReply> AddExerciseOwnerRoute(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto exercise, FindOwnedStoredExercise(services, request));
  KOODIKOE_TRY(auto username, RequireString(request.body, "username", 64));
  KOODIKOE_TRY(auto user, Check(services.storage.FindUserByName(username)));
  if (!user || !IsTrainerRole(user->role)) {
    return Reject(Fault::kInvalid, "not_a_trainer",
                  "'" + username +
                      "' is not a trainer on this server; only trainers can own "
                      "exercises.");
  }
  if (auto added = AddExerciseOwner(services.store, exercise->id, username); !added) {
    return InternalFailure(added.error());
  }
  return ListExerciseOwners(services, request);
}

}  // namespace web
