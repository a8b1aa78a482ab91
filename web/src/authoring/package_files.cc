// Packages as files: .zip archives in and out, content hashes, and the UTF-8 check of names
// and text.
#include "authoring/package_files.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>

#include "authoring/exercise_store.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "koodikoe/unique_fd.h"

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

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

namespace {

auto Refuse(const std::string& name, const std::string& why) {
  return Fail(ErrorCode::kInvalidArgument, "zip entry '" + name + "': " + why);
}

// The entry's path with trailing slashes taken off, if it is safe to create below the target.
Result<std::string> CheckedEntryPath(const std::string& name) {
  if (!name.empty() && name[0] == '/') {
    return Refuse(name, "an absolute path; a package's paths are relative to its folder");
  }
  if (!ValidUtf8(name)) {
    return Refuse(name, "the name is not UTF-8; pack the zip with a tool that writes UTF-8 names");
  }
  std::string trimmed = name;
  while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
  if (!ExerciseStore::SafeRelativePath(trimmed)) {
    return Refuse(name,
                  "an unsafe path (\"..\", a drive letter, a backslash or a control "
                  "character); it could write outside the package");
  }
  return trimmed;
}

// Refuses what is not a plain file of an allowed size.
Result<void> CheckFileEntry(struct archive_entry* entry, const std::string& name,
                            const UploadLimits& limits) {
  auto type = archive_entry_filetype(entry);
  // Links could point anywhere on the server; packages do not need them.
  if (type == AE_IFLNK || archive_entry_symlink(entry) != nullptr) {
    return Refuse(name, "a symbolic link; packages hold plain files only");
  }
  if (archive_entry_hardlink(entry) != nullptr) {
    return Refuse(name, "a hard link; packages hold plain files only");
  }
  if (type != AE_IFREG) return Refuse(name, "a special file; packages hold plain files only");
  if (archive_entry_size_is_set(entry) &&
      static_cast<uint64_t>(archive_entry_size(entry)) > limits.max_file_bytes) {
    return Refuse(name, "unpacks to " + std::to_string(archive_entry_size(entry) >> 20) +
                            " MiB; one file may be at most " +
                            std::to_string(limits.max_file_bytes >> 20) + " MiB");
  }
  return {};
}

// Refuses a file or a whole archive that has grown over the caps.
Result<void> CheckGrowth(struct archive* reader, const std::string& name, uint64_t file_bytes,
                         uint64_t total, const UploadLimits& limits) {
  if (file_bytes > limits.max_file_bytes) {
    return Refuse(name, "unpacks to more than " + std::to_string(limits.max_file_bytes >> 20) +
                            " MiB; one file may be at most that");
  }
  if (total > limits.max_total_bytes) {
    return Refuse(name, "the zip unpacks to more than " +
                            std::to_string(limits.max_total_bytes >> 20) +
                            " MiB in all; split the package or make the tests smaller");
  }
  uint64_t consumed =
      static_cast<uint64_t>(std::max<la_int64_t>(archive_filter_bytes(reader, -1), 1));
  if (total > limits.ratio_floor_bytes && total / consumed > limits.max_ratio) {
    return Refuse(name, "the zip expands more than " + std::to_string(limits.max_ratio) +
                            " times its size (a zip bomb?)");
  }
  return {};
}

Result<void> CheckTextIsUtf8(const std::string& name, const std::string& content) {
  size_t bad = 0;
  if (ValidUtf8(content, &bad)) return {};
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(content[bad]));
  return Refuse(name, std::string("not UTF-8 text (byte ") + hex + " at offset " +
                          std::to_string(bad) +
                          "); save it as UTF-8 (Latin-1 or Windows-1252 editors write "
                          "ä and ö differently)");
}

// Writes the current entry's data to a new file at `path`, adding its size to `total`.
Result<void> UnpackFile(struct archive* reader, const std::string& name, const std::string& trimmed,
                        const fs::path& path, const UploadLimits& limits, uint64_t& total) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  koodikoe::UniqueFd out(
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (!out.ok()) {
    if (errno == EEXIST) return Refuse(name, "appears twice in the zip");
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
    KOODIKOE_TRY_VOID(CheckGrowth(reader, name, file_bytes, total, limits));
    if (text) content.append(buffer, static_cast<size_t>(got));
    KOODIKOE_TRY_VOID(koodikoe::WriteAll(out.fd(), buffer, static_cast<size_t>(got)));
  }
  if (got < 0) {
    const char* why = archive_error_string(reader);
    return Refuse(name, std::string("damaged: ") + (why ? why : "unreadable"));
  }
  return text ? CheckTextIsUtf8(name, content) : Result<void>{};
}

}  // namespace

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
  while ((rc = archive_read_next_header(reader, &entry)) == ARCHIVE_OK) {
    const char* raw_name = archive_entry_pathname(entry);
    std::string name = raw_name ? raw_name : "";
    if (++entries > limits.max_entries) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the zip has more than " + std::to_string(limits.max_entries) + " entries");
    }
    KOODIKOE_TRY(auto trimmed, CheckedEntryPath(name));
    fs::path path = fs::path(target) / trimmed;
    if (archive_entry_filetype(entry) == AE_IFDIR) {
      std::error_code ec;
      fs::create_directories(path, ec);
      continue;
    }
    KOODIKOE_TRY_VOID(CheckFileEntry(entry, name, limits));
    KOODIKOE_TRY_VOID(UnpackFile(reader, name, trimmed, path, limits, total));
  }
  if (rc != ARCHIVE_EOF) {
    const char* why = archive_error_string(reader);
    return Fail(ErrorCode::kInvalidArgument,
                std::string("the zip cannot be read: ") + (why ? why : "unknown error"));
  }
  return {};
}

Result<std::string> ExportZip(const std::string& package_dir) {
  KOODIKOE_TRY(auto files, ListFiles(package_dir));
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
  for (const std::string& relative : files) {
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
    KOODIKOE_TRY(auto content, koodikoe::ReadFile(path, 1ull << 31));
    struct stat st {};
    bool executable = ::stat(path.c_str(), &st) == 0 && (st.st_mode & 0111);
    std::unique_ptr<struct archive_entry, void (*)(struct archive_entry*)> entry(
        archive_entry_new(), archive_entry_free);
    std::string name = top + "/" + relative;
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), executable ? 0755 : 0644);
    archive_entry_set_size(entry.get(), static_cast<la_int64_t>(content.size()));
    archive_entry_set_mtime(entry.get(), 1577836800, 0);
    if (archive_write_header(writer, entry.get()) != ARCHIVE_OK ||
        archive_write_data(writer, content.data(), content.size()) !=
            static_cast<la_ssize_t>(content.size())) {
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
  KOODIKOE_TRY(auto files, ListFiles(package_dir));
  std::map<std::string, std::string> hashes;
  for (const std::string& relative : files) {
    KOODIKOE_TRY(auto content, koodikoe::ReadFile(package_dir + "/" + relative, 1ull << 31));
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest,
                       reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                       nullptr, 0);
    hashes[relative] = Hex(digest, sizeof digest);
  }
  return hashes;
}

Result<std::string> ContentHash(const std::string& package_dir) {
  KOODIKOE_TRY(auto hashes, FileHashes(package_dir));
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  for (const auto& [relative, hash] : hashes) {
    std::string line = relative + '\0' + hash + '\n';
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(line.data()),
                              line.size());
  }
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  return Hex(digest, sizeof digest);
}

}  // namespace web
