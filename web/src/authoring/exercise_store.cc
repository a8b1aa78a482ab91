#include "authoring/exercise_store.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <utility>

#include "base/log.h"
#include "base/time_util.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"

extern char** environ;

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;
using nlohmann::json;

namespace {

constexpr size_t kMaxCheckOutput = 64u << 10;

void SetMeta(const std::string& path, const json& meta) {
  std::string tmp = path + ".tmp";
  if (koodikoe::WriteFile(tmp, meta.dump(2) + "\n")) {
    std::error_code ec;
    fs::rename(tmp, path, ec);
  }
}

json EncodeCheck(const VersionCheck& check) {
  return {{"status", check.status},
          {"output", check.output},
          {"done", check.done},
          {"total", check.total},
          {"finished_at", check.finished_at}};
}

VersionCheck DecodeCheck(const json& j) {
  VersionCheck check;
  if (!j.is_object()) return check;
  check.status = j.value("status", "none");
  check.output = j.value("output", "");
  check.done = j.value("done", 0);
  check.total = j.value("total", 0);
  check.finished_at = j.value("finished_at", int64_t{0});
  // A check that was running when the server stopped never finished.
  if (check.status == "running") check.status = "none";
  return check;
}

// An id for a package whose problem.yaml sits at the zip's top: from its name.
std::string IdFromTitle(const std::string& title) {
  std::string id;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id.substr(0, 48);
}

Result<void> CheckId(const std::string& id) {
  static const std::regex pattern("[a-z0-9][a-z0-9_.-]{0,63}");
  if (std::regex_match(id, pattern) && id.find("..") == std::string::npos) return {};
  return Fail(ErrorCode::kInvalidArgument,
              "'" + id +
                  "' cannot be an exercise id: use lowercase letters, digits, '-', '_' "
                  "and '.', starting with a letter or digit, at most 64");
}

}  // namespace

bool ExerciseStore::SafeRelativePath(const std::string& name) {
  if (name.empty() || name.size() > 1000 || name[0] == '/' ||
      name.find('\\') != std::string::npos || !ValidUtf8(name)) {
    return false;
  }
  if (name.size() >= 2 && name[1] == ':') return false;  // C:/..., a Windows absolute path
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F) return false;
  }
  for (const auto& part : fs::path(name)) {
    if (part == ".." || part == ".") return false;
  }
  return true;
}

// ---- The store ----

ExerciseStore::ExerciseStore(std::string root, std::string koodikoe_binary, UploadLimits limits)
    : root_(std::move(root)), koodikoe_binary_(std::move(koodikoe_binary)), limits_(limits) {
  std::error_code ec;
  fs::create_directories(root_, ec);
}

ExerciseStore::~ExerciseStore() {
  for (auto& check : threads_) check.thread.join();
}

Result<void> ExerciseStore::WriteInto(const std::string& package_dir, const std::string& relative,
                                      const std::string& content) {
  if (!SafeRelativePath(relative)) {
    return Fail(ErrorCode::kInvalidArgument, "'" + relative + "' is not a safe file name");
  }
  fs::path path = fs::path(package_dir) / relative;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return Fail(ErrorCode::kSystem,
                "creating " + path.parent_path().string() + ": " + ec.message());
  // Unlink first: the old file may be a hard link shared with an earlier version.
  fs::remove(path, ec);
  koodikoe::UniqueFd out(
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (!out.ok()) return koodikoe::FailErrno("creating " + path.string());
  return koodikoe::WriteAll(out.fd(), content.data(), content.size());
}

Result<void> ExerciseStore::RemoveFrom(const std::string& package_dir,
                                       const std::string& relative) {
  if (!SafeRelativePath(relative)) {
    return Fail(ErrorCode::kInvalidArgument, "'" + relative + "' is not a safe file name");
  }
  std::error_code ec;
  fs::path path = fs::path(package_dir) / relative;
  if (fs::is_directory(fs::symlink_status(path, ec))) return koodikoe::RemoveTree(path.string());
  fs::remove(path, ec);
  return {};
}

int ExerciseStore::NextNumber(const std::string& id) {
  int highest = 0;
  std::error_code ec;
  for (fs::directory_iterator it(root_ + "/" + id, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && std::all_of(name.begin(), name.end(), ::isdigit) && name.size() < 9) {
      highest = std::max(highest, std::stoi(name));
    }
  }
  return highest + 1;
}

void ExerciseStore::WriteMeta(const StoredVersion& v) {
  json meta = {{"id", v.id},
               {"number", v.number},
               {"hash", v.hash},
               {"author", v.author},
               {"origin", v.origin},
               {"created_at", v.created_at},
               {"check", EncodeCheck(v.check)}};
  SetMeta(root_ + "/" + v.id + "/" + std::to_string(v.number) + "/version.json", meta);
}

Result<StoredVersion> ExerciseStore::ReadVersion(const std::string& id, int number) {
  std::string dir = root_ + "/" + id + "/" + std::to_string(number);
  KOODIKOE_TRY(auto text, koodikoe::ReadFile(dir + "/version.json", 1u << 20));
  json meta = json::parse(text, nullptr, false);
  if (!meta.is_object()) return Fail(ErrorCode::kInvalidArgument, dir + "/version.json is damaged");
  StoredVersion v;
  v.id = id;
  v.number = number;
  v.hash = meta.value("hash", "");
  v.author = meta.value("author", "");
  v.origin = meta.value("origin", "");
  v.created_at = meta.value("created_at", int64_t{0});
  v.check = DecodeCheck(meta.value("check", json::object()));
  v.package_dir = dir + "/" + id;
  std::lock_guard lock(mutex_);
  auto it = checks_.find(id + "/" + std::to_string(number));
  if (it != checks_.end()) v.check = it->second;
  return v;
}

std::vector<StoredVersion> ExerciseStore::Versions(const std::string& id) {
  std::vector<StoredVersion> versions;
  if (!CheckId(id)) return versions;
  std::vector<int> numbers;
  std::error_code ec;
  for (fs::directory_iterator it(root_ + "/" + id, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name.size() < 9 && std::all_of(name.begin(), name.end(), ::isdigit) &&
        fs::exists(it->path() / "version.json", ec)) {
      numbers.push_back(std::stoi(name));
    }
  }
  std::sort(numbers.begin(), numbers.end());
  for (int number : numbers) {
    auto version = ReadVersion(id, number);
    if (version) versions.push_back(std::move(*version));
  }
  return versions;
}

std::optional<StoredVersion> ExerciseStore::Latest(const std::string& id) {
  auto versions = Versions(id);
  if (versions.empty()) return std::nullopt;
  return versions.back();
}

bool ExerciseStore::IsStored(const std::string& id) { return Latest(id).has_value(); }

std::vector<std::string> ExerciseStore::Load(Catalog& catalog) {
  std::vector<std::string> warnings;
  std::error_code ec;
  std::vector<std::string> ids;
  for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (CheckId(name) && it->is_directory(ec)) ids.push_back(name);
  }
  std::sort(ids.begin(), ids.end());
  for (const std::string& id : ids) {
    auto versions = Versions(id);
    for (const auto& version : versions) catalog.PutVersion(id, version.hash, version.package_dir);
    // Offered: the newest version that passed its check and that the reader accepts; while
    // none did, the newest that it accepts.
    std::stable_partition(versions.rbegin(), versions.rend(),
                          [](const StoredVersion& v) { return v.check.status == "passed"; });
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
      auto exercise = LoadExercise(it->package_dir);
      if (!exercise) {
        warnings.push_back(id + " version " + std::to_string(it->number) + ": " +
                           exercise.error().Describe());
        continue;
      }
      exercise->version = it->number;
      exercise->content_hash = it->hash;
      exercise->stored = true;
      catalog.Put(std::move(*exercise));
      break;
    }
  }
  return warnings;
}

Result<StoredVersion> ExerciseStore::StoreUnpacked(const std::string& package_dir,
                                                   const std::string& id, const std::string& author,
                                                   const std::string& origin) {
  KOODIKOE_TRY_VOID(CheckId(id));
  KOODIKOE_TRY(auto hash, ContentHash(package_dir));
  std::lock_guard lock(mutex_);
  int number = NextNumber(id);
  std::string version_dir = root_ + "/" + id + "/" + std::to_string(number);
  std::error_code ec;
  fs::create_directories(version_dir, ec);
  if (ec) return Fail(ErrorCode::kSystem, "creating " + version_dir + ": " + ec.message());
  fs::rename(package_dir, version_dir + "/" + id, ec);
  if (ec) {
    (void)koodikoe::RemoveTree(version_dir);
    return Fail(ErrorCode::kSystem, "moving the package to " + version_dir + ": " + ec.message());
  }
  StoredVersion v;
  v.id = id;
  v.number = number;
  v.hash = hash;
  v.package_dir = version_dir + "/" + id;
  v.author = author;
  v.origin = origin;
  v.created_at = UnixNow();
  // version.json last: a version without it is unfinished and ignored.
  WriteMeta(v);
  return v;
}

namespace {

// A private working directory in ROOT/.incoming, removed on destruction.
class Incoming {
 public:
  explicit Incoming(std::string path) : path(std::move(path)) {}
  Incoming(Incoming&& other) noexcept : path(std::exchange(other.path, "")) {}
  Incoming& operator=(Incoming&&) = delete;
  ~Incoming() {
    if (!path.empty()) (void)koodikoe::RemoveTree(path);
  }
  std::string path;
};

Result<Incoming> MakeIncoming(const std::string& root) {
  std::error_code ec;
  fs::create_directories(root + "/.incoming", ec);
  std::string pattern = root + "/.incoming/work-XXXXXX";
  if (!mkdtemp(pattern.data())) return koodikoe::FailErrno("mkdtemp " + pattern);
  return Incoming(pattern);
}

}  // namespace

Result<StoredVersion> ExerciseStore::ImportZip(const std::string& zip, const std::string& author) {
  KOODIKOE_TRY(auto work, MakeIncoming(root_));
  std::string unpacked = work.path + "/zip";
  std::error_code ec;
  fs::create_directories(unpacked, ec);
  KOODIKOE_TRY_VOID(UnpackZip(zip, unpacked, limits_));
  return ImportFound(unpacked, author, /*copy=*/false);
}

std::vector<std::string> ExerciseStore::AdoptOldImports(const std::string& dir) {
  std::vector<std::string> problems;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return problems;
  for (const auto& package : FindPackageDirs(dir, 1)) {
    std::string id = fs::path(package).filename().string();
    if (IsStored(id)) continue;
    auto adopted = ImportFound(package, "", /*copy=*/true);
    if (!adopted) problems.push_back(package + ": " + adopted.error().Describe());
  }
  fs::rename(dir, dir + ".migrated", ec);
  if (ec) problems.push_back("renaming " + dir + ": " + ec.message());
  return problems;
}

Result<StoredVersion> ExerciseStore::ImportDirectory(const std::string& dir,
                                                     const std::string& author) {
  return ImportFound(dir, author, /*copy=*/true);
}

Result<StoredVersion> ExerciseStore::ImportFound(const std::string& dir, const std::string& author,
                                                 bool copy) {
  auto found = FindPackageDirs(dir, 2);
  if (found.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "there is no problem.yaml (at the top or in one folder)");
  }
  if (found.size() > 1) {
    return Fail(ErrorCode::kInvalidArgument, "there are " + std::to_string(found.size()) +
                                                 " packages; upload one package at a time");
  }
  auto exercise = LoadExercise(found[0]);
  if (!exercise) return Fail(ErrorCode::kInvalidArgument, exercise.error().Describe());
  bool at_top = fs::path(found[0]).lexically_normal() == fs::path(dir).lexically_normal();
  std::string id = at_top ? IdFromTitle(exercise->Title("en")) : exercise->id;
  if (!copy) return StoreUnpacked(found[0], id, author, "import");
  KOODIKOE_TRY(auto work, MakeIncoming(root_));
  std::string target = work.path + "/" + id;
  std::error_code ec;
  // Links are followed: the stored package holds plain files only.
  fs::copy(found[0], target, fs::copy_options::recursive, ec);
  if (ec) return Fail(ErrorCode::kSystem, "copying " + found[0] + ": " + ec.message());
  return StoreUnpacked(target, id, author, "import");
}

Result<StoredVersion> ExerciseStore::SaveVersion(
    const std::string& id, const std::string& base_dir, const std::string& author,
    const std::string& origin, const std::function<Result<void>(const std::string&)>& edit) {
  KOODIKOE_TRY_VOID(CheckId(id));
  KOODIKOE_TRY(auto work, MakeIncoming(root_));
  std::string copy = work.path + "/" + id;
  std::error_code ec;
  if (base_dir.empty()) {
    fs::create_directories(copy, ec);
  } else {
    fs::copy(base_dir, copy, fs::copy_options::recursive | fs::copy_options::create_hard_links, ec);
    if (ec) {
      ec.clear();
      (void)koodikoe::RemoveTree(copy);
      fs::copy(base_dir, copy, fs::copy_options::recursive, ec);
    }
  }
  if (ec) return Fail(ErrorCode::kSystem, "copying " + base_dir + ": " + ec.message());
  KOODIKOE_TRY_VOID(edit(copy));
  auto exercise = LoadExercise(copy);
  if (!exercise) return Fail(ErrorCode::kInvalidArgument, exercise.error().Describe());
  return StoreUnpacked(copy, id, author, origin);
}

// ---- Checks ----

namespace {

// Progress from the check's report: the number of submissions from the "structure" line, one
// step per finished submission row, and one for the input validators.
void ParseProgress(const std::string& output, VersionCheck& check) {
  static const std::regex structure(
      R"(structure: ok, \d+ sample and \d+ secret tests, (\d+) submissions)");
  std::smatch m;
  int submissions = 0;
  if (std::regex_search(output, m, structure)) submissions = std::stoi(m[1]);
  check.total = submissions + 1;
  int done = 0;
  bool in_table = false;
  size_t pos = 0;
  for (size_t end; (end = output.find('\n', pos)) != std::string::npos; pos = end + 1) {
    std::string line = output.substr(pos, end - pos);
    if (line.rfind("SUBMISSION", 0) == 0) {
      in_table = true;
      done = 1;  // the input validators ran before the table
    } else if (in_table && !line.empty() && line[0] != ' ') {
      if (line.find(" match, ") != std::string::npos) {
        in_table = false;
      } else {
        ++done;
      }
    }
  }
  check.done = std::min(done, check.total);
}

}  // namespace

void ExerciseStore::StartCheck(const StoredVersion& version,
                               std::function<void(const StoredVersion&)> on_passed) {
  std::string key = version.id + "/" + std::to_string(version.number);
  auto set = [this, key, version](VersionCheck check) {
    {
      std::lock_guard lock(mutex_);
      checks_[key] = check;
      ++check_generation_;
    }
    check_changed_.notify_all();
    if (check.status != "running") {
      StoredVersion finished = version;
      finished.check = check;
      WriteMeta(finished);
    }
  };
  set(VersionCheck{"running", "", 0, 1, 0});
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    set({"failed", "the check could not be started (pipe)", 0, 1, UnixNow()});
    return;
  }
  koodikoe::UniqueFd read_end(pipe_fds[0]);
  koodikoe::UniqueFd write_end(pipe_fds[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd(), 1);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd(), 2);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  std::vector<std::string> args = {koodikoe_binary_, "exercise", "check", version.package_dir};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  write_end.Reset();
  if (rc != 0) {
    set({"failed", "the check could not be started", 0, 1, UnixNow()});
    return;
  }
  auto finished = std::make_shared<std::atomic<bool>>(false);
  std::thread thread([set, key, pid, finished, version, on_passed = std::move(on_passed),
                      fd = read_end.Release()] {
    koodikoe::UniqueFd input(fd);
    VersionCheck check{"running", "", 0, 1, 0};
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(input.fd(), buffer, sizeof buffer)) > 0) {
      if (check.output.size() < kMaxCheckOutput)
        check.output.append(buffer, static_cast<size_t>(got));
      ParseProgress(check.output, check);
      set(check);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    bool passed = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    LogInfo("check=" + key + " result=" + (passed ? "passed" : "failed"));
    check.status = passed ? "passed" : "failed";
    check.done = check.total;
    check.finished_at = UnixNow();
    // Offered before anyone can see "passed".
    if (passed && on_passed) on_passed(version);
    set(check);
    finished->store(true);
  });
  std::lock_guard lock(mutex_);
  // Threads of finished checks are joined here, so they do not pile up on a long-running server.
  for (auto it = threads_.begin(); it != threads_.end();) {
    if (it->finished->load()) {
      it->thread.join();
      it = threads_.erase(it);
    } else {
      ++it;
    }
  }
  threads_.push_back({std::move(thread), std::move(finished)});
}

VersionCheck ExerciseStore::CheckOf(const std::string& id) {
  auto latest = Latest(id);
  if (!latest) return {};
  return latest->check;
}

uint64_t ExerciseStore::CheckGeneration() {
  std::lock_guard lock(mutex_);
  return check_generation_;
}

uint64_t ExerciseStore::WaitForCheckChange(const std::string&, uint64_t seen,
                                           std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  check_changed_.wait_for(lock, timeout, [&] { return check_generation_ != seen; });
  return check_generation_;
}

}  // namespace web
