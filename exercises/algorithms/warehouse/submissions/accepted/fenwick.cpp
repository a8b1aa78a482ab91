#include <cstdio>
#include <vector>

int main() {
  int n, q;
  if (std::scanf("%d %d", &n, &q) != 2) return 1;
  std::vector<long long> tree(n + 1, 0);
  auto add = [&](int k, long long x) {
    for (; k <= n; k += k & -k) tree[k] += x;
  };
  auto prefix = [&](int k) {
    long long total = 0;
    for (; k > 0; k -= k & -k) total += tree[k];
    return total;
  };
  for (int k = 1; k <= n; ++k) {
    long long amount;
    std::scanf("%lld", &amount);
    add(k, amount);
  }
  for (int i = 0; i < q; ++i) {
    char kind;
    int a, b;
    std::scanf(" %c %d %d", &kind, &a, &b);
    if (kind == '+') {
      add(a, b);
    } else {
      std::printf("%lld\n", prefix(b) - prefix(a - 1));
    }
  }
}
