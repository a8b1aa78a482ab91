// Cgroups of a box: where memory, CPU time and tasks are limited and measured.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"
#include "names.h"

namespace runner {

struct CgroupUsage {
  int64_t cpu_ns = 0;
  int64_t memory_peak_bytes = 0;
  int64_t oom_kills = 0;
  int64_t memory_failures = 0;  // times the memory limit was hit (reclaim or OOM)
  // Socket buffers reached the memory limit (cgroup v1 counts and limits them apart).
  bool socket_memory_at_limit = false;
};

struct CgroupLimits {
  uint64_t memory_bytes = 0;  // 0 = none
  int max_tasks = 0;          // 0 = none
};

// One box's cgroup(s), created fresh for a run so no counter of a previous run leaks in.
// The destructor kills what is left in it and removes it.
class CgroupLease {
 public:
  virtual ~CgroupLease() = default;
  // Open fds of the cgroup.procs files the box's first process writes "0" into, so it is
  // attached before it starts anything (no race with a fast fork).
  virtual std::vector<int> procs_fds() const = 0;
  virtual Result<CgroupUsage> Usage() = 0;
  virtual Result<int64_t> CpuNs() = 0;
  // Kills every task left and waits until the cgroup is empty.
  virtual void KillAll() = 0;
};

// The cgroup hierarchy this machine offers (v2 with memory+pids+cpu, else v1
// memory+cpuacct+pids). Missing means limits are weaker.
class CgroupTree {
 public:
  virtual ~CgroupTree() = default;
  virtual const char* name() const = 0;
  virtual Result<std::unique_ptr<CgroupLease>> Lease(const std::string& box_name,
                                                     const CgroupLimits& limits) = 0;
};

// Detects v2, then v1; returns an error describing why neither can be used.
Result<std::unique_ptr<CgroupTree>> DetectCgroups();

}  // namespace runner
