/* Reads through a null pointer half a second in: the program crashes mid-run. */
#include <stdio.h>
#include <string.h>

int main(void) {
  char word[16];
  int ms, raw, state = 0;
  int* volatile history = NULL;
  while (scanf("%15s", word) == 1 && strcmp(word, "SAMPLE") == 0) {
    if (scanf("%d %d", &ms, &raw) != 2) return 1;
    if (ms == 500) state = history[ms];
    else state = raw;
    printf("%d\n", state);
    fflush(stdout);
  }
  return 0;
}
