// What the clone of a box costs, by the way it is made, against plain fork+exec in the same
// run: the step that copies the caller (its page tables, then copy-on-write faults on both
// sides) and what replaces it when the box is cloned with CLONE_VM | CLONE_VFORK and execs a
// small static init. No mounts, cgroups or seccomp: only the clone, the init and the program.
//
// Method: each mode runs /bin/true RUNS times after a warm-up, in new pid, mount, ipc and uts
// namespaces as a box is (root only), first from a small caller, then from a caller holding
// BALLAST MiB of touched heap as a judge or server process does. CPU time per run (this
// process and every child reaped) and its ratio to plain fork+exec. See bench/README.md.
#include <fcntl.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "measure.h"

namespace {

constexpr int kNamespaces = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS;
constexpr size_t kStackSize = 64 * 1024;

char* const kProgram[] = {const_cast<char*>("/bin/true"), nullptr};

struct Init {
  int init_fd = -1;  // the static init, opened beforehand (the box's root hides it)
  char* const* argv = nullptr;
  char* stack = nullptr;  // of the vfork-style children
};

int ExecProgram(void*) {
  ::execve(kProgram[0], kProgram, environ);
  ::_exit(127);
}

// The box's init as it is now: a copy of the caller that starts the program vfork-style.
int CopiedInit(void* arg) {
  auto* init = static_cast<Init*>(arg);
  pid_t program =
      ::clone(ExecProgram, init->stack + kStackSize, CLONE_VM | CLONE_VFORK | SIGCHLD, nullptr);
  if (program < 0) ::_exit(126);
  int status = 0;
  while (::waitpid(-1, &status, __WALL) != program) {
  }
  ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 125);
}

// The lever: the init shares the caller's memory until it execs the static init.
int ExecStaticInit(void* arg) {
  auto* init = static_cast<Init*>(arg);
  ::syscall(SYS_execveat, init->init_fd, "", init->argv, environ, AT_EMPTY_PATH);
  ::_exit(127);
}

bool Reap(pid_t pid) {
  int status = 0;
  return pid > 0 && ::waitpid(pid, &status, __WALL) == pid && WIFEXITED(status) &&
         WEXITSTATUS(status) == 0;
}

bool CloneCopying(Init& init) {
  long pid = ::syscall(SYS_clone, kNamespaces | SIGCHLD, nullptr, nullptr, nullptr, 0);
  if (pid == 0) CopiedInit(&init);
  return Reap(static_cast<pid_t>(pid));
}

bool CloneSharing(Init& init, char* init_stack) {
  pid_t pid = ::clone(ExecStaticInit, init_stack + kStackSize,
                      kNamespaces | CLONE_VM | CLONE_VFORK | SIGCHLD, &init);
  return Reap(pid);
}

void RunModes(int runs, Init& init, char* init_stack, const bench::Figures& plain,
              const std::string& caller) {
  bench::Report(("copy of caller" + caller).c_str(),
                bench::Measure(runs, [&] { return CloneCopying(init); }), plain);
  bench::Report(("vfork + static init" + caller).c_str(),
                bench::Measure(runs, [&] { return CloneSharing(init, init_stack); }), plain);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 1000;
  size_t ballast_mib = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 256;
  std::string init_path = argc > 3 ? argv[3] : "";
  if (init_path.empty()) {
    std::string self = argv[0];
    init_path = self.substr(0, self.rfind('/') + 1) + "box_clone_init";
  }
  Init init;
  init.init_fd = ::open(init_path.c_str(), O_PATH | O_CLOEXEC);
  if (init.init_fd < 0) {
    std::fprintf(stderr, "open %s: %s\n", init_path.c_str(), std::strerror(errno));
    return 1;
  }
  char* init_argv[] = {const_cast<char*>("init"), kProgram[0], nullptr};
  init.argv = init_argv;
  auto* stacks = static_cast<char*>(::mmap(nullptr, 2 * kStackSize, PROT_READ | PROT_WRITE,
                                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0));
  if (stacks == MAP_FAILED) return 1;
  init.stack = stacks;
  char* init_stack = stacks + kStackSize;

  std::printf("box clone benchmark: %d runs of /bin/true per mode, ballast %zu MiB\n", runs,
              ballast_mib);
  auto plain_once = [] { return bench::SpawnAndWait({"/bin/true"}); };
  bench::Figures plain = bench::Measure(runs, plain_once);
  bench::Report("plain fork+exec", plain, plain);
  RunModes(runs, init, init_stack, plain, "");
  if (ballast_mib > 0) {
    size_t bytes = ballast_mib << 20;
    auto* ballast = static_cast<char*>(
        ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (ballast == MAP_FAILED) return 1;
    std::memset(ballast, 1, bytes);
    bench::Figures plain_big = bench::Measure(runs, plain_once);
    bench::Report("plain, big caller", plain_big, plain);
    RunModes(runs, init, init_stack, plain, ", big caller");
    ::munmap(ballast, bytes);
  }
  return 0;
}
