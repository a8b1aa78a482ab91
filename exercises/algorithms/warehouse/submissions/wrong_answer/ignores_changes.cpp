// Prefix sums computed once: the changes are never applied.
#include <cstdio>
#include <vector>

int main() {
  int n, q;
  if (std::scanf("%d %d", &n, &q) != 2) return 1;
  std::vector<long long> prefix(n + 1, 0);
  for (int k = 1; k <= n; ++k) {
    long long amount;
    std::scanf("%lld", &amount);
    prefix[k] = prefix[k - 1] + amount;
  }
  for (int i = 0; i < q; ++i) {
    char kind;
    int a, b;
    std::scanf(" %c %d %d", &kind, &a, &b);
    if (kind == '?') std::printf("%lld\n", prefix[b] - prefix[a - 1]);
  }
}
