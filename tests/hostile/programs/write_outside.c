// Creates a file named after argv[1] everywhere outside /box and /tmp, and writes kernel
// knobs. Writing /box and /tmp is allowed (they are the box's own) and reported as "wrote".
#include <fcntl.h>
#include <unistd.h>

#include "report.h"

static void TryCreate(const char* dir, const char* name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    Blocked(path, errno);
    return;
  }
  (void)!write(fd, "pwned\n", 6);
  close(fd);
  if (strcmp(dir, "/box") == 0 || strcmp(dir, "/tmp") == 0 || strcmp(dir, "/dev/shm") == 0) {
    Note("wrote %s", path);
  } else {
    Escaped("created %s", path);
  }
}

static void TryWrite(const char* path, const char* text) {
  int fd = open(path, O_WRONLY);
  if (fd < 0) {
    Blocked(path, errno);
    return;
  }
  ssize_t n = write(fd, text, strlen(text));
  close(fd);
  if (n < 0) {
    Blocked(path, errno);
  } else {
    Escaped("wrote %s", path);
  }
}

int main(int argc, char** argv) {
  const char* name = argc > 1 ? argv[1] : "pwned";
  const char* dirs[] = {"/",    "/usr",  "/usr/bin", "/usr/lib",     "/etc",
                        "/dev", "/proc", "/hostile", "/bin",         "/lib",
                        "/box", "/tmp",  "/dev/shm", "/proc/1/root", "/proc/self/root/usr"};
  for (size_t i = 0; i < sizeof dirs / sizeof *dirs; ++i) TryCreate(dirs[i], name);
  TryWrite("/etc/passwd", "root2::0:0::/:/bin/sh\n");
  TryWrite("/proc/sys/kernel/hostname", "pwned");
  TryWrite("/proc/sys/vm/drop_caches", "3");
  TryWrite("/proc/sysrq-trigger", "h");
  TryWrite("/proc/self/oom_score_adj", "-1000");
  TryWrite("/proc/1/oom_score_adj", "1000");
  return escaped_count ? 1 : 0;
}
