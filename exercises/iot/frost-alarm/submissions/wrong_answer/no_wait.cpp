// Has the two limits but switches on at the first cold reading, without waiting for three.
#include <iostream>
#include <string>

int main() {
  std::string word;
  double low = 0, high = 0;
  bool alarm = false;
  while (std::cin >> word) {
    if (word == "END") break;
    if (word == "LIMITS") {
      std::cin >> low >> high;
      continue;
    }
    int minute;
    double temp;
    std::cin >> minute >> temp;
    if (temp < low) alarm = true;
    else if (temp > high) alarm = false;
    std::cout << "ALARM " << (alarm ? "ON" : "OFF") << std::endl;
  }
}
