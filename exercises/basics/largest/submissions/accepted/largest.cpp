#include <iostream>

int main() {
  int a, b, c;
  std::cin >> a >> b >> c;
  int largest = a;
  if (b > largest) largest = b;
  if (c > largest) largest = c;
  std::cout << largest << "\n";
}
