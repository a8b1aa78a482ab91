/* Touches 256 MiB, eight times the limit: killed for its memory, which this format calls a
 * run-time error. */
#include <stdlib.h>
#include <string.h>

int main(void) {
  for (int i = 0; i < 256; ++i) {
    char* block = malloc(1 << 20);
    if (block == NULL) return 1;
    memset(block, i, 1 << 20);
  }
  return 0;
}
