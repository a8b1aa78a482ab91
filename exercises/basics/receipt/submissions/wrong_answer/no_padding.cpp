// Counts in cents but prints five cents as ".5" instead of ".05".
#include <iostream>
#include <string>

int main() {
  int n;
  std::cin >> n;
  long long total = 0;
  for (int i = 0; i < n; ++i) {
    std::string name, price;
    std::cin >> name >> price;
    size_t dot = price.find('.');
    total += std::stoll(price.substr(0, dot)) * 100 + std::stoll(price.substr(dot + 1));
  }
  std::cout << total / 100 << "." << total % 100 << "\n";
}
