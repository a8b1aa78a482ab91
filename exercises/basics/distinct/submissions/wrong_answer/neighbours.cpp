// Counts changes between neighbours without sorting: 7 3 7 counts 7 twice.
#include <iostream>

int main() {
  int n;
  std::cin >> n;
  long long previous = -1, x;
  int count = 0;
  for (int i = 0; i < n; ++i) {
    std::cin >> x;
    if (x != previous) ++count;
    previous = x;
  }
  std::cout << count << "\n";
}
