// Processes and what they inherit: a daemon that tries to outlive the run, fds and
// environment variables of the caller, setuid programs, and a neighbouring box.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "hostile_support.h"
#include "koodikoe/files.h"
#include "runner/sandbox.h"

namespace hostile {
namespace {

using runner::RunSpec;

runner::Sandbox MakeSandbox(int slots = 1) {
  auto sandbox = runner::Sandbox::Create({.slots = slots});
  if (!sandbox) ADD_FAILURE() << sandbox.error().Describe();
  return std::move(*sandbox);
}

TEST(DaemonTest, DoubleForkedDaemonIsGoneWhenTheRunEnds) {
  auto sandbox = MakeSandbox();
  HostWitness witness;
  TempDir box("koodikoe-hostile-box-");
  RunSpec spec = Spec("daemon");
  spec.box_dir = box.path();
  auto outcome = sandbox.Run(spec);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  EXPECT_LT(outcome->wall_ms, 2000) << "the run waited for the daemon";
  // Right after the result: no process of the box (Check), and the heartbeat has stopped.
  auto beat = koodikoe::ReadFile(box.path() + "/daemon-alive").value_or("none");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(koodikoe::ReadFile(box.path() + "/daemon-alive").value_or("none"), beat)
      << "the daemon is still writing into the box";
  witness.Check(sandbox);
}

TEST(InheritedFdTest, CallersOpenFdsAreNotInherited) {
  auto sandbox = MakeSandbox();
  HostWitness witness;
  // A secret file, a pipe and a high fd, none of them close-on-exec (the witness's servers
  // are not close-on-exec either).
  int secret = ::open((witness.canary() + "/secret").c_str(), O_RDONLY);
  ASSERT_GE(secret, 0);
  int high = ::fcntl(secret, F_DUPFD, 1000);
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  ASSERT_EQ(::write(pipe_fds[1], witness.secret().data(), witness.secret().size()),
            static_cast<ssize_t>(witness.secret().size()));
  auto outcome = sandbox.Run(Spec("inherited_fds"));
  for (int fd : {secret, high, pipe_fds[0], pipe_fds[1]}) ::close(fd);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  EXPECT_TRUE(Escapes(*outcome).empty()) << Describe(*outcome);
  EXPECT_EQ(outcome->stdout_data.find(witness.secret()), std::string::npos);
  EXPECT_NE(outcome->stdout_data.find("checked fds"), std::string::npos) << Describe(*outcome);
  witness.Check(sandbox);
}

TEST(EnvironmentTest, CallersEnvironmentDoesNotLeakIn) {
  auto sandbox = MakeSandbox();
  HostWitness witness;
  ::setenv("KOODIKOE_HOSTILE_SECRET", witness.secret().c_str(), 1);
  RunSpec spec = Spec("env_leak");
  spec.env = {"ONLY=this"};
  auto outcome = sandbox.Run(spec);
  ::unsetenv("KOODIKOE_HOSTILE_SECRET");
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  EXPECT_EQ(outcome->stdout_data.find(witness.secret()), std::string::npos) << Describe(*outcome);
  EXPECT_EQ(outcome->stdout_data.find("KOODIKOE_HOSTILE_SECRET"), std::string::npos);
  EXPECT_NE(outcome->stdout_data.find("env ONLY=this\n"), std::string::npos);
  // Exactly the one variable the spec gave.
  size_t variables = 0;
  for (auto at = outcome->stdout_data.find("env "); at != std::string::npos;
       at = outcome->stdout_data.find("env ", at + 1)) {
    if (at == 0 || outcome->stdout_data[at - 1] == '\n') ++variables;
  }
  EXPECT_EQ(variables, 1u) << Describe(*outcome);
  witness.Check(sandbox);
}

TEST(SetuidTest, SetuidRootProgramsGiveNoRoot) {
  auto sandbox = MakeSandbox();
  HostWitness witness;
  // A setuid-root copy of print_ids, bound into the box.
  TempDir suid("koodikoe-hostile-suid-");
  ::chmod(suid.path().c_str(), 0755);
  std::string copy = suid.path() + "/print_ids";
  auto binary = koodikoe::ReadFile(ProgramsDir() + "/print_ids");
  ASSERT_TRUE(binary);
  ASSERT_TRUE(koodikoe::WriteFile(copy, *binary));
  ASSERT_EQ(::chown(copy.c_str(), 0, 0), 0);
  ASSERT_EQ(::chmod(copy.c_str(), 04755), 0);
  RunSpec spec = Spec("setuid_exec", {"/suid/print_ids"});
  spec.binds.push_back({suid.path(), "/suid", false});
  auto outcome = sandbox.Run(spec);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  EXPECT_TRUE(Escapes(*outcome).empty()) << Describe(*outcome);
  EXPECT_NE(outcome->stdout_data.find("uid=6"), std::string::npos) << Describe(*outcome);
  EXPECT_EQ(outcome->stdout_data.find("euid=0 "), std::string::npos) << Describe(*outcome);
  EXPECT_NE(outcome->stdout_data.find("passwd euid=6"), std::string::npos) << Describe(*outcome);
  witness.Check(sandbox);
}

TEST(OtherBoxTest, NeighbouringBoxIsInvisibleAndUntouchable) {
  auto sandbox = MakeSandbox(2);
  HostWitness witness;
  TempDir box_a("koodikoe-hostile-box-"), box_b("koodikoe-hostile-box-");
  const std::string name = "secret-" + witness.token();
  ASSERT_TRUE(koodikoe::WriteFile(box_a.path() + "/" + name, witness.secret() + "\n"));
  // Box A holds the secret and lives through B's attempts; B looks for it and kills all it can.
  RunSpec a;
  a.argv = {"/bin/sh", "-c", "sleep 1; cat /box/" + name};
  a.box_dir = box_a.path();
  a.stdout_stream = runner::Capture{};
  a.limits.wall_seconds = 10;
  RunSpec b = Spec("other_box_probe", {name});
  b.box_dir = box_b.path();
  auto id_a = sandbox.Start(a);
  ASSERT_TRUE(id_a) << id_a.error().Describe();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto id_b = sandbox.Start(b);
  ASSERT_TRUE(id_b) << id_b.error().Describe();
  auto outcome_b = sandbox.Wait(*id_b);
  auto outcome_a = sandbox.Wait(*id_a);
  ASSERT_TRUE(outcome_a && outcome_b);
  EXPECT_EQ(runner::StatusWord(outcome_b->status), std::string("ok")) << Describe(*outcome_b);
  EXPECT_TRUE(Escapes(*outcome_b).empty()) << Describe(*outcome_b);
  EXPECT_EQ(outcome_b->stdout_data.find(witness.secret()), std::string::npos);
  EXPECT_NE(outcome_b->stdout_data.find("processes visible: 1\n"), std::string::npos)
      << Describe(*outcome_b);
  EXPECT_EQ(runner::StatusWord(outcome_a->status), std::string("ok")) << Describe(*outcome_a);
  EXPECT_EQ(outcome_a->stdout_data, witness.secret() + "\n");
  EXPECT_EQ(HeldBoxNumbers().size(), 2u);
  witness.Check(sandbox);
}

}  // namespace
}  // namespace hostile
