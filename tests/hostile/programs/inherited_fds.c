// Looks for any fd it did not open: a secret the caller forgot to mark close-on-exec.
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "report.h"

int main(void) {
  for (int fd = 3; fd < 65536; ++fd) {
    if (fcntl(fd, F_GETFD) < 0) continue;
    char path[64], target[512] = {0}, data[256] = {0};
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    (void)!readlink(path, target, sizeof target - 1);
    ssize_t n = pread(fd, data, sizeof data - 1, 0);
    if (n < 0) n = read(fd, data, sizeof data - 1);
    Escaped("fd %d -> %s: %s", fd, target, n > 0 ? data : "");
  }
  DIR* dir = opendir("/proc/self/fd");
  struct dirent* entry;
  while (dir && (entry = readdir(dir))) Note("fd entry %s", entry->d_name);
  if (dir) closedir(dir);
  Note("checked fds 3..65535");
  return escaped_count ? 1 : 0;
}
