// Plants traps in /box for whoever reads or cleans it afterwards (the class of the 2024 Judge0
// escapes): symlinks to host files and directories named argv[1] (a host directory the box
// cannot see), to /dev/urandom, and special files the cleanup must remove.
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include "report.h"

static void Link(const char* target, const char* name) {
  if (symlink(target, name) != 0) printf("symlink %s: %s\n", name, strerror(errno));
}

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  char path[512];
  snprintf(path, sizeof path, "%s/target", argv[1]);
  Link(path, "out");          // later named as --stdout
  Link(path, "result.json");  // later named as --result
  snprintf(path, sizeof path, "%s/secret", argv[1]);
  Link(path, "in");  // later named as --stdin
  Link(argv[1], "dirlink");
  Link("/dev/urandom", "urandom");
  if (mkdir("sub", 0755) != 0) printf("mkdir sub: %s\n", strerror(errno));
  if (mkfifo("sub/fifo", 0644) != 0) printf("mkfifo: %s\n", strerror(errno));
  int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un address = {.sun_family = AF_UNIX, .sun_path = "sub/socket"};
  if (bind(sock, (struct sockaddr*)&address, sizeof address) != 0) {
    printf("bind: %s\n", strerror(errno));
  }
  ExpectFailure("mknod a block device", mknod("sub/disk", S_IFBLK | 0666, makedev(8, 0)));
  printf("planted\n");
  return 0;
}
