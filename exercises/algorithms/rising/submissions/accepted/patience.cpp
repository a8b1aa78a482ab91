#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
  int n;
  if (std::scanf("%d", &n) != 1) return 1;
  std::vector<int> ends;
  for (int i = 0; i < n; ++i) {
    int price;
    std::scanf("%d", &price);
    auto it = std::lower_bound(ends.begin(), ends.end(), price);
    if (it == ends.end()) {
      ends.push_back(price);
    } else {
      *it = price;
    }
  }
  std::printf("%zu\n", ends.size());
}
