// Needs a gap between gigs: a gig starting the minute the last one ends is skipped.
#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

int main() {
  int n;
  if (std::scanf("%d", &n) != 1) return 1;
  std::vector<std::pair<long long, long long>> gigs(n);
  for (auto& [end, start] : gigs) std::scanf("%lld %lld", &start, &end);
  std::sort(gigs.begin(), gigs.end());
  int count = 0;
  long long free_at = -1;
  for (const auto& [end, start] : gigs) {
    if (start > free_at) {
      ++count;
      free_at = end;
    }
  }
  std::printf("%d\n", count);
}
