// Four times: a side, then a quarter turn to the left.
#include <iostream>
#include <string>

int main() {
  std::string word, side;
  std::cin >> word >> side;
  for (int i = 0; i < 4; ++i) std::cout << "FORWARD " << side << "\nLEFT 90\n";
}
