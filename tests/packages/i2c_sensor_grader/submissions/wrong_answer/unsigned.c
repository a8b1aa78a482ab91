/* Forgets the sign: temperatures below zero come out as large positive values. */
#include "sensor.h"

int sensor_init(uint8_t addr) {
  uint8_t id = 0;
  if (i2c_read_reg(addr, 0x0F, &id, 1) != 0 || id != 0xA1) return -1;
  uint8_t config = 0x60;
  return i2c_write_reg(addr, 0x01, &config, 1) == 0 ? 0 : -1;
}

int sensor_read_millicelsius(uint8_t addr, int32_t *out) {
  uint8_t bytes[2];
  if (i2c_read_reg(addr, 0x00, bytes, 2) != 0) return -1;
  uint16_t raw = (uint16_t)((bytes[0] << 8) | bytes[1]);
  *out = (int32_t)(raw >> 4) * 625 / 10;
  return 0;
}
