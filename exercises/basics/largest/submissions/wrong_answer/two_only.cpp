// Compares only the first two numbers.
#include <iostream>

int main() {
  int a, b, c;
  std::cin >> a >> b >> c;
  std::cout << (a > b ? a : b) << "\n";
}
