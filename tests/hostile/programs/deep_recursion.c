// Recurses without end, touching a kilobyte of stack per frame.
#include <stdio.h>

static volatile long forever = 1L << 62;  // out of reach, but the compiler cannot know

static long Recurse(long depth) {
  volatile char frame[1024];
  frame[0] = (char)depth;
  frame[sizeof frame - 1] = (char)depth;
  if (depth >= forever) return depth;
  return Recurse(depth + 1) + frame[0] + frame[sizeof frame - 1];
}

int main(void) {
  printf("%ld\n", Recurse(0));
  return 0;
}
