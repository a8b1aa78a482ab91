// A tiny static init for box_clone_bench: starts its arguments as a vfork-style child,
// reaps everything until that child ends, and exits with its status. It stands for the
// small static init a box could exec instead of running in a copy of its caller.
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  pid_t program = vfork();
  if (program == 0) {
    execv(argv[1], argv + 1);
    _exit(127);
  }
  if (program < 0) return 126;
  for (;;) {
    int status = 0;
    pid_t pid = waitpid(-1, &status, __WALL);
    if (pid == program) return WIFEXITED(status) ? WEXITSTATUS(status) : 125;
    if (pid < 0) return 124;
  }
}
