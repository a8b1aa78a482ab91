// Writes 1 GiB to fd argv[1] (default 1, stdout) as fast as it can.
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int fd = argc > 1 ? atoi(argv[1]) : 1;
  static char buffer[1 << 20];
  memset(buffer, 'x', sizeof buffer);
  for (int i = 0; i < 1024; ++i) {
    size_t done = 0;
    while (done < sizeof buffer) {
      ssize_t n = write(fd, buffer + done, sizeof buffer - done);
      if (n <= 0) return 1;
      done += (size_t)n;
    }
  }
  return 0;
}
