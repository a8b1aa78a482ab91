// Rounds the hours to the nearest whole hour: 135 minutes becomes 2, but 150 becomes 3.
#include <cmath>
#include <iostream>

int main() {
  int minutes;
  std::cin >> minutes;
  std::cout << std::lround(minutes / 60.0) << " h " << minutes % 60 << " min\n";
}
