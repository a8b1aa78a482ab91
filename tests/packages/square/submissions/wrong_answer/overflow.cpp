// 32-bit arithmetic overflows on large inputs.
#include <iostream>

int main() {
  int n;
  std::cin >> n;
  std::cout << n * n << "\n";
}
