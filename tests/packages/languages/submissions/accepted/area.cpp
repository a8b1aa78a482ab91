#include <cmath>
#include <iomanip>
#include <iostream>

int main() {
  double r = 0;
  std::cin >> r;
  std::cout << std::setprecision(12) << M_PI * r * r << "\n";
}
