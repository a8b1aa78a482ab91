// int overflows when the sum passes 2^31 - 1.
#include <iostream>

int main() {
  int a, b;
  std::cin >> a >> b;
  std::cout << a + b << "\n";
}
