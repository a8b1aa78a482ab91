// Follows a Hamiltonian cycle of the board: the snake never bites itself and reaches every
// apple within one lap.
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

using Square = std::pair<int, int>;

// Along the top row, zigzag down over columns 1.., back up column 0 (h even).
std::vector<Square> Tour(int w, int h) {
  std::vector<Square> order;
  for (int x = 0; x < w; ++x) order.push_back({x, 0});
  for (int y = 1; y < h; ++y) {
    if (y % 2 == 1) {
      for (int x = w - 1; x >= 1; --x) order.push_back({x, y});
    } else {
      for (int x = 1; x < w; ++x) order.push_back({x, y});
    }
  }
  for (int y = h - 1; y >= 1; --y) order.push_back({0, y});
  return order;
}

int main() {
  std::string word;
  int width = 0, height = 0, apples = 0;
  std::cin >> word >> width >> height >> apples;
  std::vector<Square> order = Tour(height % 2 == 0 ? width : height,
                                   height % 2 == 0 ? height : width);
  if (height % 2 != 0) {
    for (Square& s : order) std::swap(s.first, s.second);
  }
  std::map<Square, Square> next;
  for (size_t i = 0; i < order.size(); ++i) next[order[i]] = order[(i + 1) % order.size()];
  Square head{0, 0};
  std::string answer;
  int ax = 0, ay = 0;
  std::cin >> answer >> ax >> ay;
  while (answer != "END") {
    Square to = next[head];
    int dx = to.first - head.first, dy = to.second - head.second;
    std::cout << (dx == 1 ? "R" : dx == -1 ? "L" : dy == 1 ? "D" : "U") << std::endl;
    head = to;
    std::cin >> answer;
    if (answer == "APPLE") std::cin >> ax >> ay;
  }
}
