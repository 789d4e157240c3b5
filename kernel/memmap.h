/*
 * kernel/memmap.h — the RAM layout, learned at boot from the machine (kernel/memmap.c):
 *   RAM_BASE          the device tree QEMU's loader puts there (the first 1 MiB is left to it)
 *   0x40100000        the kernel image, per-core stack slots, page tables (boot/kernel.ld)
 *   __stack_arena     thread stacks, STACK_ARENA_SIZE (kernel/stack.c; 1 MiB aligned)
 *   __heap_start      the heap (newlib's malloc through _sbrk) up to memmap_heap_end()
 *   boot block        the last BOOT_BLOCK_SIZE bytes of RAM: the launcher's boot block
 *                     (kernel/bootargs.h); the heap takes them too when no boot block is there
 * Set once by CPU 0 in kmain before any other core starts or anything is allocated; read-only
 * afterwards, so no locking.
 */
#ifndef KERNEL_MEMMAP_H
#define KERNEL_MEMMAP_H
#include <stdbool.h>
#include <stdint.h>
#include "kernel/tunables.h"

extern char __stack_arena[];        /* boot/kernel.ld */
#define STACK_ARENA_BASE ((uintptr_t)__stack_arena)

/* Read the RAM size from the device tree (or assume RAM_MIN when there is none). Returns false
 * when the RAM is smaller than RAM_MIN: the caller says so and stops. */
bool      memmap_init(void);
uintptr_t memmap_ram_end(void);        /* first address past the RAM the kernel uses */
uint64_t  memmap_ram_size(void);       /* what the machine has (the kernel uses up to RAM_MAX_USED) */
bool      memmap_from_dtb(void);       /* false: no device tree, RAM_MIN assumed */
int       memmap_dtb_cpus(void);       /* cpu nodes in the device tree (0: unknown) */
uintptr_t memmap_boot_block(void);     /* where the launcher puts the boot block */
void      memmap_no_boot_block(void);  /* none there: the heap may use its place */
uintptr_t memmap_heap_end(void);       /* _sbrk fails cleanly here */
#endif
