// A classic double-forked daemon: it detaches, ignores signals and keeps touching
// /box/daemon-alive after the program it came from has exited.
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
  if (fork() != 0) return 0;  // the program "ends" at once
  setsid();
  if (fork() != 0) _exit(0);
  for (int sig = 1; sig < NSIG; ++sig) signal(sig, SIG_IGN);
  for (long beat = 0;; ++beat) {
    int fd = open("/box/daemon-alive", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dprintf(fd, "%ld\n", beat);
      close(fd);
    }
    usleep(10000);
  }
}
