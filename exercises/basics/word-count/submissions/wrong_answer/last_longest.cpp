// ">=" keeps the last of the equally long words, not the first.
#include <iostream>
#include <string>

int main() {
  std::string word, longest;
  int count = 0;
  while (std::cin >> word) {
    ++count;
    if (word.size() >= longest.size()) longest = word;
  }
  std::cout << count << "\n" << longest << "\n";
}
