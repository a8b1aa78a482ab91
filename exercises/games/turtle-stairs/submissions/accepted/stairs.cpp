// Each step: turn to face up, climb, turn back to face right, walk.
#include <iostream>
#include <string>

int main() {
  std::string word, size;
  int steps = 0;
  std::cin >> word >> steps >> size;
  for (int i = 0; i < steps; ++i) {
    std::cout << "LEFT 90\nFORWARD " << size << "\nRIGHT 90\nFORWARD " << size << "\n";
  }
}
