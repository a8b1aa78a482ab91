#include <cstdio>
#include <vector>

int main() {
  int n, m;
  if (std::scanf("%d %d", &n, &m) != 2) return 1;
  std::vector<std::vector<int>> unlocks(n + 1);
  std::vector<int> missing(n + 1, 0);
  for (int i = 0; i < m; ++i) {
    int a, b;
    std::scanf("%d %d", &a, &b);
    unlocks[a].push_back(b);
    ++missing[b];
  }
  std::vector<int> term;
  for (int c = 1; c <= n; ++c) {
    if (missing[c] == 0) term.push_back(c);
  }
  int terms = 0, passed = 0;
  while (!term.empty()) {
    ++terms;
    passed += static_cast<int>(term.size());
    std::vector<int> following;
    for (int course : term) {
      for (int other : unlocks[course]) {
        if (--missing[other] == 0) following.push_back(other);
      }
    }
    term.swap(following);
  }
  std::printf("%d\n", passed == n ? terms : -1);
}
