// Burns argv[1] milliseconds of its own CPU time, then exits 0.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  double goal = atof(argv[1]) / 1000.0;
  volatile unsigned long work = 0;
  struct timespec now;
  do {
    for (int i = 0; i < 100000; ++i) ++work;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  } while (now.tv_sec + now.tv_nsec / 1e9 < goal);
  printf("burned %.3f s\n", now.tv_sec + now.tv_nsec / 1e9);
  return 0;
}
