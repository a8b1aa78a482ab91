#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
  int n, q;
  if (std::scanf("%d %d", &n, &q) != 2) return 1;
  std::vector<int> prices(n);
  for (int& p : prices) std::scanf("%d", &p);
  std::sort(prices.begin(), prices.end());
  for (int i = 0; i < q; ++i) {
    int budget;
    std::scanf("%d", &budget);
    // First price above the budget: everything before it is affordable.
    int low = 0, high = n;
    while (low < high) {
      int mid = (low + high) / 2;
      if (prices[mid] <= budget) low = mid + 1; else high = mid;
    }
    std::printf("%d\n", low);
  }
}
