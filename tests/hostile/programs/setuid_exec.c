// Runs setuid-root programs: argv[1] (a setuid copy of print_ids the test made) and the host's
// own /usr/bin/passwd, watching passwd's effective uid from outside while it runs.
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report.h"

// The effective uid of a running process, from /proc/PID/status ("Uid: real eff saved fs").
static long EffectiveUid(pid_t pid) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%d/status", pid);
  FILE* file = fopen(path, "r");
  if (!file) return -1;
  long euid = -1;
  while (fgets(line, sizeof line, file)) {
    long ruid;
    if (sscanf(line, "Uid: %ld %ld", &ruid, &euid) == 2) break;
  }
  fclose(file);
  return euid;
}

int main(int argc, char** argv) {
  if (argc > 1) {
    pid_t child = fork();
    if (child == 0) {
      execl(argv[1], argv[1], (char*)NULL);
      _exit(127);
    }
    int status;
    waitpid(child, &status, 0);
  }
  // passwd's output goes into a pipe filled to the brim: its first message blocks it, so its
  // credentials can be read while it runs, however soon it would have given up.
  int output[2];
  if (pipe(output) != 0) return 2;
  fcntl(output[1], F_SETFL, O_NONBLOCK);
  static char fill[4096];
  while (write(output[1], fill, sizeof fill) > 0) {
  }
  fcntl(output[1], F_SETFL, 0);
  pid_t passwd = fork();
  if (passwd == 0) {
    dup2(output[1], 1);
    dup2(output[1], 2);
    execl("/usr/bin/passwd", "passwd", (char*)NULL);
    _exit(127);
  }
  long euid = -1;
  for (int i = 0; i < 400 && euid < 0; ++i) {
    usleep(5000);
    char exe[64], target[256] = {0};
    snprintf(exe, sizeof exe, "/proc/%d/exe", passwd);
    if (readlink(exe, target, sizeof target - 1) > 0 && strstr(target, "passwd")) {
      euid = EffectiveUid(passwd);
    }
  }
  kill(passwd, SIGKILL);
  waitpid(passwd, NULL, 0);
  if (euid == 0) {
    Escaped("passwd ran with euid 0");
  } else {
    Note("passwd euid=%ld", euid);
  }
  return escaped_count ? 1 : 0;
}
