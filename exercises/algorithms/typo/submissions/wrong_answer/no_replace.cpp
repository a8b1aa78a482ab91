// Allows only inserts and deletes: a replacement costs two changes.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::string first, second;
  std::cin >> first >> second;
  const size_t n = first.size(), m = second.size();
  std::vector<std::vector<int>> e(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) e[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) e[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      e[i][j] = std::min(e[i - 1][j] + 1, e[i][j - 1] + 1);
      if (first[i - 1] == second[j - 1]) e[i][j] = std::min(e[i][j], e[i - 1][j - 1]);
    }
  }
  std::cout << e[n][m] << "\n";
}
