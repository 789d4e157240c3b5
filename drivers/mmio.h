/* drivers/mmio.h — volatile register access for the drivers (device memory, no caching). */
#ifndef DRIVERS_MMIO_H
#define DRIVERS_MMIO_H
#include <stdint.h>
static inline uint32_t mmio_read(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline void mmio_write(uintptr_t a, uint32_t v) { *(volatile uint32_t *)a = v; }
#endif
