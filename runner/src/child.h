// The privileged part of the runner: everything between clone() and execve().
//
// The parent prepares a ChildPlan (every path, argv, env, limit and the seccomp program);
// the cloned child only walks it. The child allocates nothing, takes no locks and never
// logs: a failure goes back to the parent as (step, errno) over the report pipe.
#pragma once

#include <linux/filter.h>
#include <sys/resource.h>
#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace runner {

enum class Step : int32_t {
  kNone = 0,
  kCgroup,
  kUserNamespace,
  kCgroupNamespace,
  kNetwork,
  kMountPrivate,
  kMountRoot,
  kMountLayout,
  kPivotRoot,
  kRootReadOnly,
  kHostname,
  kUndumpable,
  kFork,
  kSession,
  kSignals,
  kStdio,
  kCloseFds,
  kRlimits,
  kWorkingDir,
  kCapabilities,
  kCredentials,
  kNoNewPrivs,
  kSeccomp,
  kExec,
};
const char* StepName(Step step);

// What the box's init sends the parent: a failed step, or the program's wait status.
struct ChildReport {
  enum Kind : int32_t { kSetupFailed = 1, kProgramEnded = 2 } kind;
  Step step;
  int32_t error;        // errno of the failed step
  int32_t wait_status;  // of the program, with kProgramEnded
  int64_t ended_ns;     // CLOCK_MONOTONIC when init reaped the program, with kProgramEnded
};

// One entry of the new root, applied in order below the root mount point.
struct LayoutEntry {
  // kAttach: move the detached mount `mount_fd` to target. kOverlay: an overlay at target
  // with the options in source, paths relative to the root. kDetach: unmount target lazily
  // (what was mounted on it stays in use where it was bound) and remove the mount point.
  enum Kind {
    kDir,
    kSymlink,
    kFile,
    kBind,
    kTmpfs,
    kProc,
    kDevice,
    kAttach,
    kOverlay,
    kDetach,
  } kind;
  std::string target;  // absolute host path below the root mount point
  std::string source;  // symlink target, file contents, bind source, tmpfs options
  bool writable = false;
  bool is_dir = true;       // for binds: a directory (else a file mount point is created)
  unsigned long flags = 0;  // extra mount flags (MS_NOSUID, MS_NODEV, MS_NOEXEC)
  dev_t device = 0;         // for kDevice
  // For binds: an fd the parent opened on the source; the mounted directory must be that very
  // inode, or the step fails.
  int same_as_fd = -1;
  int mount_fd = -1;  // for kAttach
};

struct ChildPlan {
  int report_fd = -1;                 // write end; close-on-exec
  std::vector<int> cgroup_procs_fds;  // written "0" to join the box's cgroups

  bool user_namespace = false;   // unprivileged mode
  std::string uid_map, gid_map;  // for user_namespace

  int netns_fd = -1;  // setns into this (a pooled or shared namespace)
  bool loopback_up = false;

  std::string root;          // host directory the new root is mounted on
  std::string root_options;  // tmpfs options of the root
  std::vector<LayoutEntry> layout;

  uid_t uid = 65534;
  gid_t gid = 65534;
  std::vector<std::pair<int, rlimit>> rlimits;
  std::string working_dir;

  int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1;

  std::vector<std::string> argv_storage, env_storage;
  std::vector<char*> argv, envp;  // null-terminated views of the storage

  sock_fprog seccomp{};

  // Stack of the program child, which shares init's memory until exec.
  static constexpr size_t kProgramStackSize = 256 * 1024;
  std::unique_ptr<char[]> program_stack{new char[kProgramStackSize]};
};

// Entry of the cloned child (pid 1 of the box). Never returns.
[[noreturn]] void ChildMain(const ChildPlan& plan);

}  // namespace runner
