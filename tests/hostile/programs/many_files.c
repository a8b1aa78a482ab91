// Writes argv[2] files of argv[3] MiB each into directory argv[1]: each file stays under the
// file size limit, together they would fill the host's disk. A failed write is reported
// ("ENOSPC after N bytes") and the program exits 0.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 4) return 2;
  int files = atoi(argv[2]);
  long long size = atoll(argv[3]) << 20;
  static char buffer[1 << 20];
  memset(buffer, 'z', sizeof buffer);
  long long written = 0;
  for (int i = 0; i < files; ++i) {
    char path[4096];
    snprintf(path, sizeof path, "%s/file%d", argv[1], i);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
      printf("%s after %lld bytes\n", errno == ENOSPC ? "ENOSPC" : strerror(errno), written);
      return 0;
    }
    for (long long done = 0; done < size;) {
      ssize_t n = write(fd, buffer, sizeof buffer);
      if (n < 0) {
        printf("%s after %lld bytes\n", errno == ENOSPC ? "ENOSPC" : strerror(errno), written);
        return 0;
      }
      done += n;
      written += n;
    }
    close(fd);
  }
  printf("wrote %lld bytes\n", written);
  return 0;
}
