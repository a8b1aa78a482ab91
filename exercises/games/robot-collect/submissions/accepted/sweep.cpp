// Sweeps the room row by row like a lawn mower, picking up whatever it stands on, and stops
// as soon as the floor is clear.
#include <iostream>
#include <string>

std::string square;
int left = 0;

void Command(const std::string& name) {
  std::cout << name << std::endl;
  std::cin >> square >> left;
}

int main() {
  std::string word;
  int width = 0, height = 0, items = 0;
  std::cin >> word >> width >> height >> items >> square >> left;
  for (int row = 0; row < height && left > 0; ++row) {
    for (int step = 0; step < width && left > 0; ++step) {
      if (square == "ITEM") Command("PICK");
      if (left > 0 && step < width - 1) Command("FORWARD");
    }
    if (left == 0) break;
    const char* turn = row % 2 == 0 ? "RIGHT" : "LEFT";
    Command(turn);
    Command("FORWARD");
    Command(turn);
  }
}
