/* Ring buffer with a head index and a count. */
#include "ringbuffer.h"

static int16_t samples[1024];
static size_t head, count, capacity = 1;

void rb_init(size_t cap) {
  capacity = cap;
  head = count = 0;
}

bool rb_push(int16_t sample) {
  bool room = count < capacity;
  samples[(head + count) % capacity] = sample;
  if (room) {
    ++count;
  } else {
    head = (head + 1) % capacity; /* the oldest was overwritten */
  }
  return room;
}

bool rb_pop(int16_t *out) {
  if (count == 0) return false;
  *out = samples[head];
  head = (head + 1) % capacity;
  --count;
  return true;
}

size_t rb_size(void) { return count; }

int32_t rb_average(void) {
  if (count == 0) return 0;
  int64_t sum = 0;
  for (size_t i = 0; i < count; ++i) sum += samples[(head + i) % capacity];
  return (int32_t)(sum / (int64_t)count);
}
