#include <stdio.h>

int main(void) {
  char name[128];
  if (scanf("%127s", name) != 1) return 1;
  printf("Hello, %s!\n", name);
  return 0;
}
