// Always leaves the bot a multiple of MAX + 1 stones.
#include <iostream>
#include <string>

int main() {
  std::string word;
  int stones = 0, most = 0;
  std::cin >> word >> stones >> word >> most;
  while (true) {
    std::cout << stones % (most + 1) << std::endl;
    std::string answer;
    std::cin >> answer;
    if (answer == "WIN") break;
    int bot = 0;
    std::cin >> bot >> stones;
  }
}
