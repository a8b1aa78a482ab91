/* Reads the question and never answers: stopped at the wall-clock limit. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  long n = 0;
  char mode[16] = "";
  if (scanf("%ld %15s", &n, mode) != 2) return 1;
  for (;;) pause();
}
