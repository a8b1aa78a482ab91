#include "box_disk.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "koodikoe/tree_walk.h"
#include "names.h"

namespace runner {
namespace {

using koodikoe::WalkEntry;

Result<void> SetOption(int fs, const char* key, const std::string& value) {
  if (::fsconfig(fs, FSCONFIG_SET_STRING, key, value.c_str(), 0) != 0) {
    return FailErrno(std::string("tmpfs option ") + key + "=" + value);
  }
  return {};
}

Result<void> MakeDir(int parent, const char* name, mode_t mode, uid_t uid, gid_t gid) {
  if (::mkdirat(parent, name, 0700) != 0) return FailErrno(std::string("mkdir ") + name);
  if (::fchownat(parent, name, uid, gid, AT_SYMLINK_NOFOLLOW) != 0 ||
      ::fchmodat(parent, name, mode, 0) != 0) {
    return FailErrno(std::string("set the owner of ") + name);
  }
  return {};
}

// The copy of one entry, data extents only: a sparse file stays sparse (a hole of a 60 GiB
// file costs the box nothing, and must not cost the host's disk either).
Result<void> CopyData(int source, int target, off_t size) {
  off_t offset = 0;
  while (offset < size) {
    off_t data = ::lseek(source, offset, SEEK_DATA);
    if (data < 0 && errno == ENXIO) break;  // only a hole is left
    if (data < 0) return FailErrno("seek data");
    off_t hole = ::lseek(source, data, SEEK_HOLE);
    if (hole < 0) hole = size;
    if (::lseek(target, data, SEEK_SET) < 0) return FailErrno("seek");
    off_t in = data;
    while (in < hole) {
      ssize_t sent = ::sendfile(target, source, &in, static_cast<size_t>(hole - in));
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0) return FailErrno("copy");
      if (sent == 0) break;  // shorter than it said: keep what there is
    }
    offset = hole;
  }
  if (::ftruncate(target, size) != 0) return FailErrno("set size");
  return {};
}

bool IsOpaque(int dir_fd, const std::string& name) {
  UniqueFd dir(::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  char value = 0;
  return dir.ok() && ::fgetxattr(dir.fd(), "trusted.overlay.opaque", &value, 1) == 1 &&
         value == 'y';
}

// Mirrors the upper layer of /box into the host directory, as the walk's companion.
class UpperCopy : public koodikoe::TreeVisitor {
 public:
  UpperCopy(uid_t uid, gid_t gid) : uid_(uid), gid_(gid), root_(::geteuid() == 0) {}

  bool Visit(const WalkEntry& entry) override {
    if (entry.companion_fd < 0) return false;  // below a host directory that could not be made
    if (S_ISDIR(entry.info.st_mode)) return true;
    if (S_ISREG(entry.info.st_mode)) {
      Note(CopyFile(entry), entry.name);
    } else {
      // A whiteout (the program removed the name), or a link, fifo, socket or device, which
      // the host never gets: either way the host's entry of that name goes.
      Note(koodikoe::RemoveTreeAt(entry.companion_fd, entry.name), entry.name);
    }
    return false;
  }

  UniqueFd Companion(const WalkEntry& entry) override {
    auto dir = HostDir(entry);
    if (!dir) {
      Note(tl::unexpected(dir.error()), entry.name);
      return UniqueFd();
    }
    return std::move(*dir);
  }

  Result<void> result() const { return first_error_; }

 private:
  // The host directory matching an upper one: made if missing (or if a file had the name),
  // emptied if the program replaced the directory with a new one (an opaque upper dir).
  Result<UniqueFd> HostDir(const WalkEntry& entry) {
    const char* name = entry.name.c_str();
    struct stat host;
    bool exists = ::fstatat(entry.companion_fd, name, &host, AT_SYMLINK_NOFOLLOW) == 0;
    if (exists && !S_ISDIR(host.st_mode)) {
      if (auto ok = koodikoe::RemoveTreeAt(entry.companion_fd, entry.name); !ok) {
        return tl::unexpected(ok.error());
      }
      exists = false;
    }
    if (!exists && ::mkdirat(entry.companion_fd, name, 0700) != 0) return FailErrno("mkdir");
    UniqueFd dir(
        ::openat(entry.companion_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.ok()) return FailErrno("open");
    if (!exists) {
      if ((root_ && ::fchown(dir.fd(), uid_, gid_) != 0) ||
          ::fchmod(dir.fd(), entry.info.st_mode & 0777) != 0) {
        return FailErrno("set the owner");
      }
    } else if (IsOpaque(entry.dir_fd, entry.name)) {
      if (auto ok = koodikoe::RemoveContents(dir.fd()); !ok) return tl::unexpected(ok.error());
    }
    return dir;
  }

  // A new file in place of the host's: an existing name may be a hard link to a file
  // elsewhere (the caller's test data), which writing in place would change too.
  Result<void> CopyFile(const WalkEntry& entry) {
    UniqueFd source(
        ::openat(entry.dir_fd, entry.name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat info;
    if (!source.ok() || ::fstat(source.fd(), &info) != 0) return FailErrno("open");
    if (!S_ISREG(info.st_mode)) return {};
    if (auto ok = koodikoe::RemoveTreeAt(entry.companion_fd, entry.name); !ok) return ok;
    UniqueFd target(::openat(entry.companion_fd, entry.name.c_str(),
                             O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!target.ok()) return FailErrno("create");
    if (auto ok = CopyData(source.fd(), target.fd(), info.st_size); !ok) return ok;
    const timespec times[2] = {info.st_atim, info.st_mtim};
    if ((root_ && ::fchown(target.fd(), uid_, gid_) != 0) ||
        ::fchmod(target.fd(), info.st_mode & 0777) != 0 || ::futimens(target.fd(), times) != 0) {
      return FailErrno("set the owner");
    }
    return {};
  }

  void Note(const Result<void>& done, const std::string& name) {
    if (done || !first_error_) return;
    koodikoe::Error error = done.error();
    error.context = "copy " + name + " out of the box: " + error.context;
    first_error_ = tl::unexpected(error);
  }

  const uid_t uid_;
  const gid_t gid_;
  const bool root_;
  Result<void> first_error_;
};

}  // namespace

Result<void> BoxDisk::Probe() {
  for (const char* type : {"tmpfs", "overlay"}) {
    UniqueFd fs(::fsopen(type, FSOPEN_CLOEXEC));
    if (!fs.ok()) return FailErrno(std::string("fsopen ") + type);
  }
  return {};
}

Result<BoxDisk> BoxDisk::Create(uint64_t bytes, uid_t uid, gid_t gid, mode_t box_mode) {
  UniqueFd fs(::fsopen("tmpfs", FSOPEN_CLOEXEC));
  if (!fs.ok()) return FailErrno("fsopen tmpfs for the box's disk");
  if (bytes > 0) {
    if (auto ok = SetOption(fs.fd(), "size", std::to_string(bytes)); !ok)
      return tl::unexpected(ok.error());
    if (auto ok = SetOption(fs.fd(), "nr_inodes", "65536"); !ok) return tl::unexpected(ok.error());
  }
  if (auto ok = SetOption(fs.fd(), "mode", "0755"); !ok) return tl::unexpected(ok.error());
  if (::fsconfig(fs.fd(), FSCONFIG_CMD_CREATE, nullptr, nullptr, 0) != 0) {
    return FailErrno("create the box's disk");
  }
  BoxDisk disk;
  disk.bytes_ = bytes;
  disk.mount_ = UniqueFd(::fsmount(fs.fd(), FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV));
  if (!disk.mount_.ok()) return FailErrno("fsmount the box's disk");
  const int root = disk.mount_.fd();
  // empty/: the second layer of the box's read-only views (box_files.h).
  for (auto made : {MakeDir(root, "upper", box_mode, uid, gid), MakeDir(root, "work", 0700, 0, 0),
                    MakeDir(root, "tmp", 01777, 0, 0), MakeDir(root, "empty", 0755, 0, 0)}) {
    if (!made) return tl::unexpected(made.error());
  }
  return disk;
}

bool BoxDisk::Full() const {
  struct statfs info;
  if (bytes_ == 0 || ::fstatfs(mount_.fd(), &info) != 0) return false;
  return info.f_bavail == 0 || info.f_ffree == 0;
}

Result<void> BoxDisk::CopyOut(int box_fd, uid_t uid, gid_t gid) const {
  UniqueFd upper(::openat(mount_.fd(), "upper", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!upper.ok()) return FailErrno("open the box's upper layer");
  UpperCopy copy(uid, gid);
  if (auto walked = koodikoe::WalkTree(upper.fd(), box_fd, copy); !walked) return walked;
  return copy.result();
}

}  // namespace runner
