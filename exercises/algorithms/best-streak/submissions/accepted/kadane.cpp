#include <algorithm>
#include <cstdio>

int main() {
  int n;
  if (std::scanf("%d", &n) != 1) return 1;
  long long best = 0, ending_here = 0;
  for (int i = 0; i < n; ++i) {
    long long value;
    std::scanf("%lld", &value);
    ending_here = i == 0 ? value : std::max(value, ending_here + value);
    best = i == 0 ? ending_here : std::max(best, ending_here);
  }
  std::printf("%lld\n", best);
}
