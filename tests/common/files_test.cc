// The common file helpers: fd-relative tree removal and walks (no depth, PATH_MAX or fd limit;
// never following links or entering other mounts) and the directory handle.
#include "koodikoe/files.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <limits.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "koodikoe/dir_handle.h"
#include "koodikoe/tree_walk.h"
#include "koodikoe/unique_fd.h"

namespace koodikoe {
namespace {

bool Exists(const std::string& path) {
  struct stat info;
  return ::lstat(path.c_str(), &info) == 0;
}

class Scratch {
 public:
  Scratch() {
    std::string pattern = "/tmp/koodikoe-common-XXXXXX";
    path_ = ::mkdtemp(pattern.data()) ? pattern : "";
  }
  ~Scratch() {
    if (!path_.empty()) (void)RemoveTree(path_);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Builds `depth` nested directories named `name` below `top`, with a file and a fifo in
// each, fd-relative (the paths are longer than PATH_MAX). Returns the deepest directory.
UniqueFd BuildDeepTree(const std::string& top, int depth, const std::string& name) {
  UniqueFd dir(::open(top.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  for (int level = 0; level < depth && dir.ok(); ++level) {
    EXPECT_EQ(::mkdirat(dir.fd(), name.c_str(), 0755), 0) << "level " << level;
    UniqueFd file(::openat(dir.fd(), "file", O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
    EXPECT_TRUE(file.ok());
    EXPECT_EQ(::mkfifoat(dir.fd(), "fifo", 0600), 0);
    dir = UniqueFd(::openat(dir.fd(), name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  }
  return dir;
}

int OpenFdCount() {
  UniqueFd self(::open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  auto names = ListNames(self.fd());
  return names ? static_cast<int>(names->size()) : -1;
}

TEST(ParseCountTest, WholeNumbersInRangeOnly) {
  EXPECT_EQ(koodikoe::ParseCount("--port", "8080", 0, 65535).value(), 8080);
  EXPECT_EQ(koodikoe::ParseCount("--workers", "0", 0, 256).value(), 0);
  for (const char* bad : {"", "12x", "-1", "257", "1.5", "99999999999999999999"}) {
    auto parsed = koodikoe::ParseCount("--workers", bad, 0, 256);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().context,
              std::string("--workers needs a number from 0 to 256, not '") + bad + "'");
  }
}

TEST(RemoveTreeTest, RemovesATreeDeeperThanPathMax) {
  Scratch scratch;
  const std::string top = scratch.path() + "/deep";
  ASSERT_EQ(::mkdir(top.c_str(), 0755), 0);
  // 30 levels of 200-character names: 6000 characters, beyond PATH_MAX (4096).
  UniqueFd bottom = BuildDeepTree(top, 30, std::string(200, 'x'));
  ASSERT_TRUE(bottom.ok());
  bottom.Reset();
  auto removed = RemoveTree(top);
  EXPECT_TRUE(removed) << removed.error().Describe();
  EXPECT_FALSE(Exists(top));
}

TEST(RemoveTreeTest, DepthIsNotBoundedByTheFdLimit) {
  Scratch scratch;
  const std::string top = scratch.path() + "/deep";
  ASSERT_EQ(::mkdir(top.c_str(), 0755), 0);
  ASSERT_TRUE(BuildDeepTree(top, 300, "d").ok());
  rlimit saved;
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &saved), 0);
  rlimit low = saved;
  low.rlim_cur = static_cast<rlim_t>(OpenFdCount() + 16);  // far fewer than 300 levels
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &low), 0);
  auto removed = RemoveTree(top);
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
  EXPECT_TRUE(removed) << removed.error().Describe();
  EXPECT_FALSE(Exists(top));
}

TEST(RemoveTreeTest, NeverFollowsSymlinks) {
  Scratch scratch;
  const std::string outside = scratch.path() + "/outside";
  const std::string top = scratch.path() + "/tree";
  ASSERT_EQ(::mkdir(outside.c_str(), 0755), 0);
  ASSERT_TRUE(WriteFile(outside + "/keep", "host file\n"));
  ASSERT_EQ(::mkdir(top.c_str(), 0755), 0);
  ASSERT_EQ(::mkdir((top + "/sub").c_str(), 0755), 0);
  ASSERT_EQ(::symlink(outside.c_str(), (top + "/sub/dirlink").c_str()), 0);
  ASSERT_EQ(::symlink((outside + "/keep").c_str(), (top + "/filelink").c_str()), 0);
  ASSERT_EQ(::symlink("/", (top + "/rootlink").c_str()), 0);
  EXPECT_TRUE(RemoveTree(top));
  EXPECT_FALSE(Exists(top));
  EXPECT_EQ(ReadFile(outside + "/keep").value_or(""), "host file\n");
  // A link given as the path is removed itself, never its target.
  const std::string link = scratch.path() + "/link";
  ASSERT_EQ(::symlink(outside.c_str(), link.c_str()), 0);
  EXPECT_TRUE(RemoveTree(link));
  EXPECT_FALSE(Exists(link));
  EXPECT_TRUE(Exists(outside + "/keep"));
}

TEST(RemoveTreeTest, RemovesSpecialFilesAndClosedDirectories) {
  Scratch scratch;
  const std::string top = scratch.path() + "/tree";
  ASSERT_EQ(::mkdir(top.c_str(), 0755), 0);
  ASSERT_EQ(::mkfifo((top + "/fifo").c_str(), 0600), 0);
  int sock = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string socket_path = top + "/socket";
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::copy(socket_path.begin(), socket_path.end(), address.sun_path);
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ::close(sock);
  // A directory nobody may enter or change, with a file inside.
  ASSERT_EQ(::mkdir((top + "/closed").c_str(), 0755), 0);
  ASSERT_TRUE(WriteFile(top + "/closed/file", "x"));
  ASSERT_EQ(::chmod((top + "/closed").c_str(), 0), 0);
  auto removed = RemoveTree(top);
  EXPECT_TRUE(removed) << removed.error().Describe();
  EXPECT_FALSE(Exists(top));
}

TEST(RemoveTreeTest, FilesAndMissingPaths) {
  Scratch scratch;
  EXPECT_TRUE(RemoveTree(scratch.path() + "/missing"));
  EXPECT_TRUE(RemoveTree(scratch.path() + "/missing/below"));
  ASSERT_TRUE(WriteFile(scratch.path() + "/file", "x"));
  EXPECT_TRUE(RemoveTree(scratch.path() + "/file"));
  EXPECT_FALSE(Exists(scratch.path() + "/file"));
  ASSERT_EQ(::mkdir((scratch.path() + "/slash").c_str(), 0755), 0);
  EXPECT_TRUE(RemoveTree(scratch.path() + "/slash/"));
  EXPECT_FALSE(Exists(scratch.path() + "/slash"));
}

TEST(RemoveTreeTest, NeverEntersAnotherMount) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting needs root";
  // A mount namespace of this test's own, so nothing it mounts is seen elsewhere.
  ASSERT_EQ(::unshare(CLONE_NEWNS), 0);
  ASSERT_EQ(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr), 0);
  Scratch scratch;
  const std::string top = scratch.path() + "/tree";
  const std::string mounted = top + "/mnt";
  ASSERT_EQ(::mkdir(top.c_str(), 0755), 0);
  ASSERT_EQ(::mkdir(mounted.c_str(), 0755), 0);
  ASSERT_TRUE(WriteFile(top + "/file", "x"));
  ASSERT_EQ(::mount("tmpfs", mounted.c_str(), "tmpfs", 0, "size=1m"), 0);
  ASSERT_TRUE(WriteFile(mounted + "/other-fs", "keep"));
  EXPECT_FALSE(RemoveTree(top)) << "the mount point cannot go, and that must be said";
  EXPECT_FALSE(Exists(top + "/file"));
  EXPECT_EQ(ReadFile(mounted + "/other-fs").value_or(""), "keep");
  ASSERT_EQ(::umount(mounted.c_str()), 0);
  EXPECT_TRUE(RemoveTree(top));
}

// Makes the companion tree a copy of the directories walked.
class DirectoryMirror : public TreeVisitor {
 public:
  bool Visit(const WalkEntry& entry) override {
    max_depth = std::max(max_depth, entry.depth);
    return S_ISDIR(entry.info.st_mode);
  }
  UniqueFd Companion(const WalkEntry& entry) override {
    ::mkdirat(entry.companion_fd, entry.name.c_str(), 0755);
    return UniqueFd(::openat(entry.companion_fd, entry.name.c_str(),
                             O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  }
  void Leave(const WalkEntry&) override { ++left; }
  size_t max_depth = 0;
  int left = 0;
};

TEST(WalkTreeTest, WalksACompanionTreeAlongside) {
  Scratch scratch;
  const std::string source = scratch.path() + "/source";
  const std::string copy = scratch.path() + "/copy";
  ASSERT_EQ(::mkdir(source.c_str(), 0755), 0);
  ASSERT_EQ(::mkdir(copy.c_str(), 0755), 0);
  const std::string name(200, 'y');
  ASSERT_TRUE(BuildDeepTree(source, 40, name).ok());
  UniqueFd source_fd(::open(source.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  UniqueFd copy_fd(::open(copy.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  DirectoryMirror mirror;
  auto walked = WalkTree(source_fd.fd(), copy_fd.fd(), mirror);
  ASSERT_TRUE(walked) << walked.error().Describe();
  EXPECT_EQ(mirror.max_depth, 39u);  // the 40th directory is entry 39 levels down
  EXPECT_EQ(mirror.left, 40);
  // The copy is 40 directories deep as well.
  UniqueFd dir(::open(copy.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  for (int level = 0; level < 40; ++level) {
    dir = UniqueFd(::openat(dir.fd(), name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    ASSERT_TRUE(dir.ok()) << "level " << level;
  }
}

// Moves a directory up the tree while the walk is below it.
class MovingVisitor : public TreeVisitor {
 public:
  explicit MovingVisitor(int root) : root_(root) {}
  bool Visit(const WalkEntry& entry) override {
    if (entry.depth == 2 && !moved_) {
      moved_ = true;
      EXPECT_EQ(::renameat(root_, "a/b", root_, "b2"), 0);
    }
    return S_ISDIR(entry.info.st_mode);
  }

 private:
  int root_;
  bool moved_ = false;
};

TEST(WalkTreeTest, StopsWhenTheTreeIsMovedUnderIt) {
  Scratch scratch;
  ASSERT_EQ(::mkdir((scratch.path() + "/a").c_str(), 0755), 0);
  ASSERT_EQ(::mkdir((scratch.path() + "/a/b").c_str(), 0755), 0);
  ASSERT_EQ(::mkdir((scratch.path() + "/a/b/c").c_str(), 0755), 0);
  ASSERT_TRUE(WriteFile(scratch.path() + "/a/b/c/file", "x"));
  UniqueFd root(::open(scratch.path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  MovingVisitor visitor(root.fd());
  // Climbing back from b, ".." is now the root, not a: going on would walk the wrong tree.
  EXPECT_FALSE(WalkTree(root.fd(), -1, visitor));
}

TEST(DirHandleTest, ListsNamesWithoutDotsAndClosesItsFd) {
  Scratch scratch;
  for (const char* name : {"one", "two", "three"}) {
    ASSERT_TRUE(WriteFile(scratch.path() + "/" + name, ""));
  }
  UniqueFd dir(::open(scratch.path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  int before = OpenFdCount();
  for (int round = 0; round < 2; ++round) {  // the caller's fd is not moved on
    auto names = ListNames(dir.fd());
    ASSERT_TRUE(names);
    std::sort(names->begin(), names->end());
    EXPECT_EQ(*names, (std::vector<std::string>{"one", "three", "two"}));
  }
  {
    auto handle = DirHandle::Open(dir.fd());
    ASSERT_TRUE(handle);
    EXPECT_EQ(OpenFdCount(), before + 1);
    DirHandle moved = std::move(*handle);
    EXPECT_NE(moved.Next(), nullptr);
  }
  EXPECT_EQ(OpenFdCount(), before);
  EXPECT_FALSE(DirHandle::Open(-1));
}

TEST(DirHandleTest, ListsNamesByPathAndSaysWhichPathFailed) {
  Scratch scratch;
  ASSERT_EQ(::mkdir((scratch.path() + "/sub").c_str(), 0755), 0);
  ASSERT_TRUE(WriteFile(scratch.path() + "/sub/.hidden", ""));
  ASSERT_TRUE(WriteFile(scratch.path() + "/file", ""));
  ASSERT_EQ(::symlink("sub", (scratch.path() + "/link").c_str()), 0);
  int before = OpenFdCount();

  auto names = ListNames(scratch.path());
  ASSERT_TRUE(names) << names.error().Describe();
  std::sort(names->begin(), names->end());
  EXPECT_EQ(*names, (std::vector<std::string>{"file", "link", "sub"}));
  auto through_link = ListNames(scratch.path() + "/link");  // followed, as opendir does
  ASSERT_TRUE(through_link);
  EXPECT_EQ(*through_link, (std::vector<std::string>{".hidden"}));

  auto missing = ListNames(scratch.path() + "/missing");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().sys_errno, ENOENT);
  EXPECT_NE(missing.error().Describe().find(scratch.path() + "/missing"), std::string::npos);
  auto not_a_directory = ListNames(scratch.path() + "/file");
  ASSERT_FALSE(not_a_directory);
  EXPECT_EQ(not_a_directory.error().sys_errno, ENOTDIR);
  EXPECT_EQ(OpenFdCount(), before);  // nothing left open, failed or not
}

}  // namespace
}  // namespace koodikoe
