// The n * n dynamic programming in C++: group 1 (40 points); 100 000 days take too long.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
  int n;
  if (std::scanf("%d", &n) != 1) return 1;
  std::vector<int> prices(n), longest(n, 1);
  for (int& p : prices) std::scanf("%d", &p);
  int best = 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < i; ++j) {
      if (prices[j] < prices[i]) longest[i] = std::max(longest[i], longest[j] + 1);
    }
    best = std::max(best, longest[i]);
  }
  std::printf("%d\n", best);
}
