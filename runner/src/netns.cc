#include "netns.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <linux/nsfs.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "names.h"

namespace runner {

namespace {

bool IsNetworkNamespace(int fd) {
  struct statfs info;
  return ::fstatfs(fd, &info) == 0 && info.f_type == NSFS_MAGIC &&
         ::ioctl(fd, NS_GET_NSTYPE) == CLONE_NEWNET;
}

}  // namespace

UniqueFd OpenPinnedNetns(const std::string& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.ok() && IsNetworkNamespace(fd.fd())) return fd;
  return UniqueFd();
}

koodikoe::Result<UniqueFd> PinNetnsOf(pid_t pid, const std::string& path) {
  std::string source = "/proc/" + std::to_string(pid) + "/ns/net";
  UniqueFd fd(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.ok()) return FailErrno("open " + source);
  UniqueFd placeholder(::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0400));
  if (!placeholder.ok()) return FailErrno("create " + path);
  ::umount2(path.c_str(), MNT_DETACH | UMOUNT_NOFOLLOW);  // a stale pin of a crashed run
  if (::mount(source.c_str(), path.c_str(), nullptr, MS_BIND, nullptr) != 0) {
    return FailErrno("pin the network namespace at " + path);
  }
  return fd;
}

}  // namespace runner
