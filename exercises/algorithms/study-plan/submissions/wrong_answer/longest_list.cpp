// Answers one more than the largest number of prerequisites any single course has,
// as if courses did not form chains.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
  int n, m;
  if (std::scanf("%d %d", &n, &m) != 2) return 1;
  std::vector<int> missing(n + 1, 0);
  for (int i = 0; i < m; ++i) {
    int a, b;
    std::scanf("%d %d", &a, &b);
    ++missing[b];
  }
  std::printf("%d\n", *std::max_element(missing.begin(), missing.end()) + 1);
}
