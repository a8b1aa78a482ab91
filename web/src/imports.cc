#include "web/imports.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "koodikoe/files.h"
#include "log.h"

extern char** environ;

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

constexpr uint64_t kMaxUnpackedBytes = 512ull << 20;  // zip bombs stop here
constexpr int kMaxEntries = 20000;
constexpr size_t kMaxCheckOutput = 64u << 10;

// Entry names stay inside the target: no absolute paths, no "..", nothing odd.
bool SafeEntryName(const std::string& name) {
  if (name.empty() || name[0] == '/' || name.find('\\') != std::string::npos) return false;
  for (const auto& part : fs::path(name)) {
    if (part == "..") return false;
  }
  return true;
}

Result<void> Unpack(const std::string& zip, const std::string& target) {
  struct archive* reader = archive_read_new();
  archive_read_support_format_zip(reader);
  std::unique_ptr<struct archive, int (*)(struct archive*)> owner(reader, archive_read_free);
  if (archive_read_open_memory(reader, zip.data(), zip.size()) != ARCHIVE_OK) {
    return Fail(ErrorCode::kInvalidArgument, "the upload is not a .zip file");
  }
  uint64_t total = 0;
  int entries = 0;
  struct archive_entry* entry = nullptr;
  int rc;
  while ((rc = archive_read_next_header(reader, &entry)) == ARCHIVE_OK) {
    std::string name = archive_entry_pathname(entry) ? archive_entry_pathname(entry) : "";
    if (++entries > kMaxEntries) {
      return Fail(ErrorCode::kInvalidArgument, "the zip has more than 20000 files");
    }
    if (!SafeEntryName(name)) {
      return Fail(ErrorCode::kInvalidArgument, "the zip has an unsafe path: " + name);
    }
    fs::path path = fs::path(target) / name;
    auto type = archive_entry_filetype(entry);
    std::error_code ec;
    if (type == AE_IFDIR) {
      fs::create_directories(path, ec);
      continue;
    }
    // Links could point anywhere on the server; packages do not need them.
    if (type != AE_IFREG) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the zip has a link or special file (" + name + "); packages hold plain files");
    }
    fs::create_directories(path.parent_path(), ec);
    koodikoe::UniqueFd out(
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!out.ok()) return koodikoe::FailErrno("creating " + path.string());
    char buffer[65536];
    la_ssize_t got;
    while ((got = archive_read_data(reader, buffer, sizeof buffer)) > 0) {
      total += static_cast<uint64_t>(got);
      if (total > kMaxUnpackedBytes) {
        return Fail(ErrorCode::kInvalidArgument, "the zip unpacks to more than 512 MiB");
      }
      if (auto written = koodikoe::WriteAll(out.fd(), buffer, static_cast<size_t>(got)); !written) {
        return written;
      }
    }
    if (got < 0) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the zip is damaged at " + name + ": " + archive_error_string(reader));
    }
  }
  if (rc != ARCHIVE_EOF) {
    const char* why = archive_error_string(reader);
    return Fail(ErrorCode::kInvalidArgument,
                std::string("the zip cannot be read: ") + (why ? why : "unknown error"));
  }
  return {};
}

// A directory name for a package whose problem.yaml sits at the zip's root.
std::string IdFromName(const Exercise& exercise) {
  std::string id;
  for (char c : exercise.Title("en")) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "imported" : id.substr(0, 48);
}

}  // namespace

ExerciseImports::~ExerciseImports() {
  for (auto* thread : threads_) {
    thread->join();
    delete thread;
  }
}

Result<Exercise> ExerciseImports::Import(const std::string& zip) {
  std::error_code ec;
  fs::create_directories(root_ + "/.incoming", ec);
  std::string pattern = root_ + "/.incoming/upload-XXXXXX";
  if (!mkdtemp(pattern.data())) return koodikoe::FailErrno("mkdtemp " + pattern);
  struct Cleanup {
    std::string path;
    ~Cleanup() { (void)koodikoe::RemoveTree(path); }
  } cleanup{pattern};

  if (auto unpacked = Unpack(zip, pattern); !unpacked) return tl::unexpected(unpacked.error());
  auto found = FindPackageDirs(pattern, 2);
  if (found.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                "the zip has no problem.yaml (at its top or in one folder)");
  }
  if (found.size() > 1) {
    return Fail(ErrorCode::kInvalidArgument, "the zip holds " + std::to_string(found.size()) +
                                                 " packages; upload one package per zip");
  }
  auto exercise = LoadExercise(found[0]);
  if (!exercise) {
    return Fail(ErrorCode::kInvalidArgument, exercise.error().Describe());
  }
  std::string id = found[0] == fs::path(pattern).lexically_normal().string() ? IdFromName(*exercise)
                                                                             : exercise->id;
  std::lock_guard lock(mutex_);
  std::string final_dir = root_ + "/" + id;
  std::string old_dir = final_dir + ".old";
  (void)koodikoe::RemoveTree(old_dir);
  if (fs::exists(final_dir, ec)) fs::rename(final_dir, old_dir, ec);
  fs::rename(found[0], final_dir, ec);
  if (ec)
    return Fail(ErrorCode::kSystem, "moving the package to " + final_dir + ": " + ec.message());
  (void)koodikoe::RemoveTree(old_dir);
  return LoadExercise(final_dir);
}

bool ExerciseImports::IsImported(const std::string& package_dir) const {
  return package_dir.rfind(root_ + "/", 0) == 0;
}

void ExerciseImports::StartCheck(const std::string& id, const std::string& package_dir) {
  {
    std::lock_guard lock(mutex_);
    checks_[id] = ImportCheck{};
  }
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    std::lock_guard lock(mutex_);
    checks_[id] = {"failed", "the check could not be started (pipe)"};
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
  std::vector<std::string> args = {koodikoe_binary_, "exercise", "check", package_dir};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  write_end.Reset();
  if (rc != 0) {
    std::lock_guard lock(mutex_);
    checks_[id] = {"failed", "the check could not be started"};
    return;
  }
  auto* thread = new std::thread([this, id, pid, fd = read_end.Release()] {
    koodikoe::UniqueFd input(fd);
    std::string output;
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(input.fd(), buffer, sizeof buffer)) > 0) {
      if (output.size() < kMaxCheckOutput) output.append(buffer, static_cast<size_t>(got));
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    bool passed = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    LogInfo("import=" + id + " check=" + (passed ? "passed" : "failed"));
    std::lock_guard lock(mutex_);
    checks_[id] = {passed ? "passed" : "failed", output};
  });
  std::lock_guard lock(mutex_);
  threads_.push_back(thread);
}

ImportCheck ExerciseImports::CheckOf(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = checks_.find(id);
  if (it == checks_.end()) return {"none", ""};
  return it->second;
}

}  // namespace web
