// Only checks whether the number is even.
#include <iostream>

int main() {
  long long n;
  std::cin >> n;
  bool prime = n == 2 || (n > 1 && n % 2 == 1);
  std::cout << (prime ? "yes" : "no") << "\n";
}
