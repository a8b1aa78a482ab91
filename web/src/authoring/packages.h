// Exercise packages for judges on other machines, by content hash. Every submission stores the
// content hash of the exercise version it is judged on (ContentHash in exercise_store.h). A
// remote worker asks the server for that version (GET /api/v1/packages/{hash}, a .zip made by
// ExportZip), unpacks it safely, recomputes the content hash and uses the package only if it
// matches, then keeps it in a cache by hash. So a worker judges exactly the version the
// submission names, never a stale copy of its own.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "koodikoe/result.h"

namespace web {

using koodikoe::Result;

// True for 64 lowercase hex digits (a BLAKE2b-256 content hash).
bool IsContentHash(const std::string& text);

class PackageCache {
 public:
  // Returns the package .zip of a content hash; kNotFound if the server has no such
  // version, another error for a failure worth retrying (network, server down).
  using Fetcher = std::function<Result<std::string>(const std::string& hash)>;

  // Packages live in ROOT/HASH/NAME (NAME: the package's folder name, the exercise id).
  PackageCache(std::string root, Fetcher fetch)
      : root_(std::move(root)), fetch_(std::move(fetch)) {}

  // The package directory of `hash`, fetched first if it is not cached. A package whose
  // content hash differs from `hash` is refused (kInvalidArgument) and not kept. Thread-safe;
  // one fetch at a time.
  Result<std::string> Get(const std::string& hash);

  int fetched() const;  // how many packages came over the network

 private:
  const std::string root_;
  const Fetcher fetch_;
  mutable std::mutex mutex_;
  int fetched_ = 0;
};

// A Fetcher over HTTP: GET {server}/api/v1/packages/{hash} with "Authorization: Bearer
// {token}" (the server's worker token).
PackageCache::Fetcher HttpPackageFetcher(const std::string& server_url, const std::string& token);

}  // namespace web
