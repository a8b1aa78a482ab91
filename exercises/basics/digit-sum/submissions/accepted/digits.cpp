#include <iostream>
#include <string>

int main() {
  std::string number;
  std::cin >> number;
  int total = 0;
  for (char c : number) total += c - '0';
  std::cout << total << "\n";
}
