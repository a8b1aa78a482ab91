#include <cctype>
#include <iostream>
#include <string>

int main() {
  std::string line, cleaned;
  std::getline(std::cin, line);
  for (char c : line) {
    if (c != ' ') cleaned += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  bool same = true;
  for (size_t i = 0; i < cleaned.size() / 2; ++i) {
    if (cleaned[i] != cleaned[cleaned.size() - 1 - i]) same = false;
  }
  std::cout << (same ? "yes" : "no") << "\n";
}
