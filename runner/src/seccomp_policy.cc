#include "seccomp_policy.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <memory>

#include "koodikoe/files.h"
#include "koodikoe/unique_fd.h"
#include "names.h"

namespace runner {
namespace {

// Each entry: a system call and the attack it would serve.
constexpr const char* kKilledCalls[] = {
    // Escaping the box's namespaces or its root.
    "mount",
    "umount",
    "umount2",
    "pivot_root",
    "chroot",
    "unshare",
    "setns",
    "move_mount",
    "open_tree",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "mount_setattr",
    // Inspecting or controlling other processes and the kernel.
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    "pidfd_getfd",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "lookup_dcookie",
    "syslog",
    // Kernel keyrings are not namespaced: secrets and a well-known attack surface.
    "keyctl",
    "add_key",
    "request_key",
    // Replacing or stopping the kernel.
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "quotactl_fd",
    "vhangup",
    "iopl",
    "ioperm",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "sethostname",
    "setdomainname",
    "nfsservctl",
    "uselib",
    // File handles bypass path checks (the "shocker" escape).
    "open_by_handle_at",
    "name_to_handle_at",
    // io_uring: a large attack surface that also bypasses this filter for its operations.
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "fanotify_init",
    "fanotify_mark",
};

struct ContextDeleter {
  void operator()(scmp_filter_ctx ctx) const { seccomp_release(ctx); }
};
using Context = std::unique_ptr<void, ContextDeleter>;

koodikoe::Result<void> Check(int rc, const std::string& what) {
  if (rc < 0) return koodikoe::FailErrno(-rc, "seccomp: " + what);
  return {};
}

// The kernel reads these arguments as `int` (socket's family, ioctl's request, clone's flags
// through lower_32_bits): whatever a caller puts in the upper 32 bits of the register is
// ignored. A rule must therefore look at the low 32 bits only, or `(1UL << 32) | AF_VSOCK`
// slips past it. libseccomp 2.5's SCMP_A0_32 only truncates the value compared with and
// still compares all 64 bits of the argument, so the mask is explicit.
scmp_arg_cmp IntArgIs(unsigned int arg, uint32_t value) {
  return scmp_arg_cmp{arg, SCMP_CMP_MASKED_EQ, 0xffffffffu, value};
}
// Every bit of `bits` set in the int argument, whatever else is set (clone flags).
scmp_arg_cmp IntArgHas(unsigned int arg, uint32_t bits) {
  return scmp_arg_cmp{arg, SCMP_CMP_MASKED_EQ, bits, bits};
}

koodikoe::Result<void> AddRules(scmp_filter_ctx ctx) {
  const uint32_t kill = SCMP_ACT_KILL_PROCESS;
  for (const char* name : kKilledCalls) {
    int nr = seccomp_syscall_resolve_name(name);
    if (nr == __NR_SCMP_ERROR) continue;  // not on this architecture
    if (auto ok = Check(seccomp_rule_add(ctx, kill, nr, 0), name); !ok) return ok;
  }
  // New namespaces through clone: a user namespace would give back what the rules above deny.
  for (uint32_t flag : {CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWIPC,
                        CLONE_NEWUTS, CLONE_NEWCGROUP, CLONE_NEWTIME}) {
    auto ok =
        Check(seccomp_rule_add(ctx, kill, SCMP_SYS(clone), 1, IntArgHas(0, flag)), "clone flags");
    if (!ok) return ok;
  }
  // clone3 passes its flags in memory, out of a filter's reach: make libc fall back to clone.
  if (auto ok = Check(seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0), "clone3");
      !ok) {
    return ok;
  }
  // vsock reaches the hypervisor and is not network-namespaced; AF_ALG is kernel crypto
  // attack surface no judged program needs.
  for (uint32_t family : {AF_VSOCK, AF_ALG}) {
    auto ok = Check(seccomp_rule_add(ctx, kill, SCMP_SYS(socket), 1, IntArgIs(0, family)),
                    "socket family");
    if (!ok) return ok;
  }
  // Terminal injection (TIOCSTI) and console control.
  for (uint32_t request : {TIOCSTI, TIOCLINUX}) {
    auto ok = Check(seccomp_rule_add(ctx, kill, SCMP_SYS(ioctl), 1, IntArgIs(1, request)), "ioctl");
    if (!ok) return ok;
  }
  return {};
}

koodikoe::Result<std::vector<sock_filter>> Export(scmp_filter_ctx ctx) {
  koodikoe::UniqueFd memory(::memfd_create("koodikoe-seccomp", MFD_CLOEXEC));
  if (!memory.ok()) return koodikoe::FailErrno("memfd_create for seccomp");
  if (auto ok = Check(seccomp_export_bpf(ctx, memory.fd()), "export"); !ok) {
    return tl::unexpected(ok.error());
  }
  ::lseek(memory.fd(), 0, SEEK_SET);
  auto bytes = koodikoe::ReadAll(memory.fd(), 1 << 20);
  if (!bytes) return tl::unexpected(bytes.error());
  if (bytes->empty() || bytes->size() % sizeof(sock_filter) != 0) {
    return Fail(ErrorCode::kInternal, "seccomp: exported program has a bad size");
  }
  std::vector<sock_filter> code(bytes->size() / sizeof(sock_filter));
  std::memcpy(code.data(), bytes->data(), bytes->size());
  return code;
}

}  // namespace

koodikoe::Result<SeccompProgram> SeccompProgram::Build() {
  Context ctx(seccomp_init(SCMP_ACT_ALLOW));
  if (!ctx) return Fail(ErrorCode::kInternal, "seccomp_init failed");
  // int 0x80 (32-bit) and x32 calls are other architectures to the kernel: kill them, since
  // the rules above are written for the native table only.
  auto ok = Check(seccomp_attr_set(ctx.get(), SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS),
                  "bad-arch action");
  if (!ok) return tl::unexpected(ok.error());
  // A binary tree over the call numbers keeps the per-call cost flat (libseccomp 2.5+).
  (void)seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_OPTIMIZE, 2);
  if (ok = AddRules(ctx.get()); !ok) return tl::unexpected(ok.error());
  auto code = Export(ctx.get());
  if (!code) return tl::unexpected(code.error());
  SeccompProgram program;
  program.code_ = std::move(*code);
  return program;
}

}  // namespace runner
