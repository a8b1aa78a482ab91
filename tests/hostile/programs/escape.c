// One forbidden attempt per run, chosen by argv[1]. The sandbox kills the process at the
// system call (security_violation); if the call returns, its result is printed.
#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report.h"

#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif
#ifndef AF_ALG
#define AF_ALG 38
#endif

// The kernel reads int arguments from the low 32 bits of the register: garbage above them
// must not get a call past a rule that looks at all 64.
#define HIGH_BITS (1UL << 32)

static long Int80Getpid(void) {
  long result;
  // 20 is getpid in the 32-bit table.
  __asm__ volatile("int $0x80" : "=a"(result) : "a"(20L) : "memory");
  return result;
}

static long ChildOf(int (*fn)(void*), unsigned long flags) {
  static char stack[64 * 1024];
  return clone(fn, stack + sizeof stack, (int)flags | SIGCHLD, NULL);
}

static int Nothing(void* arg) {
  (void)arg;
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const char* what = argv[1];
  long result = -1;
  errno = 0;
  if (!strcmp(what, "ptrace_traceme")) {
    result = ptrace(PTRACE_TRACEME, 0, NULL, NULL);
  } else if (!strcmp(what, "ptrace_attach_init")) {
    result = ptrace(PTRACE_ATTACH, 1, NULL, NULL);
  } else if (!strcmp(what, "ptrace_child")) {
    pid_t child = fork();
    if (child == 0) {
      pause();
      _exit(0);
    }
    result = ptrace(PTRACE_ATTACH, child, NULL, NULL);
  } else if (!strcmp(what, "mount_proc")) {
    result = mount("proc", "/tmp", "proc", 0, NULL);
  } else if (!strcmp(what, "mount_bind_root")) {
    result = mount("/", "/tmp", NULL, MS_BIND, NULL);
  } else if (!strcmp(what, "umount_box")) {
    result = umount2("/box", MNT_DETACH);
  } else if (!strcmp(what, "unshare_user")) {
    result = unshare(CLONE_NEWUSER);
  } else if (!strcmp(what, "unshare_mount")) {
    result = unshare(CLONE_NEWNS);
  } else if (!strcmp(what, "setns")) {
    int fd = open("/proc/1/ns/mnt", O_RDONLY);
    if (fd < 0) fd = open("/proc/self/ns/mnt", O_RDONLY);
    result = setns(fd, 0);
  } else if (!strcmp(what, "chroot")) {
    result = chroot("/tmp");
  } else if (!strcmp(what, "pivot_root")) {
    result = syscall(SYS_pivot_root, "/tmp", "/tmp");
  } else if (!strcmp(what, "clone_newuser")) {
    result = ChildOf(Nothing, CLONE_NEWUSER);
  } else if (!strcmp(what, "clone_newns")) {
    result = ChildOf(Nothing, CLONE_NEWNS);
  } else if (!strcmp(what, "clone3_newuser")) {
    struct clone_args args = {.flags = CLONE_NEWUSER, .exit_signal = SIGCHLD};
    result = syscall(SYS_clone3, &args, sizeof args);
    if (result == 0) _exit(0);
  } else if (!strcmp(what, "keyctl")) {
    result = syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3 /* session */, 0);
  } else if (!strcmp(what, "add_key")) {
    result = syscall(SYS_add_key, "user", "box", "secret", 6, -3);
  } else if (!strcmp(what, "vsock")) {
    result = socket(AF_VSOCK, SOCK_STREAM, 0);
  } else if (!strcmp(what, "vsock_high_bits")) {
    result = syscall(SYS_socket, HIGH_BITS | AF_VSOCK, SOCK_STREAM, 0);
  } else if (!strcmp(what, "alg")) {
    result = socket(AF_ALG, SOCK_SEQPACKET, 0);
  } else if (!strcmp(what, "alg_high_bits")) {
    result = syscall(SYS_socket, 0xffffffff00000000UL | AF_ALG, SOCK_SEQPACKET, 0);
  } else if (!strcmp(what, "clone_newuser_high_bits")) {
    result = syscall(SYS_clone, HIGH_BITS | CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
    if (result == 0) _exit(0);
  } else if (!strcmp(what, "io_uring")) {
    char params[120] = {0};
    result = syscall(SYS_io_uring_setup, 4, params);
  } else if (!strcmp(what, "int80")) {
    result = Int80Getpid();
  } else if (!strcmp(what, "x32")) {
    result = syscall(0x40000000 | SYS_getpid);
  } else if (!strcmp(what, "bpf")) {
    result = syscall(SYS_bpf, 0, NULL, 0);
  } else if (!strcmp(what, "perf_event_open")) {
    char attr[128] = {0};
    result = syscall(SYS_perf_event_open, attr, 0, -1, -1, 0);
  } else if (!strcmp(what, "userfaultfd")) {
    result = syscall(SYS_userfaultfd, 0);
  } else if (!strcmp(what, "open_by_handle_at")) {
    char handle[128] = {0};
    result = syscall(SYS_open_by_handle_at, AT_FDCWD, handle, O_RDONLY);
  } else if (!strcmp(what, "tiocsti")) {
    char c = 'x';
    result = ioctl(0, TIOCSTI, &c);
  } else if (!strcmp(what, "tiocsti_high_bits")) {
    // The kernel looks at the low 32 bits of the request only.
    char c = 'x';
    result = syscall(SYS_ioctl, 0, 0xdead00000000UL | TIOCSTI, &c);
  } else if (!strcmp(what, "process_vm_writev")) {
    result = syscall(SYS_process_vm_writev, 1, NULL, 0, NULL, 0, 0);
  } else if (!strcmp(what, "kexec_load")) {
    result = syscall(SYS_kexec_load, 0, 0, NULL, 0);
  } else if (!strcmp(what, "init_module")) {
    result = syscall(SYS_init_module, NULL, 0, "");
  } else if (!strcmp(what, "reboot")) {
    result = syscall(SYS_reboot, 0xfee1dead, 672274793, 0x4321fedc, NULL);
  } else {
    printf("unknown attempt %s\n", what);
    return 2;
  }
  printf("%s returned %ld (%s)\n", what, result, result < 0 ? strerror(errno) : "success");
  return result < 0 ? 0 : 1;
}
