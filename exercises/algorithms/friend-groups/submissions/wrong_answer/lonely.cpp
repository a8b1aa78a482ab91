// Counts only the people without friends and adds one for "everyone else".
#include <cstdio>
#include <vector>

int main() {
  int n, m;
  if (std::scanf("%d %d", &n, &m) != 2) return 1;
  std::vector<int> degree(n + 1, 0);
  for (int i = 0; i < m; ++i) {
    int a, b;
    std::scanf("%d %d", &a, &b);
    ++degree[a];
    ++degree[b];
  }
  int lonely = 0;
  for (int p = 1; p <= n; ++p) lonely += degree[p] == 0;
  std::printf("%d\n", lonely + (lonely < n ? 1 : 0));
}
