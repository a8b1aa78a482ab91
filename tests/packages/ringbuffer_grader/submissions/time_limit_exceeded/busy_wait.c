/* Pop waits for data, as firmware might spin on an empty queue: with no other task
 * pushing, it spins forever. */
#include "ringbuffer.h"

static int16_t samples[1024];
static volatile size_t head, count, capacity = 1;

void rb_init(size_t cap) {
  capacity = cap;
  head = count = 0;
}

bool rb_push(int16_t sample) {
  bool room = count < capacity;
  samples[(head + count) % capacity] = sample;
  if (room) ++count;
  else head = (head + 1) % capacity;
  return room;
}

bool rb_pop(int16_t *out) {
  while (count == 0) {
  }
  *out = samples[head];
  head = (head + 1) % capacity;
  --count;
  return true;
}

size_t rb_size(void) { return count; }

int32_t rb_average(void) {
  if (count == 0) return 0;
  long long sum = 0;
  for (size_t i = 0; i < count; ++i) sum += samples[(head + i) % capacity];
  return (int32_t)(sum / (long long)count);
}
