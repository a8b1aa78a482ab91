#include "box_streams.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>

#include "koodikoe/files.h"

namespace runner {
namespace {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using koodikoe::FailErrno;
using koodikoe::UniqueFd;

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a fifo";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

bool IsDevNull(const struct stat& info) {
  return S_ISCHR(info.st_mode) && info.st_rdev == makedev(1, 3);
}

// A regular file (emptied for output, and back to blocking mode) or /dev/null, else an error.
koodikoe::Result<void> AcceptStreamFile(int fd, const std::string& path, bool output,
                                        const char* which) {
  struct stat info;
  if (::fstat(fd, &info) != 0) return FailErrno("stat " + std::string(which) + " " + path);
  if (IsDevNull(info)) return {};
  if (!S_ISREG(info.st_mode)) {
    return Fail(ErrorCode::kInvalidArgument, std::string(which) + " " + path + " is " +
                                                 KindOf(info.st_mode) +
                                                 ", not a regular file: refused");
  }
  if (output && ::ftruncate(fd, 0) != 0) return FailErrno("empty " + path);
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    return FailErrno("set " + path + " to blocking mode");
  }
  return {};
}

}  // namespace

std::string NormalPath(const std::string& path) {
  auto normal = std::filesystem::absolute(path).lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

bool IsBelow(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         path[dir.size()] == '/';
}

koodikoe::Result<UniqueFd> OpenStreamFile(const std::string& path, int box_fd,
                                          const std::string& box_path, bool output,
                                          const char* which) {
  // No O_TRUNC here: only a file found to be regular is emptied.
  const int flags = (output ? O_WRONLY | O_CREAT : O_RDONLY) | O_NONBLOCK | O_CLOEXEC;
  std::string normal = NormalPath(path);
  UniqueFd fd;
  if (box_fd >= 0 && IsBelow(normal, box_path)) {
    auto opened = koodikoe::OpenBeneath(box_fd, normal.substr(box_path.size() + 1), flags, 0644);
    if (!opened) return tl::unexpected(opened.error());
    fd = std::move(*opened);
  } else {
    fd = UniqueFd(::open(normal.c_str(), flags | O_NOFOLLOW, 0644));
    if (!fd.ok()) return FailErrno("open " + std::string(which) + " " + normal);
  }
  if (auto ok = AcceptStreamFile(fd.fd(), normal, output, which); !ok) {
    return tl::unexpected(ok.error());
  }
  return fd;
}

koodikoe::Result<void> RefuseTerminal(int fd, const char* which) {
  if (::isatty(fd)) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(which) +
                    " is a terminal, which a box never gets: give a file, "
                    "a pipe or /dev/null");
  }
  return {};
}

}  // namespace runner
