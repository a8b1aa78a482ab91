#include <stdio.h>

int main(void) {
  double x, r;
  if (scanf("%lf", &x) != 1) return 1;
  r = x > 1 ? x : 1;
  for (int i = 0; i < 200; ++i) r = 0.5 * (r + x / r);
  printf("%.10f\n", r);
  return 0;
}
