#include "koodikoe/files.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "koodikoe/tree_walk.h"

namespace koodikoe {

Result<std::string> ReadAll(int fd, size_t max_bytes) {
  std::string data;
  char buffer[65536];
  while (data.size() < max_bytes) {
    ssize_t n = ::read(fd, buffer, std::min(sizeof buffer, max_bytes - data.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FailErrno("read");
    if (n == 0) break;
    data.append(buffer, static_cast<size_t>(n));
  }
  return data;
}

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.ok()) return FailErrno("open " + path);
  auto data = ReadAll(fd.fd(), max_bytes);
  if (!data) return FailErrno(data.error().sys_errno, "read " + path);
  return data;
}

Result<void> WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FailErrno("write");
    data += n;
    size -= static_cast<size_t>(n);
  }
  return {};
}

Result<void> WriteFile(const std::string& path, const std::string& data) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!fd.ok()) return FailErrno("create " + path);
  auto written = WriteAll(fd.fd(), data.data(), data.size());
  if (!written) return FailErrno(written.error().sys_errno, "write " + path);
  return {};
}

Result<UniqueFd> OpenBeneath(int dir_fd, const std::string& relative, int flags, int mode) {
  open_how how{};
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
  how.mode = (flags & O_CREAT) ? static_cast<uint64_t>(mode) : 0;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
  long fd;
  do {
    fd = ::syscall(SYS_openat2, dir_fd, relative.c_str(), &how, sizeof how);
  } while (fd < 0 && errno == EAGAIN);
  if (fd < 0) return FailErrno("open " + relative + " (no symlinks followed)");
  return UniqueFd(static_cast<int>(fd));
}

Result<void> RemoveTree(const std::string& path) {
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  auto slash = trimmed.rfind('/');
  std::string parent =
      slash == std::string::npos ? "." : trimmed.substr(0, std::max<size_t>(slash, 1));
  std::string name = slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
  UniqueFd parent_fd(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!parent_fd.ok()) {
    if (errno == ENOENT) return {};
    return FailErrno("remove " + path + ": open " + parent);
  }
  // Fd-relative below the parent: no path is built, so no depth or PATH_MAX limit applies, and
  // no symlink the sandboxed program may have planted is followed.
  auto removed = RemoveTreeAt(parent_fd.fd(), name);
  if (!removed) {
    Error error = removed.error();
    error.context = "remove " + path + ": " + error.context;
    return tl::unexpected(error);
  }
  return {};
}

Result<uint64_t> ParseSize(const std::string& text) {
  if (text.empty()) return Fail(ErrorCode::kInvalidArgument, "empty size");
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (errno != 0 || end == text.c_str() || !(value >= 0) || !std::isfinite(value)) {
    return Fail(ErrorCode::kInvalidArgument, "not a size: '" + text + "' (try 256M or 1G)");
  }
  std::string suffix(end);
  double multiplier = 1;
  if (suffix == "" || suffix == "B")
    multiplier = 1;
  else if (suffix == "k" || suffix == "K" || suffix == "KiB")
    multiplier = 1024.0;
  else if (suffix == "M" || suffix == "MiB")
    multiplier = 1024.0 * 1024;
  else if (suffix == "G" || suffix == "GiB")
    multiplier = 1024.0 * 1024 * 1024;
  else
    return Fail(ErrorCode::kInvalidArgument, "unknown size unit in '" + text + "' (use K, M or G)");
  double bytes = value * multiplier;
  if (bytes > 9.0e18) return Fail(ErrorCode::kInvalidArgument, "size too large: '" + text + "'");
  return static_cast<uint64_t>(bytes);
}

Result<double> ParseSeconds(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || errno != 0 || *end != '\0' || !(value >= 0) || !std::isfinite(value) ||
      value > 86400) {
    return Fail(ErrorCode::kInvalidArgument,
                "not a number of seconds: '" + text + "' (try 1 or 0.5)");
  }
  return value;
}

Result<int> ParseCount(const std::string& flag, const std::string& text, int low, int high) {
  char* end = nullptr;
  errno = 0;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || errno != 0 || *end != '\0' || value < low || value > high) {
    return Fail(ErrorCode::kInvalidArgument, flag + " needs a number from " + std::to_string(low) +
                                                 " to " + std::to_string(high) + ", not '" + text +
                                                 "'");
  }
  return static_cast<int>(value);
}

}  // namespace koodikoe
