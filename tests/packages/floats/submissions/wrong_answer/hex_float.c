/* Hex floats are not in the format's float grammar. */
#include <math.h>
#include <stdio.h>

int main(void) {
  double x;
  if (scanf("%lf", &x) != 1) return 1;
  printf("%a\n", sqrt(x));
  return 0;
}
