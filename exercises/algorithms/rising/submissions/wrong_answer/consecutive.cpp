// Looks only at runs of consecutive rising days.
#include <algorithm>
#include <cstdio>

int main() {
  int n;
  if (std::scanf("%d", &n) != 1) return 1;
  int previous = 0, run = 0, best = 0;
  for (int i = 0; i < n; ++i) {
    int price;
    std::scanf("%d", &price);
    run = price > previous ? run + 1 : 1;
    best = std::max(best, run);
    previous = price;
  }
  std::printf("%d\n", best);
}
