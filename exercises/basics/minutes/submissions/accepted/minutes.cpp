#include <iostream>

int main() {
  int minutes;
  std::cin >> minutes;
  std::cout << minutes / 60 << " h " << minutes % 60 << " min\n";
}
