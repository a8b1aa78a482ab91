#include "catalogue/catalog.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <tuple>

#include "authoring/exercise_store.h"

namespace web {

namespace fs = std::filesystem;

std::string Exercise::Title(const std::string& language) const {
  for (const std::string& key : {language, std::string("en")}) {
    auto it = titles.find(key);
    if (it != titles.end() && !it->second.empty()) return it->second;
  }
  return titles.empty() ? id : titles.begin()->second;
}

uint64_t Catalog::NextStamp() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

uint64_t Catalog::stamp() const {
  std::lock_guard lock(mutex_);
  return stamp_;
}

void Catalog::Put(Exercise exercise) {
  std::lock_guard lock(mutex_);
  std::string id = exercise.id;
  by_id_[id] = std::make_shared<const Exercise>(std::move(exercise));
  stamp_ = NextStamp();
}

bool Catalog::PutIfNewer(Exercise exercise) {
  std::lock_guard lock(mutex_);
  auto& offered = by_id_[exercise.id];
  if (offered && (!offered->stored || offered->version >= exercise.version)) return false;
  offered = std::make_shared<const Exercise>(std::move(exercise));
  stamp_ = NextStamp();
  return true;
}

std::shared_ptr<const Exercise> Catalog::Find(const std::string& id) const {
  std::lock_guard lock(mutex_);
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const Exercise>> Catalog::All() const {
  std::vector<std::shared_ptr<const Exercise>> list;
  {
    std::lock_guard lock(mutex_);
    for (const auto& entry : by_id_) list.push_back(entry.second);
  }
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return std::tie(a->track, a->tier, a->id) < std::tie(b->track, b->tier, b->id);
  });
  return list;
}

size_t Catalog::size() const {
  std::lock_guard lock(mutex_);
  return by_id_.size();
}

void Catalog::PutVersion(const std::string& id, const std::string& hash, const std::string& dir) {
  std::lock_guard lock(mutex_);
  versions_[{id, hash}] = dir;
}

std::string Catalog::PackageDirFor(const std::string& id, const std::string& hash) const {
  std::lock_guard lock(mutex_);
  if (!hash.empty()) {
    auto it = versions_.find({id, hash});
    if (it != versions_.end()) return it->second;
  }
  auto current = by_id_.find(id);
  return current == by_id_.end() ? "" : current->second->package_dir;
}

std::string Catalog::PackageDirByHash(const std::string& hash) const {
  std::lock_guard lock(mutex_);
  for (const auto& [key, dir] : versions_) {
    if (key.second == hash) return dir;
  }
  return "";
}

namespace {

void FindPackages(const fs::path& dir, int depth_left, std::vector<std::string>& found) {
  std::error_code ec;
  if (fs::is_regular_file(dir / "problem.yaml", ec)) {
    found.push_back(fs::absolute(dir, ec).lexically_normal().string());
    return;  // a package's own subdirectories are not packages
  }
  if (depth_left <= 0) return;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    // Symlinked directories are skipped: a loop of links must not hang the start.
    if (it->is_directory(ec) && !it->is_symlink(ec) &&
        it->path().filename().string().rfind('.', 0) != 0) {
      FindPackages(it->path(), depth_left - 1, found);
    }
  }
}

}  // namespace

std::vector<std::string> FindPackageDirs(const std::string& root, int max_depth) {
  std::vector<std::string> found;
  FindPackages(root, max_depth, found);
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> LoadExercises(const std::vector<std::string>& roots, Catalog& catalog) {
  std::vector<std::string> warnings;
  for (const auto& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      warnings.push_back(root + ": not a directory");
      continue;
    }
    for (const auto& dir : FindPackageDirs(root)) {
      auto exercise = LoadExercise(dir);
      if (!exercise) {
        warnings.push_back(dir + ": " + exercise.error().Describe());
        continue;
      }
      if (auto hash = ContentHash(dir); hash) {
        exercise->content_hash = *hash;
        catalog.PutVersion(exercise->id, *hash, exercise->package_dir);
      }
      if (auto existing = catalog.Find(exercise->id); existing) {
        warnings.push_back(dir + ": the id '" + exercise->id + "' is already used by " +
                           existing->package_dir + "; this one replaces it");
      }
      catalog.Put(std::move(*exercise));
    }
  }
  return warnings;
}

namespace {

// A basics exercise of the fake evaluator's: no package behind it (the fake judges by id).
Exercise FakeExercise(const std::string& id, int tier, std::map<std::string, std::string> titles,
                      std::map<std::string, std::string> statements) {
  Exercise exercise;
  exercise.id = id;
  exercise.titles = std::move(titles);
  exercise.track = "basics";
  exercise.tier = tier;
  exercise.languages = InstalledLanguages();
  exercise.statements = std::move(statements);
  exercise.package_dir = "/nonexistent/fake/" + id;
  exercise.content_hash = "fake-" + id + "-1";
  return exercise;
}

}  // namespace

void AddFakeExercises(Catalog& catalog) {
  Exercise hello = FakeExercise(
      "hello", 1, {{"en", "Hello"}, {"fi", "Hei"}},
      {{"en", "# Hello\n\nPrint `Hello, world!`."}, {"fi", "# Hei\n\nTulosta `Hello, world!`."}});
  hello.skills = {"output"};
  hello.hints = {{"en", "Use print."}, {"fi", "Käytä print-funktiota."}};
  hello.samples = {{"sample/1", "", "Hello, world!\n"}};
  catalog.Put(std::move(hello));

  Exercise sum =
      FakeExercise("sum", 2, {{"en", "Sum of two numbers"}, {"fi", "Kahden luvun summa"}},
                   {{"en", "Read two integers and print their sum."},
                    {"fi", "Lue kaksi kokonaislukua ja tulosta niiden summa."}});
  sum.skills = {"input", "arithmetic"};
  sum.samples = {{"sample/1", "1 2\n", "3\n"}, {"sample/2", "5 7\n", "12\n"}};
  catalog.Put(std::move(sum));
}

nlohmann::json ProgressTables(const std::vector<std::shared_ptr<const Exercise>>& exercises,
                              const std::function<bool(const std::string& id)>& is_solved) {
  using nlohmann::json;
  json by_tier = json::object();
  json by_track = json::object();
  json by_skill = json::object();
  auto count = [](json& table, const std::string& key, bool solved) {
    if (!table.contains(key)) table[key] = {{"solved", 0}, {"total", 0}};
    table[key]["total"] = table[key]["total"].get<int>() + 1;
    if (solved) table[key]["solved"] = table[key]["solved"].get<int>() + 1;
  };
  for (const auto& exercise : exercises) {
    bool solved = is_solved(exercise->id);
    count(by_tier, std::to_string(exercise->tier), solved);
    if (!exercise->track.empty()) count(by_track, exercise->track, solved);
    for (const auto& skill : exercise->skills) count(by_skill, skill, solved);
  }
  return {{"by_tier", by_tier}, {"by_track", by_track}, {"by_skill", by_skill}};
}

}  // namespace web
