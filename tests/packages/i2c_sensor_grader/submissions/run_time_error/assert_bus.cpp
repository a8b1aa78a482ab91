// Asserts that the bus never fails instead of reporting -1: aborts on the first bus error.
#include <cassert>
#include <cstdlib>

#include "sensor.h"

int sensor_init(uint8_t addr) {
  uint8_t id = 0;
  if (i2c_read_reg(addr, 0x0F, &id, 1) != 0) std::abort();
  if (id != 0xA1) return -1;
  uint8_t config = 0x60;
  return i2c_write_reg(addr, 0x01, &config, 1);
}

int sensor_read_millicelsius(uint8_t addr, int32_t* out) {
  uint8_t bytes[2];
  if (i2c_read_reg(addr, 0x00, bytes, 2) != 0) std::abort();
  *out = static_cast<int16_t>((bytes[0] << 8) | bytes[1]) / 16 * 625 / 10;
  return 0;
}
