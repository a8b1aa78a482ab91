// Tries to raise its open-file limit, then opens /dev/null 100000 times.
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>

#include "report.h"

int main(void) {
  struct rlimit big = {1 << 20, 1 << 20};
  ExpectFailure("raise RLIMIT_NOFILE", setrlimit(RLIMIT_NOFILE, &big));
  long opened = 0;
  int last_error = 0;
  for (long i = 0; i < 100000; ++i) {
    if (open("/dev/null", O_RDONLY) < 0) {
      last_error = errno;
      break;
    }
    ++opened;
  }
  printf("opened %ld (%s)\n", opened, last_error ? strerror(last_error) : "no error");
  return 0;
}
