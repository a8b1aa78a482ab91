// Reads the number into a long long: anything past 19 digits does not fit.
#include <iostream>

int main() {
  long long number;
  std::cin >> number;
  int total = 0;
  while (number > 0) {
    total += number % 10;
    number /= 10;
  }
  std::cout << total << "\n";
}
