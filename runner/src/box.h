// The parent's record of one running box: its slot, process, cgroup, streams and outcome.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "box_disk.h"
#include "cgroup.h"
#include "child.h"
#include "koodikoe/unique_fd.h"
#include "names.h"
#include "runner/sandbox.h"

namespace runner {

using Clock = std::chrono::steady_clock;

enum class KillReason { kNone, kCpu, kWall, kOutput, kCaller };

// A box slot of this Sandbox: a machine-wide box number held by a lock file, and the
// empty network namespace its `--net none` runs share (see netns.h).
struct Slot {
  int number = -1;
  UniqueFd lock;
  UniqueFd empty_netns;
  bool busy = false;
};

// Copies a box's stdout or stderr to its destination, counting bytes against the cap.
struct Relay {
  UniqueFd source;       // read end of the program's pipe
  int destination = -1;  // -1: capture into `captured`
  UniqueFd owned_destination;
  std::string* captured = nullptr;
  char last_byte = '\n';
};

struct Box {
  int id = 0;
  Slot* slot = nullptr;
  pid_t pid = -1;
  UniqueFd pidfd;
  UniqueFd report;
  std::unique_ptr<CgroupLease> cgroup;
  Relay relays[2];
  Limits limits;
  Clock::time_point start, wall_deadline, next_cpu_check;
  KillReason killed = KillReason::kNone;
  uint64_t output_bytes = 0;
  std::string report_bytes;
  UniqueFd box_dir;
  struct stat box_dir_owner {};
  bool pin_netns = false;       // a fresh empty namespace to keep for the slot's next runs
  std::optional<BoxDisk> disk;  // its own /tmp and /box upper layer, where it has one
  bool disk_full = false;
  Outcome outcome;
};

// Opens what the program's stdin, stdout and stderr come from and go to (relays for what the
// parent copies and counts); the fds the child needs go to `plan`, owned by `child_ends`.
Result<void> OpenStreams(const RunSpec& spec, Box& box, ChildPlan& plan,
                         std::vector<UniqueFd>& child_ends);

// The outcome's status, limit, exit code, signal and message from what the box's init
// reported, what the cgroup counted and why the parent killed it. `weaknesses` leads the
// message (weaker limits on this machine).
void Classify(Box& box, const CgroupUsage& usage, const std::vector<ChildReport>& reports,
              const std::string& weaknesses);

}  // namespace runner
