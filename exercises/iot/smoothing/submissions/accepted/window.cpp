// A ring of the last five good readings.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

int main() {
  double ring[5];
  int count = 0, next = 0;
  std::string word, value;
  while (std::cin >> word && word != "END") {
    std::cin >> value;
    if (value != "ERR") {
      ring[next] = std::stod(value);
      next = (next + 1) % 5;
      if (count < 5) ++count;
    }
    double sum = 0;
    for (int i = 0; i < count; ++i) sum += ring[i];
    std::printf("AVG %.2f\n", sum / count);
    std::fflush(stdout);
  }
}
