// Writes a 10 GiB file at argv[1], 1 MiB at a time (with argv[2] = "sparse": one byte at
// offset 10 GiB). A failed write is reported ("ENOSPC after N bytes") and the program exits
// 0: what to do about a full disk is the program's choice.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    printf("open %s: %s\n", argv[1], strerror(errno));
    return 1;
  }
  if (argc > 2 && strcmp(argv[2], "sparse") == 0) {
    if (pwrite(fd, "y", 1, 10LL << 30) != 1) printf("sparse write: %s\n", strerror(errno));
    return 0;
  }
  static char buffer[1 << 20];
  memset(buffer, 'y', sizeof buffer);
  long long written = 0;
  const long long goal = 10LL << 30;
  while (written < goal) {
    ssize_t n = write(fd, buffer, sizeof buffer);
    if (n < 0) {
      printf("%s after %lld bytes\n", errno == ENOSPC ? "ENOSPC" : strerror(errno), written);
      return 0;
    }
    written += n;
  }
  printf("wrote %lld bytes\n", written);
  return 0;
}
