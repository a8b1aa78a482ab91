#include "koodikoe/dir_handle.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "koodikoe/unique_fd.h"

namespace koodikoe {

Result<DirHandle> DirHandle::Open(int dir_fd) {
  // "." reopens the directory itself: a dup would share the caller's read offset.
  UniqueFd own(::openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!own.ok()) return FailErrno("open directory");
  DIR* dir = ::fdopendir(own.fd());
  if (!dir) return FailErrno("fdopendir");
  (void)own.Release();  // the stream owns it now
  return DirHandle(dir);
}

const dirent* DirHandle::Next() {
  if (!dir_) return nullptr;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir_);
    if (!entry) {
      error_ = errno;
      return nullptr;
    }
    const char* name = entry->d_name;
    if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0) return entry;
  }
}

Result<std::vector<std::string>> ListNames(int dir_fd) {
  auto dir = DirHandle::Open(dir_fd);
  if (!dir) return tl::unexpected(dir.error());
  std::vector<std::string> names;
  while (const dirent* entry = dir->Next()) names.emplace_back(entry->d_name);
  if (dir->failed()) return FailErrno(dir->error(), "read directory");
  return names;
}

Result<std::vector<std::string>> ListNames(const std::string& path) {
  UniqueFd dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) return FailErrno("open directory " + path);
  auto names = ListNames(dir.fd());
  if (!names) return FailErrno(names.error().sys_errno, "read directory " + path);
  return names;
}

}  // namespace koodikoe
