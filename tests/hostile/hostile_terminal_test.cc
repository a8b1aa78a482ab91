// The caller's terminal never reaches the box: without --stdin the program reads /dev/null,
// its output is relayed through pipes, a terminal given as a stream is refused, and the
// program runs in a session of its own.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hostile_support.h"
#include "koodikoe/unique_fd.h"
#include "runner/sandbox.h"

namespace hostile {
namespace {

using koodikoe::UniqueFd;

// A pseudo-terminal standing in for the caller's: 24 rows, 80 columns, echo on.
struct Pty {
  UniqueFd master;
  std::string slave_path;
};

Pty OpenPty() {
  Pty pty;
  pty.master = UniqueFd(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
  EXPECT_TRUE(pty.master.ok());
  EXPECT_EQ(::grantpt(pty.master.fd()), 0);
  EXPECT_EQ(::unlockpt(pty.master.fd()), 0);
  pty.slave_path = ::ptsname(pty.master.fd());
  winsize size{};
  size.ws_row = 24;
  size.ws_col = 80;
  EXPECT_EQ(::ioctl(pty.master.fd(), TIOCSWINSZ, &size), 0);
  return pty;
}

// Runs argv with the terminal as its controlling terminal and stdin, stdout and stderr, as a
// shell would; returns everything written to the terminal.
std::string RunOnTerminal(const Pty& pty, const std::vector<std::string>& argv) {
  pid_t child = ::fork();
  if (child == 0) {
    ::setsid();
    int slave = ::open(pty.slave_path.c_str(), O_RDWR);  // becomes the controlling terminal
    if (slave < 0) ::_exit(126);
    for (int fd = 0; fd < 3; ++fd) ::dup2(slave, fd);
    std::vector<char*> pointers;
    for (const auto& arg : argv) pointers.push_back(const_cast<char*>(arg.c_str()));
    pointers.push_back(nullptr);
    ::execv(pointers[0], pointers.data());
    ::_exit(127);
  }
  std::string output;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  for (;;) {
    pollfd ready{pty.master.fd(), POLLIN, 0};
    if (::poll(&ready, 1, 50) > 0 && (ready.revents & POLLIN)) {
      char buffer[4096];
      ssize_t n = ::read(pty.master.fd(), buffer, sizeof buffer);
      if (n > 0) output.append(buffer, static_cast<size_t>(n));
    }
    if (::waitpid(child, &status, WNOHANG) == child) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      ADD_FAILURE() << "koodikoe run on a terminal did not end within 60 s";
      break;
    }
  }
  pollfd rest{pty.master.fd(), POLLIN, 0};
  while (::poll(&rest, 1, 50) > 0 && (rest.revents & POLLIN)) {
    char buffer[4096];
    ssize_t n = ::read(pty.master.fd(), buffer, sizeof buffer);
    if (n <= 0) break;
    output.append(buffer, static_cast<size_t>(n));
  }
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  return output;
}

TEST(TerminalTest, ProgramCannotReachTheCallersTerminal) {
  Pty pty = OpenPty();
  std::string output =
      RunOnTerminal(pty, {KOODIKOE_RUN_BINARY, "run", "--bind", ProgramsDir() + ":" + kInside, "--",
                          std::string(kInside) + "/tty_attack"});
  EXPECT_EQ(output.find("ESCAPED"), std::string::npos) << output;
  EXPECT_NE(output.find("blocked: open /dev/tty"), std::string::npos) << output;
  EXPECT_NE(output.find("a session of its own"), std::string::npos) << output;
  EXPECT_NE(output.find("checked terminals"), std::string::npos) << output;
  EXPECT_NE(output.find("\"status\":\"ok\""), std::string::npos) << output;
  // The terminal is as the caller left it: echo on, 24 x 80.
  termios settings{};
  ASSERT_EQ(::tcgetattr(pty.master.fd(), &settings), 0);
  EXPECT_TRUE(settings.c_lflag & ECHO) << "the box turned the caller's echo off";
  winsize size{};
  ASSERT_EQ(::ioctl(pty.master.fd(), TIOCGWINSZ, &size), 0);
  EXPECT_EQ(size.ws_row, 24);
  EXPECT_EQ(size.ws_col, 80);
}

TEST(TerminalTest, LibraryRefusesATerminalAsAStream) {
  auto sandbox = runner::Sandbox::Create();
  ASSERT_TRUE(sandbox) << sandbox.error().Describe();
  Pty pty = OpenPty();
  UniqueFd slave(::open(pty.slave_path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
  ASSERT_TRUE(slave.ok());
  runner::RunSpec spec;
  spec.argv = {"/bin/true"};
  spec.stdin_stream = runner::Descriptor{slave.fd()};
  EXPECT_FALSE(sandbox->Run(spec)) << "a terminal as stdin";
  spec.stdin_stream = runner::NullStream{};
  spec.stdout_stream = runner::Descriptor{slave.fd()};
  EXPECT_FALSE(sandbox->Run(spec)) << "a terminal as stdout";
  spec.stdout_stream = runner::NullStream{};
  spec.stdin_stream = runner::FilePath{pty.slave_path};
  auto refused = sandbox->Run(spec);
  ASSERT_FALSE(refused) << "a terminal named as --stdin";
  EXPECT_NE(refused.error().Describe().find("not a regular file"), std::string::npos)
      << refused.error().Describe();
  // Inherit while the caller's stdin is the terminal.
  UniqueFd saved(::fcntl(0, F_DUPFD_CLOEXEC, 3));
  ASSERT_EQ(::dup2(slave.fd(), 0), 0);
  spec.stdin_stream = runner::Inherit{};
  auto inherited = sandbox->Run(spec);
  ASSERT_EQ(::dup2(saved.fd(), 0), 0);
  EXPECT_FALSE(inherited) << "the caller's terminal as stdin";
}

}  // namespace
}  // namespace hostile
