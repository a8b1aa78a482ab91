// Scientific notation is a valid float token too.
#include <cmath>
#include <cstdio>

int main() {
  double x;
  if (std::scanf("%lf", &x) != 1) return 1;
  std::printf("%.9e\n", std::sqrt(x));
}
