/* drivers/rtc.c — PL031 data register read (QEMU starts it at the host's wall-clock time). */
#include "drivers/rtc.h"
#include "drivers/mmio.h"
uint32_t rtc_seconds(void) { return mmio_read(0x09010000u); }
