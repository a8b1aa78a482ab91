// runner::Sandbox runs one untrusted program at a time per box, isolated by namespaces,
// a fresh root, an unprivileged box user, cgroups, rlimits and a seccomp filter.
//
// Thread safety: a Sandbox is used from one thread, and the process that owns it should be
// single-threaded (it clones children). Multithreaded programs hand runs to a single-threaded
// helper process, as the web server does with `koodikoe judge-helper`
// (web/src/queue/judge_client.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "koodikoe/result.h"

namespace runner {

using koodikoe::Error;
using koodikoe::Result;

struct Limits {
  double cpu_seconds = 1.0;              // CPU time of all tasks of the box; 0 = none
  double wall_seconds = 0;               // 0 = 2 * cpu_seconds + 1
  uint64_t memory_bytes = 256u << 20;    // cgroup memory, tmpfs pages included; 0 = none
  int max_processes = 64;                // tasks (processes and threads)
  uint64_t output_bytes = 64u << 20;     // stdout + stderr relayed or captured
  uint64_t file_size_bytes = 64u << 20;  // largest file the program may write
  int open_files = 256;
  uint64_t stack_bytes = 0;  // 0 = same as memory_bytes (unlimited if that is 0)
  // What /box and /tmp may hold together (the box's own tmpfs, charged to its memory); when
  // full, the outcome is kOutputLimit with limit "disk". 0 = bounded by memory_bytes alone.
  uint64_t disk_bytes = 256u << 20;
  // Size of /tmp where the box has no disk of its own (a user namespace without privilege,
  // where /box is the host directory itself); elsewhere /tmp shares disk_bytes with /box.
  uint64_t tmp_bytes = 64u << 20;
};

enum class Network { kNone, kLoopback };

struct Bind {
  std::string host;    // absolute path on the host
  std::string inside;  // absolute path inside the box
  bool writable = false;
};

// Where a standard stream of the program comes from or goes to.
// The box never gets a terminal: Inherit and Descriptor refuse one (Sandbox::Run fails).
struct Inherit {};     // the caller's own stream (stdout/stderr are relayed and counted)
struct NullStream {};  // /dev/null
// A host file: a regular file (or /dev/null), never a fifo, device or socket; opened without
// following symlinks below the box and without blocking, else never through a final link.
struct FilePath {
  std::string path;
};
struct Capture {};   // into Outcome::stdout_data / stderr_data (stdout/stderr only)
struct Descriptor {  // a caller-owned fd passed straight through (pipes between boxes)
  int fd = -1;
};
using Stream = std::variant<Inherit, NullStream, FilePath, Capture, Descriptor>;

struct RunSpec {
  std::vector<std::string> argv;  // argv[0] is the program's path inside the box
  std::vector<std::string> env;   // "K=V"; the environment starts empty
  Limits limits;
  std::string box_dir;  // host directory mounted read-write at /box; "" = none
  std::string working_dir = "/box";
  std::vector<Bind> binds;
  Network network = Network::kNone;
  // When set, the box joins the network namespace of that running box instead of getting
  // its own (a service and the client that tests it).
  std::optional<int> join_network_of;
  Stream stdin_stream = NullStream{};
  Stream stdout_stream = Inherit{};
  Stream stderr_stream = Inherit{};
};

enum class Status {
  kOk,
  kRuntimeError,
  kTimeLimit,
  kMemoryLimit,
  kOutputLimit,
  kSecurityViolation,
  kInternalError,
};

// The contract's status words: "ok", "runtime_error", ...
const char* StatusWord(Status status);

struct Outcome {
  Status status = Status::kInternalError;
  int exit_code = 0;  // meaningful when signal == 0
  int signal = 0;     // fatal signal, 0 if the program exited
  int64_t cpu_ms = 0;
  int64_t wall_ms = 0;
  int64_t memory_kib = 0;  // peak
  // CLOCK_MONOTONIC (steady_clock) nanoseconds when the program ended, 0 if unknown. Orders
  // boxes that end close together better than the order in which they are reaped.
  int64_t program_ended_ns = 0;
  // "cpu" | "wall" for kTimeLimit; "output" | "disk" for kOutputLimit; else ""
  std::string limit;
  std::string message;      // what a person should know (weaker limits, setup failure)
  std::string stdout_data;  // with Capture
  std::string stderr_data;
  bool stdout_unterminated = false;  // relayed stdout did not end with a newline
};

// The contract's JSON object (one line).
std::string OutcomeJson(const Outcome& outcome);

struct SandboxOptions {
  // Run even where cgroups cannot be used; Outcome::message then says what is weaker.
  bool allow_weak_limits = false;
  // Box slots this Sandbox may use concurrently; each has its own uid and cgroup.
  int slots = 1;
};

class Sandbox {
 public:
  // Prepares everything reusable: the seccomp program, cgroup roots, the mount point.
  static Result<Sandbox> Create(const SandboxOptions& options = {});

  Sandbox(Sandbox&&) noexcept;
  Sandbox& operator=(Sandbox&&) noexcept;
  ~Sandbox();

  // Starts the program and waits for it. Program failures are an Outcome; only failures of
  // the sandbox itself are an Error.
  [[nodiscard]] Result<Outcome> Run(const RunSpec& spec);

  // Starts a box and returns its id without waiting (needs a free slot).
  [[nodiscard]] Result<int> Start(const RunSpec& spec);
  // Waits for any started box; returns its id and outcome.
  [[nodiscard]] Result<std::pair<int, Outcome>> WaitAny();
  // Waits for one started box.
  [[nodiscard]] Result<Outcome> Wait(int box_id);
  // Kills a started box now (its outcome still comes from Wait).
  void Kill(int box_id);
  int running() const;
  int slots() const;
  // What is weaker than asked on this machine ("" if nothing).
  const std::string& weaknesses() const;

 private:
  struct Impl;
  explicit Sandbox(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace runner
