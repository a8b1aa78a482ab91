// Exercises that trainers import or author in the browser, kept as packages in the data
// directory, one directory per version:
//
//   ROOT/ID/N/ID/          version N of exercise ID (the package itself; its folder name is
//                          the exercise id, as the package reader wants)
//   ROOT/ID/N/version.json number, content hash, author, origin, time, and the check's result
//
// A version is never changed once written: an edit copies the newest version (hard links, so
// unchanged test data costs nothing), changes the copy and adds it as N+1. Every new version
// is checked in the background by a separate `koodikoe exercise check` process (the server
// itself never runs sandboxes), with progress for the browser.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "authoring/package_files.h"
#include "catalogue/catalog.h"
#include "koodikoe/result.h"

namespace web {

using koodikoe::Result;

struct VersionCheck {
  std::string status = "none";  // "none" | "running" | "passed" | "failed"
  std::string output;           // the report of `koodikoe exercise check`
  int done = 0;                 // steps finished (input validation, each submission)
  int total = 0;
  int64_t finished_at = 0;
};

struct StoredVersion {
  std::string id;
  int number = 0;
  std::string hash;
  std::string package_dir;
  std::string author;
  std::string origin;  // "import" | "edit" | "create" | "clone"
  int64_t created_at = 0;
  VersionCheck check;
};

class ExerciseStore {
 public:
  // `root` holds the stored exercises (created if missing); `koodikoe_binary` runs the checks.
  ExerciseStore(std::string root, std::string koodikoe_binary, UploadLimits limits = {});
  ~ExerciseStore();
  ExerciseStore(const ExerciseStore&) = delete;
  ExerciseStore& operator=(const ExerciseStore&) = delete;

  const std::string& root() const { return root_; }

  // At start: the newest version of every stored exercise that passed its check into the
  // catalogue (the newest of all while none has: a new exercise, for its trainers), and every
  // version registered there (old submissions are judged on theirs). Returns warnings.
  std::vector<std::string> Load(Catalog& catalog);

  // Packages imported by earlier servers, one directory each in `dir` (DATA/imported/ID):
  // each becomes version 1 here unless its id is stored already; then `dir` is renamed to
  // DIR.migrated so this happens once. Returns a line per package that could not be taken.
  std::vector<std::string> AdoptOldImports(const std::string& dir);

  // Unpacks `zip`, reads the one package inside and stores it as the next version of its id
  // (the package's folder name, or one made from its name). kInvalidArgument errors say what
  // is wrong with the archive or the package; nothing is stored then.
  Result<StoredVersion> ImportZip(const std::string& zip, const std::string& author);
  // The same for a package directory on the server (koodikoe's own tools and tests).
  Result<StoredVersion> ImportDirectory(const std::string& dir, const std::string& author);

  // A new version of `id`: a copy of `base_dir` (hard links; "" = an empty package) changed
  // by `edit` (which writes files through WriteInto / removes with RemoveFrom, never in
  // place), then read with the package reader. kInvalidArgument if the result is not a
  // package; nothing is stored then.
  Result<StoredVersion> SaveVersion(const std::string& id, const std::string& base_dir,
                                    const std::string& author, const std::string& origin,
                                    const std::function<Result<void>(const std::string&)>& edit);

  // Every version of `id`, oldest first; empty if it is not stored here.
  std::vector<StoredVersion> Versions(const std::string& id);
  std::optional<StoredVersion> Latest(const std::string& id);
  bool IsStored(const std::string& id);

  // Starts the background check of a version (replacing the state of an earlier check);
  // `on_passed` is called with it, on the check's thread, if it passes.
  void StartCheck(const StoredVersion& version,
                  std::function<void(const StoredVersion&)> on_passed = nullptr);
  // The check of `id`'s newest version.
  VersionCheck CheckOf(const std::string& id);
  // Waits up to `timeout` for the check of `id` to change from `seen` (seen = a counter
  // returned before); returns the new counter.
  uint64_t WaitForCheckChange(const std::string& id, uint64_t seen,
                              std::chrono::milliseconds timeout);
  uint64_t CheckGeneration();

  // Writes a file of a version being built: replaces (unlinks first, so the hard-linked file
  // of an older version stays as it was), creating folders. `relative` must be a safe path.
  static Result<void> WriteInto(const std::string& package_dir, const std::string& relative,
                                const std::string& content);
  static Result<void> RemoveFrom(const std::string& package_dir, const std::string& relative);
  // Safe relative path inside a package: no absolute, "..", backslash, control characters.
  static bool SafeRelativePath(const std::string& relative);

 private:
  Result<StoredVersion> StoreUnpacked(const std::string& package_dir, const std::string& id,
                                      const std::string& author, const std::string& origin);
  Result<StoredVersion> ImportFound(const std::string& dir, const std::string& author, bool copy);
  Result<StoredVersion> ReadVersion(const std::string& id, int number);
  void WriteMeta(const StoredVersion& version);
  int NextNumber(const std::string& id);

  const std::string root_;
  const std::string koodikoe_binary_;
  const UploadLimits limits_;
  std::mutex mutex_;  // version numbers, checks
  std::condition_variable check_changed_;
  uint64_t check_generation_ = 0;
  std::map<std::string, VersionCheck> checks_;  // id -> check of its newest version
  struct CheckThread {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> finished;
  };
  std::vector<CheckThread> threads_;
};

}  // namespace web
