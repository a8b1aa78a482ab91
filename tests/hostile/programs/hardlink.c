// Hardlinks host files into /box, where the caller might later read or chown them.
#include <fcntl.h>
#include <unistd.h>

#include "report.h"

int main(void) {
  ExpectFailure("link /usr/bin/passwd", link("/usr/bin/passwd", "/box/passwd"));
  ExpectFailure("link /etc/passwd", link("/etc/passwd", "/box/etc-passwd"));
  ExpectFailure("link /usr/lib/os-release", link("/usr/lib/os-release", "/box/os-release"));
  int fd = open("/usr/bin/su", O_PATH);
  ExpectFailure("linkat an O_PATH fd (AT_EMPTY_PATH)",
                linkat(fd, "", AT_FDCWD, "/box/su", AT_EMPTY_PATH));
  char path[64];
  snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
  ExpectFailure("linkat /proc/self/fd (AT_SYMLINK_FOLLOW)",
                linkat(AT_FDCWD, path, AT_FDCWD, "/box/su2", AT_SYMLINK_FOLLOW));
  return escaped_count ? 1 : 0;
}
