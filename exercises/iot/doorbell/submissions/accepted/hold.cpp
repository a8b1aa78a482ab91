// A counter of equal samples in a row; the state follows the raw value after five.
#include <cstdio>
#include <cstring>

int main() {
  char word[16];
  int t, value, last = -1, run = 0, state = 0;
  while (std::scanf("%15s", word) == 1 && std::strcmp(word, "END") != 0) {
    if (std::scanf("%d %d", &t, &value) != 2) return 1;
    run = value == last ? run + 1 : 1;
    last = value;
    if (run >= 5) state = value;
    std::printf("STATE %d\n", state);
    std::fflush(stdout);
  }
}
