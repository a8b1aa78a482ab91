// The exercises the server offers: what the API shows of each package (statement, samples,
// metadata) and where the package lives for the judge. Hidden test data is never read here.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "koodikoe/result.h"

namespace web {

using koodikoe::Result;

struct Sample {
  std::string name;
  std::string input;
  std::string output;
};

struct Exercise {
  std::string id;
  std::map<std::string, std::string> titles;  // "en" -> title
  std::string track;
  int tier = 0;
  std::string kind = "batch";
  std::vector<std::string> languages;
  std::vector<std::string> skills;
  double time_limit = 1;  // seconds
  uint64_t memory_limit_mib = 256;
  std::map<std::string, std::string> statements;  // "en" -> Markdown
  std::map<std::string, std::string> hints;       // "en" -> Markdown; empty if none
  std::vector<Sample> samples;
  // The package's starting code (starter/), language id -> text; the editor's own template
  // for the languages it leaves out.
  std::map<std::string, std::string> starters;
  std::string package_dir;   // absolute host path
  std::string content_hash;  // of every file of the package (ContentHash); judged-on version
  int version = 0;           // stored exercises: the version number; 0 for bundled ones
  bool stored = false;       // imported or authored on this server (editable, versioned)

  // The title in `language`, else English, else any, else the id.
  std::string Title(const std::string& language = "en") const;
};

// Thread-safe: imports add exercises while requests read.
class Catalog {
 public:
  // Adds or replaces (same id) an exercise.
  void Put(Exercise exercise);
  // Adds it, or replaces a stored exercise of the same id with an older version number; false
  // (nothing changes) otherwise, e.g. when a later version is offered already.
  bool PutIfNewer(Exercise exercise);
  // A copy, so the caller never holds a reference across a replacement.
  std::shared_ptr<const Exercise> Find(const std::string& id) const;
  std::vector<std::shared_ptr<const Exercise>> All() const;  // by track, tier, id
  size_t size() const;
  // Changes whenever the offer does (Put, PutIfNewer), and is never the same for two catalogs
  // of one process: a view derived from All() stays valid while the stamp stays.
  uint64_t stamp() const;

  // Every version known of an exercise: content hash -> package directory, so submissions
  // made on an older version are judged on it.
  void PutVersion(const std::string& id, const std::string& hash, const std::string& dir);
  // The package of that version of `id`; the current one if `hash` is "" or unknown.
  std::string PackageDirFor(const std::string& id, const std::string& hash) const;
  // The package of the version with this content hash, of any exercise; "" if unknown.
  std::string PackageDirByHash(const std::string& hash) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Exercise>> by_id_;
  std::map<std::pair<std::string, std::string>, std::string> versions_;
  uint64_t stamp_ = NextStamp();

  static uint64_t NextStamp();
};

// Directories with a problem.yaml at most `max_depth` levels below `root` (a package itself,
// a directory of packages, or a directory of tracks of packages), sorted.
std::vector<std::string> FindPackageDirs(const std::string& root, int max_depth = 3);

// Reads one package with the judge's package reader. Fails when the build has no judge.
Result<Exercise> LoadExercise(const std::string& package_dir);

// Loads every package under the roots into the catalog; returns one warning per package that
// could not be read (the server still starts with the others).
std::vector<std::string> LoadExercises(const std::vector<std::string>& roots, Catalog& catalog);

// Two small built-in exercises for tests run with the fake evaluator.
void AddFakeExercises(Catalog& catalog);

// True when this build can judge for real (the judge module was built in).
bool HaveRealJudge();

// Language ids the judge can run here (installed toolchains). An exercise offers those of them
// its package can judge (Exercise::languages).
std::vector<std::string> InstalledLanguages();

// Solved and total of `exercises` (Catalog::All()) per tier, track and skill, each a table
// {"1": {"solved": 2, "total": 5}, ...} under "by_tier", "by_track" and "by_skill";
// `is_solved(id)` says whether an exercise counts as solved.
nlohmann::json ProgressTables(const std::vector<std::shared_ptr<const Exercise>>& exercises,
                              const std::function<bool(const std::string& id)>& is_solved);

}  // namespace web
