/* drivers/rtc.h — PL031 real-time clock at 0x09010000 on QEMU virt: Unix seconds. */
#ifndef DRIVERS_RTC_H
#define DRIVERS_RTC_H
#include <stdint.h>
uint32_t rtc_seconds(void);
#endif
