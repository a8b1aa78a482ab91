// Hides memory in a tmpfs (argv[1]: a path under /dev/shm or /tmp) or in a memfd
// (argv[1] = "memfd"), up to argv[2] MiB. Reports the error it met and exits 0.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "report.h"

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  long goal = atol(argv[2]);
  int fd = strcmp(argv[1], "memfd") == 0 ? memfd_create("hog", 0)
                                         : open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) {
    Note("open %s: %s", argv[1], strerror(errno));
    return 1;
  }
  static char buffer[1 << 20];
  memset(buffer, 'z', sizeof buffer);
  for (long mib = 0; mib < goal; ++mib) {
    if (write(fd, buffer, sizeof buffer) != sizeof buffer) {
      Note("%s after %ld MiB", errno == ENOSPC ? "ENOSPC" : strerror(errno), mib);
      return 0;
    }
  }
  Note("stored %ld MiB", goal);
  return 0;
}
