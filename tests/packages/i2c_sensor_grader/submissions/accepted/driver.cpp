// TMP102-style driver in C++.
#include <array>
#include <cstdint>

#include "sensor.h"

namespace {
constexpr uint8_t kWhoAmI = 0x0F, kConfig = 0x01, kTemperature = 0x00;
}

int sensor_init(uint8_t addr) {
  uint8_t id = 0;
  if (i2c_read_reg(addr, kWhoAmI, &id, 1) != 0 || id != 0xA1) return -1;
  const uint8_t config = 0x60;
  return i2c_write_reg(addr, kConfig, &config, 1) == 0 ? 0 : -1;
}

int sensor_read_millicelsius(uint8_t addr, int32_t* out) {
  std::array<uint8_t, 2> bytes{};
  if (i2c_read_reg(addr, kTemperature, bytes.data(), bytes.size()) != 0) return -1;
  const auto raw = static_cast<int16_t>((bytes[0] << 8) | bytes[1]);
  *out = static_cast<int32_t>(raw / 16) * 625 / 10;
  return 0;
}
