#include "box_streams.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>

#include "box.h"
#include "koodikoe/files.h"
#include "names.h"

namespace runner {
namespace {

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

namespace {

Result<int> OpenInput(const Stream& stream, const Box& box, const std::string& box_path,
                      std::vector<UniqueFd>& child_ends) {
  UniqueFd fd;
  if (std::holds_alternative<Inherit>(stream)) {
    if (auto ok = RefuseTerminal(0, "stdin"); !ok) return tl::unexpected(ok.error());
    fd = UniqueFd(::fcntl(0, F_DUPFD_CLOEXEC, 3));
  } else if (const auto* file = std::get_if<FilePath>(&stream)) {
    auto opened = OpenStreamFile(file->path, box.box_dir.fd(), box_path, false, "stdin");
    if (!opened) return tl::unexpected(opened.error());
    fd = std::move(*opened);
  } else if (const auto* descriptor = std::get_if<Descriptor>(&stream)) {
    if (auto ok = RefuseTerminal(descriptor->fd, "stdin"); !ok) return tl::unexpected(ok.error());
    return descriptor->fd;
  } else {
    fd = UniqueFd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  }
  if (!fd.ok()) return FailErrno("open stdin");
  child_ends.push_back(std::move(fd));
  return child_ends.back().fd();
}

Result<int> OpenOutput(const Stream& stream, Box& box, int which, const std::string& box_path,
                       std::vector<UniqueFd>& child_ends) {
  const char* name = which == 0 ? "stdout" : "stderr";
  if (const auto* descriptor = std::get_if<Descriptor>(&stream)) {
    if (auto ok = RefuseTerminal(descriptor->fd, name); !ok) return tl::unexpected(ok.error());
    return descriptor->fd;
  }
  if (std::holds_alternative<NullStream>(stream)) {
    child_ends.emplace_back(::open("/dev/null", O_WRONLY | O_CLOEXEC));
    if (!child_ends.back().ok()) return FailErrno("open /dev/null");
    return child_ends.back().fd();
  }
  // Everything else goes through a pipe we relay and count: the program never holds the
  // destination (a terminal, or a file it could grow past the cap).
  Relay& relay = box.relays[which];
  if (std::holds_alternative<Capture>(stream)) {
    relay.captured = which == 0 ? &box.outcome.stdout_data : &box.outcome.stderr_data;
  } else if (const auto* file = std::get_if<FilePath>(&stream)) {
    auto opened = OpenStreamFile(file->path, box.box_dir.fd(), box_path, true, name);
    if (!opened) return tl::unexpected(opened.error());
    relay.owned_destination = std::move(*opened);
    relay.destination = relay.owned_destination.fd();
  } else {
    relay.destination = which == 0 ? 1 : 2;
  }
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return FailErrno("pipe for output");
  relay.source = UniqueFd(pipe_fds[0]);
  child_ends.emplace_back(pipe_fds[1]);
  return pipe_fds[1];
}

}  // namespace

Result<void> OpenStreams(const RunSpec& spec, Box& box, ChildPlan& plan,
                         std::vector<UniqueFd>& child_ends) {
  std::string box_path = spec.box_dir.empty() ? "" : NormalPath(spec.box_dir);
  auto in = OpenInput(spec.stdin_stream, box, box_path, child_ends);
  if (!in) return tl::unexpected(in.error());
  auto out = OpenOutput(spec.stdout_stream, box, 0, box_path, child_ends);
  if (!out) return tl::unexpected(out.error());
  auto err = OpenOutput(spec.stderr_stream, box, 1, box_path, child_ends);
  if (!err) return tl::unexpected(err.error());
  plan.stdin_fd = *in;
  plan.stdout_fd = *out;
  plan.stderr_fd = *err;
  return {};
}

}  // namespace runner
