#include <iostream>
#include <vector>

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> a(n);
  long long total = 0;
  for (auto& x : a) std::cin >> x, total += x;
  long long prefix = 0;
  for (int k = 0; k <= n; ++k) {
    if (2 * prefix == total) {
      std::cout << k << "\n";
      return 0;
    }
    if (k < n) prefix += a[k];
  }
  std::cout << -1 << "\n";
}
