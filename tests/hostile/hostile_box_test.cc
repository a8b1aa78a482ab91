// What the box directory holds after a run, and what the box sees of it: only regular files
// and directories come back, without set-id bits and owned by the directory's owner; a
// following run given a trap from it as a stream does not block; /proc/self/mountinfo shows no
// host path.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "hostile_support.h"
#include "koodikoe/files.h"
#include "runner/sandbox.h"

namespace hostile {
namespace {

// `koodikoe run` that must end within 30 s (a blocked open would hang it forever).
CliRun RunCliWithin30s(const std::vector<std::string>& args) {
  TempDir scratch("koodikoe-hostile-cli-");
  CliProcess process = StartCli(args, scratch.path());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    siginfo_t info{};
    if (::waitid(P_PID, process.pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == process.pid) {
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ADD_FAILURE() << "koodikoe run " << testing::PrintToString(args) << " blocked for 30 s";
      ::kill(process.pid, SIGKILL);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return FinishCli(process);
}

TEST(LeftoversTest, OnlyFilesAndDirectoriesComeBack) {
  auto sandbox = runner::Sandbox::Create();
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  HostWitness witness;
  TempDir box("koodikoe-hostile-box-");
  // The directory's owner is who gets every file back (not root, to tell them apart).
  ASSERT_EQ(::chown(box.path().c_str(), 4242, 4243), 0);
  runner::RunSpec spec = Spec("leftovers");
  spec.box_dir = box.path();
  auto outcome = sandbox->Run(spec);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  EXPECT_EQ(outcome->stdout_data, "left\n") << Describe(*outcome);

  struct stat owner;
  ASSERT_EQ(::stat(box.path().c_str(), &owner), 0);
  EXPECT_EQ(owner.st_uid, 4242u);
  EXPECT_EQ(owner.st_gid, 4243u);
  size_t depth = 0;
  auto found = BoxLeftovers(box.path(), &owner, depth);
  EXPECT_TRUE(found.empty()) << testing::PrintToString(found);
  EXPECT_EQ(depth, 69u) << "the 70 directories came back";
  EXPECT_TRUE(koodikoe::ReadFile(box.path() + "/setuid").has_value());

  // A following run given the deep fifo's path as --stdin ends at once: the fifo is gone.
  std::string deep = box.path();
  for (int level = 0; level < 70; ++level) deep += "/d";
  auto run =
      RunCliWithin30s({"--box", box.path(), "--stdin", deep + "/deepfifo", "--", "/bin/cat"});
  EXPECT_EQ(run.exit_code, 1) << run.stdout_text << run.stderr_text;
  witness.Check(*sandbox);
}

TEST(LeftoversTest, AFifoAsStdinIsRefusedNotOpened) {
  TempDir box("koodikoe-hostile-box-");
  // Put there by the host itself, as if a box left it: refused, and the refusal says why.
  ASSERT_EQ(::mkfifo((box.path() + "/fifo").c_str(), 0666), 0);
  for (const std::string stream : {"--stdin", "--stdout"}) {
    auto run =
        RunCliWithin30s({"--box", box.path(), stream, box.path() + "/fifo", "--", "/bin/true"});
    EXPECT_EQ(run.exit_code, 1) << stream << ": " << run.stdout_text << run.stderr_text;
    EXPECT_NE(run.stderr_text.find("fifo"), std::string::npos) << run.stderr_text;
  }
  auto run = RunCliWithin30s({"--stdin", box.path() + "/fifo", "--", "/bin/true"});
  EXPECT_EQ(run.exit_code, 1) << "outside the box too: " << run.stderr_text;
}

TEST(MountinfoTest, BoxSeesNoHostPath) {
  auto sandbox = runner::Sandbox::Create();
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  TempDir box("koodikoe-hostile-box-");
  ASSERT_TRUE(koodikoe::WriteFile(box.path() + "/input", "seen\n"));
  runner::RunSpec spec;
  spec.argv = {"/bin/sh", "-c", "cat /box/input /proc/self/mountinfo"};
  spec.box_dir = box.path();
  spec.stdout_stream = runner::Capture{};
  auto outcome = sandbox->Run(spec);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  ASSERT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  const std::string& mountinfo = outcome->stdout_data;
  EXPECT_EQ(mountinfo.rfind("seen\n", 0), 0u) << mountinfo;
  EXPECT_NE(mountinfo.find(" /box "), std::string::npos) << mountinfo;
  for (const std::string& host : {box.path(), std::string("koodikoe-hostile-box"),
                                  std::string("/run/koodikoe"), std::string("/tmp/")}) {
    EXPECT_EQ(mountinfo.find(host), std::string::npos) << host << " shows in\n" << mountinfo;
  }
}

}  // namespace
}  // namespace hostile
