// Locks memory, which escapes reclaim and is the caller's to give: RLIMIT_MEMLOCK must be 0.
#include <sys/mman.h>
#include <sys/resource.h>

#include "report.h"

int main(void) {
  struct rlimit limit;
  if (getrlimit(RLIMIT_MEMLOCK, &limit) == 0) {
    Note("RLIMIT_MEMLOCK %llu", (unsigned long long)limit.rlim_cur);
  }
  static char page[4096] __attribute__((aligned(4096)));
  page[0] = 1;
  ExpectFailure("mlock", mlock(page, sizeof page));
  void* locked = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED | MAP_POPULATE, -1, 0);
  ExpectFailure("mmap MAP_LOCKED", locked == MAP_FAILED ? -1 : 0);
  ExpectFailure("mlockall", mlockall(MCL_CURRENT | MCL_FUTURE));
  return 0;
}
