#include <algorithm>
#include <iostream>
#include <vector>

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> numbers(n);
  for (long long& x : numbers) std::cin >> x;
  std::sort(numbers.begin(), numbers.end());
  std::cout << std::unique(numbers.begin(), numbers.end()) - numbers.begin() << "\n";
}
