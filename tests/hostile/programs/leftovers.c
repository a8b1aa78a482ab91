// Leaves traps in /box for whoever uses it next: a fifo 70 directories deep (a following run
// given it as --stdin would block its root caller forever), symlinks to /etc/shadow and to /,
// a socket, a set-uid file and a set-gid directory of the box's own user.
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "report.h"

static void Check(const char* what, int result) {
  if (result != 0) printf("%s: %s\n", what, strerror(errno));
}

int main(void) {
  for (int level = 0; level < 70; ++level) {
    Check("mkdir", mkdir("d", 0755));
    Check("chdir", chdir("d"));
  }
  Check("mkfifo deepfifo", mkfifo("deepfifo", 0666));
  Check("chdir /box", chdir("/box"));
  Check("symlink shadow", symlink("/etc/shadow", "shadow"));
  Check("symlink root", symlink("/", "root"));
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un address = {.sun_family = AF_UNIX, .sun_path = "socket"};
  Check("bind socket", bind(sock, (struct sockaddr*)&address, sizeof address));
  int file = open("setuid", O_WRONLY | O_CREAT, 0755);
  Check("write setuid", write(file, "#!/bin/sh\nid\n", 13) == 13 ? 0 : -1);
  Check("chmod setuid", fchmod(file, 04755));
  Check("mkdir setgid", mkdir("setgid", 0775));
  Check("chmod setgid", chmod("setgid", 02775));
  Check("file in setgid", close(open("setgid/file", O_WRONLY | O_CREAT, 02755)));
  printf("left\n");
  return 0;
}
