// Starts the search from 0: wrong when every day is warm (or every day cold).
#include <iostream>

int main() {
  int n;
  std::cin >> n;
  int coldest = 0, warmest = 0, frost_days = 0;
  for (int i = 0; i < n; ++i) {
    int t;
    std::cin >> t;
    if (t < coldest) coldest = t;
    if (t > warmest) warmest = t;
    if (t < 0) ++frost_days;
  }
  std::cout << coldest << "\n" << warmest << "\n" << frost_days << "\n";
}
