#include <iostream>

int main() {
  unsigned long long n;
  std::cin >> n;
  // n(n+1)/2 overflows 64 bits only past 6e9; halve the even factor first anyway.
  unsigned long long a = n, b = n + 1;
  if (a % 2 == 0) a /= 2; else b /= 2;
  std::cout << a * b << "\n";
}
