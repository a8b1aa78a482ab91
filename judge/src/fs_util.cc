#include "fs_util.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "koodikoe/dir_handle.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "koodikoe/unique_fd.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using koodikoe::FailErrno;
using koodikoe::UniqueFd;

static_assert(sizeof(crypto_generichash_state) <= 384, "Hasher state buffer too small");

Result<std::string> MakeTempDir(const std::string& parent, const std::string& prefix) {
  KOODIKOE_TRY_VOID(MakeDirs(parent));
  std::string pattern = parent + "/" + prefix + "XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) return FailErrno("create a directory in " + parent);
  ::chmod(pattern.c_str(), 0755);
  return pattern;
}

Result<void> MakeDirs(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) return Fail(ErrorCode::kSystem, "create " + path + ": " + error.message());
  return {};
}

bool PathExists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

Result<void> CopyFile(const std::string& from, const std::string& to) {
  UniqueFd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (!in.ok()) return FailErrno("open " + from);
  struct stat st;
  if (::fstat(in.fd(), &st) != 0) return FailErrno("stat " + from);
  mode_t mode = (st.st_mode & 0111) ? 0755 : 0644;
  ::unlink(to.c_str());
  UniqueFd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
  if (!out.ok()) return FailErrno("create " + to);
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(in.fd(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FailErrno("read " + from);
    if (n == 0) break;
    if (auto ok = koodikoe::WriteAll(out.fd(), buffer, static_cast<size_t>(n)); !ok) {
      return FailErrno("write " + to);
    }
  }
  ::fchmod(out.fd(), mode);  // not narrowed by the umask
  return {};
}

Result<void> CopyTree(const std::string& from, const std::string& to) {
  KOODIKOE_TRY(auto names, koodikoe::ListNames(from));
  for (const std::string& name : names) {
    if (name[0] == '.') continue;
    std::string source = from + "/" + name;
    std::string target = to + "/" + name;
    struct stat st;
    if (::stat(source.c_str(), &st) != 0) return FailErrno("stat " + source);
    if (S_ISDIR(st.st_mode)) {
      if (::mkdir(target.c_str(), 0755) != 0 && errno != EEXIST)
        return FailErrno("mkdir " + target);
      ::chmod(target.c_str(), 0755);
      KOODIKOE_TRY_VOID(CopyTree(source, target));
    } else if (S_ISREG(st.st_mode)) {
      KOODIKOE_TRY_VOID(CopyFile(source, target));
    }
  }
  return {};
}

namespace {

void OpenUpDir(int dir_fd, bool writable, int depth) {
  if (depth > 32) return;
  auto names = koodikoe::ListNames(dir_fd);
  if (!names) return;
  for (const std::string& name : *names) {
    struct stat st;
    if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      UniqueFd child(
          ::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (!child.ok()) continue;
      ::fchmod(child.fd(), writable ? 0777 : 0755);
      OpenUpDir(child.fd(), writable, depth + 1);
    } else if (S_ISREG(st.st_mode) && st.st_nlink == 1) {
      UniqueFd file(::openat(dir_fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
      if (!file.ok()) continue;
      mode_t mode = (st.st_mode & 0111) ? 0755 : 0644;
      if (writable) mode |= 0666;
      ::fchmod(file.fd(), mode);
    } else {
      // Symlinks, hard links to elsewhere, fifos and devices have no business in a result.
      ::unlinkat(dir_fd, name.c_str(), 0);
    }
  }
}

}  // namespace

void OpenUpTree(const std::string& path, bool writable) {
  UniqueFd dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!dir.ok()) return;
  ::fchmod(dir.fd(), writable ? 0777 : 0755);
  OpenUpDir(dir.fd(), writable, 0);
}

std::string ReadBeneath(const std::string& dir, const std::string& name, size_t max_bytes) {
  UniqueFd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir_fd.ok()) return "";
  auto file = koodikoe::OpenBeneath(dir_fd.fd(), name, O_RDONLY | O_NONBLOCK);
  if (!file) return "";
  struct stat st;
  if (::fstat(file->fd(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  auto data = koodikoe::ReadAll(file->fd(), max_bytes);
  return data ? *data : "";
}

Hasher::Hasher() {
  static const bool initialised = sodium_init() >= 0;
  (void)initialised;
  crypto_generichash_init(reinterpret_cast<crypto_generichash_state*>(state_), nullptr, 0, 32);
}

void Hasher::Add(const std::string& bytes) {
  crypto_generichash_update(reinterpret_cast<crypto_generichash_state*>(state_),
                            reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

void Hasher::AddField(const std::string& bytes) {
  Add(std::to_string(bytes.size()) + ":");
  Add(bytes);
}

Result<void> Hasher::AddFile(const std::string& path) {
  KOODIKOE_TRY(auto data, koodikoe::ReadFile(path, 256u << 20));
  AddField(data);
  return {};
}

std::string Hasher::HexDigest() {
  unsigned char digest[32];
  crypto_generichash_final(reinterpret_cast<crypto_generichash_state*>(state_), digest,
                           sizeof digest);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Result<void> MakeBoxDirs(std::initializer_list<std::string> paths) {
  for (const std::string& dir : paths) {
    KOODIKOE_TRY_VOID(MakeDirs(dir));
    ::chmod(dir.c_str(), 0755);
  }
  return {};
}

void RemoveWorkDir(const std::string& path) {
  if (!path.empty() && std::getenv("KOODIKOE_KEEP_WORK") == nullptr) {
    (void)koodikoe::RemoveTree(path);
  }
}

}  // namespace judge
