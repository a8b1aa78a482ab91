// Line i is i times the first one; the turn stays the same.
#include <iostream>
#include <string>

int main() {
  std::string word;
  int lines = 0;
  double length = 0, angle = 0;
  std::cin >> word >> lines >> length >> angle;
  for (int i = 1; i <= lines; ++i) std::cout << "FORWARD " << i * length << "\nLEFT " << angle << "\n";
}
