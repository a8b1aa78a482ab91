// Bang-bang control with a small hysteresis band.
#include <iostream>
#include <string>

int main() {
  std::string word;
  double target = 21.0;
  bool on = false;
  while (std::cin >> word) {
    if (word == "TARGET") {
      std::cin >> target;
    } else if (word == "TEMP") {
      int minute;
      double temp;
      std::cin >> minute >> temp;
      if (temp < target - 0.2) on = true;
      if (temp > target + 0.2) on = false;
      std::cout << "HEAT " << (on ? 100 : 0) << std::endl;
    } else {
      break;
    }
  }
}
