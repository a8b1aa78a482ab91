#include "authoring/packages.h"

#include <httplib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "authoring/exercise_store.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;

bool IsContentHash(const std::string& text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

int PackageCache::fetched() const {
  std::lock_guard lock(mutex_);
  return fetched_;
}

Result<std::string> PackageCache::Get(const std::string& hash) {
  if (!IsContentHash(hash)) {
    return Fail(ErrorCode::kInvalidArgument, "'" + hash + "' is not a package content hash");
  }
  std::string dir = root_ + "/" + hash;
  // The marker beside the directory, written last: a directory without it is a fetch that
  // did not finish.
  std::string marker = dir + ".ok";
  std::lock_guard lock(mutex_);
  std::error_code ec;
  auto package_in = [](const std::string& parent) -> std::string {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
      if (entry.is_directory(ec)) return entry.path().string();
    }
    return "";
  };
  if (fs::exists(marker, ec)) {
    std::string package = package_in(dir);
    if (!package.empty()) return package;
  }
  KOODIKOE_TRY(auto zip, fetch_(hash));
  fs::create_directories(root_, ec);
  std::string staging = dir + ".partial";
  (void)koodikoe::RemoveTree(staging);
  fs::create_directories(staging, ec);
  if (ec) return Fail(ErrorCode::kSystem, "creating " + staging + ": " + ec.message());
  auto unpacked = UnpackZip(zip, staging);
  std::string package = unpacked ? package_in(staging) : "";
  if (!unpacked || package.empty()) {
    (void)koodikoe::RemoveTree(staging);
    if (!unpacked) return tl::unexpected(unpacked.error());
    return Fail(ErrorCode::kInvalidArgument, "the package of " + hash + " has no folder");
  }
  auto got = ContentHash(package);
  if (!got || *got != hash) {
    (void)koodikoe::RemoveTree(staging);
    return Fail(ErrorCode::kInvalidArgument,
                "the package fetched for " + hash + " has the content hash " +
                    (got ? *got : got.error().Describe()) + "; not used");
  }
  ++fetched_;
  (void)koodikoe::RemoveTree(dir);
  fs::rename(staging, dir, ec);
  if (ec) return Fail(ErrorCode::kSystem, "renaming " + staging + ": " + ec.message());
  std::ofstream(marker) << hash << "\n";
  return dir + "/" + fs::path(package).filename().string();
}

PackageCache::Fetcher HttpPackageFetcher(const std::string& server_url, const std::string& token) {
  return [server_url, token](const std::string& hash) -> Result<std::string> {
    httplib::Client client(server_url);
    client.set_connection_timeout(10, 0);
    client.set_read_timeout(120, 0);
    httplib::Headers headers = {{"Authorization", "Bearer " + token}};
    auto reply = client.Get("/api/v1/packages/" + hash, headers);
    if (!reply) {
      return Fail(ErrorCode::kSystem, "fetching package " + hash + " from " + server_url + ": " +
                                          httplib::to_string(reply.error()));
    }
    if (reply->status == 404) {
      return Fail(ErrorCode::kNotFound,
                  "the server " + server_url + " has no exercise version " + hash);
    }
    if (reply->status != 200) {
      return Fail(ErrorCode::kSystem, "fetching package " + hash + " from " + server_url +
                                          ": HTTP " + std::to_string(reply->status) + " " +
                                          reply->body.substr(0, 300));
    }
    return reply->body;
  };
}

}  // namespace web
