#include <iostream>
#include <string>

int main() {
  std::string word, longest;
  int count = 0;
  while (std::cin >> word) {
    ++count;
    if (word.size() > longest.size()) longest = word;
  }
  std::cout << count << "\n" << longest << "\n";
}
