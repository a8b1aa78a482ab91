/* Grader of the humidity sensor exercise: simulates the I2C bus and an HT21 sensor from a
 * script on stdin and prints what the driver returned; the judge compares that with the
 * answer.
 *
 * Script lines: "sensor ADDR ID" (the device on the bus), "temp RAW" and "hum RAW" (the
 * next measurement, hex), "busy N" (the next measurement is ready after N status reads),
 * "stuck" (the next measurement never gets ready), "corrupt t|h" (the next measurement's
 * temperature or humidity checksum is wrong), "fail N" (the Nth transfer from now fails),
 * "init ADDR", "measure ADDR". */
#include <cstdio>
#include <cstring>

#include "ht21.h"

#define REG_DATA 0xE0
#define REG_START 0xF0
#define REG_STATUS 0xF1
#define REG_ID 0xFC

static unsigned sensor_addr = 0x40, sensor_id = 0x21, raw_t = 0x6666, raw_h = 0x8000;
static int transfers = 0, fail_at = -1, busy_for = 0, busy_left = -1, stuck = 0;
static int corrupt_t = 0, corrupt_h = 0, started = 0;
static long status_reads = 0;

static uint8_t crc8(const uint8_t *data, int len) {
  uint8_t crc = 0xFF;
  for (int i = 0; i < len; ++i) {
    crc ^= data[i];
    for (int b = 0; b < 8; ++b) crc = (uint8_t)(crc & 0x80 ? (crc << 1) ^ 0x31 : crc << 1);
  }
  return crc;
}

static int bus_fault(uint8_t addr) {
  ++transfers;
  if (transfers == fail_at) return 1;
  return addr != sensor_addr;
}

int i2c_read_reg(uint8_t addr, uint8_t reg, uint8_t *buf, size_t len) {
  if (buf == NULL || len == 0 || len > 6 || bus_fault(addr)) return -1;
  uint8_t value[6] = {0};
  if (reg == REG_ID) {
    value[0] = (uint8_t)sensor_id;
  } else if (reg == REG_STATUS) {
    ++status_reads;
    int busy = started && (stuck || busy_left > 0);
    if (busy && !stuck) --busy_left;
    value[0] = (uint8_t)busy;
  } else if (reg == REG_DATA) {
    value[0] = (uint8_t)(raw_t >> 8);
    value[1] = (uint8_t)raw_t;
    value[2] = crc8(value, 2) ^ (corrupt_t ? 0x5A : 0);
    value[3] = (uint8_t)(raw_h >> 8);
    value[4] = (uint8_t)raw_h;
    value[5] = crc8(value + 3, 2) ^ (corrupt_h ? 0xA5 : 0);
  }
  memcpy(buf, value, len);
  return 0;
}

int i2c_write_reg(uint8_t addr, uint8_t reg, const uint8_t *buf, size_t len) {
  if (buf == NULL || len == 0 || len > 2 || bus_fault(addr)) return -1;
  if (reg == REG_START && buf[0] == 0x01) {
    started = 1;
    busy_left = busy_for;
  }
  return 0;
}

int main(void) {
  char op[16];
  unsigned a, b;
  while (scanf("%15s", op) == 1) {
    if (strcmp(op, "sensor") == 0 && scanf("%x %x", &a, &b) == 2) {
      sensor_addr = a;
      sensor_id = b;
    } else if (strcmp(op, "temp") == 0 && scanf("%x", &a) == 1) {
      raw_t = a & 0xFFFF;
    } else if (strcmp(op, "hum") == 0 && scanf("%x", &a) == 1) {
      raw_h = a & 0xFFFF;
    } else if (strcmp(op, "busy") == 0 && scanf("%u", &a) == 1) {
      busy_for = (int)a;
    } else if (strcmp(op, "stuck") == 0) {
      stuck = 1;
    } else if (strcmp(op, "corrupt") == 0 && scanf("%15s", op) == 1) {
      corrupt_t = op[0] == 't';
      corrupt_h = op[0] == 'h';
    } else if (strcmp(op, "fail") == 0 && scanf("%u", &a) == 1) {
      fail_at = transfers + (int)a;
    } else if (strcmp(op, "init") == 0 && scanf("%x", &a) == 1) {
      printf("init %d\n", ht_init((uint8_t)a));
    } else if (strcmp(op, "measure") == 0 && scanf("%x", &a) == 1) {
      int32_t t = 123456789, h = 123456789;
      started = 0;
      status_reads = 0;
      int rc = ht_measure((uint8_t)a, &t, &h);
      if (rc == 0) printf("measure 0 %ld %ld\n", (long)t, (long)h);
      else printf("measure %d\n", rc);
      if (status_reads > 10) printf("too many status reads: %ld\n", status_reads);
      busy_for = 0;
      stuck = corrupt_t = corrupt_h = 0;
    } else {
      fprintf(stderr, "grader: bad script near '%s'\n", op);
      return 3;
    }
  }
  return 0;
}
