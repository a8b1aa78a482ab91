// Runs in the cloned child: one ordered list of steps, each checked. No allocation here.
#include "child.h"

#include <fcntl.h>
#include <linux/capability.h>
#include <linux/close_range.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace runner {

const char* StepName(Step step) {
  switch (step) {
    case Step::kNone:
      return "none";
    case Step::kCgroup:
      return "join cgroup";
    case Step::kUserNamespace:
      return "user namespace maps";
    case Step::kCgroupNamespace:
      return "cgroup namespace";
    case Step::kNetwork:
      return "network namespace";
    case Step::kMountPrivate:
      return "make mounts private";
    case Step::kMountRoot:
      return "mount the new root";
    case Step::kMountLayout:
      return "build the box's file system";
    case Step::kPivotRoot:
      return "pivot_root";
    case Step::kRootReadOnly:
      return "make the root read-only";
    case Step::kHostname:
      return "hostname";
    case Step::kUndumpable:
      return "make init undumpable";
    case Step::kFork:
      return "fork the program";
    case Step::kSession:
      return "new session";
    case Step::kSignals:
      return "reset signals";
    case Step::kStdio:
      return "standard streams";
    case Step::kCloseFds:
      return "close inherited fds";
    case Step::kRlimits:
      return "rlimits";
    case Step::kWorkingDir:
      return "working directory";
    case Step::kCapabilities:
      return "drop capabilities";
    case Step::kCredentials:
      return "switch to the box user";
    case Step::kNoNewPrivs:
      return "no_new_privs";
    case Step::kSeccomp:
      return "seccomp";
    case Step::kExec:
      return "execute the program";
  }
  return "?";
}

namespace {

[[noreturn]] void ReportAndExit(const ChildPlan& plan, Step step, int error) {
  ChildReport report{ChildReport::kSetupFailed, step, error, 0, 0};
  (void)!::write(plan.report_fd, &report, sizeof report);
  ::_exit(127);
}

using StepFn = bool (*)(const ChildPlan&);

// Runs one step; on failure reports (step, errno) and exits.
void RunStep(const ChildPlan& plan, Step step, StepFn fn) {
  if (!fn(plan)) ReportAndExit(plan, step, errno);
}

bool WriteString(int fd, const char* text) {
  size_t length = std::strlen(text);
  return ::write(fd, text, length) == static_cast<ssize_t>(length);
}

bool WriteProcFile(const char* path, const std::string& text) {
  int fd = ::open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = WriteString(fd, text.c_str());
  ::close(fd);
  return ok;
}

// ---- init steps (pid 1 of the box, still privileged) ----

// Joins the box's cgroups before anything else runs, so every byte and task is counted.
bool JoinCgroups(const ChildPlan& plan) {
  for (int fd : plan.cgroup_procs_fds) {
    if (!WriteString(fd, "0")) return false;
    ::close(fd);
  }
  return true;
}

// Unprivileged mode: map the caller's uid to the box user inside the new user namespace.
bool MapUser(const ChildPlan& plan) {
  if (!plan.user_namespace) return true;
  return WriteProcFile("/proc/self/setgroups", "deny") &&
         WriteProcFile("/proc/self/uid_map", plan.uid_map) &&
         WriteProcFile("/proc/self/gid_map", plan.gid_map);
}

// The box sees its own cgroup as the root: no view of the host's cgroup paths.
bool EnterCgroupNamespace(const ChildPlan&) { return ::unshare(CLONE_NEWCGROUP) == 0; }

// No route out: a pooled empty namespace, or a fresh one from clone(); lo up on request.
bool SetUpNetwork(const ChildPlan& plan) {
  if (plan.netns_fd >= 0 && ::setns(plan.netns_fd, CLONE_NEWNET) != 0) return false;
  if (!plan.loopback_up) return true;
  int sock = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (sock < 0) return false;
  ifreq request{};
  std::strcpy(request.ifr_name, "lo");
  bool ok = ::ioctl(sock, SIOCGIFFLAGS, &request) == 0;
  request.ifr_flags |= IFF_UP | IFF_RUNNING;
  ok = ok && ::ioctl(sock, SIOCSIFFLAGS, &request) == 0;
  ::close(sock);
  return ok;
}

// Nothing we mount may propagate back to the host.
bool MakeMountsPrivate(const ChildPlan&) {
  return ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

bool MountRoot(const ChildPlan& plan) {
  return ::mount("koodikoe", plan.root.c_str(), "tmpfs", MS_NOSUID | MS_NODEV,
                 plan.root_options.c_str()) == 0;
}

// Flags a bind mount already has; a remount must keep the locked ones (user namespaces).
unsigned long ExistingMountFlags(const char* path) {
  struct statvfs info;
  if (::statvfs(path, &info) != 0) return 0;
  unsigned long flags = 0;
  if (info.f_flag & ST_NOSUID) flags |= MS_NOSUID;
  if (info.f_flag & ST_NODEV) flags |= MS_NODEV;
  if (info.f_flag & ST_NOEXEC) flags |= MS_NOEXEC;
  if (info.f_flag & ST_NOATIME) flags |= MS_NOATIME;
  if (info.f_flag & ST_NODIRATIME) flags |= MS_NODIRATIME;
  if (info.f_flag & ST_RELATIME) flags |= MS_RELATIME;
  return flags;
}

bool MakeMountPoint(const LayoutEntry& entry) {
  if (entry.is_dir) return ::mkdir(entry.target.c_str(), 0755) == 0 || errno == EEXIST;
  int fd = ::open(entry.target.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

// A path swapped between the parent's open and this bind (a symlink or rename racing the
// mount) would put another host directory at /box: the mounted inode must be the opened one.
bool IsSameFile(const char* path, int fd) {
  struct stat mounted, opened;
  if (::stat(path, &mounted) != 0 || ::fstat(fd, &opened) != 0) return false;
  if (mounted.st_dev == opened.st_dev && mounted.st_ino == opened.st_ino) return true;
  errno = ESTALE;
  return false;
}

bool BindMount(const LayoutEntry& entry) {
  if (!MakeMountPoint(entry)) return false;
  if (::mount(entry.source.c_str(), entry.target.c_str(), nullptr, MS_BIND | MS_REC, nullptr) !=
      0) {
    return false;
  }
  if (entry.same_as_fd >= 0 && !IsSameFile(entry.target.c_str(), entry.same_as_fd)) return false;
  unsigned long flags =
      MS_REMOUNT | MS_BIND | entry.flags | ExistingMountFlags(entry.target.c_str());
  if (!entry.writable) flags |= MS_RDONLY;
  return ::mount(nullptr, entry.target.c_str(), nullptr, flags, nullptr) == 0;
}

bool WriteLayoutFile(const LayoutEntry& entry) {
  int fd = ::open(entry.target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = ::write(fd, entry.source.data(), entry.source.size()) ==
            static_cast<ssize_t>(entry.source.size());
  ::close(fd);
  return ok;
}

// A mount the parent made detached (the box's disk) joins the box's tree here.
bool AttachMount(const LayoutEntry& entry) {
  return (::mkdir(entry.target.c_str(), 0755) == 0 || errno == EEXIST) &&
         ::move_mount(entry.mount_fd, "", AT_FDCWD, entry.target.c_str(),
                      MOVE_MOUNT_F_EMPTY_PATH) == 0;
}

// Relative layer paths (the working directory is the new root): they are what the box's
// /proc/self/mountinfo shows, and no host path may show there.
bool MountOverlay(const LayoutEntry& entry) {
  return (::mkdir(entry.target.c_str(), 0755) == 0 || errno == EEXIST) &&
         ::mount("overlay", entry.target.c_str(), "overlay", MS_NOSUID | MS_NODEV | entry.flags,
                 entry.source.c_str()) == 0;
}

bool DetachMount(const LayoutEntry& entry) {
  return ::umount2(entry.target.c_str(), MNT_DETACH) == 0 && ::rmdir(entry.target.c_str()) == 0;
}

bool ApplyEntry(const LayoutEntry& entry) {
  switch (entry.kind) {
    case LayoutEntry::kDir:
      return ::mkdir(entry.target.c_str(), 0755) == 0 || errno == EEXIST;
    case LayoutEntry::kSymlink:
      return ::symlink(entry.source.c_str(), entry.target.c_str()) == 0;
    case LayoutEntry::kFile:
      return WriteLayoutFile(entry);
    case LayoutEntry::kBind:
      return BindMount(entry);
    case LayoutEntry::kTmpfs:
      return (::mkdir(entry.target.c_str(), 0755) == 0 || errno == EEXIST) &&
             ::mount("tmpfs", entry.target.c_str(), "tmpfs", MS_NOSUID | entry.flags,
                     entry.source.c_str()) == 0;
    case LayoutEntry::kDevice:
      return ::mknod(entry.target.c_str(), S_IFCHR | 0666, entry.device) == 0 &&
             ::chmod(entry.target.c_str(), 0666) == 0;  // mknod applies the umask
    case LayoutEntry::kAttach:
      return AttachMount(entry);
    case LayoutEntry::kOverlay:
      return MountOverlay(entry);
    case LayoutEntry::kDetach:
      return DetachMount(entry);
    case LayoutEntry::kProc:
      // hidepid=2: the program sees only processes it could ptrace. Its init is a copy of
      // the caller, and /proc/1/cmdline would show the caller's command line to anyone.
      return (::mkdir(entry.target.c_str(), 0755) == 0 || errno == EEXIST) &&
             ::mount("proc", entry.target.c_str(), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                     "hidepid=2") == 0;
  }
  errno = EINVAL;
  return false;
}

// Only /usr, /lib*, /bin, /sbin, a minimal /etc, four devices, /proc, /tmp and /box.
bool BuildLayout(const ChildPlan& plan) {
  if (::chdir(plan.root.c_str()) != 0) return false;  // relative overlay layers start here
  for (const auto& entry : plan.layout) {
    if (!ApplyEntry(entry)) return false;
  }
  return true;
}

// Leaves the host's root behind for good: detached, not just hidden by chroot.
bool PivotRoot(const ChildPlan& plan) {
  if (::chdir(plan.root.c_str()) != 0) return false;
  if (::syscall(SYS_pivot_root, ".", ".") != 0) return false;
  if (::umount2(".", MNT_DETACH) != 0) return false;
  return ::chdir("/") == 0;
}

bool MakeRootReadOnly(const ChildPlan&) {
  return ::mount(nullptr, "/", nullptr, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, nullptr) ==
         0;
}

bool SetHostname(const ChildPlan&) { return ::sethostname("box", 3) == 0; }

// Init is a copy of the caller: its memory, environment and command line. Undumpable, no
// box process can open /proc/1/mem or /proc/1/environ, not even with init's own uid (in a
// user namespace both are the caller's uid), and hidepid hides it altogether.
bool MakeInitUndumpable(const ChildPlan&) { return ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0; }

// ---- program steps (the forked child that becomes the judged program) ----

// No controlling terminal: TIOCSTI and job-control tricks on the caller's tty are gone.
bool NewSession(const ChildPlan&) { return ::setsid() >= 0; }

// Signal dispositions and the mask survive exec: give the program a clean default set.
bool ResetSignals(const ChildPlan&) {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) {
    if (sig != SIGKILL && sig != SIGSTOP) ::sigaction(sig, &action, nullptr);
  }
  sigset_t none;
  sigemptyset(&none);
  return ::sigprocmask(SIG_SETMASK, &none, nullptr) == 0;
}

bool SetUpStdio(const ChildPlan& plan) {
  // Lift the sources above 2 first so the dup2 calls cannot clobber each other.
  int in = ::fcntl(plan.stdin_fd, F_DUPFD, 3);
  int out = ::fcntl(plan.stdout_fd, F_DUPFD, 3);
  int err = ::fcntl(plan.stderr_fd, F_DUPFD, 3);
  if (in < 0 || out < 0 || err < 0) return false;
  return ::dup2(in, 0) == 0 && ::dup2(out, 1) == 1 && ::dup2(err, 2) == 2;
}

// Every inherited fd but the standard streams and the (close-on-exec) report pipe.
bool CloseInheritedFds(const ChildPlan& plan) {
  unsigned int report = static_cast<unsigned int>(plan.report_fd);
  if (report > 3 && ::syscall(SYS_close_range, 3u, report - 1, 0u) != 0) return false;
  return ::syscall(SYS_close_range, report + 1, ~0u, 0u) == 0;
}

bool ApplyRlimits(const ChildPlan& plan) {
  for (const auto& [resource, limit] : plan.rlimits) {
    if (::setrlimit(static_cast<__rlimit_resource>(resource), &limit) != 0) return false;
  }
  return true;
}

bool EnterWorkingDir(const ChildPlan& plan) { return ::chdir(plan.working_dir.c_str()) == 0; }

// Empties the bounding and ambient sets so nothing can regain a capability by exec.
bool DropBoundingCapabilities(const ChildPlan&) {
  for (int cap = 0; cap <= CAP_LAST_CAP; ++cap) {
    if (::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL) return false;
  }
  return ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) == 0;
}

// A uid/gid of its own per box: parallel boxes cannot signal or read each other.
// Raw system calls: glibc's wrappers apply credentials to every thread of the process, and
// this copy of the caller still holds the caller's list of threads, which exist only in
// the caller. A thread the caller was just starting made the wrapper wait for it forever.
bool SwitchToBoxUser(const ChildPlan& plan) {
  if (!plan.user_namespace && ::syscall(SYS_setgroups, 0, nullptr) != 0) return false;
  if (::syscall(SYS_setresgid, plan.gid, plan.gid, plan.gid) != 0) return false;
  if (::syscall(SYS_setresuid, plan.uid, plan.uid, plan.uid) != 0) return false;
  // In a user namespace the creator keeps its capabilities across the switch: clear them.
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  return ::syscall(SYS_capset, &header, data) == 0;
}

// setuid binaries and file capabilities grant nothing from here on.
bool SetNoNewPrivs(const ChildPlan&) { return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0; }

// Last before exec: an allow-list is not needed, the deny-list kills escape and attack calls.
bool LoadSeccomp(const ChildPlan& plan) {
  return ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &plan.seccomp) == 0;
}

[[noreturn]] void ProgramMain(const ChildPlan& plan) {
  RunStep(plan, Step::kSession, NewSession);
  RunStep(plan, Step::kSignals, ResetSignals);
  RunStep(plan, Step::kStdio, SetUpStdio);
  RunStep(plan, Step::kCloseFds, CloseInheritedFds);
  RunStep(plan, Step::kRlimits, ApplyRlimits);
  RunStep(plan, Step::kWorkingDir, EnterWorkingDir);
  RunStep(plan, Step::kCapabilities, DropBoundingCapabilities);
  RunStep(plan, Step::kCredentials, SwitchToBoxUser);
  RunStep(plan, Step::kNoNewPrivs, SetNoNewPrivs);
  RunStep(plan, Step::kSeccomp, LoadSeccomp);
  ::execve(plan.argv[0], plan.argv.data(), plan.envp.data());
  ReportAndExit(plan, Step::kExec, errno);
}

int ProgramEntry(void* plan) { ProgramMain(*static_cast<const ChildPlan*>(plan)); }

// Init reaps everything and reports the program's status. When it exits, the kernel kills
// whatever is left in the box's pid namespace (daemons, zombies' children).
[[noreturn]] void InitLoop(const ChildPlan& plan, pid_t program) {
  ::syscall(SYS_close_range, 0u, static_cast<unsigned int>(plan.report_fd) - 1, 0u);
  ::syscall(SYS_close_range, static_cast<unsigned int>(plan.report_fd) + 1, ~0u, 0u);
  for (;;) {
    int status = 0;
    pid_t pid = ::waitpid(-1, &status, __WALL);
    if (pid == program) {
      timespec now{};
      ::clock_gettime(CLOCK_MONOTONIC, &now);
      ChildReport report{ChildReport::kProgramEnded, Step::kNone, 0, status,
                         int64_t{now.tv_sec} * 1000000000 + now.tv_nsec};
      (void)!::write(plan.report_fd, &report, sizeof report);
      ::_exit(0);
    }
    if (pid < 0 && errno != EINTR) ::_exit(126);
  }
}

}  // namespace

void ChildMain(const ChildPlan& plan) {
  RunStep(plan, Step::kCgroup, JoinCgroups);
  RunStep(plan, Step::kUserNamespace, MapUser);
  RunStep(plan, Step::kCgroupNamespace, EnterCgroupNamespace);
  RunStep(plan, Step::kNetwork, SetUpNetwork);
  RunStep(plan, Step::kMountPrivate, MakeMountsPrivate);
  RunStep(plan, Step::kMountRoot, MountRoot);
  RunStep(plan, Step::kMountLayout, BuildLayout);
  RunStep(plan, Step::kPivotRoot, PivotRoot);
  RunStep(plan, Step::kRootReadOnly, MakeRootReadOnly);
  RunStep(plan, Step::kHostname, SetHostname);
  RunStep(plan, Step::kUndumpable, MakeInitUndumpable);
  // vfork-style: the program shares init's memory until it execs, so no page tables are
  // copied (a plain fork here cost a fifth of a whole run); init waits meanwhile.
  void* stack_top = plan.program_stack.get() + ChildPlan::kProgramStackSize;
  pid_t program = ::clone(ProgramEntry, stack_top, CLONE_VM | CLONE_VFORK | SIGCHLD,
                          const_cast<ChildPlan*>(&plan));
  if (program < 0) ReportAndExit(plan, Step::kFork, errno);
  InitLoop(plan, program);
}

}  // namespace runner
