// Writes the memory of other processes through /proc/PID/mem: the box's init (root, a copy
// of the caller) must refuse; a child of its own in the box is fair game.
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "report.h"

static volatile int flag = 0;

int main(void) {
  int fd = open("/proc/1/mem", O_RDWR);
  ExpectFailure("open /proc/1/mem for writing", fd);
  if (fd >= 0) close(fd);
  fd = open("/proc/1/mem", O_RDONLY);
  ExpectFailure("open /proc/1/mem for reading", fd);
  if (fd >= 0) close(fd);

  pid_t child = fork();
  if (child == 0) {
    while (!flag) usleep(1000);
    _exit(42);
  }
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/mem", child);
  fd = open(path, O_RDWR);
  int one = 1;
  if (fd >= 0 && pwrite(fd, &one, sizeof one, (off_t)(uintptr_t)&flag) == sizeof one) {
    Note("wrote the memory of a process of the same box");
  } else {
    Note("could not write a process of the same box: %s", strerror(errno));
    kill(child, SIGKILL);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return escaped_count ? 1 : 0;
}
