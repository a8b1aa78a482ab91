// Boxes running at the same time must not reach each other, nor the host's memory, through
// the kernel's shared state: file locks on the files they all see, and socket buffers.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "hostile_support.h"
#include "koodikoe/unique_fd.h"
#include "runner/sandbox.h"

namespace hostile {
namespace {

using koodikoe::UniqueFd;

// Reads `fd` until `text` has been seen or 30 s have passed; returns what was read.
std::string ReadUntil(int fd, const std::string& text) {
  std::string seen;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (seen.find(text) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, 100) <= 0) continue;
    char buffer[4096];
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    seen.append(buffer, static_cast<size_t>(n));
  }
  return seen;
}

TEST(LockTest, ABoxCannotSeeTheLocksOfAnother) {
  auto sandbox = runner::Sandbox::Create({.slots = 2});
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  HostWitness witness;
  // Files every box sees: the base layout's, a caller's read-only bind (the programs), the
  // /etc the box gets from the host.
  const std::vector<std::string> files = {"/usr/bin/env", std::string(kInside) + "/lock_probe",
                                          "/etc/alternatives/awk",
                                          "/etc/java-17-openjdk/logging.properties"};
  int pipe_fds[2];
  ASSERT_EQ(::pipe2(pipe_fds, O_CLOEXEC), 0);
  UniqueFd holder_out(pipe_fds[0]);
  std::vector<std::string> hold_args = {"hold"};
  hold_args.insert(hold_args.end(), files.begin(), files.end());
  runner::RunSpec holder = Spec("lock_probe", hold_args);
  holder.stdout_stream = runner::Descriptor{pipe_fds[1]};
  holder.limits.wall_seconds = 60;
  auto held = sandbox->Start(holder);
  ::close(pipe_fds[1]);
  ASSERT_TRUE(held) << held.error().Describe();
  std::string said = ReadUntil(holder_out.fd(), "locked\n");
  ASSERT_NE(said.find("locked\n"), std::string::npos) << said;

  std::vector<std::string> probe_args = {"probe"};
  probe_args.insert(probe_args.end(), files.begin(), files.end());
  auto probe = sandbox->Run(Spec("lock_probe", probe_args));
  sandbox->Kill(*held);
  (void)sandbox->Wait(*held);
  ASSERT_TRUE(probe) << probe.error().Describe();
  EXPECT_EQ(runner::StatusWord(probe->status), std::string("ok")) << Describe(*probe);
  EXPECT_TRUE(Escapes(*probe).empty()) << "holder said: " << said << "\n" << Describe(*probe);
  EXPECT_NE(probe->stdout_data.find("flock free: /usr/bin/env"), std::string::npos)
      << Describe(*probe);
  witness.Check(*sandbox);
}

TEST(LockTest, SqliteInTheBoxStillLocks) {
  auto sandbox = runner::Sandbox::Create();
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  TempDir box("koodikoe-hostile-box-");
  runner::RunSpec spec = Spec("sqlite_box.py");
  spec.box_dir = box.path();
  spec.limits.cpu_seconds = 20;
  spec.limits.wall_seconds = 60;
  auto outcome = sandbox->Run(spec);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  for (const char* line :
       {"/box wal: 200 rows, 0 workers failed\n", "/box delete: 200 rows, 0 workers failed\n",
        "/tmp wal: 200 rows, 0 workers failed\n", "/tmp delete: 200 rows, 0 workers failed\n"}) {
    EXPECT_NE(outcome->stdout_data.find(line), std::string::npos) << line << Describe(*outcome);
  }
  // The databases come back to the caller.
  EXPECT_EQ(::access((box.path() + "/wal.db").c_str(), R_OK), 0);
  EXPECT_EQ(::access((box.path() + "/delete.db").c_str(), R_OK), 0);
}

}  // namespace
}  // namespace hostile
