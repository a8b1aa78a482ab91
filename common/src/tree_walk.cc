#include "koodikoe/tree_walk.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <utility>
#include <vector>

#include "koodikoe/dir_handle.h"

namespace koodikoe {
namespace {

struct Identity {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const Identity&) const = default;
};

Identity IdentityOf(const struct stat& info) { return {info.st_dev, info.st_ino}; }

// One directory on the way down. Only the deepest level holds its fds open; the others keep
// who they are, to check the climb back, and what is left to visit.
struct Level {
  UniqueFd fd;
  UniqueFd companion;  // may stay open above the deepest level: see Descend
  Identity id, companion_id;
  bool has_companion = false;
  std::vector<std::string> names;
  size_t next = 0;
  std::string name;  // in its parent
  struct stat info {};
};

Result<Identity> IdentityOfFd(int fd) {
  struct stat info;
  if (::fstat(fd, &info) != 0) return FailErrno("stat directory");
  return IdentityOf(info);
}

// Opens `name` below `parent`, which must still be the directory `expected` describes.
UniqueFd OpenSameDir(int parent, const std::string& name, const struct stat& expected) {
  UniqueFd fd(::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!fd.ok()) return fd;
  auto id = IdentityOfFd(fd.fd());
  if (id && *id == IdentityOf(expected)) return fd;
  errno = ESTALE;
  return UniqueFd();
}

// The parent of `child`, which must be `expected`: something moved the tree otherwise, and
// going on could leave it.
Result<UniqueFd> ClimbTo(int child, Identity expected) {
  UniqueFd parent(::openat(child, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!parent.ok()) return FailErrno("open ..");
  auto id = IdentityOfFd(parent.fd());
  if (!id) return tl::unexpected(id.error());
  if (!(*id == expected)) {
    return Fail(ErrorCode::kInternal, "a directory was moved while the tree was walked");
  }
  return parent;
}

class Walk {
 public:
  explicit Walk(TreeVisitor& visitor) : visitor_(visitor) {}
  Result<void> Run(int root_fd, int companion_fd);

 private:
  Result<void> Start(int root_fd, int companion_fd);
  void VisitNext();
  void Descend(const WalkEntry& entry);
  Result<void> ClimbBack();

  TreeVisitor& visitor_;
  std::vector<Level> stack_;
  dev_t device_ = 0;
};

Result<void> Walk::Start(int root_fd, int companion_fd) {
  Level root;
  root.fd = UniqueFd(::openat(root_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!root.fd.ok()) return FailErrno("open the root of the walk");
  if (::fstat(root.fd.fd(), &root.info) != 0) return FailErrno("stat the root of the walk");
  root.id = IdentityOf(root.info);
  device_ = root.info.st_dev;
  if (companion_fd >= 0) {
    root.companion = UniqueFd(::openat(companion_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!root.companion.ok()) return FailErrno("open the companion of the walk");
    auto id = IdentityOfFd(root.companion.fd());
    if (!id) return tl::unexpected(id.error());
    root.companion_id = *id;
    root.has_companion = true;
  }
  auto names = ListNames(root.fd.fd());
  if (!names) return tl::unexpected(names.error());
  root.names = std::move(*names);
  stack_.push_back(std::move(root));
  return {};
}

void Walk::VisitNext() {
  Level& top = stack_.back();
  const std::string& name = top.names[top.next++];
  struct stat info;
  if (::fstatat(top.fd.fd(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return;  // gone
  if (info.st_dev != device_) return;  // another mount: never ours to walk or change
  int companion = top.has_companion ? top.companion.fd() : -1;
  WalkEntry entry{top.fd.fd(), companion, name, info, stack_.size() - 1};
  if (visitor_.Visit(entry) && S_ISDIR(info.st_mode)) Descend(entry);
}

void Walk::Descend(const WalkEntry& entry) {
  Level child;
  child.fd = OpenSameDir(entry.dir_fd, entry.name, entry.info);
  if (!child.fd.ok()) return;  // replaced or removed meanwhile: nothing of ours below
  auto names = ListNames(child.fd.fd());
  if (!names) return;
  child.names = std::move(*names);
  child.name = entry.name;
  child.info = entry.info;
  child.id = IdentityOf(entry.info);
  child.companion = visitor_.Companion(entry);
  if (child.companion.ok()) {
    auto id = IdentityOfFd(child.companion.fd());
    if (!id) return;
    child.companion_id = *id;
    child.has_companion = true;
  }
  Level& parent = stack_.back();
  parent.fd.Reset();
  // Without a companion below, the parent's stays open: there is nothing to climb back from.
  if (child.has_companion) parent.companion.Reset();
  stack_.push_back(std::move(child));
}

Result<void> Walk::ClimbBack() {
  Level done = std::move(stack_.back());
  stack_.pop_back();
  Level& parent = stack_.back();
  auto fd = ClimbTo(done.fd.fd(), parent.id);
  if (!fd) return tl::unexpected(fd.error());
  parent.fd = std::move(*fd);
  if (done.has_companion && parent.has_companion) {
    auto companion = ClimbTo(done.companion.fd(), parent.companion_id);
    if (!companion) return tl::unexpected(companion.error());
    parent.companion = std::move(*companion);
  }
  int companion = parent.has_companion ? parent.companion.fd() : -1;
  WalkEntry entry{parent.fd.fd(), companion, done.name, done.info, stack_.size() - 1};
  visitor_.Leave(entry);
  return {};
}

Result<void> Walk::Run(int root_fd, int companion_fd) {
  if (auto ok = Start(root_fd, companion_fd); !ok) return ok;
  while (!stack_.empty()) {
    Level& top = stack_.back();
    if (top.next < top.names.size()) {
      VisitNext();
    } else if (stack_.size() == 1) {
      stack_.pop_back();
    } else if (auto ok = ClimbBack(); !ok) {
      return ok;
    }
  }
  return {};
}

// Unlinks files on the way down and directories on the way back up; keeps the first error.
class Remover : public TreeVisitor {
 public:
  bool Visit(const WalkEntry& entry) override {
    if (S_ISDIR(entry.info.st_mode)) {
      // Without write and search permission on it, nothing inside could be removed (this
      // matters where the caller is not root).
      if ((entry.info.st_mode & 0700) != 0700) {
        (void)!::fchmodat(entry.dir_fd, entry.name.c_str(), (entry.info.st_mode & 07777) | 0700, 0);
      }
      return true;
    }
    Note(::unlinkat(entry.dir_fd, entry.name.c_str(), 0), entry.name);
    return false;
  }
  void Leave(const WalkEntry& entry) override {
    Note(::unlinkat(entry.dir_fd, entry.name.c_str(), AT_REMOVEDIR), entry.name);
  }
  Result<void> result() const { return first_error_; }

 private:
  void Note(int rc, const std::string& name) {
    if (rc == 0 || errno == ENOENT || !first_error_) return;
    first_error_ = FailErrno("remove " + name);
  }
  Result<void> first_error_;
};

}  // namespace

Result<void> WalkTree(int root_fd, int companion_fd, TreeVisitor& visitor) {
  Walk walk(visitor);
  return walk.Run(root_fd, companion_fd);
}

Result<void> RemoveContents(int dir_fd) {
  Remover remover;
  if (auto walked = WalkTree(dir_fd, -1, remover); !walked) return walked;
  return remover.result();
}

Result<void> RemoveTreeAt(int parent_fd, const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos) {
    return Fail(ErrorCode::kInvalidArgument, "not a single name to remove: '" + name + "'");
  }
  struct stat info;
  if (::fstatat(parent_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT) return {};
    return FailErrno("stat " + name);
  }
  if (!S_ISDIR(info.st_mode)) {
    if (::unlinkat(parent_fd, name.c_str(), 0) != 0 && errno != ENOENT) {
      return FailErrno("remove " + name);
    }
    return {};
  }
  UniqueFd dir = OpenSameDir(parent_fd, name, info);
  if (!dir.ok()) return FailErrno("open " + name);
  auto emptied = RemoveContents(dir.fd());
  if (::unlinkat(parent_fd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
    return emptied ? FailErrno("remove " + name) : emptied;
  }
  return emptied;
}

}  // namespace koodikoe
