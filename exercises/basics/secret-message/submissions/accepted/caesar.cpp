#include <iostream>
#include <string>

int main() {
  int k;
  std::cin >> k;
  std::string message;
  std::getline(std::cin >> std::ws, message);
  for (char& c : message) {
    if (c != ' ') c = static_cast<char>('a' + (c - 'a' + k) % 26);
  }
  std::cout << message << "\n";
}
