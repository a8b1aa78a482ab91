/* Reads the data but never checks the checksums: a corrupted measurement looks fine. */
#include "ht21.h"

int ht_init(uint8_t addr) {
  uint8_t id = 0;
  if (i2c_read_reg(addr, 0xFC, &id, 1) != 0 || id != 0x21) return HT_BUS_ERROR;
  return HT_OK;
}

int ht_measure(uint8_t addr, int32_t *millicelsius, int32_t *permille) {
  uint8_t start = 0x01, status = 1, data[6];
  if (i2c_write_reg(addr, 0xF0, &start, 1) != 0) return HT_BUS_ERROR;
  int polls = 0;
  for (;;) {
    if (polls == 10) return HT_TIMEOUT;
    if (i2c_read_reg(addr, 0xF1, &status, 1) != 0) return HT_BUS_ERROR;
    ++polls;
    if ((status & 0x01) == 0) break;
  }
  if (i2c_read_reg(addr, 0xE0, data, 6) != 0) return HT_BUS_ERROR;
  int64_t raw_t = (data[0] << 8) | data[1];
  int64_t raw_h = (data[3] << 8) | data[4];
  *millicelsius = (int32_t)(175000 * raw_t / 65535 - 45000);
  *permille = (int32_t)(1000 * raw_h / 65535);
  return HT_OK;
}
