// Capital letters count as different: "Saippuakauppias" is not accepted.
#include <iostream>
#include <string>

int main() {
  std::string line, cleaned;
  std::getline(std::cin, line);
  for (char c : line) {
    if (c != ' ') cleaned += c;
  }
  std::string reversed(cleaned.rbegin(), cleaned.rend());
  std::cout << (cleaned == reversed ? "yes" : "no") << "\n";
}
