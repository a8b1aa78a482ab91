// Updates the weights from small to large, so one item can be taken many times.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
  int n, capacity;
  if (std::scanf("%d %d", &n, &capacity) != 2) return 1;
  std::vector<long long> best(capacity + 1, 0);
  for (int i = 0; i < n; ++i) {
    int weight;
    long long value;
    std::scanf("%d %lld", &weight, &value);
    for (int k = weight; k <= capacity; ++k) best[k] = std::max(best[k], best[k - weight] + value);
  }
  std::printf("%lld\n", best[capacity]);
}
