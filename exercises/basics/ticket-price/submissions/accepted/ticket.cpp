#include <iostream>

int main() {
  int age;
  std::cin >> age;
  int price;
  if (age < 7) {
    price = 0;
  } else if (age <= 17) {
    price = 2;
  } else if (age <= 64) {
    price = 4;
  } else {
    price = 3;
  }
  std::cout << price << "\n";
}
