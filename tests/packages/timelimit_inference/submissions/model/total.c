#include <stdio.h>

int main(void) {
  long sum = 0, value = 0;
  while (scanf("%ld", &value) == 1) sum += value;
  printf("%ld\n", sum);
  return 0;
}
