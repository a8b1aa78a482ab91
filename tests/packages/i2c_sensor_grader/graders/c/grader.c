/* Grader of the I2C sensor exercise: simulates the bus and the sensor from a script on
 * stdin and prints what the driver did; the judge compares that with the answer.
 *
 * Script: "sensor ADDR WHOAMI" (the device on the bus), "fail N" (the Nth transfer from now
 * fails), "init ADDR", "raw HEX" (the next temperature register value), "read ADDR". */
#include <stdio.h>
#include <string.h>

#include "sensor.h"

static unsigned sensor_addr = 0x48, whoami = 0xA1, config = 0, raw_temp = 0;
static int transfers = 0, fail_at = -1;

static int bus_fault(uint8_t addr) {
  ++transfers;
  if (transfers == fail_at) return 1;
  return addr != sensor_addr;
}

int i2c_read_reg(uint8_t addr, uint8_t reg, uint8_t *buf, size_t len) {
  if (buf == NULL || len == 0 || len > 2 || bus_fault(addr)) return -1;
  unsigned value = reg == 0x00 ? raw_temp : reg == 0x0F ? whoami << 8 : reg == 0x01 ? config << 8 : 0;
  buf[0] = (uint8_t)(value >> 8);
  if (len == 2) buf[1] = (uint8_t)value;
  return 0;
}

int i2c_write_reg(uint8_t addr, uint8_t reg, const uint8_t *buf, size_t len) {
  if (buf == NULL || len == 0 || len > 2 || bus_fault(addr)) return -1;
  if (reg == 0x01) config = buf[0];
  return 0;
}

int main(void) {
  char op[16];
  unsigned a, b;
  while (scanf("%15s", op) == 1) {
    if (strcmp(op, "sensor") == 0 && scanf("%x %x", &a, &b) == 2) {
      sensor_addr = a;
      whoami = b;
      config = 0;
    } else if (strcmp(op, "fail") == 0 && scanf("%u", &a) == 1) {
      fail_at = transfers + (int)a;
    } else if (strcmp(op, "raw") == 0 && scanf("%x", &a) == 1) {
      raw_temp = a & 0xFFFF;
    } else if (strcmp(op, "init") == 0 && scanf("%x", &a) == 1) {
      int rc = sensor_init((uint8_t)a);
      printf("init %d config 0x%02X\n", rc, config);
    } else if (strcmp(op, "read") == 0 && scanf("%x", &a) == 1) {
      int32_t value = 123456789;
      int rc = sensor_read_millicelsius((uint8_t)a, &value);
      if (rc == 0) printf("read 0 %ld\n", (long)value);
      else printf("read %d\n", rc);
    } else {
      fprintf(stderr, "grader: bad script near '%s'\n", op);
      return 3;
    }
  }
  return 0;
}
