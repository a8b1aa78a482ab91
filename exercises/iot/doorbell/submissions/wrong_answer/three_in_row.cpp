// Waits for only three equal samples, so a bounce of three or four samples gets through.
#include <cstdio>
#include <cstring>

int main() {
  char word[16];
  int t, value, last = -1, run = 0, state = 0;
  while (std::scanf("%15s", word) == 1 && std::strcmp(word, "END") != 0) {
    if (std::scanf("%d %d", &t, &value) != 2) return 1;
    run = value == last ? run + 1 : 1;
    last = value;
    if (run >= 3) state = value;
    std::printf("STATE %d\n", state);
    std::fflush(stdout);
  }
}
