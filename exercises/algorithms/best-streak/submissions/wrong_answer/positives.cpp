// Adds up every profitable day, as if the days did not have to be consecutive.
#include <cstdio>

int main() {
  int n;
  if (std::scanf("%d", &n) != 1) return 1;
  long long total = 0, largest = -100000;
  for (int i = 0; i < n; ++i) {
    long long value;
    std::scanf("%lld", &value);
    if (value > 0) total += value;
    if (value > largest) largest = value;
  }
  std::printf("%lld\n", total > 0 ? total : largest);
}
