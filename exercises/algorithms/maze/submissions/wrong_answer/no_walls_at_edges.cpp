// Forgets the walls: answers the straight-line (Manhattan) distance.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

int main() {
  int r, c;
  std::cin >> r >> c;
  int sy = 0, sx = 0, ey = 0, ex = 0;
  for (int y = 0; y < r; ++y) {
    std::string row;
    std::cin >> row;
    for (int x = 0; x < c; ++x) {
      if (row[x] == 'S') sy = y, sx = x;
      if (row[x] == 'E') ey = y, ex = x;
    }
  }
  std::cout << std::abs(sy - ey) + std::abs(sx - ex) << "\n";
}
