// Limits at their edge, many boxes at once, and the CLI run by an unprivileged user.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "hostile_support.h"
#include "koodikoe/files.h"
#include "runner/sandbox.h"

namespace hostile {
namespace {

using runner::Outcome;
using runner::RunSpec;

// Runs `count` copies of `spec`, two at a time (the machine has two cores), and returns the
// outcomes.
std::vector<Outcome> RunMany(runner::Sandbox& sandbox, const RunSpec& spec, int count) {
  std::vector<Outcome> outcomes;
  int started = 0;
  while (static_cast<int>(outcomes.size()) < count) {
    while (started < count && sandbox.running() < sandbox.slots()) {
      auto id = sandbox.Start(spec);
      if (!id) {
        ADD_FAILURE() << id.error().Describe();
        return outcomes;
      }
      ++started;
    }
    auto done = sandbox.WaitAny();
    if (!done) {
      ADD_FAILURE() << done.error().Describe();
      return outcomes;
    }
    outcomes.push_back(done->second);
  }
  return outcomes;
}

// 0.9 s of CPU under a 1 s limit, 20 times: never a time limit. The wall limit is generous
// so a loaded machine cannot turn a run into a wall-clock kill.
TEST(CpuLimitTest, NinetyPercentOfTheLimitIsOkTwentyTimes) {
  auto sandbox = runner::Sandbox::Create({.slots = 2});
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  RunSpec spec = Spec("cpu_burn", {"900"});
  spec.limits.cpu_seconds = 1;
  spec.limits.wall_seconds = 30;
  for (const auto& outcome : RunMany(*sandbox, spec, 20)) {
    EXPECT_EQ(runner::StatusWord(outcome.status), std::string("ok")) << Describe(outcome);
    EXPECT_GE(outcome.cpu_ms, 900);
    EXPECT_LT(outcome.cpu_ms, 1000);
  }
}

// 1.2 s of CPU under a 1 s limit, 20 times: always time_limit_exceeded, limit "cpu".
TEST(CpuLimitTest, HundredTwentyPercentOfTheLimitIsTimeLimitTwentyTimes) {
  auto sandbox = runner::Sandbox::Create({.slots = 2});
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  RunSpec spec = Spec("cpu_burn", {"1200"});
  spec.limits.cpu_seconds = 1;
  spec.limits.wall_seconds = 30;
  for (const auto& outcome : RunMany(*sandbox, spec, 20)) {
    EXPECT_EQ(runner::StatusWord(outcome.status), std::string("time_limit_exceeded"))
        << Describe(outcome);
    EXPECT_EQ(outcome.limit, "cpu") << Describe(outcome);
    EXPECT_GE(outcome.cpu_ms, 1000);
    EXPECT_LT(outcome.cpu_ms, 1200) << "the box was not stopped at its limit";
  }
}

// Eight boxes of one Sandbox at once: six ordinary ones, a fork bomb and a memory bomb. Each
// gets its own uid and sees only its own /box; the bombs do not disturb the others.
TEST(ParallelTest, EightBoxesOfOneSandboxDoNotInterfere) {
  auto sandbox = runner::Sandbox::Create({.slots = 8});
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  HostWitness witness;
  std::vector<std::unique_ptr<TempDir>> boxes;
  std::map<int, int> box_of_id;
  for (int i = 0; i < 8; ++i) {
    boxes.push_back(std::make_unique<TempDir>("koodikoe-hostile-box-"));
    RunSpec spec;
    if (i == 6) {
      spec = Spec("fork_bomb");
      spec.limits.max_processes = 16;
      spec.limits.cpu_seconds = 0.5;
    } else if (i == 7) {
      spec = Spec("memory_bomb");
      spec.limits.memory_bytes = 64u << 20;
    } else {
      spec = Spec("ignored");
      spec.argv = {"/bin/sh", "-c",
                   "echo " + std::to_string(i) +
                       " > mine; sleep 0.3; id -u; ls /box; kill -9 -1 2>/dev/null; exit 0"};
    }
    spec.box_dir = boxes.back()->path();
    auto id = sandbox->Start(spec);
    ASSERT_TRUE(id) << id.error().Describe();
    box_of_id[*id] = i;
  }
  std::set<std::string> uids;
  for (int n = 0; n < 8; ++n) {
    auto done = sandbox->WaitAny();
    ASSERT_TRUE(done) << done.error().Describe();
    int i = box_of_id[done->first];
    const Outcome& outcome = done->second;
    if (i == 6) {
      EXPECT_EQ(runner::StatusWord(outcome.status), std::string("time_limit_exceeded"))
          << Describe(outcome);
    } else if (i == 7) {
      EXPECT_EQ(runner::StatusWord(outcome.status), std::string("memory_limit_exceeded"))
          << Describe(outcome);
    } else {
      // Its "kill -9 -1" reached nothing outside its own box: the others still finish.
      EXPECT_EQ(runner::StatusWord(outcome.status), std::string("ok")) << Describe(outcome);
      std::string uid = outcome.stdout_data.substr(0, outcome.stdout_data.find('\n'));
      uids.insert(uid);
      EXPECT_EQ(outcome.stdout_data, uid + "\nmine\n") << "box " << i << " saw another's files";
      EXPECT_EQ(koodikoe::ReadFile(boxes[i]->path() + "/mine").value_or(""),
                std::to_string(i) + "\n");
    }
  }
  EXPECT_EQ(uids.size(), 6u) << "two boxes shared a uid";
  EXPECT_EQ(HeldBoxNumbers().size(), 8u);
  witness.Check(*sandbox);
}

// Eight `koodikoe run` processes at once: each finds its own box number.
TEST(ParallelTest, EightCliProcessesDoNotInterfere) {
  HostWitness witness;
  TempDir scratch("koodikoe-hostile-cli-");
  std::vector<std::unique_ptr<TempDir>> boxes;
  std::vector<CliProcess> processes;
  for (int i = 0; i < 8; ++i) {
    boxes.push_back(std::make_unique<TempDir>("koodikoe-hostile-box-"));
    processes.push_back(StartCli({"--box", boxes.back()->path(), "--wall", "20", "--", "/bin/sh",
                                  "-c", "echo " + std::to_string(i) + " > mine; sleep 0.3; id -u"},
                                 scratch.path()));
  }
  std::set<int> box_numbers;
  for (int i = 0; i < 8; ++i) {
    CliRun run = FinishCli(processes[i]);
    EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
    auto result = nlohmann::json::parse(run.result_line, nullptr, false);
    ASSERT_FALSE(result.is_discarded()) << run.stdout_text << run.stderr_text;
    EXPECT_EQ(result["status"], "ok") << run.stdout_text;
    int uid = std::atoi(run.stdout_text.c_str());
    EXPECT_GE(uid, 60000);
    box_numbers.insert(uid - 60000);
    EXPECT_EQ(koodikoe::ReadFile(boxes[i]->path() + "/mine").value_or(""),
              std::to_string(i) + "\n");
  }
  EXPECT_EQ(box_numbers.size(), 8u) << "two processes shared a box number";
  std::vector<int> numbers(box_numbers.begin(), box_numbers.end());
  EXPECT_TRUE(BoxProcesses(numbers).empty());
  EXPECT_TRUE(LeftoverCgroups(numbers).empty());
  auto sandbox = runner::Sandbox::Create();
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  RunSpec first;
  first.argv = {"/bin/true"};
  ASSERT_TRUE(sandbox->Run(first));
  witness.Check(*sandbox);
}

// `koodikoe run` by an ordinary user: user namespaces instead of root, and no cgroups (they
// are root's here), so it runs only with --allow-weak-limits and says what is weaker.
class UnprivilegedTest : public testing::Test {
 protected:
  void SetUp() override {
    // The binary must be somewhere nobody can reach: a copy in a fresh directory.
    ::chmod(dir_.path().c_str(), 0755);
    binary_ = dir_.path() + "/koodikoe";
    auto bytes = koodikoe::ReadFile(KOODIKOE_RUN_BINARY, 256u << 20);
    ASSERT_TRUE(bytes);
    ASSERT_TRUE(koodikoe::WriteFile(binary_, *bytes));
    ::chmod(binary_.c_str(), 0755);
    int status = std::system(
        "setpriv --reuid=nobody --regid=nogroup --clear-groups unshare --user true "
        ">/dev/null 2>&1");
    if (status != 0) GTEST_SKIP() << "unprivileged user namespaces are not available here";
  }

  CliRun Run(const std::vector<std::string>& args) {
    std::vector<std::string> prefix = {"setpriv",
                                       "--reuid=nobody",
                                       "--regid=nogroup",
                                       "--clear-groups",
                                       "env",
                                       "-i",
                                       "PATH=/usr/bin:/bin",
                                       "KOODIKOE_HOSTILE_SECRET=" + witness_.secret(),
                                       binary_};
    std::vector<std::string> all = {"run"};
    all.insert(all.end(), args.begin(), args.end());
    // RunCli adds the suite's own binary; run the copy through the prefix instead.
    std::vector<std::string> argv = prefix;
    argv.insert(argv.end(), all.begin(), all.end());
    TempDir scratch("koodikoe-hostile-cli-");
    CliProcess process = StartCommand(argv, scratch.path());
    return FinishCli(process);
  }

  HostWitness witness_;
  TempDir dir_{"koodikoe-hostile-unpriv-"};
  std::string binary_;
};

TEST_F(UnprivilegedTest, RefusesWithoutAllowWeakLimits) {
  CliRun run = Run({"--", "/bin/true"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE((run.stdout_text + run.stderr_text).find("--allow-weak-limits"), std::string::npos)
      << run.stdout_text << run.stderr_text;
}

TEST_F(UnprivilegedTest, RunsWithWeakLimitsAndSaysWhatIsWeaker) {
  CliRun run = Run({"--allow-weak-limits", "--", "/bin/sh", "-c", "echo hello; id -u"});
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  auto result = nlohmann::json::parse(run.result_line, nullptr, false);
  ASSERT_FALSE(result.is_discarded()) << run.stdout_text << run.stderr_text;
  EXPECT_EQ(result["status"], "ok") << run.stdout_text;
  EXPECT_EQ(run.stdout_text.rfind("hello\n", 0), 0u) << run.stdout_text;
  std::string message = result["message"];
  EXPECT_NE(message.find("weaker limits"), std::string::npos) << message;
  EXPECT_NE(message.find("unprivileged"), std::string::npos) << message;
}

TEST_F(UnprivilegedTest, EscapesAreStillKilled) {
  CliRun run = Run({"--allow-weak-limits", "--bind", ProgramsDir() + ":/hostile", "--",
                    "/hostile/escape", "unshare_user"});
  auto result = nlohmann::json::parse(run.result_line, nullptr, false);
  ASSERT_FALSE(result.is_discarded()) << run.stdout_text << run.stderr_text;
  EXPECT_EQ(result["status"], "security_violation") << run.stdout_text;
}

// In a user namespace the box's init has the program's uid: undumpable and hidden, it still
// gives away neither the caller's environment, nor its memory, nor its command line.
TEST_F(UnprivilegedTest, CallerIsInvisibleFromTheBox) {
  CliRun run = Run({"--allow-weak-limits", "--bind", ProgramsDir() + ":/hostile", "--",
                    "/hostile/read_secrets"});
  auto result = nlohmann::json::parse(run.result_line, nullptr, false);
  ASSERT_FALSE(result.is_discarded()) << run.stdout_text << run.stderr_text;
  EXPECT_EQ(result["status"], "ok") << run.stdout_text;
  EXPECT_EQ(run.stdout_text.find("ESCAPED"), std::string::npos) << run.stdout_text;
  EXPECT_EQ(run.stdout_text.find(witness_.secret()), std::string::npos) << run.stdout_text;
}

// Without privilege /box is the host directory itself: after the run it is swept of what the
// program left there for the next user (links, fifos, sockets, set-id bits), at any depth.
TEST_F(UnprivilegedTest, BoxDirectoryIsSweptAfterTheRun) {
  TempDir box("koodikoe-hostile-box-");
  ASSERT_EQ(::chown(box.path().c_str(), 65534, 65534), 0);  // nobody's, who runs it
  CliRun run = Run({"--allow-weak-limits", "--box", box.path(), "--bind",
                    ProgramsDir() + ":/hostile", "--", "/hostile/leftovers"});
  auto result = nlohmann::json::parse(run.result_line, nullptr, false);
  ASSERT_FALSE(result.is_discarded()) << run.stdout_text << run.stderr_text;
  EXPECT_EQ(result["status"], "ok") << run.stdout_text;
  EXPECT_NE(std::string(result["message"]).find("no disk quota"), std::string::npos)
      << result["message"];
  size_t depth = 0;
  auto found = BoxLeftovers(box.path(), nullptr, depth);
  EXPECT_TRUE(found.empty()) << testing::PrintToString(found);
  EXPECT_EQ(depth, 69u) << "the 70 directories stay";
}

}  // namespace
}  // namespace hostile
