#include "box_files.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>

#include "box_disk.h"
#include "koodikoe/files.h"
#include "koodikoe/tree_walk.h"
#include "names.h"

namespace runner {
namespace {

LayoutEntry Dir(const std::string& target) {
  return {LayoutEntry::kDir, target, "", false, true, 0};
}
LayoutEntry Symlink(const std::string& target, const std::string& points_to) {
  return {LayoutEntry::kSymlink, target, points_to, false, true, 0};
}
LayoutEntry File(const std::string& target, const std::string& contents) {
  return {LayoutEntry::kFile, target, contents, false, false, 0};
}
LayoutEntry BindOf(const std::string& target, const std::string& source, bool writable, bool is_dir,
                   unsigned long flags) {
  return {LayoutEntry::kBind, target, source, writable, is_dir, flags};
}

std::string ReadLink(const std::string& path) {
  char buffer[4096];
  ssize_t n = ::readlink(path.c_str(), buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
}

// A read-only view of the host directory `lower` with inodes of its own: an overlay whose
// only real layer is it (an overlay needs two layers without an upper one: the second is
// empty). File locks (flock, fcntl) and inotify watches belong to an inode, so through the
// host's own inodes a box could signal every other box running at the same time.
LayoutEntry ReadOnlyView(const std::string& target, const std::string& lower) {
  return {LayoutEntry::kOverlay,
          target,
          "lowerdir=" + lower + ":" + kEmptyLayer,
          false,
          true,
          MS_RDONLY};
}

// How the box sees a host directory read-only: a view of its own where it can have one.
LayoutEntry ReadOnlyDir(const std::string& root, const std::string& path, bool views) {
  if (views) return ReadOnlyView(root + path, path);
  return BindOf(root + path, path, false, true, MS_NOSUID | MS_NODEV);
}

// /etc entries some toolchains need (Debian's alternatives links, the JDK's configuration,
// mono's and fpc's configuration); seen read-only when the host has them.
constexpr const char* kEtcBinds[] = {"alternatives", "java-17-openjdk", "mono",
                                     "fpc.cfg",      "fpc-3.2.2.cfg",   "ghc"};

}  // namespace

std::vector<LayoutEntry> BaseLayout(const std::string& root, bool privileged, bool views) {
  std::vector<LayoutEntry> layout;
  layout.push_back(ReadOnlyDir(root, "/usr", views));
  // Debian merges /bin, /lib... into /usr as symlinks; mirror whatever the host has.
  for (const char* top : {"bin", "sbin", "lib", "lib32", "lib64", "libx32"}) {
    std::string host = std::string("/") + top;
    struct stat info;
    if (::lstat(host.c_str(), &info) != 0) continue;
    if (S_ISLNK(info.st_mode)) {
      layout.push_back(Symlink(root + host, ReadLink(host)));
    } else if (S_ISDIR(info.st_mode)) {
      layout.push_back(ReadOnlyDir(root, host, views));
    }
  }

  layout.push_back(Dir(root + "/etc"));
  layout.push_back(File(root + "/etc/hosts", "127.0.0.1 localhost box\n::1 localhost box\n"));
  layout.push_back(
      File(root + "/etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files\n"));
  if (auto cache = koodikoe::ReadFile("/etc/ld.so.cache", 4u << 20)) {
    layout.push_back(File(root + "/etc/ld.so.cache", *cache));  // faster dynamic linking
  }
  if (std::string zone = ReadLink("/etc/localtime"); !zone.empty()) {
    layout.push_back(Symlink(root + "/etc/localtime", zone));
  }
  for (const char* name : kEtcBinds) {
    std::string host = std::string("/etc/") + name;
    struct stat info;
    if (::stat(host.c_str(), &info) != 0) continue;
    if (S_ISDIR(info.st_mode)) {
      layout.push_back(ReadOnlyDir(root, host, views));
    } else if (auto contents = koodikoe::ReadFile(host, 1u << 20); contents && views) {
      layout.push_back(File(root + host, *contents));  // a file of the box's own, like a view
    } else {
      layout.push_back(BindOf(root + host, host, false, false, MS_NOSUID | MS_NODEV));
    }
  }

  if (privileged) {
    layout.push_back({LayoutEntry::kTmpfs, root + "/dev", "size=64k,nr_inodes=64,mode=0755", false,
                      true, MS_NOEXEC});
  } else {
    layout.push_back(Dir(root + "/dev"));
  }
  for (const char* device : {"null", "zero", "random", "urandom"}) {
    std::string host = std::string("/dev/") + device;
    struct stat info {};
    if (privileged && ::stat(host.c_str(), &info) == 0 && S_ISCHR(info.st_mode)) {
      layout.push_back({LayoutEntry::kDevice, root + host, "", true, false, 0, info.st_rdev});
    } else {
      layout.push_back(BindOf(root + host, host, true, false, MS_NOSUID | MS_NOEXEC));
    }
  }
  layout.push_back(Symlink(root + "/dev/fd", "/proc/self/fd"));
  layout.push_back(Symlink(root + "/dev/stdin", "/proc/self/fd/0"));
  layout.push_back(Symlink(root + "/dev/stdout", "/proc/self/fd/1"));
  layout.push_back(Symlink(root + "/dev/stderr", "/proc/self/fd/2"));
  layout.push_back(Symlink(root + "/dev/shm", "/tmp"));  // shared memory counts as /tmp
  layout.push_back({LayoutEntry::kProc, root + "/proc", "", false, true, 0});
  return layout;
}

void AddUserFiles(std::vector<LayoutEntry>& layout, const std::string& root, uid_t uid) {
  std::string id = std::to_string(uid);
  layout.push_back(File(root + "/etc/passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\nbox:x:" +
                                                  id + ":" + id + ":box:/box:/bin/sh\n"));
  layout.push_back(File(root + "/etc/group", "root:x:0:\nbox:x:" + id + ":\n"));
}

void AddTmp(std::vector<LayoutEntry>& layout, const std::string& root, uint64_t bytes) {
  std::string size = bytes ? std::to_string(bytes) : "50%";
  layout.push_back({LayoutEntry::kTmpfs, root + "/tmp",
                    "size=" + size + ",nr_inodes=65536,mode=1777", false, true, MS_NODEV});
}

LayoutEntry AttachDisk(const std::string& root, int disk_fd) {
  LayoutEntry disk{LayoutEntry::kAttach, root + "/.disk", "", true, true, 0};
  disk.mount_fd = disk_fd;
  return disk;
}

void AddDiskDetach(std::vector<LayoutEntry>& layout, const std::string& root) {
  layout.push_back({LayoutEntry::kDetach, root + "/.disk", "", false, true, 0});
}

void AddBoxDisk(std::vector<LayoutEntry>& layout, const std::string& root,
                const std::string& source, int dir_fd) {
  layout.push_back(BindOf(root + "/tmp", root + "/.disk/tmp", true, true, MS_NOSUID | MS_NODEV));
  if (source.empty()) {
    layout.push_back(Dir(root + "/box"));
  } else {
    LayoutEntry lower = BindOf(root + "/.lower", source, false, true, MS_NOSUID | MS_NODEV);
    lower.same_as_fd = dir_fd;
    layout.push_back(lower);
    layout.push_back({LayoutEntry::kOverlay, root + "/box", kBoxOverlayOptions, true, true, 0});
    layout.push_back({LayoutEntry::kDetach, root + "/.lower", "", false, true, 0});
  }
}

void AddBoxBind(std::vector<LayoutEntry>& layout, const std::string& root,
                const std::string& source, int dir_fd) {
  LayoutEntry entry = BindOf(root + "/box", source, true, true, MS_NOSUID | MS_NODEV);
  entry.same_as_fd = dir_fd;
  layout.push_back(entry);
}

void AddBind(std::vector<LayoutEntry>& layout, const std::string& root, const Bind& bind,
             bool views) {
  std::filesystem::path inside(bind.inside);
  std::vector<std::string> parents;
  for (auto dir = inside.parent_path(); dir != dir.root_path(); dir = dir.parent_path()) {
    parents.push_back(dir.string());
  }
  for (auto it = parents.rbegin(); it != parents.rend(); ++it) layout.push_back(Dir(root + *it));
  struct stat info {};
  bool is_dir = ::stat(bind.host.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
  // Absolute: the child works from the new root, not from the caller's directory.
  std::string host = std::filesystem::absolute(bind.host).string();
  if (views && is_dir && !bind.writable) {
    // A view of its own, its layer staged under a name of ours: the host path would show in
    // the box's /proc/self/mountinfo otherwise.
    layout.push_back(BindOf(root + "/" + kStagedLayer, host, false, true, MS_NOSUID | MS_NODEV));
    layout.push_back(ReadOnlyView(root + bind.inside, kStagedLayer));
    layout.push_back({LayoutEntry::kDetach, root + "/" + kStagedLayer, "", false, true, 0});
    return;
  }
  layout.push_back(BindOf(root + bind.inside, host, bind.writable, is_dir, MS_NOSUID | MS_NODEV));
}

koodikoe::Result<void> CheckBind(const Bind& bind) {
  std::string inside = std::filesystem::path(bind.inside).lexically_normal().string();
  if (bind.inside.empty() || bind.inside[0] != '/' || inside != bind.inside) {
    return Fail(ErrorCode::kInvalidArgument,
                "bind target '" + bind.inside + "' must be a plain absolute path");
  }
  for (const char* reserved : {"/box", "/proc", "/dev", "/etc"}) {
    std::string prefix = reserved;
    if (inside == "/" || inside == prefix || inside.rfind(prefix + "/", 0) == 0) {
      return Fail(ErrorCode::kInvalidArgument,
                  "bind target '" + inside + "' would cover the box's own " + prefix);
    }
  }
  if (::access(bind.host.c_str(), F_OK) != 0) return FailErrno("bind source " + bind.host);
  return {};
}

koodikoe::Result<UniqueFd> OpenBoxDir(const std::string& path, bool hand_over, uid_t uid, gid_t gid,
                                      struct stat& owner) {
  UniqueFd dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!dir.ok()) return FailErrno("open box directory " + path);
  if (::fstat(dir.fd(), &owner) != 0) return FailErrno("stat box directory " + path);
  if (hand_over) {
    // Only the directory itself, through its fd: nothing inside is followed or changed.
    if (::fchown(dir.fd(), uid, gid) != 0) return FailErrno("hand " + path + " to the box user");
    if (::fchmod(dir.fd(), (owner.st_mode & 07777) | 0700) != 0) return FailErrno("chmod " + path);
  }
  return dir;
}

namespace {

// What a program may have left in the host directory it wrote: anything but regular files and
// directories goes; set-id bits go; everything is the owner's.
class BoxSweep : public koodikoe::TreeVisitor {
 public:
  BoxSweep(const struct stat& owner, bool privileged) : owner_(owner), privileged_(privileged) {}

  bool Visit(const koodikoe::WalkEntry& entry) override {
    const mode_t mode = entry.info.st_mode;
    if (!S_ISREG(mode) && !S_ISDIR(mode)) {
      (void)::unlinkat(entry.dir_fd, entry.name.c_str(), 0);
      return false;
    }
    bool foreign = entry.info.st_uid != owner_.st_uid || entry.info.st_gid != owner_.st_gid;
    if ((mode & (S_ISUID | S_ISGID)) || (privileged_ && foreign)) GiveBack(entry);
    return S_ISDIR(mode);
  }

 private:
  // Through an O_PATH fd checked to be the entry walked: never through a link put in its place.
  void GiveBack(const koodikoe::WalkEntry& entry) {
    UniqueFd fd(::openat(entry.dir_fd, entry.name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    struct stat info;
    if (!fd.ok() || ::fstat(fd.fd(), &info) != 0 || info.st_ino != entry.info.st_ino ||
        (info.st_mode & S_IFMT) != (entry.info.st_mode & S_IFMT)) {
      return;
    }
    if (privileged_) {
      (void)!::fchownat(fd.fd(), "", owner_.st_uid, owner_.st_gid, AT_EMPTY_PATH);
    }
    std::string self = "/proc/self/fd/" + std::to_string(fd.fd());
    (void)::chmod(self.c_str(), info.st_mode & 01777);  // set-id bits cleared
  }

  const struct stat owner_;
  const bool privileged_;
};

}  // namespace

koodikoe::Result<void> CleanBoxDir(int dir_fd, const struct stat& owner, bool privileged) {
  BoxSweep sweep(owner, privileged);
  auto swept = koodikoe::WalkTree(dir_fd, -1, sweep);
  if (privileged) {
    if (::fchown(dir_fd, owner.st_uid, owner.st_gid) != 0) return FailErrno("give the box back");
    if (::fchmod(dir_fd, owner.st_mode & 07777) != 0) return FailErrno("give the box back");
  }
  return swept;
}

}  // namespace runner
