/*
 * kernel/fdt.h — read the flattened device tree (DTB) QEMU's loader leaves at the start of RAM
 * for a bare-metal ELF: the RAM size and the number of cores. Read-only, called once by CPU 0
 * before any other core starts (kernel/memmap.c), so no locking.
 */
#ifndef KERNEL_FDT_H
#define KERNEL_FDT_H
#include <stdbool.h>
#include <stdint.h>
/* dtb: the blob's address. Returns false when there is no valid blob there. Otherwise *ram_size
 * is the size of the /memory region that contains ram_base (0 if none), and *cpus the number
 * of cpu nodes under /cpus (0 if none). */
bool fdt_read(const void *dtb, uint64_t ram_base, uint64_t *ram_size, int *cpus);
#endif
