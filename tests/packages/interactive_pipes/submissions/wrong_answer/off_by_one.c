#include <stdio.h>
#include <string.h>

int main(void) {
  long n = 0;
  char mode[16] = "";
  if (scanf("%ld %15s", &n, mode) != 2) return 1;
  printf("%ld\n", 2 * n + 1);
  fflush(stdout);
  if (strcmp(mode, "linger") == 0) {
    while (getchar() != EOF) {
    }
    for (int i = 0; i < 100000; ++i) printf("still here %d\n", i);
  }
  return 0;
}
