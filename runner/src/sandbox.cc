#include "runner/sandbox.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "box.h"
#include "box_files.h"
#include "box_streams.h"
#include "cgroup.h"
#include "child.h"
#include "koodikoe/files.h"
#include "koodikoe/unique_fd.h"
#include "names.h"
#include "netns.h"
#include "seccomp_policy.h"

namespace runner {
namespace {

constexpr uid_t kFirstBoxUid = 60000;  // box n runs as uid/gid 60000 + n
constexpr int kHostSlots = 1000;       // boxes that may run at once on this machine
constexpr uid_t kInsideUid = 1000;     // the box user inside a user namespace

std::string StateDir(bool privileged) {
  if (privileged) return "/run/koodikoe";
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  if (runtime && *runtime) return std::string(runtime) + "/koodikoe";
  return "/tmp/koodikoe-" + std::to_string(::getuid());
}

Result<void> MakeDirs(const std::string& path, mode_t mode) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) return Fail(ErrorCode::kSystem, "create " + path + ": " + error.message());
  ::chmod(path.c_str(), mode);
  return {};
}

// argv[0] without a slash is looked up in the box's /usr/bin and /bin (the same files as the
// host's, bound read-only), so `koodikoe run -- python3 ...` works.
std::string ResolveProgram(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  for (const char* dir : {"/usr/local/bin/", "/usr/bin/", "/bin/"}) {
    std::string candidate = dir + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return name;
}

// argv and envp as the child execs them: null-terminated views of storage the plan owns.
void SetProgram(const RunSpec& spec, ChildPlan& plan) {
  plan.argv_storage = spec.argv;
  plan.argv_storage[0] = ResolveProgram(spec.argv[0]);
  plan.env_storage = spec.env;
  for (auto& arg : plan.argv_storage) plan.argv.push_back(arg.data());
  plan.argv.push_back(nullptr);
  for (auto& var : plan.env_storage) plan.envp.push_back(var.data());
  plan.envp.push_back(nullptr);
}

int64_t ToMs(Clock::duration duration) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(duration).count();
}

}  // namespace

struct Sandbox::Impl {
  SandboxOptions options;
  bool privileged = false;
  std::string state_dir, root_dir;
  std::unique_ptr<CgroupTree> cgroups;
  std::string weaknesses;
  SeccompProgram seccomp;
  std::vector<LayoutEntry> base_layout;
  bool own_disk = false;  // each box gets a disk of its own (box_disk.h)
  std::vector<std::unique_ptr<Slot>> slots;
  std::vector<std::unique_ptr<Box>> boxes;
  int next_id = 1;
  long cores = 1;

  Result<void> Prepare();
  Result<Slot*> TakeSlot();
  Result<void> LeaseNumber(Slot& slot);
  Result<std::unique_ptr<Box>> Launch(const RunSpec& spec);
  Result<void> PrepareFiles(const RunSpec& spec, Box& box, uid_t uid, gid_t gid);
  Result<UniqueFd> PrepareNetwork(const RunSpec& spec, Box& box, ChildPlan& plan);
  std::vector<LayoutEntry> Layout(const RunSpec& spec, const Box& box) const;
  std::vector<std::pair<int, rlimit>> Rlimits(const Limits& limits) const;
  Result<int> Clone(ChildPlan& plan, Box& box, bool new_netns);
  Result<UniqueFd> NetnsOfBox(int box_id) const;
  std::string PinPath(const Slot& slot) const {
    return state_dir + "/netns/none-" + std::to_string(slot.number);
  }
  Result<std::pair<int, Outcome>> WaitLoop(int only_id);
  void PumpRelay(Box& box, int which);
  void CheckLimits(Box& box, Clock::time_point now);
  void KillBox(Box& box, KillReason reason);
  Outcome Finish(Box& box);
  Result<void> ReturnBoxFiles(Box& box);
  void AddWeakness(const std::string& why) {
    weaknesses = weaknesses.empty() ? why : weaknesses + "; " + why;
  }
};

Result<void> Sandbox::Impl::Prepare() {
  privileged = ::geteuid() == 0;
  state_dir = StateDir(privileged);
  root_dir = state_dir + "/root";
  if (auto ok = MakeDirs(state_dir + "/locks", privileged ? 0755 : 0700); !ok) return ok;
  if (auto ok = MakeDirs(root_dir, 0755); !ok) return ok;
  if (privileged) {
    if (auto ok = MakeDirs(state_dir + "/netns", 0755); !ok) return ok;
  }
  cores = std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN));

  auto tree = DetectCgroups();
  if (tree) {
    cgroups = std::move(*tree);
  } else if (options.allow_weak_limits) {
    weaknesses = "weaker limits: " + tree.error().Describe() +
                 "; memory is an address-space limit per process, CPU time is counted per "
                 "process, the task limit is per user";
  } else {
    return Fail(ErrorCode::kUnsupported,
                "cannot enforce limits: " + tree.error().Describe() +
                    ". Run as root on a machine with cgroups, or pass --allow-weak-limits to "
                    "accept weaker limits");
  }
  if (!privileged) AddWeakness("unprivileged: all boxes share the caller's uid");
  auto disk = privileged ? BoxDisk::Probe()
                         : Fail(ErrorCode::kUnsupported, "a disk of its own needs privilege");
  own_disk = disk.has_value();
  if (!own_disk) {
    AddWeakness("no disk quota (" + disk.error().Describe() +
                "): /box is the host directory itself");
  }
  auto program = SeccompProgram::Build();
  if (!program) return tl::unexpected(program.error());
  seccomp = std::move(*program);
  base_layout = BaseLayout(root_dir, privileged, own_disk);
  for (int i = 0; i < std::max(1, options.slots); ++i) slots.push_back(std::make_unique<Slot>());
  return {};
}

Result<void> Sandbox::Impl::LeaseNumber(Slot& slot) {
  // Lowest free number first: the numbers in use stay few, and with them the per-slot state
  // kept between runs (pinned network namespaces, cgroups). Each pinned namespace is a mount
  // that every later box would copy into its own mount namespace and tear down again.
  for (int number = 0; number < kHostSlots; ++number) {
    std::string path = state_dir + "/locks/box-" + std::to_string(number);
    UniqueFd lock(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!lock.ok()) return FailErrno("open lock " + path);
    if (::flock(lock.fd(), LOCK_EX | LOCK_NB) == 0) {
      slot.number = number;
      slot.lock = std::move(lock);
      return {};
    }
    if (errno != EWOULDBLOCK) return FailErrno("lock " + path);
  }
  return Fail(ErrorCode::kUnsupported,
              "all " + std::to_string(kHostSlots) + " box slots of this machine are in use");
}

Result<Slot*> Sandbox::Impl::TakeSlot() {
  for (auto& slot : slots) {
    if (slot->busy) continue;
    if (slot->number < 0) {
      if (auto ok = LeaseNumber(*slot); !ok) return tl::unexpected(ok.error());
    }
    slot->busy = true;
    return slot.get();
  }
  return Fail(ErrorCode::kInvalidArgument,
              "all " + std::to_string(slots.size()) + " slots of this sandbox are running");
}

std::vector<LayoutEntry> Sandbox::Impl::Layout(const RunSpec& spec, const Box& box) const {
  std::vector<LayoutEntry> layout;
  if (box.disk) layout.push_back(AttachDisk(root_dir, box.disk->mount_fd()));
  layout.insert(layout.end(), base_layout.begin(), base_layout.end());
  uid_t uid = privileged ? kFirstBoxUid + box.slot->number : kInsideUid;
  AddUserFiles(layout, root_dir, uid);
  std::string box_source = box.box_dir.ok() ? NormalPath(spec.box_dir) : "";
  if (box.disk) {
    AddBoxDisk(layout, root_dir, box_source, box.box_dir.fd());
  } else {
    AddTmp(layout, root_dir, spec.limits.tmp_bytes);
    if (box.box_dir.ok()) {
      AddBoxBind(layout, root_dir, box_source, box.box_dir.fd());
    } else {
      layout.push_back({LayoutEntry::kDir, root_dir + "/box", "", false, true, 0});
    }
  }
  for (const auto& bind : spec.binds) AddBind(layout, root_dir, bind, box.disk.has_value());
  if (box.disk) AddDiskDetach(layout, root_dir);
  return layout;
}

std::vector<std::pair<int, rlimit>> Sandbox::Impl::Rlimits(const Limits& limits) const {
  auto both = [](uint64_t value) { return rlimit{value, value}; };
  std::vector<std::pair<int, rlimit>> result = {
      {RLIMIT_CORE, both(0)},
      // Locked pages escape reclaim and are the caller's to give (8 MiB by default).
      {RLIMIT_MEMLOCK, both(0)},
      {RLIMIT_FSIZE, both(limits.file_size_bytes ? limits.file_size_bytes : RLIM_INFINITY)},
      {RLIMIT_NOFILE, both(static_cast<uint64_t>(std::max(limits.open_files, 4)))},
  };
  uint64_t stack = limits.stack_bytes ? limits.stack_bytes : limits.memory_bytes;
  result.push_back({RLIMIT_STACK, both(stack ? stack : RLIM_INFINITY)});
  if (limits.cpu_seconds > 0) {
    // A backstop per process; the box's total is watched through its cgroup.
    auto seconds = static_cast<uint64_t>(std::ceil(limits.cpu_seconds)) + 1;
    result.push_back({RLIMIT_CPU, rlimit{seconds, seconds + 1}});
  }
  if (!cgroups) {
    if (limits.memory_bytes) result.push_back({RLIMIT_AS, both(limits.memory_bytes)});
    if (privileged && limits.max_processes) {
      result.push_back({RLIMIT_NPROC, both(static_cast<uint64_t>(limits.max_processes))});
    }
  }
  return result;
}

Result<int> Sandbox::Impl::Clone(ChildPlan& plan, Box& box, bool new_netns) {
  uint64_t flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_PIDFD;
  if (new_netns) flags |= CLONE_NEWNET;
  if (plan.user_namespace) flags |= CLONE_NEWUSER;
  int pidfd = -1;
  // A raw clone, like fork but into new namespaces; the child runs ChildMain only.
  long pid = ::syscall(SYS_clone, flags | SIGCHLD, nullptr, &pidfd, nullptr, 0);
  if (pid < 0) return FailErrno("clone the box");
  if (pid == 0) ChildMain(plan);
  box.pid = static_cast<pid_t>(pid);
  box.pidfd = UniqueFd(pidfd);
  return pidfd;
}

Result<UniqueFd> Sandbox::Impl::NetnsOfBox(int box_id) const {
  auto other =
      std::find_if(boxes.begin(), boxes.end(), [&](const auto& box) { return box->id == box_id; });
  if (other == boxes.end()) {
    return Fail(ErrorCode::kInvalidArgument, "join_network_of: no such running box");
  }
  std::string path = "/proc/" + std::to_string((*other)->pid) + "/ns/net";
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.ok()) return FailErrno("open " + path);
  return fd;
}

// The box directory, and the box's own disk where it gets one.
Result<void> Sandbox::Impl::PrepareFiles(const RunSpec& spec, Box& box, uid_t uid, gid_t gid) {
  if (!spec.box_dir.empty()) {
    // With a disk of its own the box writes only its upper layer: the host directory is
    // never handed to it.
    auto dir = OpenBoxDir(spec.box_dir, privileged && !own_disk, uid, gid, box.box_dir_owner);
    if (!dir) return tl::unexpected(dir.error());
    box.box_dir = std::move(*dir);
  }
  if (own_disk) {
    mode_t mode = box.box_dir.ok() ? (box.box_dir_owner.st_mode & 07777) | 0700 : 0700;
    auto disk = BoxDisk::Create(spec.limits.disk_bytes, uid, gid, mode);
    if (!disk) return tl::unexpected(disk.error());
    box.disk.emplace(std::move(*disk));
  }
  return {};
}

// Which network namespace the box joins (set in `plan`); returns the fd of a running box's
// namespace it joins, to keep open until the clone.
Result<UniqueFd> Sandbox::Impl::PrepareNetwork(const RunSpec& spec, Box& box, ChildPlan& plan) {
  if (spec.join_network_of) {
    auto joined = NetnsOfBox(*spec.join_network_of);
    if (!joined) return tl::unexpected(joined.error());
    plan.netns_fd = joined->fd();
    return joined;
  }
  if (spec.network == Network::kNone && privileged) {
    Slot& slot = *box.slot;
    if (!slot.empty_netns.ok()) slot.empty_netns = OpenPinnedNetns(PinPath(slot));
    plan.netns_fd = slot.empty_netns.fd();
    box.pin_netns = !slot.empty_netns.ok();
  } else {
    plan.loopback_up = spec.network == Network::kLoopback;
  }
  return UniqueFd();
}

Result<std::unique_ptr<Box>> Sandbox::Impl::Launch(const RunSpec& spec) {
  if (spec.argv.empty() || spec.argv[0].empty()) {
    return Fail(ErrorCode::kInvalidArgument, "no program to run");
  }
  for (const auto& bind : spec.binds) {
    if (auto ok = CheckBind(bind); !ok) return tl::unexpected(ok.error());
  }
  auto box = std::make_unique<Box>();
  auto slot = TakeSlot();
  if (!slot) return tl::unexpected(slot.error());
  box->slot = *slot;
  // From here on the slot must be given back on every path.
  struct SlotGuard {
    Box* box;
    ~SlotGuard() {
      if (box) box->slot->busy = false;
    }
  } guard{box.get()};

  box->id = next_id++;
  box->limits = spec.limits;
  const uid_t host_uid = privileged ? kFirstBoxUid + box->slot->number : ::getuid();
  const gid_t host_gid = privileged ? kFirstBoxUid + box->slot->number : ::getgid();

  ChildPlan plan;
  if (cgroups) {
    CgroupLimits limits{spec.limits.memory_bytes, spec.limits.max_processes + 1};  // + init
    auto lease = cgroups->Lease("box-" + std::to_string(box->slot->number), limits);
    if (!lease) return tl::unexpected(lease.error());
    box->cgroup = std::move(*lease);
    plan.cgroup_procs_fds = box->cgroup->procs_fds();
  }
  if (auto ok = PrepareFiles(spec, *box, host_uid, host_gid); !ok)
    return tl::unexpected(ok.error());
  std::vector<UniqueFd> child_ends;
  if (auto ok = OpenStreams(spec, *box, plan, child_ends); !ok) return tl::unexpected(ok.error());

  int report_pipe[2];
  if (::pipe2(report_pipe, O_CLOEXEC) != 0) return FailErrno("pipe for the box report");
  box->report = UniqueFd(report_pipe[0]);
  child_ends.emplace_back(report_pipe[1]);
  plan.report_fd = report_pipe[1];

  plan.user_namespace = !privileged;
  if (plan.user_namespace) {
    plan.uid_map = std::to_string(kInsideUid) + " " + std::to_string(::getuid()) + " 1";
    plan.gid_map = std::to_string(kInsideUid) + " " + std::to_string(::getgid()) + " 1";
  }
  plan.uid = privileged ? host_uid : kInsideUid;
  plan.gid = privileged ? host_gid : kInsideUid;

  auto joined_netns = PrepareNetwork(spec, *box, plan);
  if (!joined_netns) return tl::unexpected(joined_netns.error());
  const bool new_netns = plan.netns_fd < 0;

  plan.root = root_dir;
  plan.root_options = "size=4m,nr_inodes=4096,mode=0755";
  plan.layout = Layout(spec, *box);
  plan.rlimits = Rlimits(spec.limits);
  plan.working_dir = spec.working_dir;
  SetProgram(spec, plan);
  plan.seccomp = seccomp.program();

  box->start = Clock::now();
  double wall =
      spec.limits.wall_seconds > 0 ? spec.limits.wall_seconds : 2 * spec.limits.cpu_seconds + 1;
  box->wall_deadline = box->start + std::chrono::microseconds(static_cast<int64_t>(wall * 1e6));
  box->next_cpu_check = box->start + std::chrono::milliseconds(5);
  auto cloned = Clone(plan, *box, new_netns);
  if (!cloned) return tl::unexpected(cloned.error());
  if (box->pin_netns) {
    // Not fatal: without a pin the next run just makes a new namespace again.
    if (auto pinned = PinNetnsOf(box->pid, PinPath(*box->slot))) {
      box->slot->empty_netns = std::move(*pinned);
    }
  }
  guard.box = nullptr;  // the slot now belongs to the running box
  return box;
}

void Sandbox::Impl::KillBox(Box& box, KillReason reason) {
  if (box.killed == KillReason::kNone) box.killed = reason;
  // Killing the box's init takes its whole pid namespace down with it.
  ::syscall(SYS_pidfd_send_signal, box.pidfd.fd(), SIGKILL, nullptr, 0);
}

void Sandbox::Impl::PumpRelay(Box& box, int which) {
  Relay& relay = box.relays[which];
  char buffer[65536];
  ssize_t n = ::read(relay.source.fd(), buffer, sizeof buffer);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) {
    relay.source.Reset();
    return;
  }
  uint64_t allowed = box.limits.output_bytes ? box.limits.output_bytes : UINT64_MAX;
  uint64_t room = box.output_bytes >= allowed ? 0 : allowed - box.output_bytes;
  size_t keep = static_cast<size_t>(std::min<uint64_t>(room, static_cast<uint64_t>(n)));
  box.output_bytes += static_cast<uint64_t>(n);
  if (keep > 0) {
    if (relay.captured) {
      relay.captured->append(buffer, keep);
    } else {
      (void)koodikoe::WriteAll(relay.destination, buffer, keep);
    }
    relay.last_byte = buffer[keep - 1];
  }
  if (box.output_bytes > allowed) KillBox(box, KillReason::kOutput);
}

void Sandbox::Impl::CheckLimits(Box& box, Clock::time_point now) {
  if (now >= box.wall_deadline) {
    KillBox(box, KillReason::kWall);
    return;
  }
  if (box.limits.cpu_seconds <= 0 || !box.cgroup || now < box.next_cpu_check) return;
  auto used = box.cgroup->CpuNs();
  if (!used) return;
  double left = box.limits.cpu_seconds - static_cast<double>(*used) / 1e9;
  if (left <= 0) {
    KillBox(box, KillReason::kCpu);
    return;
  }
  // The box cannot burn CPU faster than all cores at once: sleep until it could be over.
  auto wait = std::chrono::microseconds(static_cast<int64_t>(left / cores * 1e6));
  box.next_cpu_check =
      now + std::clamp(wait, std::chrono::microseconds(2000), std::chrono::microseconds(100000));
}

Result<std::pair<int, Outcome>> Sandbox::Impl::WaitLoop(int only_id) {
  for (;;) {
    std::vector<pollfd> fds;
    std::vector<std::pair<Box*, int>> owners;  // which box and stream (-1 = pidfd)
    auto now = Clock::now();
    auto next = now + std::chrono::seconds(1);
    for (auto& box : boxes) {
      if (only_id && box->id != only_id) continue;
      fds.push_back({box->pidfd.fd(), POLLIN, 0});
      owners.push_back({box.get(), -1});
      for (int which = 0; which < 2; ++which) {
        if (!box->relays[which].source.ok()) continue;
        fds.push_back({box->relays[which].source.fd(), POLLIN, 0});
        owners.push_back({box.get(), which});
      }
      if (box->killed == KillReason::kNone) {
        next = std::min({next, box->wall_deadline, box->next_cpu_check});
      }
    }
    if (fds.empty()) return Fail(ErrorCode::kInvalidArgument, "no box is running");
    int timeout = static_cast<int>(std::max<int64_t>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count() + 1));
    int ready = ::poll(fds.data(), fds.size(), timeout);
    if (ready < 0 && errno != EINTR) return FailErrno("poll the boxes");
    Box* finished = nullptr;
    for (size_t i = 0; ready > 0 && i < fds.size(); ++i) {
      if (!fds[i].revents) continue;
      auto [box, which] = owners[i];
      if (which >= 0) {
        PumpRelay(*box, which);
      } else if (!finished) {
        finished = box;
      }
    }
    now = Clock::now();
    for (auto& box : boxes) {
      if ((!only_id || box->id == only_id) && box->killed == KillReason::kNone) {
        CheckLimits(*box, now);
      }
    }
    if (finished) {
      Outcome outcome = Finish(*finished);
      int id = finished->id;
      std::erase_if(boxes, [&](const auto& b) { return b.get() == finished; });
      return std::make_pair(id, std::move(outcome));
    }
  }
}

Outcome Sandbox::Impl::Finish(Box& box) {
  siginfo_t info{};
  rusage usage_of_init{};
  ::syscall(SYS_waitid, P_PIDFD, box.pidfd.fd(), &info, WEXITED, &usage_of_init);
  auto ended = Clock::now();
  // Init has exited, so the kernel is killing the rest of the box: drain what they wrote.
  auto drain_deadline = ended + std::chrono::seconds(2);
  for (int which = 0; which < 2; ++which) {
    while (box.relays[which].source.ok() && Clock::now() < drain_deadline) {
      pollfd fd{box.relays[which].source.fd(), POLLIN, 0};
      if (::poll(&fd, 1, 100) > 0) PumpRelay(box, which);
    }
  }
  auto reports_text = koodikoe::ReadAll(box.report.fd(), 4096).value_or("");
  std::vector<ChildReport> reports(reports_text.size() / sizeof(ChildReport));
  if (!reports.empty()) {
    std::memcpy(reports.data(), reports_text.data(), reports.size() * sizeof(ChildReport));
  }

  CgroupUsage usage;
  if (box.cgroup) {
    usage = box.cgroup->Usage().value_or(CgroupUsage{});
  } else {
    usage.cpu_ns = (usage_of_init.ru_utime.tv_sec + usage_of_init.ru_stime.tv_sec) * 1000000000LL +
                   (usage_of_init.ru_utime.tv_usec + usage_of_init.ru_stime.tv_usec) * 1000LL;
    usage.memory_peak_bytes = usage_of_init.ru_maxrss * 1024LL;
  }
  box.outcome.wall_ms = ToMs(ended - box.start);
  box.outcome.cpu_ms = usage.cpu_ns / 1000000;
  box.outcome.memory_kib = usage.memory_peak_bytes / 1024;
  box.disk_full = box.disk && box.disk->Full();
  Classify(box, usage, reports, weaknesses);
  box.outcome.stdout_unterminated = box.relays[0].last_byte != '\n';

  if (box.pin_netns && reports.empty()) {
    box.slot->empty_netns.Reset();  // setup failed before the namespace was known good
  }
  if (auto returned = ReturnBoxFiles(box); !returned) {
    box.outcome.status = Status::kInternalError;
    box.outcome.message = returned.error().Describe() + "; " + box.outcome.message;
  }
  box.disk.reset();  // its pages are charged to the box's memory cgroup, which goes next
  box.cgroup.reset();
  box.slot->busy = false;
  return std::move(box.outcome);
}

// What the program wrote in /box reaches the caller's directory: copied out of the box's
// disk, or, where /box was the directory itself, swept of what must not stay there.
Result<void> Sandbox::Impl::ReturnBoxFiles(Box& box) {
  if (!box.box_dir.ok()) return {};
  const struct stat& owner = box.box_dir_owner;
  if (box.disk) return box.disk->CopyOut(box.box_dir.fd(), owner.st_uid, owner.st_gid);
  return CleanBoxDir(box.box_dir.fd(), owner, privileged);
}

Sandbox::Sandbox(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Sandbox::Sandbox(Sandbox&&) noexcept = default;
Sandbox& Sandbox::operator=(Sandbox&&) noexcept = default;

Sandbox::~Sandbox() {
  if (!impl_) return;
  for (auto& box : impl_->boxes) impl_->KillBox(*box, KillReason::kCaller);
  while (!impl_->boxes.empty()) (void)impl_->WaitLoop(0);
}

Result<Sandbox> Sandbox::Create(const SandboxOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (auto ok = impl->Prepare(); !ok) return tl::unexpected(ok.error());
  return Sandbox(std::move(impl));
}

Result<Outcome> Sandbox::Run(const RunSpec& spec) {
  auto id = Start(spec);
  if (!id) return tl::unexpected(id.error());
  return Wait(*id);
}

Result<int> Sandbox::Start(const RunSpec& spec) {
  auto box = impl_->Launch(spec);
  if (!box) return tl::unexpected(box.error());
  int id = (*box)->id;
  impl_->boxes.push_back(std::move(*box));
  return id;
}

Result<std::pair<int, Outcome>> Sandbox::WaitAny() { return impl_->WaitLoop(0); }

Result<Outcome> Sandbox::Wait(int box_id) {
  if (box_id <= 0) return Fail(ErrorCode::kInvalidArgument, "no such box");
  auto result = impl_->WaitLoop(box_id);
  if (!result) return tl::unexpected(result.error());
  return std::move(result->second);
}

void Sandbox::Kill(int box_id) {
  for (auto& box : impl_->boxes) {
    if (box->id == box_id) impl_->KillBox(*box, KillReason::kCaller);
  }
}

int Sandbox::running() const { return static_cast<int>(impl_->boxes.size()); }
int Sandbox::slots() const { return static_cast<int>(impl_->slots.size()); }
const std::string& Sandbox::weaknesses() const { return impl_->weaknesses; }

}  // namespace runner
