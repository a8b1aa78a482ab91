// Starts from the second day: the loop reads the first value and throws it away.
#include <iostream>

int main() {
  int n;
  std::cin >> n;
  long long total = 0, first;
  std::cin >> first;
  for (int i = 1; i < n; ++i) {
    long long steps;
    std::cin >> steps;
    total += steps;
  }
  std::cout << total << "\n";
}
