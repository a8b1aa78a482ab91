#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  int n;
  std::cin >> n;
  std::vector<std::pair<int, std::string>> players(n);
  for (auto& [points, name] : players) {
    std::cin >> name >> points;
    points = -points;
  }
  std::sort(players.begin(), players.end());
  std::string out;
  for (const auto& [points, name] : players) out += name + "\n";
  std::cout << out;
}
