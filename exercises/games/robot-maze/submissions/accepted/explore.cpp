// Depth-first exploration: remember every square visited (relative to the start), try each
// unvisited neighbour, and walk back the same way when a branch is a dead end.
#include <iostream>
#include <set>
#include <string>
#include <utility>

namespace {

const int kDx[4] = {0, 1, 0, -1};  // N E S W, with the starting direction called N
const int kDy[4] = {-1, 0, 1, 0};
int facing = 0, x = 0, y = 0;
std::set<std::pair<int, int>> visited;

std::string Say(const std::string& command) {
  std::cout << command << std::endl;
  std::string reply;
  std::cin >> reply;
  return reply;
}

void Face(int direction) {
  int turns = (direction - facing + 4) % 4;
  if (turns == 3) {
    Say("LEFT");
  } else {
    for (int i = 0; i < turns; ++i) Say("RIGHT");
  }
  facing = direction;
}

bool Explore() {
  for (int direction = 0; direction < 4; ++direction) {
    int nx = x + kDx[direction], ny = y + kDy[direction];
    if (visited.count({nx, ny})) continue;
    Face(direction);
    if (Say("LOOK") == "WALL") {
      visited.insert({nx, ny});
      continue;
    }
    if (Say("FORWARD") == "OUT") return true;
    x = nx;
    y = ny;
    visited.insert({x, y});
    if (Explore()) return true;
    Face((direction + 2) % 4);
    Say("FORWARD");
    x -= kDx[direction];
    y -= kDy[direction];
  }
  return false;
}

}  // namespace

int main() {
  std::string ready;
  std::cin >> ready;
  visited.insert({0, 0});
  Explore();
}
