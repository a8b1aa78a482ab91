// A submission given by path: directories of symlinks inside the package are programs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "evaluator.h"
#include "koodikoe/files.h"

namespace judge {
namespace {

class ScratchDir {
 public:
  ScratchDir() {
    char pattern[] = "/tmp/koodikoe-source-test-XXXXXX";
    dir_ = ::mkdtemp(pattern);
  }
  ~ScratchDir() { (void)koodikoe::RemoveTree(dir_); }
  void Write(const std::string& relative, const std::string& text) {
    std::filesystem::path path = dir_ + "/" + relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  void Link(const std::string& target, const std::string& relative) {
    std::filesystem::path path = dir_ + "/" + relative;
    std::filesystem::create_directories(path.parent_path());
    std::filesystem::create_symlink(target, path);
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

TEST(ReadSubmissionSourceTest, FollowsSymlinksInsideThePackage) {
  ScratchDir package;
  package.Write("shared/main.py", "print(1)\n");
  package.Write("shared/lib/util.py", "X = 1\n");
  package.Link("../../../shared/main.py", "submissions/accepted/linked/main.py");
  package.Link("../../../shared/lib", "submissions/accepted/linked/lib");
  auto program =
      ReadSubmissionSource(package.dir() + "/submissions/accepted/linked", package.dir());
  ASSERT_TRUE(program) << program.error().Describe();
  EXPECT_EQ(program->files, (std::vector<std::string>{"lib/util.py", "main.py"}));
}

TEST(ReadSubmissionSourceTest, IgnoresSymlinksThatLeave) {
  ScratchDir package;
  package.Write("submissions/accepted/solo/main.py", "print(1)\n");
  package.Link("/etc/passwd", "submissions/accepted/solo/passwd");
  auto program = ReadSubmissionSource(package.dir() + "/submissions/accepted/solo", package.dir());
  ASSERT_TRUE(program) << program.error().Describe();
  EXPECT_EQ(program->files, std::vector<std::string>{"main.py"});
  // Outside a package only links within the directory itself count.
  ScratchDir elsewhere;
  elsewhere.Write("shared.py", "X = 1\n");
  package.Link(elsewhere.dir() + "/shared.py", "submissions/accepted/solo/shared.py");
  program = ReadSubmissionSource(package.dir() + "/submissions/accepted/solo");
  ASSERT_TRUE(program) << program.error().Describe();
  EXPECT_EQ(program->files, std::vector<std::string>{"main.py"});
}

}  // namespace
}  // namespace judge
