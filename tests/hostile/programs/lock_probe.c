// A channel between two boxes running at once: "hold FILE..." takes an flock, a POSIX read lock
// and an OFD read lock on each file (all a read-only file allows), says "locked" and waits;
// "probe FILE..." looks for any lock on the same files. A lock seen is a bit passed from one
// box to the other (one candidate to another).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "report.h"

static void Hold(const char* path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    Note("open %s: %s", path, strerror(errno));
    return;
  }
  if (flock(fd, LOCK_EX) != 0) Note("flock %s: %s", path, strerror(errno));
  struct flock posix = {.l_type = F_RDLCK, .l_whence = SEEK_SET};
  if (fcntl(fd, F_SETLK, &posix) != 0) Note("F_SETLK %s: %s", path, strerror(errno));
  int ofd = open(path, O_RDONLY);
  struct flock open_file = {.l_type = F_RDLCK, .l_whence = SEEK_SET};
  if (fcntl(ofd, F_OFD_SETLK, &open_file) != 0) Note("F_OFD_SETLK %s: %s", path, strerror(errno));
}

static void Probe(const char* path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    Note("open %s: %s", path, strerror(errno));
    return;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    Escaped("another box's flock on %s (%s)", path, strerror(errno));
  } else {
    Note("flock free: %s", path);
  }
  struct flock posix = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
  if (fcntl(fd, F_GETLK, &posix) == 0 && posix.l_type != F_UNLCK) {
    Escaped("another box's POSIX lock on %s", path);
  }
  struct flock open_file = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
  if (fcntl(fd, F_OFD_GETLK, &open_file) == 0 && open_file.l_type != F_UNLCK) {
    Escaped("another box's OFD lock on %s", path);
  }
}

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  int hold = strcmp(argv[1], "hold") == 0;
  for (int i = 2; i < argc; ++i) {
    if (hold) {
      Hold(argv[i]);
    } else {
      Probe(argv[i]);
    }
  }
  if (hold) {
    Note("locked");
    sleep(60);
  }
  return 0;
}
