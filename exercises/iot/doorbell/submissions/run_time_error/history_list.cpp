// Keeps every sample in a fixed array of 4096 and never wraps around: once the button has
// been watched for longer than that, history.at(t) throws and the program stops.
#include <array>
#include <cstdio>
#include <cstring>

std::array<int, 4096> history;

int main() {
  char word[16];
  int t, value, state = 0;
  while (std::scanf("%15s", word) == 1 && std::strcmp(word, "END") != 0) {
    if (std::scanf("%d %d", &t, &value) != 2) return 1;
    history.at(t) = value;
    bool same = t >= 4;
    for (int k = 1; same && k < 5; ++k) same = history.at(t - k) == value;
    if (same) state = value;
    std::printf("STATE %d\n", state);
    std::fflush(stdout);
  }
}
