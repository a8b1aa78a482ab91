// What the hostile suite checks around every run: the host must not notice the box.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "runner/sandbox.h"

namespace hostile {

// The built hostile programs on the host, and where every box sees them (a read-only bind).
std::string ProgramsDir();
inline constexpr const char* kInside = "/hostile";

// A spec running /hostile/PROGRAM (a .py file runs under /usr/bin/python3) with both output
// streams captured and modest limits: 2 s CPU, 10 s wall, 128 MiB, 32 tasks.
runner::RunSpec Spec(const std::string& program, const std::vector<std::string>& args = {});

// A fresh directory, removed (without following links) on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "koodikoe-hostile-");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The box numbers this process holds (from the box lock files it has open); box N runs as
// uid 60000 + N and has the cgroups named box-N.
std::vector<int> HeldBoxNumbers();
// Processes whose real or effective uid belongs to one of the boxes ("pid uid comm").
std::vector<std::string> BoxProcesses(const std::vector<int>& boxes);
// Cgroup directories of those boxes still present under the sandbox's cgroup bases.
std::vector<std::string> LeftoverCgroups(const std::vector<int>& boxes);
// Mounts of the sandbox's root visible on the host (there must be none).
std::vector<std::string> LeftoverMounts();

// The host side of a hostile run: a canary directory the box must not touch, a TCP and a UDP
// server on 127.0.0.1 that must receive nothing, and two sleeping processes (root and
// nobody) that must survive. Check() asserts all of it, and that the sandbox still runs.
class HostWitness {
 public:
  HostWitness();
  ~HostWitness();
  HostWitness(const HostWitness&) = delete;
  HostWitness& operator=(const HostWitness&) = delete;

  const std::string& token() const { return token_; }    // unique per witness
  const std::string& canary() const { return canary_; }  // host dir: secret, target, fifo
  std::string secret() const { return "secret-" + token_; }
  int tcp_port() const { return tcp_port_; }
  int udp_port() const { return udp_port_; }
  // Replaces {token} {canary} {tcp} {udp} in a program argument.
  std::string Expand(const std::string& text) const;

  // Adds gtest failures for everything the box changed on the host.
  void Check(runner::Sandbox& sandbox) const;

 private:
  std::string Snapshot() const;

  std::string token_;
  TempDir dir_;
  std::string canary_;
  std::string snapshot_;
  int tcp_fd_ = -1, udp_fd_ = -1;
  int tcp_port_ = 0, udp_port_ = 0;
  std::vector<pid_t> sleepers_;
};

// What must not be in a box directory after a run, one line each: anything but regular files
// and directories, set-id bits, and (when `owner` is given) entries not owned by its uid and
// gid. `depth` gets the depth of the deepest entry.
std::vector<std::string> BoxLeftovers(const std::string& dir, const struct stat* owner,
                                      size_t& depth);

// stdout lines that start with "ESCAPED:" (the programs' own report of a hole).
std::vector<std::string> Escapes(const runner::Outcome& outcome);

// "status=... exit=... signal=... message=..." plus the captured output, for failure messages.
std::string Describe(const runner::Outcome& outcome);

}  // namespace hostile

namespace hostile {

// What a `koodikoe run` process did.
struct CliRun {
  int exit_code = -1;  // 128 + signal if it was killed
  std::string stdout_text, stderr_text;
  std::string result_line;  // stdout's last line: the JSON result
};

// Runs the `koodikoe run` binary with `args` (after "run"), optionally through a prefix
// command (e.g. setpriv ... to run as another user). Waits for it.
CliRun RunCli(const std::vector<std::string>& args, const std::vector<std::string>& prefix = {});
// Starts it without waiting; Finish collects it.
struct CliProcess {
  pid_t pid = -1;
  std::string out_path, err_path;
};
CliProcess StartCli(const std::vector<std::string>& args, const std::string& scratch_dir,
                    const std::vector<std::string>& prefix = {});
CliRun FinishCli(const CliProcess& process);
// Starts any command (argv[0] looked up in PATH) the same way.
CliProcess StartCommand(const std::vector<std::string>& argv, const std::string& scratch_dir);

}  // namespace hostile
