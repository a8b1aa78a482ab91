// HT21 driver in C++: the same steps as the C driver, with a small helper for the checksum.
#include <array>
#include <cstdint>

#include "ht21.h"

namespace {

uint8_t Crc8(const uint8_t* data) {
  uint8_t crc = 0xFF;
  for (int i = 0; i < 2; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc & 0x80) ? uint8_t((crc << 1) ^ 0x31) : uint8_t(crc << 1);
  }
  return crc;
}

}  // namespace

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
  std::array<uint8_t, 6> data{};
  if (i2c_read_reg(addr, 0xE0, data.data(), data.size()) != 0) return HT_BUS_ERROR;
  if (Crc8(&data[0]) != data[2] || Crc8(&data[3]) != data[5]) return HT_CRC_ERROR;
  const int64_t raw_t = (data[0] << 8) | data[1];
  const int64_t raw_h = (data[3] << 8) | data[4];
  *millicelsius = static_cast<int32_t>(175000 * raw_t / 65535 - 45000);
  *permille = static_cast<int32_t>(1000 * raw_h / 65535);
  return HT_OK;
}
