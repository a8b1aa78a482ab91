#include <iostream>
#include <vector>

int main() {
  int n;
  std::cin >> n;
  std::vector<int> temps(n);
  for (int& t : temps) std::cin >> t;
  int coldest = temps[0], warmest = temps[0], frost_days = 0;
  for (int t : temps) {
    if (t < coldest) coldest = t;
    if (t > warmest) warmest = t;
    if (t < 0) ++frost_days;
  }
  std::cout << coldest << "\n" << warmest << "\n" << frost_days << "\n";
}
