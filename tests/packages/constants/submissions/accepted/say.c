#include <stdio.h>

#include "word.h"

int main(void) {
  int n = 0;
  if (scanf("%d", &n) != 1) return 1;
  for (int i = 0; i < n; ++i) printf(i ? " %s" : "%s", WORD);
  printf("\n");
  return 0;
}
