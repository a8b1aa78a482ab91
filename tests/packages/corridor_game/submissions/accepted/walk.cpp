#include <iostream>
#include <string>

int main() {
  std::string word, reply;
  int goal = 0;
  std::cin >> word >> goal;
  for (int i = 0; i < goal; ++i) {
    std::cout << "MOVE" << std::endl;
    std::cin >> reply;
  }
}
