// Routes for judge workers on other machines (koodikoe worker), authenticated by the worker
// token the server and its workers share, not by a user's session.
#include <sodium.h>

#include "authoring/exercise_store.h"
#include "authoring/packages.h"
#include "base/log.h"
#include "http/api.h"
#include "projects/team_repos.h"

namespace web {

namespace {

void ReplyJsonError(httplib::Response& res, int status, const std::string& error,
                    const std::string& message) {
  res.status = status;
  res.set_content(json{{"error", error}, {"message", message}}.dump(), "application/json");
}

// Constant time, so the token cannot be guessed byte by byte from response times.
bool SameToken(const std::string& given, const std::string& expected) {
  return given.size() == expected.size() &&
         sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

// True for a request with the worker token; otherwise writes the refusal.
bool FromWorker(Services& services, const ApiRequest& request, httplib::Response& res) {
  const std::string& expected = services.options.worker_token;
  if (expected.empty()) {
    ReplyJsonError(res, 403, "workers_disabled",
                   "This server takes no remote workers. Start it with the "
                   "KOODIKOE_WORKER_TOKEN environment variable (or --worker-token-file) "
                   "set, and give the workers the same token.");
    return false;
  }
  std::string header = request.http.get_header_value("Authorization");
  std::string given = header.rfind("Bearer ", 0) == 0 ? header.substr(7) : "";
  if (!SameToken(given, expected)) {
    ReplyJsonError(res, 401, "wrong_worker_token",
                   "Send the server's worker token as \"Authorization: Bearer TOKEN\".");
    return false;
  }
  return true;
}

}  // namespace

void GetPackage(Services& services, const ApiRequest& request, httplib::Response& res) {
  if (!FromWorker(services, request, res)) return;
  const std::string& hash = request.params.at("hash");
  if (!IsContentHash(hash)) {
    return ReplyJsonError(res, 400, "bad_hash",
                          "A package is named by its content hash: 64 lowercase hex digits.");
  }
  std::string dir = services.catalog.PackageDirByHash(hash);
  if (dir.empty()) {
    return ReplyJsonError(
        res, 404, "unknown_version",
        "This server has no exercise version with the content hash " + hash + ".");
  }
  auto zip = ExportZip(dir);
  if (!zip) {
    LogError("package " + hash + ": " + zip.error().Describe());
    return ReplyJsonError(res, 500, "internal_error",
                          "The package could not be packed. Try again in a moment.");
  }
  res.status = 200;
  res.set_header("Cache-Control", "private, max-age=31536000, immutable");
  res.set_content(std::move(*zip), "application/zip");
}

void GetTeamTree(Services& services, const ApiRequest& request, httplib::Response& res) {
  if (!FromWorker(services, request, res)) return;
  auto team = PathId(request);
  const std::string& commit = request.params.at("commit");
  bool full_id =
      commit.size() == 40 && commit.find_first_not_of("0123456789abcdef") == std::string::npos;
  if (!team || !full_id) {
    return ReplyJsonError(res, 400, "bad_commit",
                          "A team's tree is named by the team's id and a full commit id.");
  }
  auto tar = ArchiveTeamCommit(services.options.data_dir, *team, commit);
  if (!tar && tar.error().code == ErrorCode::kInvalidArgument) {
    return ReplyJsonError(res, 400, "tree_too_large", tar.error().context);
  }
  if (!tar) {
    return ReplyJsonError(
        res, 404, "unknown_commit",
        "This server has no commit " + commit + " of team " + std::to_string(*team) + ".");
  }
  res.status = 200;
  res.set_header("Cache-Control", "private, max-age=31536000, immutable");
  res.set_content(std::move(*tar), "application/x-tar");
}

}  // namespace web
