// Ring buffer with read and write positions that run freely (capacity-independent counters).
#include <array>
#include <cstdint>

#include "ringbuffer.h"

namespace {
std::array<int16_t, 1024> samples;
size_t capacity = 1;
uint64_t read_at = 0, write_at = 0;
}  // namespace

void rb_init(size_t cap) {
  capacity = cap;
  read_at = write_at = 0;
}

bool rb_push(int16_t sample) {
  samples[write_at++ % capacity] = sample;
  if (write_at - read_at <= capacity) return true;
  ++read_at;
  return false;
}

bool rb_pop(int16_t* out) {
  if (read_at == write_at) return false;
  *out = samples[read_at++ % capacity];
  return true;
}

size_t rb_size() { return static_cast<size_t>(write_at - read_at); }

int32_t rb_average() {
  if (read_at == write_at) return 0;
  int64_t sum = 0;
  for (uint64_t i = read_at; i < write_at; ++i) sum += samples[i % capacity];
  return static_cast<int32_t>(sum / static_cast<int64_t>(write_at - read_at));
}
