// East first, then turn towards the goal and walk the rest.
#include <cstdlib>
#include <iostream>
#include <string>

int main() {
  std::string word;
  int dx = 0, dy = 0;
  std::cin >> word >> dx >> dy;
  for (int i = 0; i < dx; ++i) std::cout << "FORWARD\n";
  if (dy > 0) std::cout << "RIGHT\n";
  if (dy < 0) std::cout << "LEFT\n";
  for (int i = 0; i < std::abs(dy); ++i) std::cout << "FORWARD\n";
}
