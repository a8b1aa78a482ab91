/* Integrating debouncer: the state follows the raw input only after 5 equal samples. */
#include <stdio.h>
#include <string.h>

int main(void) {
  char word[16];
  int ms, raw, state = 0, count = 0;
  while (scanf("%15s", word) == 1 && strcmp(word, "SAMPLE") == 0) {
    if (scanf("%d %d", &ms, &raw) != 2) return 1;
    count = raw != state ? count + 1 : 0;
    if (count >= 5) {
      state = raw;
      count = 0;
    }
    printf("%d\n", state);
    fflush(stdout);
  }
  return 0;
}
