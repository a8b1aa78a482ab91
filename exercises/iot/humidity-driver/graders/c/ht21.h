/* Board support of the humidity sensor exercise: an HT21 sensor on an I2C bus. */
#ifndef HT21_H
#define HT21_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Provided by the board: 0 on success, -1 when the transfer fails (no answer from addr). */
int i2c_read_reg(uint8_t addr, uint8_t reg, uint8_t *buf, size_t len);
int i2c_write_reg(uint8_t addr, uint8_t reg, const uint8_t *buf, size_t len);

/* Written by you. Return codes: */
#define HT_OK 0
#define HT_BUS_ERROR (-1)  /* a transfer failed, or the device is not an HT21 */
#define HT_TIMEOUT (-2)    /* still busy after 10 status reads */
#define HT_CRC_ERROR (-3)  /* a checksum did not match */

int ht_init(uint8_t addr);
int ht_measure(uint8_t addr, int32_t *millicelsius, int32_t *permille);

#ifdef __cplusplus
}
#endif

#endif
