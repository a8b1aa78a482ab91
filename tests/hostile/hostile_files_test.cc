// The box's directory after a run belongs to the program: whatever it planted there (symlinks
// to host files, special files, hardlinks) must never be followed by the caller or by the
// sandbox's own cleanup. This is the class of the 2024 Judge0 escapes (CVE-2024-28185,
// CVE-2024-28189): a symlink in the box, later opened by a root process outside it.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hostile_support.h"
#include "koodikoe/files.h"
#include "runner/sandbox.h"

namespace hostile {
namespace {

using runner::RunSpec;

bool Exists(const std::string& path) {
  struct stat info;
  return ::lstat(path.c_str(), &info) == 0;
}

bool IsSymlink(const std::string& path) {
  struct stat info;
  return ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode);
}

class PlantedLinksTest : public testing::Test {
 protected:
  void SetUp() override {
    auto created = runner::Sandbox::Create();
    ASSERT_TRUE(created) << created.error().Describe();
    sandbox_.emplace(std::move(*created));
    struct stat before;
    ASSERT_EQ(::stat(box_.path().c_str(), &before), 0);
    owner_ = before;
    RunSpec spec = Spec("plant_links", {witness_.canary()});
    spec.box_dir = box_.path();
    auto outcome = sandbox_->Run(spec);
    ASSERT_TRUE(outcome) << outcome.error().Describe();
    ASSERT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
    ASSERT_NE(outcome->stdout_data.find("planted"), std::string::npos) << Describe(*outcome);
    for (const char* name :
         {"out", "result.json", "in", "dirlink", "urandom", "sub/fifo", "sub/socket", "sub/disk"}) {
      if (Exists(box_.path() + "/" + name)) left_after_run_.push_back(name);
    }
    // The run left none of them (see LeavesNoLinksOrSpecialFiles). The caller must refuse
    // them all the same, wherever they come from (a box still running in the directory, an
    // older sandbox): plant them again from the host.
    for (const auto& [target, name] : std::vector<std::pair<std::string, std::string>>{
             {witness_.canary() + "/target", "out"},
             {witness_.canary() + "/target", "result.json"},
             {witness_.canary() + "/secret", "in"},
             {witness_.canary(), "dirlink"},
             {"/dev/urandom", "urandom"}}) {
      ASSERT_EQ(::symlink(target.c_str(), (box_.path() + "/" + name).c_str()), 0) << name;
    }
    ASSERT_EQ(::mkfifo((box_.path() + "/fifo").c_str(), 0666), 0);
  }

  // A run of /bin/echo in the same box with one stream redirected to `stream`.
  runner::Result<runner::Outcome> RunWith(const std::string& which, const runner::Stream& stream) {
    RunSpec spec;
    spec.argv = {"/bin/echo", "written-through-" + witness_.token()};
    spec.box_dir = box_.path();
    if (which == "stdin") spec.stdin_stream = stream;
    if (which == "stdout") spec.stdout_stream = stream;
    if (which == "stderr") spec.stderr_stream = stream;
    return sandbox_->Run(spec);
  }

  std::optional<runner::Sandbox> sandbox_;
  HostWitness witness_;
  TempDir box_{"koodikoe-hostile-box-"};
  struct stat owner_ {};
  std::vector<std::string> left_after_run_;
};

TEST_F(PlantedLinksTest, CallerRefusesToWriteStdoutThroughASymlink) {
  for (const std::string name : {"out", "dirlink/target", "urandom", "result.json"}) {
    auto outcome = RunWith("stdout", runner::FilePath{box_.path() + "/" + name});
    EXPECT_FALSE(outcome) << "stdout " << name << " was opened through the symlink";
    if (!outcome) {
      EXPECT_NE(outcome.error().Describe().find("symlink"), std::string::npos)
          << outcome.error().Describe();
    }
  }
  witness_.Check(*sandbox_);
}

TEST_F(PlantedLinksTest, CallerRefusesToWriteStderrThroughASymlink) {
  auto outcome = RunWith("stderr", runner::FilePath{box_.path() + "/out"});
  EXPECT_FALSE(outcome);
  witness_.Check(*sandbox_);
}

TEST_F(PlantedLinksTest, CallerRefusesToReadStdinThroughASymlink) {
  for (const std::string name : {"in", "dirlink/secret"}) {
    auto outcome = RunWith("stdin", runner::FilePath{box_.path() + "/" + name});
    EXPECT_FALSE(outcome) << "stdin " << name << " was read through the symlink";
  }
  witness_.Check(*sandbox_);
}

TEST_F(PlantedLinksTest, CallerRefusesAFifoAsStdinWithoutBlocking) {
  auto outcome = RunWith("stdin", runner::FilePath{box_.path() + "/fifo"});
  ASSERT_FALSE(outcome) << "stdin was opened on a fifo";
  EXPECT_NE(outcome.error().Describe().find("a fifo, not a regular file"), std::string::npos)
      << outcome.error().Describe();
  witness_.Check(*sandbox_);
}

TEST_F(PlantedLinksTest, LeavesNoLinksOrSpecialFiles) {
  // After the program's run nothing it planted is left: no link, fifo, socket or device...
  EXPECT_TRUE(left_after_run_.empty()) << testing::PrintToString(left_after_run_);
  // ...and the host's fifo behind the directory link it planted is untouched (the witness
  // snapshot includes it).
  EXPECT_TRUE(Exists(witness_.canary() + "/fifo"));
  // The box directory itself is given back to its owner with its mode.
  struct stat after;
  ASSERT_EQ(::stat(box_.path().c_str(), &after), 0);
  EXPECT_EQ(after.st_uid, owner_.st_uid);
  EXPECT_EQ(after.st_gid, owner_.st_gid);
  EXPECT_EQ(after.st_mode, owner_.st_mode);
  witness_.Check(*sandbox_);
}

TEST_F(PlantedLinksTest, CliRefusesStdoutThroughASymlink) {
  auto run = RunCli({"--box", box_.path(), "--stdout", box_.path() + "/out", "--", "/bin/echo",
                     "written-through-" + witness_.token()});
  EXPECT_EQ(run.exit_code, 1) << run.stderr_text;
  auto result = nlohmann::json::parse(run.result_line, nullptr, false);
  ASSERT_FALSE(result.is_discarded()) << run.stdout_text;
  EXPECT_EQ(result["status"], "internal_error");
  witness_.Check(*sandbox_);
}

TEST_F(PlantedLinksTest, CliRefusesToWriteItsResultThroughASymlink) {
  auto run =
      RunCli({"--box", box_.path(), "--result", box_.path() + "/result.json", "--", "/bin/true"});
  EXPECT_NE(run.exit_code, 0) << run.stdout_text << run.stderr_text;
  EXPECT_TRUE(IsSymlink(box_.path() + "/result.json"));
  witness_.Check(*sandbox_);
}

TEST(HardlinkTest, BoxCannotHardlinkHostFiles) {
  auto sandbox = runner::Sandbox::Create();
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  HostWitness witness;
  TempDir box("koodikoe-hostile-box-");
  struct stat passwd_before;
  ASSERT_EQ(::stat("/usr/bin/passwd", &passwd_before), 0);
  RunSpec spec = Spec("hardlink");
  spec.box_dir = box.path();
  auto outcome = sandbox->Run(spec);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  EXPECT_TRUE(Escapes(*outcome).empty()) << Describe(*outcome);
  EXPECT_NE(outcome->stdout_data.find("Invalid cross-device link"), std::string::npos)
      << Describe(*outcome);
  struct stat passwd_after;
  ASSERT_EQ(::stat("/usr/bin/passwd", &passwd_after), 0);
  EXPECT_EQ(passwd_after.st_nlink, passwd_before.st_nlink);
  EXPECT_FALSE(Exists(box.path() + "/passwd"));
  witness.Check(*sandbox);
}

}  // namespace
}  // namespace hostile
