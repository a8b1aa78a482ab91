/* Sends "N MODE" and wants 2N back.
 *  leave:  reads on to end of file (the submission has ended), then writes a goodbye: a
 *          validator writing after the submission ended must not be killed for it.
 *  linger: ends at once; the submission writes on after that. */
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
  if (argc < 4) return 1;
  FILE* input = fopen(argv[1], "r");
  char path[4096];
  snprintf(path, sizeof path, "%sjudgemessage.txt", argv[3]);
  FILE* message = fopen(path, "a");
  long n = 0;
  char mode[16] = "";
  if (input == NULL || message == NULL || fscanf(input, "%ld %15s", &n, mode) != 2) return 1;
  printf("%ld %s\n", n, mode);
  fflush(stdout);
  long answer = 0;
  if (scanf("%ld", &answer) != 1) {
    fprintf(message, "no answer for %ld\n", n);
    return 43;
  }
  if (answer != 2 * n) {
    fprintf(message, "%ld is not twice %ld\n", answer, n);
    return 43;
  }
  if (strcmp(mode, "leave") == 0) {
    while (getchar() != EOF) {
    }
    for (int i = 0; i < 100; ++i) printf("thank you for playing\n");
    fflush(stdout);
  }
  fprintf(message, "%ld doubled\n", n);
  return 42;
}
