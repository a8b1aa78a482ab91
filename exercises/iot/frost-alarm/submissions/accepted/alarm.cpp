// The same state machine: a counter of cold readings and the alarm flag.
#include <iostream>
#include <string>

int main() {
  std::string word;
  double low = 0, high = 0;
  bool alarm = false;
  int cold = 0;
  while (std::cin >> word) {
    if (word == "END") break;
    if (word == "LIMITS") {
      std::cin >> low >> high;
      continue;
    }
    int minute;
    double temp;
    std::cin >> minute >> temp;
    cold = temp < low ? cold + 1 : 0;
    if (cold >= 3) alarm = true;
    else if (temp > high) alarm = false;
    std::cout << "ALARM " << (alarm ? "ON" : "OFF") << std::endl;
  }
}
