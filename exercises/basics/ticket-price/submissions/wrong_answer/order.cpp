// Checks the conditions in the wrong order: everyone under 65 gets the adult price.
#include <iostream>

int main() {
  int age;
  std::cin >> age;
  if (age >= 65) {
    std::cout << 3 << "\n";
  } else if (age < 65) {
    std::cout << 4 << "\n";
  } else if (age <= 17) {
    std::cout << 2 << "\n";
  } else {
    std::cout << 0 << "\n";
  }
}
