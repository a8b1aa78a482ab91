#include <iostream>
#include <queue>
#include <string>
#include <vector>

int main() {
  int r, c;
  std::cin >> r >> c;
  std::vector<std::string> grid(r);
  for (auto& row : grid) std::cin >> row;
  std::vector<std::vector<int>> dist(r, std::vector<int>(c, -1));
  std::queue<std::pair<int, int>> queue;
  int goal_y = 0, goal_x = 0;
  for (int y = 0; y < r; ++y) {
    for (int x = 0; x < c; ++x) {
      if (grid[y][x] == 'S') {
        dist[y][x] = 0;
        queue.push({y, x});
      } else if (grid[y][x] == 'E') {
        goal_y = y;
        goal_x = x;
      }
    }
  }
  const int dy[] = {-1, 1, 0, 0}, dx[] = {0, 0, -1, 1};
  while (!queue.empty()) {
    auto [y, x] = queue.front();
    queue.pop();
    for (int d = 0; d < 4; ++d) {
      int ny = y + dy[d], nx = x + dx[d];
      if (ny < 0 || ny >= r || nx < 0 || nx >= c) continue;
      if (grid[ny][nx] == '#' || dist[ny][nx] >= 0) continue;
      dist[ny][nx] = dist[y][x] + 1;
      queue.push({ny, nx});
    }
  }
  std::cout << dist[goal_y][goal_x] << "\n";
}
