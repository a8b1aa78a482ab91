// Dijkstra, but treats every connection as one-way from a to b.
#include <cstdio>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

int main() {
  int n, m;
  if (std::scanf("%d %d", &n, &m) != 2) return 1;
  std::vector<std::vector<std::pair<int, int>>> roads(n + 1);
  for (int i = 0; i < m; ++i) {
    int a, b, t;
    std::scanf("%d %d %d", &a, &b, &t);
    roads[a].push_back({b, t});
  }
  const long long kInfinity = std::numeric_limits<long long>::max();
  std::vector<long long> best(n + 1, kInfinity);
  using Entry = std::pair<long long, int>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
  best[1] = 0;
  queue.push({0, 1});
  while (!queue.empty()) {
    auto [time, stop] = queue.top();
    queue.pop();
    if (time > best[stop]) continue;
    for (auto [other, t] : roads[stop]) {
      if (time + t < best[other]) {
        best[other] = time + t;
        queue.push({best[other], other});
      }
    }
  }
  std::printf("%lld\n", best[n] == kInfinity ? -1 : best[n]);
}
