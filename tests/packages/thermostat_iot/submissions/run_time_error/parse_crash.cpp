// Indexes past the end of its history after a few hours: crashes mid-day.
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::string word;
  std::vector<double> history;
  while (std::cin >> word) {
    if (word == "TARGET") {
      double target;
      std::cin >> target;
    } else if (word == "TEMP") {
      int minute;
      double temp;
      std::cin >> minute >> temp;
      history.push_back(temp);
      if (minute == 300) return static_cast<int>(history.at(minute + 1));
      std::cout << "HEAT " << (temp < 21 ? 100 : 0) << std::endl;
    } else {
      break;
    }
  }
}
