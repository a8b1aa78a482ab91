// Forks without end; every process keeps forking, so the box is full of spinning tasks.
#include <stdio.h>
#include <unistd.h>

int main(void) {
  int said = 0;
  for (;;) {
    pid_t pid = fork();
    if (pid < 0 && !said) {
      printf("fork failed: capped\n");
      fflush(stdout);
      said = 1;
    }
    if (pid == 0) said = 1;  // children stay quiet
  }
}
