// Looks for a terminal among its fds and at /dev/tty, and abuses any it finds: turns its echo
// off, and resizes it (the kernel then sends SIGWINCH to the terminal's foreground process
// group, which is the caller's). Also checks that it runs in a session of its own.
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "report.h"

static void Abuse(int fd, const char* where) {
  Escaped("a terminal at %s", where);
  struct termios settings;
  if (tcgetattr(fd, &settings) == 0) {
    settings.c_lflag &= ~(tcflag_t)ECHO;
    if (tcsetattr(fd, TCSANOW, &settings) == 0) Escaped("turned echo off at %s", where);
  }
  struct winsize size = {.ws_row = 1, .ws_col = 1};
  if (ioctl(fd, TIOCSWINSZ, &size) == 0) Escaped("resized the terminal at %s", where);
}

int main(void) {
  for (int fd = 0; fd < 1024; ++fd) {
    if (!isatty(fd)) continue;
    char where[32];
    snprintf(where, sizeof where, "fd %d", fd);
    Abuse(fd, where);
  }
  int tty = open("/dev/tty", O_RDWR | O_NOCTTY);
  if (tty >= 0) {
    Abuse(tty, "/dev/tty");
  } else {
    Blocked("open /dev/tty", errno);
  }
  if (getsid(0) == getpid()) {
    Note("a session of its own");
  } else {
    Escaped("in the caller's session");
  }
  Note("checked terminals");
  return 0;
}
