// Allocates 1 MiB at a time and writes every page, so the memory is really used.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  for (long mib = 1;; ++mib) {
    char* block = malloc(1 << 20);
    if (!block) {
      printf("malloc failed after %ld MiB\n", mib);
      return 1;
    }
    memset(block, (int)mib, 1 << 20);
  }
}
