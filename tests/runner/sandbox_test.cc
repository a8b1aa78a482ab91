// The runner contract through the library: status words, limits, streams, isolation basics.
#include "runner/sandbox.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "gtest/gtest.h"
#include "koodikoe/files.h"

namespace runner {
namespace {

namespace fs = std::filesystem;

class SandboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Sandbox::Create({.slots = 4});
    ASSERT_TRUE(created) << created.error().Describe();
    sandbox_ = std::make_unique<Sandbox>(std::move(*created));
    char pattern[] = "/tmp/koodikoe-test-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunSpec Spec(std::vector<std::string> argv) {
    RunSpec spec;
    spec.argv = std::move(argv);
    spec.limits.cpu_seconds = 2;
    spec.limits.wall_seconds = 10;
    spec.stdout_stream = Capture{};
    spec.stderr_stream = Capture{};
    return spec;
  }

  Outcome MustRun(const RunSpec& spec) {
    auto outcome = sandbox_->Run(spec);
    EXPECT_TRUE(outcome) << outcome.error().Describe();
    return outcome ? *outcome : Outcome{};
  }

  std::unique_ptr<Sandbox> sandbox_;
  std::string dir_;
};

struct StatusCase {
  const char* name;
  std::vector<std::string> argv;
  Limits limits;
  Status status;
  const char* limit;
};

TEST_F(SandboxTest, StatusWords) {
  Limits tight;
  tight.cpu_seconds = 0.3;
  tight.wall_seconds = 5;
  Limits short_wall;
  short_wall.cpu_seconds = 1;
  short_wall.wall_seconds = 0.5;
  Limits small_memory;
  small_memory.memory_bytes = 64u << 20;
  Limits small_output;
  small_output.output_bytes = 1u << 20;
  const StatusCase cases[] = {
      {"true", {"/bin/true"}, {}, Status::kOk, ""},
      {"false", {"/bin/false"}, {}, Status::kRuntimeError, ""},
      {"segfault", {"/bin/sh", "-c", "kill -SEGV $$"}, {}, Status::kRuntimeError, ""},
      {"cpu spin",
       {"/usr/bin/python3", "-c", "while True: pass"},
       tight,
       Status::kTimeLimit,
       "cpu"},
      {"sleep", {"/bin/sleep", "30"}, short_wall, Status::kTimeLimit, "wall"},
      {"memory hog",
       {"/usr/bin/python3", "-c", "x = bytearray(200 * 1024 * 1024)"},
       small_memory,
       Status::kMemoryLimit,
       ""},
      {"output flood", {"/usr/bin/yes"}, small_output, Status::kOutputLimit, "output"},
  };
  for (const auto& c : cases) {
    RunSpec spec = Spec(c.argv);
    spec.limits = c.limits;
    if (spec.limits.wall_seconds == 0) spec.limits.wall_seconds = 10;
    Outcome outcome = MustRun(spec);
    EXPECT_EQ(StatusWord(outcome.status), std::string(StatusWord(c.status)))
        << c.name << ": " << outcome.message;
    EXPECT_EQ(outcome.limit, c.limit) << c.name;
  }
}

TEST_F(SandboxTest, ExitCodeAndSignalAreReported) {
  Outcome exited = MustRun(Spec({"/bin/sh", "-c", "exit 3"}));
  EXPECT_EQ(exited.exit_code, 3);
  EXPECT_EQ(exited.signal, 0);
  Outcome signaled = MustRun(Spec({"/bin/sh", "-c", "kill -ABRT $$"}));
  EXPECT_EQ(signaled.signal, SIGABRT);
}

TEST_F(SandboxTest, MissingProgramIsARuntimeErrorWithAMessage) {
  Outcome outcome = MustRun(Spec({"/no/such/program"}));
  EXPECT_EQ(outcome.status, Status::kRuntimeError);
  EXPECT_EQ(outcome.exit_code, 127);
  EXPECT_NE(outcome.message.find("No such file"), std::string::npos) << outcome.message;
}

TEST_F(SandboxTest, ProgramNameIsLookedUpInUsrBin) {
  Outcome outcome = MustRun(Spec({"python3", "-c", "print(6 * 7)"}));
  EXPECT_EQ(outcome.status, Status::kOk) << outcome.message;
  EXPECT_EQ(outcome.stdout_data, "42\n");
}

TEST_F(SandboxTest, EnvironmentStartsEmpty) {
  ::setenv("KOODIKOE_SECRET", "do-not-leak", 1);
  RunSpec spec = Spec({"/usr/bin/env"});
  spec.env = {"ONLY=this"};
  Outcome outcome = MustRun(spec);
  EXPECT_EQ(outcome.stdout_data, "ONLY=this\n");
}

TEST_F(SandboxTest, StdinFromFileAndStdoutIntoTheBox) {
  ASSERT_TRUE(koodikoe::WriteFile(dir_ + "/in.txt", "5\n"));
  RunSpec spec = Spec({"/usr/bin/python3", "-c", "print(int(input()) * 2)"});
  spec.box_dir = dir_;
  spec.stdin_stream = FilePath{dir_ + "/in.txt"};
  spec.stdout_stream = FilePath{dir_ + "/out.txt"};
  Outcome outcome = MustRun(spec);
  EXPECT_EQ(outcome.status, Status::kOk) << outcome.message;
  EXPECT_EQ(koodikoe::ReadFile(dir_ + "/out.txt").value_or("?"), "10\n");
}

TEST_F(SandboxTest, BoxIsTheWritableWorkingDirectory) {
  RunSpec spec = Spec({"/bin/sh", "-c", "pwd; echo made > made.txt; touch /usr/x || echo ro"});
  spec.box_dir = dir_;
  Outcome outcome = MustRun(spec);
  EXPECT_EQ(outcome.stdout_data, "/box\nro\n");
  EXPECT_EQ(koodikoe::ReadFile(dir_ + "/made.txt").value_or("?"), "made\n");
  // The directory is given back to its owner after the run.
  struct stat info;
  ASSERT_EQ(::stat(dir_.c_str(), &info), 0);
  EXPECT_EQ(info.st_uid, ::getuid());
}

TEST_F(SandboxTest, BindsAreReadOnlyUnlessAskedOtherwise) {
  fs::create_directories(dir_ + "/data");
  ASSERT_TRUE(koodikoe::WriteFile(dir_ + "/data/hello.txt", "hei\n"));
  RunSpec spec = Spec({"/bin/sh", "-c", "cat /data/hello.txt; echo x > /data/new || echo denied"});
  spec.binds = {{dir_ + "/data", "/data", false}};
  Outcome outcome = MustRun(spec);
  EXPECT_EQ(outcome.stdout_data, "hei\ndenied\n");
  spec.binds[0].writable = true;
  ::chmod((dir_ + "/data").c_str(), 0777);
  outcome = MustRun(spec);
  EXPECT_EQ(outcome.stdout_data, "hei\n");
}

TEST_F(SandboxTest, BindsCannotCoverTheBoxOwnMounts) {
  for (const char* inside : {"/box/x", "/proc", "/", "/etc/passwd", "relative"}) {
    RunSpec spec = Spec({"/bin/true"});
    spec.binds = {{"/usr", inside, false}};
    auto outcome = sandbox_->Run(spec);
    EXPECT_FALSE(outcome) << inside;
  }
}

TEST_F(SandboxTest, NetworkIsNoneUnlessLoopbackIsAsked) {
  const char* probe =
      "import socket\n"
      "s = socket.socket()\n"
      "try:\n"
      "    s.bind(('127.0.0.1', 0)); s.listen(); c = socket.create_connection(s.getsockname())\n"
      "    print('up')\n"
      "except OSError as e:\n"
      "    print('down')\n";
  RunSpec spec = Spec({"/usr/bin/python3", "-c", probe});
  EXPECT_EQ(MustRun(spec).stdout_data, "down\n");
  spec.network = Network::kLoopback;
  EXPECT_EQ(MustRun(spec).stdout_data, "up\n");
  spec.network = Network::kNone;  // a pooled namespace must not keep lo up for the next run
  EXPECT_EQ(MustRun(spec).stdout_data, "down\n");
}

TEST_F(SandboxTest, MemoryPeakIsReportedAndDoesNotLeakIntoTheNextRun) {
  RunSpec spec = Spec({"/usr/bin/python3", "-c", "x = bytearray(80 * 1024 * 1024); print(len(x))"});
  Outcome big = MustRun(spec);
  EXPECT_EQ(big.status, Status::kOk) << big.message;
  EXPECT_GT(big.memory_kib, 80 * 1024);
  spec.limits.memory_bytes = 32u << 20;
  EXPECT_EQ(MustRun(spec).status, Status::kMemoryLimit);
  Outcome small = MustRun(Spec({"/bin/true"}));
  EXPECT_EQ(small.status, Status::kOk);
  EXPECT_LT(small.memory_kib, 16 * 1024);
}

TEST_F(SandboxTest, ParallelBoxesRunAtOnce) {
  std::map<int, std::string> expected;
  for (int i = 0; i < 4; ++i) {
    RunSpec spec = Spec({"/bin/sh", "-c", "sleep 0.3; id -u"});
    auto id = sandbox_->Start(spec);
    ASSERT_TRUE(id) << id.error().Describe();
  }
  std::set<std::string> uids;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 4; ++i) {
    auto done = sandbox_->WaitAny();
    ASSERT_TRUE(done) << done.error().Describe();
    EXPECT_EQ(done->second.status, Status::kOk);
    uids.insert(done->second.stdout_data);
  }
  EXPECT_EQ(uids.size(), 4u) << "each box runs as a user of its own";
  EXPECT_EQ(sandbox_->running(), 0);
  EXPECT_FALSE(sandbox_->WaitAny()) << "nothing left to wait for";
  (void)start;
}

TEST_F(SandboxTest, PipesConnectTwoBoxes) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe2(pipe_fds, O_CLOEXEC), 0);
  RunSpec writer = Spec({"/bin/echo", "through the pipe"});
  writer.stdout_stream = Descriptor{pipe_fds[1]};
  // The reader lingers after end of file, so its end is clearly the later one: under load the
  // writer may still be on its way out (its pipe already closed) when a quick reader ends.
  RunSpec reader = Spec({"/bin/sh", "-c", "cat; sleep 0.2"});
  reader.stdin_stream = Descriptor{pipe_fds[0]};
  auto first = sandbox_->Start(writer);
  auto second = sandbox_->Start(reader);
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
  ASSERT_TRUE(first && second);
  auto read_out = sandbox_->Wait(*second);
  ASSERT_TRUE(read_out);
  EXPECT_EQ(read_out->stdout_data, "through the pipe\n");
  auto write_out = sandbox_->Wait(*first);
  ASSERT_TRUE(write_out);
  // Reaped in the other order, the end times still say the writer ended first: they are
  // taken by each box's init as its program ends, not when the caller reaps the box.
  EXPECT_GT(write_out->program_ended_ns, 0);
  EXPECT_LE(write_out->program_ended_ns, read_out->program_ended_ns);
}

// A judge stops a box once the other side of an interaction is done: a program that had
// already ended by itself keeps its own status, and only one still running was cut short.
TEST_F(SandboxTest, StoppingAnEndedProgramKeepsItsOwnStatus) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe2(pipe_fds, O_CLOEXEC), 0);
  koodikoe::UniqueFd read_end(pipe_fds[0]);
  RunSpec spec = Spec({"/bin/echo", "done"});
  spec.stdout_stream = Descriptor{pipe_fds[1]};
  auto ended = sandbox_->Start(spec);
  ::close(pipe_fds[1]);
  ASSERT_TRUE(ended) << ended.error().Describe();
  char buffer[64];
  while (::read(read_end.fd(), buffer, sizeof buffer) > 0) {
  }
  ::usleep(300000);  // end of file came as the program exited; let its init report it
  sandbox_->Kill(*ended);
  auto kept = sandbox_->Wait(*ended);
  ASSERT_TRUE(kept) << kept.error().Describe();
  EXPECT_EQ(kept->status, Status::kOk) << kept->message;
  EXPECT_EQ(kept->exit_code, 0);

  auto running = sandbox_->Start(Spec({"/bin/sleep", "30"}));
  ASSERT_TRUE(running) << running.error().Describe();
  sandbox_->Kill(*running);
  auto stopped = sandbox_->Wait(*running);
  ASSERT_TRUE(stopped) << stopped.error().Describe();
  EXPECT_EQ(stopped->status, Status::kRuntimeError);
  EXPECT_NE(stopped->message.find("stopped by the caller"), std::string::npos);
}

// The box is cloned from a caller that may be starting and ending threads of its own (a
// judge's relays, a server's pool). The copy must never wait on a thread that exists only
// in the caller: a box started while another thread was half created used to hang in
// setresuid until its wall limit.
TEST_F(SandboxTest, BoxesStartWhileTheCallerMakesThreads) {
  std::atomic<bool> stop{false};
  std::thread churn([&] {
    while (!stop) std::thread([] {}).join();
  });
  int ok = 0;
  for (int i = 0; i < 60; ++i) {
    RunSpec spec = Spec({"/bin/true"});
    spec.limits.wall_seconds = 3;
    Outcome outcome = MustRun(spec);
    EXPECT_EQ(outcome.status, Status::kOk) << "run " << i << ": " << outcome.message;
    if (outcome.status == Status::kOk) ++ok;
  }
  stop = true;
  churn.join();
  EXPECT_EQ(ok, 60);
}

TEST(OutcomeJsonTest, HasTheContractFields) {
  Outcome outcome;
  outcome.status = Status::kTimeLimit;
  outcome.limit = "cpu";
  outcome.signal = SIGKILL;
  auto json = nlohmann::json::parse(OutcomeJson(outcome));
  for (const char* key :
       {"status", "exit_code", "signal", "cpu_ms", "wall_ms", "memory_kib", "limit", "message"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  EXPECT_EQ(json["status"], "time_limit_exceeded");
  EXPECT_EQ(json["limit"], "cpu");
  EXPECT_EQ(json["signal"], 9);
  EXPECT_TRUE(json["exit_code"].is_null());
  outcome = Outcome{};
  outcome.status = Status::kOk;
  json = nlohmann::json::parse(OutcomeJson(outcome));
  EXPECT_TRUE(json["signal"].is_null());
  EXPECT_TRUE(json["limit"].is_null());
  EXPECT_EQ(json["exit_code"], 0);
}

TEST(ParseTest, SizesAndSeconds) {
  EXPECT_EQ(koodikoe::ParseSize("256M").value(), 256u << 20);
  EXPECT_EQ(koodikoe::ParseSize("1G").value(), 1u << 30);
  EXPECT_EQ(koodikoe::ParseSize("64k").value(), 64u << 10);
  EXPECT_EQ(koodikoe::ParseSize("4096").value(), 4096u);
  EXPECT_EQ(koodikoe::ParseSize("1.5M").value(), 1536u << 10);
  for (const char* bad : {"", "M", "-1M", "12Q", "nan", "1e30G"}) {
    EXPECT_FALSE(koodikoe::ParseSize(bad)) << bad;
  }
  EXPECT_DOUBLE_EQ(koodikoe::ParseSeconds("0.5").value(), 0.5);
  for (const char* bad : {"", "-1", "1s", "inf", "nan"}) {
    EXPECT_FALSE(koodikoe::ParseSeconds(bad)) << bad;
  }
}

}  // namespace
}  // namespace runner
