#include <cstdio>
#include <queue>
#include <vector>

int main() {
  int n, m;
  if (std::scanf("%d %d", &n, &m) != 2) return 1;
  std::vector<std::vector<int>> friends(n + 1);
  for (int i = 0; i < m; ++i) {
    int a, b;
    std::scanf("%d %d", &a, &b);
    friends[a].push_back(b);
    friends[b].push_back(a);
  }
  std::vector<bool> seen(n + 1, false);
  int groups = 0;
  for (int start = 1; start <= n; ++start) {
    if (seen[start]) continue;
    ++groups;
    std::queue<int> queue;
    queue.push(start);
    seen[start] = true;
    while (!queue.empty()) {
      int person = queue.front();
      queue.pop();
      for (int other : friends[person]) {
        if (!seen[other]) {
          seen[other] = true;
          queue.push(other);
        }
      }
    }
  }
  std::printf("%d\n", groups);
}
