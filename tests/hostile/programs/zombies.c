// Makes zombies: children that exit at once and are never waited for, until fork fails or
// argv[1] of them exist. Then it exits 0, leaving them to the box's init.
#include <stdlib.h>
#include <unistd.h>

#include "report.h"

int main(int argc, char** argv) {
  long wanted = argc > 1 ? atol(argv[1]) : 1000;
  long made = 0;
  while (made < wanted) {
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    if (pid < 0) break;
    ++made;
  }
  Note("zombies made: %ld", made);
  usleep(100000);
  return 0;
}
