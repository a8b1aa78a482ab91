// PI control of the radiator: proportional to the error now, plus the summed error (kept
// within limits, so it does not wind up while the radiator is at full power).
#include <algorithm>
#include <cmath>
#include <iostream>
#include <string>

int main() {
  std::string word;
  double integral = 0;
  while (std::cin >> word && word != "END") {
    int minute;
    double room, outside, target;
    std::cin >> minute >> room >> outside >> target;
    double error = target - room;
    integral = std::clamp(integral + error, -300.0, 300.0);
    long power = std::lround(40 * error + 0.25 * integral);
    std::cout << "HEAT " << std::clamp(power, 0L, 100L) << std::endl;
  }
}
