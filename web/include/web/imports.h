// Exercise packages uploaded as .zip by trainers: unpacked safely into the data directory,
// read with the package reader, added to the catalogue, and checked in the background by a
// separate `koodikoe exercise check` process (the server itself never runs sandboxes).
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "koodikoe/result.h"
#include "web/catalog.h"

namespace web {

using koodikoe::Result;

struct ImportCheck {
  std::string status = "running";  // "running" | "passed" | "failed"
  std::string output;              // the checker's report (trimmed)
};

class ExerciseImports {
 public:
  // `root` holds the imported packages, one directory each (created if missing).
  ExerciseImports(std::string root, std::string koodikoe_binary)
      : root_(std::move(root)), koodikoe_binary_(std::move(koodikoe_binary)) {}
  ~ExerciseImports();

  const std::string& root() const { return root_; }

  // Unpacks `zip`, reads the one package inside and moves it to root()/ID, replacing an
  // earlier import of the same id. kInvalidArgument errors describe what is wrong with the
  // archive or the package, for the trainer to fix.
  Result<Exercise> Import(const std::string& zip);

  // Starts the background check of an imported package.
  void StartCheck(const std::string& id, const std::string& package_dir);
  // The check's state; "none" if there was none.
  ImportCheck CheckOf(const std::string& id);

  // True if the exercise came from an import (so it may be replaced by another import).
  bool IsImported(const std::string& package_dir) const;

 private:
  const std::string root_;
  const std::string koodikoe_binary_;
  std::mutex mutex_;
  std::map<std::string, ImportCheck> checks_;
  std::vector<std::thread*> threads_;
};

}  // namespace web
