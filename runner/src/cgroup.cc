#include "cgroup.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "koodikoe/files.h"
#include "names.h"

namespace runner {
namespace {

Result<void> WriteValue(const std::string& path, const std::string& value) {
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
  if (!fd.ok()) return FailErrno("open " + path);
  if (::write(fd.fd(), value.data(), value.size()) != static_cast<ssize_t>(value.size())) {
    return FailErrno("write '" + value + "' to " + path);
  }
  return {};
}

Result<int64_t> ReadNumber(const std::string& path) {
  auto text = koodikoe::ReadFile(path, 4096);
  if (!text) return tl::unexpected(text.error());
  return std::strtoll(text->c_str(), nullptr, 10);
}

// "key value" lines (memory.oom_control, memory.events, cpu.stat).
Result<int64_t> ReadKeyed(const std::string& path, const std::string& key) {
  auto text = koodikoe::ReadFile(path, 65536);
  if (!text) return tl::unexpected(text.error());
  std::istringstream lines(*text);
  std::string name;
  int64_t value;
  while (lines >> name >> value) {
    if (name == key) return value;
  }
  return int64_t{0};
}

Result<std::vector<pid_t>> ReadPids(const std::string& procs_path) {
  auto text = koodikoe::ReadFile(procs_path, 1 << 20);
  if (!text) return tl::unexpected(text.error());
  std::vector<pid_t> pids;
  std::istringstream in(*text);
  pid_t pid;
  while (in >> pid) pids.push_back(pid);
  return pids;
}

// Kills the tasks listed in a cgroup until it is empty (a fork bomb may add some while we
// kill; bounded so a stuck task cannot hang us forever).
void KillUntilEmpty(const std::string& procs_path) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    auto pids = ReadPids(procs_path);
    if (!pids || pids->empty()) return;
    for (pid_t pid : *pids) ::kill(pid, SIGKILL);
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

// The box's init has been reaped, and with it every task of its pid namespace, so the
// cgroup is normally empty: try rmdir first and kill only when something is still there.
void RemoveEmptied(const std::string& dir, const std::string& procs_path) {
  if (::rmdir(dir.c_str()) == 0 || errno != EBUSY) return;
  KillUntilEmpty(procs_path);
  ::rmdir(dir.c_str());
}

Result<void> MakeFreshDir(const std::string& path, const std::string& procs_name) {
  if (::mkdir(path.c_str(), 0755) == 0) return {};
  if (errno != EEXIST) return FailErrno("mkdir " + path);
  // Left over from a run that crashed: empty it and start again.
  KillUntilEmpty(path + "/" + procs_name);
  if (::rmdir(path.c_str()) != 0) return FailErrno("rmdir stale cgroup " + path);
  if (::mkdir(path.c_str(), 0755) != 0) return FailErrno("mkdir " + path);
  return {};
}

struct MountInfo {
  std::string mount_point;
  std::string fs_type;
  std::string super_options;
};

std::vector<MountInfo> ReadCgroupMounts() {
  std::vector<MountInfo> mounts;
  std::ifstream in("/proc/self/mountinfo");
  std::string line;
  while (std::getline(in, line)) {
    auto dash = line.find(" - ");
    if (dash == std::string::npos) continue;
    std::istringstream left(line.substr(0, dash)), right(line.substr(dash + 3));
    std::string id, parent, devno, root, mount_point;
    left >> id >> parent >> devno >> root >> mount_point;
    MountInfo info;
    info.mount_point = mount_point;
    std::string source;
    right >> info.fs_type >> source >> info.super_options;
    if (info.fs_type == "cgroup" || info.fs_type == "cgroup2") mounts.push_back(info);
  }
  return mounts;
}

// Our own cgroup path per hierarchy: "memory" -> "/process_api/abc", "" (v2) -> "/x".
std::string OwnCgroupPath(const std::string& controller) {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    auto first = line.find(':');
    auto second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    std::string controllers = line.substr(first + 1, second - first - 1);
    std::string path = line.substr(second + 1);
    if (controller.empty()
            ? controllers.empty()
            : ("," + controllers + ",").find("," + controller + ",") != std::string::npos) {
      return path == "/" ? "" : path;
    }
  }
  return "";
}

bool HasOption(const std::string& options, const std::string& name) {
  return ("," + options + ",").find("," + name + ",") != std::string::npos;
}

// cgroup.controllers lists names separated by spaces: "cpuset cpu io memory pids".
bool HasWord(const std::string& list, const std::string& word) {
  std::istringstream words(list);
  std::string each;
  while (words >> each) {
    if (each == word) return true;
  }
  return false;
}

// ---- cgroup v1: memory, cpuacct and pids as separate hierarchies ----

class V1Lease : public CgroupLease {
 public:
  V1Lease(std::string memory, std::string cpuacct, std::string pids)
      : memory_(std::move(memory)), cpuacct_(std::move(cpuacct)), pids_(std::move(pids)) {}
  ~V1Lease() override {
    procs_.clear();
    for (const auto& dir : {pids_, memory_, cpuacct_}) RemoveEmptied(dir, pids_ + "/cgroup.procs");
  }

  Result<void> Open(const CgroupLimits& limits) {
    for (const auto& dir : {memory_, cpuacct_, pids_}) {
      if (auto made = MakeFreshDir(dir, "cgroup.procs"); !made) return made;
    }
    uint64_t memory = limits.memory_bytes ? limits.memory_bytes : (uint64_t{1} << 62);
    if (auto ok = WriteValue(memory_ + "/memory.limit_in_bytes", std::to_string(memory)); !ok) {
      return ok;
    }
    // Where swap is accounted, forbid it too, so a limit means physical memory.
    (void)WriteValue(memory_ + "/memory.memsw.limit_in_bytes", std::to_string(memory));
    // v1 counts socket buffers apart from memory.usage and only once this limit is set: without
    // it a box with loopback networking queued 895 MiB under a 64 MiB limit. (v2 charges them
    // to memory.current already.) Missing on kernels built without kernel memory accounting.
    if (limits.memory_bytes) {
      auto tcp = WriteValue(memory_ + "/memory.kmem.tcp.limit_in_bytes", std::to_string(memory));
      if (!tcp && tcp.error().sys_errno != ENOENT) return tcp;
      if (tcp) memory_limit_ = static_cast<int64_t>(memory);
    }
    std::string tasks = limits.max_tasks ? std::to_string(limits.max_tasks) : "max";
    if (auto ok = WriteValue(pids_ + "/pids.max", tasks); !ok) return ok;
    for (const auto& dir : {memory_, cpuacct_, pids_}) {
      UniqueFd fd(::open((dir + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC));
      if (!fd.ok()) return FailErrno("open " + dir + "/cgroup.procs");
      procs_.push_back(std::move(fd));
    }
    return {};
  }

  std::vector<int> procs_fds() const override {
    std::vector<int> fds;
    for (const auto& fd : procs_) fds.push_back(fd.fd());
    return fds;
  }

  Result<int64_t> CpuNs() override { return ReadNumber(cpuacct_ + "/cpuacct.usage"); }

  Result<CgroupUsage> Usage() override {
    CgroupUsage usage;
    auto cpu = CpuNs();
    auto peak = ReadNumber(memory_ + "/memory.max_usage_in_bytes");
    auto ooms = ReadKeyed(memory_ + "/memory.oom_control", "oom_kill");
    auto failures = ReadNumber(memory_ + "/memory.failcnt");
    // The kernel keeps no failure count for socket buffers (kernel 6.13+) and may charge past
    // the limit for data already on its way: the high-water mark is what tells.
    auto socket_peak = ReadNumber(memory_ + "/memory.kmem.tcp.max_usage_in_bytes");
    if (!cpu) return tl::unexpected(cpu.error());
    if (!peak) return tl::unexpected(peak.error());
    usage.cpu_ns = *cpu;
    usage.memory_peak_bytes = *peak;
    usage.oom_kills = ooms.value_or(0);
    usage.memory_failures = failures.value_or(0);
    usage.socket_memory_at_limit = memory_limit_ > 0 && socket_peak.value_or(0) >= memory_limit_;
    return usage;
  }

  void KillAll() override { KillUntilEmpty(pids_ + "/cgroup.procs"); }

 private:
  const std::string memory_, cpuacct_, pids_;
  std::vector<UniqueFd> procs_;
  int64_t memory_limit_ = 0;  // where socket buffers are limited too, else 0
};

class V1Tree : public CgroupTree {
 public:
  V1Tree(std::string memory, std::string cpuacct, std::string pids)
      : memory_(std::move(memory)), cpuacct_(std::move(cpuacct)), pids_(std::move(pids)) {}
  const char* name() const override { return "cgroup v1"; }

  Result<std::unique_ptr<CgroupLease>> Lease(const std::string& box_name,
                                             const CgroupLimits& limits) override {
    auto lease = std::make_unique<V1Lease>(memory_ + "/" + box_name, cpuacct_ + "/" + box_name,
                                           pids_ + "/" + box_name);
    if (auto opened = lease->Open(limits); !opened) return tl::unexpected(opened.error());
    return std::unique_ptr<CgroupLease>(std::move(lease));
  }

 private:
  const std::string memory_, cpuacct_, pids_;
};

// ---- cgroup v2: one unified hierarchy ----

class V2Lease : public CgroupLease {
 public:
  explicit V2Lease(std::string dir) : dir_(std::move(dir)) {}
  ~V2Lease() override {
    procs_.Reset();
    if (::rmdir(dir_.c_str()) != 0 && errno == EBUSY) {
      KillAll();
      ::rmdir(dir_.c_str());
    }
  }

  Result<void> Open(const CgroupLimits& limits) {
    if (auto made = MakeFreshDir(dir_, "cgroup.procs"); !made) return made;
    std::string memory = limits.memory_bytes ? std::to_string(limits.memory_bytes) : "max";
    if (auto ok = WriteValue(dir_ + "/memory.max", memory); !ok) return ok;
    (void)WriteValue(dir_ + "/memory.swap.max", "0");
    std::string tasks = limits.max_tasks ? std::to_string(limits.max_tasks) : "max";
    if (auto ok = WriteValue(dir_ + "/pids.max", tasks); !ok) return ok;
    procs_ = UniqueFd(::open((dir_ + "/cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC));
    if (!procs_.ok()) return FailErrno("open " + dir_ + "/cgroup.procs");
    return {};
  }

  std::vector<int> procs_fds() const override { return {procs_.fd()}; }

  Result<int64_t> CpuNs() override {
    auto usec = ReadKeyed(dir_ + "/cpu.stat", "usage_usec");
    if (!usec) return usec;
    return *usec * 1000;
  }

  Result<CgroupUsage> Usage() override {
    CgroupUsage usage;
    auto cpu = CpuNs();
    if (!cpu) return tl::unexpected(cpu.error());
    usage.cpu_ns = *cpu;
    auto peak = ReadNumber(dir_ + "/memory.peak");  // kernel 5.19+
    if (!peak) peak = ReadNumber(dir_ + "/memory.current");
    usage.memory_peak_bytes = peak.value_or(0);
    usage.oom_kills = ReadKeyed(dir_ + "/memory.events", "oom_kill").value_or(0);
    usage.memory_failures = ReadKeyed(dir_ + "/memory.events", "max").value_or(0);
    return usage;
  }

  void KillAll() override {
    if (!WriteValue(dir_ + "/cgroup.kill", "1")) {
      KillUntilEmpty(dir_ + "/cgroup.procs");
      return;
    }
    // cgroup.kill is asynchronous: wait until the tasks are gone so rmdir can succeed.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      auto pids = ReadPids(dir_ + "/cgroup.procs");
      if (!pids || pids->empty()) return;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  }

 private:
  const std::string dir_;
  UniqueFd procs_;
};

class V2Tree : public CgroupTree {
 public:
  explicit V2Tree(std::string base) : base_(std::move(base)) {}
  const char* name() const override { return "cgroup v2"; }

  Result<std::unique_ptr<CgroupLease>> Lease(const std::string& box_name,
                                             const CgroupLimits& limits) override {
    auto lease = std::make_unique<V2Lease>(base_ + "/" + box_name);
    if (auto opened = lease->Open(limits); !opened) return tl::unexpected(opened.error());
    return std::unique_ptr<CgroupLease>(std::move(lease));
  }

 private:
  const std::string base_;
};

Result<std::string> MakeBase(const std::string& mount, const std::string& own) {
  std::string base = mount + own + "/koodikoe";
  if (::mkdir(base.c_str(), 0755) != 0 && errno != EEXIST) return FailErrno("mkdir " + base);
  // Made earlier by root: an unprivileged caller finds it but cannot create boxes in it
  // (cgroups not delegated), which must read as "no cgroups", not fail every run later.
  if (::access(base.c_str(), W_OK) != 0) return FailErrno("cannot create cgroups in " + base);
  return base;
}

Result<std::unique_ptr<CgroupTree>> TryV2(const MountInfo& mount) {
  std::string own = OwnCgroupPath("");
  auto controllers = koodikoe::ReadFile(mount.mount_point + own + "/cgroup.controllers", 4096);
  if (!controllers) return tl::unexpected(controllers.error());
  for (const char* needed : {"memory", "pids", "cpu"}) {
    if (!HasWord(*controllers, needed)) {
      return Fail(ErrorCode::kUnsupported,
                  std::string("cgroup v2 has no ") + needed + " controller here");
    }
  }
  // Controllers must be enabled for our children; this fails where our own cgroup holds
  // processes and is not the root (the v2 "no internal processes" rule).
  if (auto ok =
          WriteValue(mount.mount_point + own + "/cgroup.subtree_control", "+memory +pids +cpu");
      !ok) {
    return tl::unexpected(ok.error());
  }
  auto base = MakeBase(mount.mount_point, own);
  if (!base) return tl::unexpected(base.error());
  if (auto ok = WriteValue(*base + "/cgroup.subtree_control", "+memory +pids +cpu"); !ok) {
    return tl::unexpected(ok.error());
  }
  return std::unique_ptr<CgroupTree>(std::make_unique<V2Tree>(*base));
}

Result<std::unique_ptr<CgroupTree>> TryV1(const std::vector<MountInfo>& mounts) {
  std::string memory, cpuacct, pids;
  for (const auto& mount : mounts) {
    if (mount.fs_type != "cgroup") continue;
    if (HasOption(mount.super_options, "memory")) memory = mount.mount_point;
    if (HasOption(mount.super_options, "cpuacct")) cpuacct = mount.mount_point;
    if (HasOption(mount.super_options, "pids")) pids = mount.mount_point;
  }
  if (memory.empty() || cpuacct.empty() || pids.empty()) {
    return Fail(ErrorCode::kUnsupported, "cgroup v1 lacks one of memory, cpuacct, pids");
  }
  auto memory_base = MakeBase(memory, OwnCgroupPath("memory"));
  auto cpuacct_base = MakeBase(cpuacct, OwnCgroupPath("cpuacct"));
  auto pids_base = MakeBase(pids, OwnCgroupPath("pids"));
  for (const auto* base : {&memory_base, &cpuacct_base, &pids_base}) {
    if (!*base) return tl::unexpected(base->error());
  }
  return std::unique_ptr<CgroupTree>(
      std::make_unique<V1Tree>(*memory_base, *cpuacct_base, *pids_base));
}

}  // namespace

Result<std::unique_ptr<CgroupTree>> DetectCgroups() {
  auto mounts = ReadCgroupMounts();
  std::string reasons;
  for (const auto& mount : mounts) {
    if (mount.fs_type != "cgroup2") continue;
    auto tree = TryV2(mount);
    if (tree) return tree;
    reasons += tree.error().Describe() + "; ";
  }
  auto tree = TryV1(mounts);
  if (tree) return tree;
  reasons += tree.error().Describe();
  return Fail(ErrorCode::kUnsupported, "no usable cgroups (" + reasons + ")");
}

}  // namespace runner
