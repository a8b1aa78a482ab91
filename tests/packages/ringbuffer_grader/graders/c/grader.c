/* Grader of the ring buffer exercise: runs the operations of the script on stdin
 * ("init N", "push V", "pushn COUNT START", "pop", "size", "avg") and prints each result. */
#include <stdio.h>
#include <string.h>

#include "ringbuffer.h"

int main(void) {
  char op[16];
  long a, b;
  while (scanf("%15s", op) == 1) {
    if (strcmp(op, "init") == 0 && scanf("%ld", &a) == 1) {
      rb_init((size_t)a);
    } else if (strcmp(op, "push") == 0 && scanf("%ld", &a) == 1) {
      printf("push %d\n", rb_push((int16_t)a) ? 1 : 0);
    } else if (strcmp(op, "pushn") == 0 && scanf("%ld %ld", &a, &b) == 2) {
      long dropped = 0;
      for (long i = 0; i < a; ++i) dropped += rb_push((int16_t)(b + i * 37)) ? 0 : 1;
      printf("pushn dropped %ld\n", dropped);
    } else if (strcmp(op, "pop") == 0) {
      int16_t value = 12345;
      if (rb_pop(&value)) printf("pop %d\n", value);
      else printf("pop empty %d\n", value);
    } else if (strcmp(op, "size") == 0) {
      printf("size %lu\n", (unsigned long)rb_size());
    } else if (strcmp(op, "avg") == 0) {
      printf("avg %ld\n", (long)rb_average());
    } else {
      fprintf(stderr, "grader: bad script near '%s'\n", op);
      return 3;
    }
  }
  return 0;
}
