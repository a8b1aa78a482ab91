// Routes for judge workers on other machines (koodikoe worker), authenticated by the worker
// token the server and its workers share, not by a user's session.
#include <sodium.h>

#include "authoring/exercise_store.h"
#include "authoring/packages.h"
#include "base/log.h"
#include "http/api.h"

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

}  // namespace

void GetPackage(Services& services, const ApiRequest& request, httplib::Response& res) {
  const std::string& expected = services.options.worker_token;
  if (expected.empty()) {
    return ReplyJsonError(res, 403, "workers_disabled",
                          "This server takes no remote workers. Start it with the "
                          "KOODIKOE_WORKER_TOKEN environment variable (or --worker-token-file) "
                          "set, and give the workers the same token.");
  }
  std::string header = request.http.get_header_value("Authorization");
  std::string given = header.rfind("Bearer ", 0) == 0 ? header.substr(7) : "";
  if (!SameToken(given, expected)) {
    return ReplyJsonError(res, 401, "wrong_worker_token",
                          "Send the server's worker token as \"Authorization: Bearer TOKEN\".");
  }
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

}  // namespace web
