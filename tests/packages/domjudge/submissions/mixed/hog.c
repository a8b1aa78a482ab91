/* @EXPECTED_RESULTS@: MEMORY-LIMIT
 * Touches 1 GiB, sixteen times the limit; outside the official folders the tag decides. */
#include <stdlib.h>
#include <string.h>

int main(void) {
  for (int i = 0; i < 1024; ++i) {
    char* block = malloc(1 << 20);
    if (block == NULL) return 1;
    memset(block, i, 1 << 20);
  }
  return 0;
}
