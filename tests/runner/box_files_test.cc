// What the caller finds in the box directory after a run: what the program wrote, removed and
// replaced in /box, as it left it (the box's writes go to its own disk and are copied out).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "koodikoe/files.h"
#include "koodikoe/tree_walk.h"
#include "runner/sandbox.h"

namespace runner {
namespace {

bool Exists(const std::string& path) {
  struct stat info;
  return ::lstat(path.c_str(), &info) == 0;
}

std::string Read(const std::string& path) { return koodikoe::ReadFile(path).value_or("<none>"); }

class BoxFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Sandbox::Create({.slots = 2});
    ASSERT_TRUE(created) << created.error().Describe();
    sandbox_.emplace(std::move(*created));
    for (std::string* dir : {&box_, &outside_}) {
      char pattern[] = "/tmp/koodikoe-box-files-XXXXXX";
      ASSERT_NE(::mkdtemp(pattern), nullptr);
      *dir = pattern;
    }
  }
  void TearDown() override {
    (void)koodikoe::RemoveTree(box_);
    (void)koodikoe::RemoveTree(outside_);
  }

  // Runs a Python script in the box; it must end ok.
  void RunPython(const std::string& script) {
    RunSpec spec;
    spec.argv = {"/usr/bin/python3", "-c", script};
    spec.box_dir = box_;
    spec.limits.cpu_seconds = 5;
    spec.limits.wall_seconds = 30;
    spec.limits.file_size_bytes = uint64_t{1} << 40;
    spec.stdout_stream = Capture{};
    spec.stderr_stream = Capture{};
    auto outcome = sandbox_->Run(spec);
    ASSERT_TRUE(outcome) << outcome.error().Describe();
    EXPECT_EQ(outcome->status, Status::kOk) << outcome->message << "\n"
                                            << outcome->stdout_data << outcome->stderr_data;
  }

  std::optional<Sandbox> sandbox_;
  std::string box_, outside_;
};

TEST_F(BoxFilesTest, WritesRemovalsAndReplacementsComeBack) {
  ASSERT_TRUE(koodikoe::WriteFile(box_ + "/kept", "untouched\n"));
  ASSERT_TRUE(koodikoe::WriteFile(box_ + "/changed", "before\n"));
  ASSERT_TRUE(koodikoe::WriteFile(box_ + "/removed", "x"));
  ASSERT_TRUE(koodikoe::WriteFile(box_ + "/becomes_dir", "x"));
  ASSERT_EQ(::mkdir((box_ + "/becomes_file").c_str(), 0755), 0);
  ASSERT_TRUE(koodikoe::WriteFile(box_ + "/becomes_file/inner", "x"));
  ASSERT_EQ(::mkdir((box_ + "/renewed").c_str(), 0777), 0);
  ASSERT_TRUE(koodikoe::WriteFile(box_ + "/renewed/old", "x"));
  // The box's user is not the caller: it may change only what the caller opened up to it.
  ASSERT_EQ(::chmod((box_ + "/renewed").c_str(), 0777), 0);
  ASSERT_EQ(::chmod((box_ + "/becomes_file").c_str(), 0777), 0);
  ASSERT_EQ(::chmod((box_ + "/changed").c_str(), 0666), 0);
  struct stat kept_before;
  ASSERT_EQ(::stat((box_ + "/kept").c_str(), &kept_before), 0);
  RunPython(R"(
import os, shutil
open("new", "w").write("made in the box\n")
open("changed", "w").write("after\n")
os.remove("removed")
os.remove("becomes_dir"); os.mkdir("becomes_dir"); open("becomes_dir/f", "w").write("f\n")
shutil.rmtree("becomes_file"); open("becomes_file", "w").write("now a file\n")
shutil.rmtree("renewed"); os.mkdir("renewed"); open("renewed/new", "w").write("n\n")
os.utime("new", (1000000000, 1000000000))
)");
  EXPECT_EQ(Read(box_ + "/new"), "made in the box\n");
  EXPECT_EQ(Read(box_ + "/changed"), "after\n");
  EXPECT_FALSE(Exists(box_ + "/removed"));
  EXPECT_EQ(Read(box_ + "/becomes_dir/f"), "f\n");
  EXPECT_EQ(Read(box_ + "/becomes_file"), "now a file\n");
  EXPECT_FALSE(Exists(box_ + "/renewed/old")) << "a directory made anew keeps nothing old";
  EXPECT_EQ(Read(box_ + "/renewed/new"), "n\n");
  struct stat kept_after, made;
  ASSERT_EQ(::stat((box_ + "/kept").c_str(), &kept_after), 0);
  EXPECT_EQ(kept_after.st_ino, kept_before.st_ino) << "an untouched file is not copied";
  ASSERT_EQ(::stat((box_ + "/new").c_str(), &made), 0);
  EXPECT_EQ(made.st_mtime, 1000000000) << "the program's modification time is kept";
  EXPECT_EQ(made.st_uid, ::geteuid()) << "files are the box directory owner's";
}

TEST_F(BoxFilesTest, AHardLinkOfTheCallersFileIsNotWrittenThrough) {
  // The caller's test data, linked into the box: the program's change must not reach it.
  ASSERT_TRUE(koodikoe::WriteFile(outside_ + "/data", "the caller's\n"));
  ASSERT_EQ(::chmod((outside_ + "/data").c_str(), 0666), 0);
  ASSERT_EQ(::link((outside_ + "/data").c_str(), (box_ + "/data").c_str()), 0);
  RunPython(R"(open("data", "w").write("changed in the box\n"))");
  EXPECT_EQ(Read(box_ + "/data"), "changed in the box\n");
  EXPECT_EQ(Read(outside_ + "/data"), "the caller's\n");
}

TEST_F(BoxFilesTest, ADeepTreeAndASparseFileComeBack) {
  // 30 levels of 200-character names: beyond PATH_MAX on the way out.
  RunPython(R"(
import os
name = "n" * 200
for level in range(30):
    os.mkdir(name); os.chdir(name)
open("bottom", "w").write("deep\n")
os.chdir("/box")
with open("sparse", "wb") as f:
    f.seek(40 << 30); f.write(b"end")
)");
  koodikoe::UniqueFd dir(::open(box_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  const std::string name(200, 'n');
  for (int level = 0; level < 30; ++level) {
    dir = koodikoe::UniqueFd(::openat(dir.fd(), name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    ASSERT_TRUE(dir.ok()) << "level " << level;
  }
  koodikoe::UniqueFd bottom(::openat(dir.fd(), "bottom", O_RDONLY | O_CLOEXEC));
  ASSERT_TRUE(bottom.ok());
  EXPECT_EQ(koodikoe::ReadAll(bottom.fd(), 100).value_or(""), "deep\n");
  struct stat sparse;
  ASSERT_EQ(::stat((box_ + "/sparse").c_str(), &sparse), 0);
  EXPECT_EQ(sparse.st_size, (off_t{40} << 30) + 3);
  EXPECT_LT(sparse.st_blocks * 512, 1 << 20) << "the hole stays a hole on the host";
}

TEST_F(BoxFilesTest, TwoBoxesOnOneDirectoryBothWriteIt) {
  ASSERT_TRUE(koodikoe::WriteFile(box_ + "/shared", "input\n"));
  RunSpec spec;
  spec.box_dir = box_;
  spec.limits.wall_seconds = 20;
  spec.stdout_stream = Capture{};
  spec.argv = {"/bin/sh", "-c", "echo a > a; sleep 1; cat shared; ls"};
  auto first = sandbox_->Start(spec);
  ASSERT_TRUE(first) << first.error().Describe();
  spec.argv = {"/bin/sh", "-c", "echo b > b; sleep 1; cat shared; ls"};
  auto second = sandbox_->Start(spec);
  ASSERT_TRUE(second) << second.error().Describe();
  auto a = sandbox_->Wait(*first);
  auto b = sandbox_->Wait(*second);
  ASSERT_TRUE(a && b);
  // Each sees the input and its own file (and the other's once that run has ended).
  for (const auto& [out, own] : {std::pair{a->stdout_data, "\na\n"}, {b->stdout_data, "\nb\n"}}) {
    EXPECT_EQ(out.rfind("input\n", 0), 0u) << out;
    EXPECT_NE(out.find(own), std::string::npos) << out;
  }
  EXPECT_EQ(Read(box_ + "/a"), "a\n");
  EXPECT_EQ(Read(box_ + "/b"), "b\n");
}

TEST_F(BoxFilesTest, BoxDirectoryKeepsItsOwnerAndMode) {
  ASSERT_EQ(::chmod(box_.c_str(), 0750), 0);
  ASSERT_EQ(::chown(box_.c_str(), 4242, 4243), 0);
  RunPython(R"(open("made", "w").write("x"))");
  struct stat after;
  ASSERT_EQ(::stat(box_.c_str(), &after), 0);
  EXPECT_EQ(after.st_mode & 07777, 0750u);
  EXPECT_EQ(after.st_uid, 4242u);
  EXPECT_EQ(after.st_gid, 4243u);
  struct stat made;
  ASSERT_EQ(::stat((box_ + "/made").c_str(), &made), 0);
  EXPECT_EQ(made.st_uid, 4242u) << "given to the directory's owner";
  EXPECT_EQ(made.st_gid, 4243u);
}

TEST_F(BoxFilesTest, ARelativeBindIsTheCallersDirectory) {
  ASSERT_TRUE(koodikoe::WriteFile(outside_ + "/seen", "bound\n"));
  ASSERT_EQ(::chmod(outside_.c_str(), 0755), 0);
  std::string cwd = std::filesystem::current_path();
  std::filesystem::current_path("/tmp");
  RunSpec spec;
  spec.argv = {"/bin/cat", "/bound/seen"};
  spec.binds.push_back({outside_.substr(5), "/bound", false});  // "koodikoe-box-files-..."
  spec.stdout_stream = Capture{};
  auto outcome = sandbox_->Run(spec);
  std::filesystem::current_path(cwd);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(outcome->status, Status::kOk) << outcome->message;
  EXPECT_EQ(outcome->stdout_data, "bound\n");
}

}  // namespace
}  // namespace runner
