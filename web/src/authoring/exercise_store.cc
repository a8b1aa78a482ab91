#include "authoring/exercise_store.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <utility>

#include "base/log.h"
#include "base/time_util.h"
#include "koodikoe/files.h"

extern char** environ;

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;
using nlohmann::json;

namespace {

constexpr size_t kMaxCheckOutput = 64u << 10;

std::string Hex(const unsigned char* bytes, size_t size) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

bool IsTextEntry(const std::string& name) {
  for (const char* ext : {".md", ".yaml", ".yml", ".tex", ".txt"}) {
    if (name.ends_with(ext)) return true;
  }
  return false;
}

// Every regular file below `dir` (following links to files, as the package reader does),
// relative, sorted.
Result<std::vector<std::string>> ListFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  if (ec) return Fail(ErrorCode::kSystem, "listing " + dir + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Fail(ErrorCode::kSystem, "listing " + dir + ": " + ec.message());
    if (it->is_regular_file(ec)) {
      files.push_back(fs::relative(it->path(), dir, ec).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

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

bool ValidId(const std::string& id) {
  static const std::regex pattern("[a-z0-9][a-z0-9_.-]{0,63}");
  return std::regex_match(id, pattern) && id.find("..") == std::string::npos;
}

}  // namespace

bool ValidUtf8(const std::string& text, size_t* offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    size_t extra = 0;
    uint32_t min = 0, code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, code = c & 0x07;
    } else {
      if (offset) *offset = i;
      return false;
    }
    if (i + extra >= n) {  // the sequence runs past the end
      if (offset) *offset = i;
      return false;
    }
    for (size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) {
        if (offset) *offset = i;
        return false;
      }
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      if (offset) *offset = i;
      return false;
    }
    i += extra + 1;
  }
  return true;
}

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

Result<void> UnpackZip(const std::string& zip, const std::string& target,
                       const UploadLimits& limits) {
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
  auto refuse = [](const std::string& name, const std::string& why) {
    return Fail(ErrorCode::kInvalidArgument, "zip entry '" + name + "': " + why);
  };
  while ((rc = archive_read_next_header(reader, &entry)) == ARCHIVE_OK) {
    const char* raw_name = archive_entry_pathname(entry);
    std::string name = raw_name ? raw_name : "";
    if (++entries > limits.max_entries) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the zip has more than " + std::to_string(limits.max_entries) + " entries");
    }
    if (!name.empty() && name[0] == '/') {
      return refuse(name, "an absolute path; a package's paths are relative to its folder");
    }
    if (!ValidUtf8(name)) {
      return refuse(name,
                    "the name is not UTF-8; pack the zip with a tool that writes UTF-8 names");
    }
    std::string trimmed = name;
    while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
    if (!ExerciseStore::SafeRelativePath(trimmed)) {
      return refuse(name,
                    "an unsafe path (\"..\", a drive letter, a backslash or a control "
                    "character); it could write outside the package");
    }
    fs::path path = fs::path(target) / trimmed;
    auto type = archive_entry_filetype(entry);
    std::error_code ec;
    if (type == AE_IFDIR) {
      fs::create_directories(path, ec);
      continue;
    }
    // Links could point anywhere on the server; packages do not need them.
    if (type == AE_IFLNK || archive_entry_symlink(entry) != nullptr) {
      return refuse(name, "a symbolic link; packages hold plain files only");
    }
    if (archive_entry_hardlink(entry) != nullptr) {
      return refuse(name, "a hard link; packages hold plain files only");
    }
    if (type != AE_IFREG) return refuse(name, "a special file; packages hold plain files only");
    if (archive_entry_size_is_set(entry) &&
        static_cast<uint64_t>(archive_entry_size(entry)) > limits.max_file_bytes) {
      return refuse(name, "unpacks to " + std::to_string(archive_entry_size(entry) >> 20) +
                              " MiB; one file may be at most " +
                              std::to_string(limits.max_file_bytes >> 20) + " MiB");
    }
    fs::create_directories(path.parent_path(), ec);
    koodikoe::UniqueFd out(
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!out.ok()) {
      if (errno == EEXIST) return refuse(name, "appears twice in the zip");
      return koodikoe::FailErrno("creating " + path.string());
    }
    bool text = IsTextEntry(trimmed);
    std::string content;  // text files, for the encoding check
    uint64_t file_bytes = 0;
    char buffer[65536];
    la_ssize_t got;
    while ((got = archive_read_data(reader, buffer, sizeof buffer)) > 0) {
      total += static_cast<uint64_t>(got);
      file_bytes += static_cast<uint64_t>(got);
      if (file_bytes > limits.max_file_bytes) {
        return refuse(name, "unpacks to more than " + std::to_string(limits.max_file_bytes >> 20) +
                                " MiB; one file may be at most that");
      }
      if (total > limits.max_total_bytes) {
        return refuse(name, "the zip unpacks to more than " +
                                std::to_string(limits.max_total_bytes >> 20) +
                                " MiB in all; split the package or make the tests smaller");
      }
      uint64_t consumed =
          static_cast<uint64_t>(std::max<la_int64_t>(archive_filter_bytes(reader, -1), 1));
      if (total > limits.ratio_floor_bytes && total / consumed > limits.max_ratio) {
        return refuse(name, "the zip expands more than " + std::to_string(limits.max_ratio) +
                                " times its size (a zip bomb?)");
      }
      if (text) content.append(buffer, static_cast<size_t>(got));
      if (auto written = koodikoe::WriteAll(out.fd(), buffer, static_cast<size_t>(got)); !written) {
        return written;
      }
    }
    if (got < 0) {
      const char* why = archive_error_string(reader);
      return refuse(name, std::string("damaged: ") + (why ? why : "unreadable"));
    }
    size_t bad = 0;
    if (text && !ValidUtf8(content, &bad)) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(content[bad]));
      return refuse(name, std::string("not UTF-8 text (byte ") + hex + " at offset " +
                              std::to_string(bad) +
                              "); save it as UTF-8 (Latin-1 or Windows-1252 editors write "
                              "ä and ö differently)");
    }
  }
  if (rc != ARCHIVE_EOF) {
    const char* why = archive_error_string(reader);
    return Fail(ErrorCode::kInvalidArgument,
                std::string("the zip cannot be read: ") + (why ? why : "unknown error"));
  }
  return {};
}

Result<std::string> ExportZip(const std::string& package_dir) {
  auto files = ListFiles(package_dir);
  if (!files) return tl::unexpected(files.error());
  std::string top = fs::path(package_dir).lexically_normal().filename().string();
  if (top.empty()) top = fs::path(package_dir).lexically_normal().parent_path().filename();
  std::string out;
  struct archive* writer = archive_write_new();
  std::unique_ptr<struct archive, int (*)(struct archive*)> owner(writer, archive_write_free);
  archive_write_set_format_zip(writer);
  archive_write_set_bytes_in_last_block(writer, 1);
  auto append = [](struct archive*, void* data, const void* buffer, size_t size) -> la_ssize_t {
    static_cast<std::string*>(data)->append(static_cast<const char*>(buffer), size);
    return static_cast<la_ssize_t>(size);
  };
  if (archive_write_open2(writer, &out, nullptr, append, nullptr, nullptr) != ARCHIVE_OK) {
    return Fail(ErrorCode::kSystem,
                "starting the zip: " + std::string(archive_error_string(writer)));
  }
  std::set<std::string> dirs;
  for (const std::string& relative : *files) {
    // Folders first, so every unzip tool creates them.
    fs::path parent = fs::path(relative).parent_path();
    std::vector<std::string> chain;
    for (fs::path p = parent; !p.empty(); p = p.parent_path()) chain.push_back(p.generic_string());
    chain.push_back("");
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      std::string dir = top + (it->empty() ? "" : "/" + *it) + "/";
      if (!dirs.insert(dir).second) continue;
      std::unique_ptr<struct archive_entry, void (*)(struct archive_entry*)> entry(
          archive_entry_new(), archive_entry_free);
      archive_entry_set_pathname(entry.get(), dir.c_str());
      archive_entry_set_filetype(entry.get(), AE_IFDIR);
      archive_entry_set_perm(entry.get(), 0755);
      archive_entry_set_mtime(entry.get(), 1577836800, 0);  // 2020-01-01: reproducible
      if (archive_write_header(writer, entry.get()) != ARCHIVE_OK) {
        return Fail(ErrorCode::kSystem, "zip: " + std::string(archive_error_string(writer)));
      }
    }
    std::string path = package_dir + "/" + relative;
    auto content = koodikoe::ReadFile(path, 1ull << 31);
    if (!content) return tl::unexpected(content.error());
    struct stat st {};
    bool executable = ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0111);
    std::unique_ptr<struct archive_entry, void (*)(struct archive_entry*)> entry(
        archive_entry_new(), archive_entry_free);
    std::string name = top + "/" + relative;
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), executable ? 0755 : 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(content->size()));
    archive_entry_set_mtime(entry.get(), 1577836800, 0);
    if (archive_write_header(writer, entry.get()) != ARCHIVE_OK ||
        archive_write_data(writer, content->data(), content->size()) !=
            static_cast<la_ssize_t>(content->size())) {
      return Fail(ErrorCode::kSystem,
                  "zip " + name + ": " + std::string(archive_error_string(writer)));
    }
  }
  if (archive_write_close(writer) != ARCHIVE_OK) {
    return Fail(ErrorCode::kSystem, "zip: " + std::string(archive_error_string(writer)));
  }
  return out;
}

Result<std::map<std::string, std::string>> FileHashes(const std::string& package_dir) {
  auto files = ListFiles(package_dir);
  if (!files) return tl::unexpected(files.error());
  std::map<std::string, std::string> hashes;
  for (const std::string& relative : *files) {
    auto content = koodikoe::ReadFile(package_dir + "/" + relative, 1ull << 31);
    if (!content) return tl::unexpected(content.error());
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest,
                       reinterpret_cast<const unsigned char*>(content->data()), content->size(),
                       nullptr, 0);
    hashes[relative] = Hex(digest, sizeof digest);
  }
  return hashes;
}

Result<std::string> ContentHash(const std::string& package_dir) {
  auto hashes = FileHashes(package_dir);
  if (!hashes) return tl::unexpected(hashes.error());
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  for (const auto& [relative, hash] : *hashes) {
    std::string line = relative + '\0' + hash + '\n';
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(line.data()),
                              line.size());
  }
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  return Hex(digest, sizeof digest);
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
  auto text = koodikoe::ReadFile(dir + "/version.json", 1u << 20);
  if (!text) return tl::unexpected(text.error());
  json meta = json::parse(*text, nullptr, false);
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
  if (!ValidId(id)) return versions;
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
    if (ValidId(name) && it->is_directory(ec)) ids.push_back(name);
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
  if (!ValidId(id)) {
    return Fail(ErrorCode::kInvalidArgument,
                "'" + id +
                    "' cannot be an exercise id: use lowercase letters, digits, '-', '_' "
                    "and '.', starting with a letter or digit, at most 64");
  }
  auto hash = ContentHash(package_dir);
  if (!hash) return tl::unexpected(hash.error());
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
  v.hash = *hash;
  v.package_dir = version_dir + "/" + id;
  v.author = author;
  v.origin = origin;
  v.created_at = UnixNow();
  // version.json last: a version without it is unfinished and ignored.
  json meta = {{"id", v.id},
               {"number", v.number},
               {"hash", v.hash},
               {"author", v.author},
               {"origin", v.origin},
               {"created_at", v.created_at},
               {"check", EncodeCheck(v.check)}};
  SetMeta(version_dir + "/version.json", meta);
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
  auto work = MakeIncoming(root_);
  if (!work) return tl::unexpected(work.error());
  std::string unpacked = work->path + "/zip";
  std::error_code ec;
  fs::create_directories(unpacked, ec);
  if (auto ok = UnpackZip(zip, unpacked, limits_); !ok) return tl::unexpected(ok.error());
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
  auto work = MakeIncoming(root_);
  if (!work) return tl::unexpected(work.error());
  std::string target = work->path + "/" + id;
  std::error_code ec;
  // Links are followed: the stored package holds plain files only.
  fs::copy(found[0], target, fs::copy_options::recursive, ec);
  if (ec) return Fail(ErrorCode::kSystem, "copying " + found[0] + ": " + ec.message());
  return StoreUnpacked(target, id, author, "import");
}

Result<StoredVersion> ExerciseStore::SaveVersion(
    const std::string& id, const std::string& base_dir, const std::string& author,
    const std::string& origin, const std::function<Result<void>(const std::string&)>& edit) {
  if (!ValidId(id)) {
    return Fail(ErrorCode::kInvalidArgument,
                "'" + id +
                    "' cannot be an exercise id: use lowercase letters, digits, '-', '_' "
                    "and '.', starting with a letter or digit, at most 64");
  }
  auto work = MakeIncoming(root_);
  if (!work) return tl::unexpected(work.error());
  std::string copy = work->path + "/" + id;
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
  if (auto edited = edit(copy); !edited) return tl::unexpected(edited.error());
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
