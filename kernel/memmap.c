/*
 * kernel/memmap.c — the RAM layout (drawn in kernel/memmap.h), from the size the machine
 * reports. QEMU's ELF loader puts the board's device tree at the start of RAM when the image
 * leaves room for it (boot/kernel.ld links the kernel 1 MiB in); r2 carries its address only for
 * a Linux image, so we look at RAM_BASE. Written by CPU 0 in kmain before the other cores start
 * and before the first allocation; read-only afterwards (no lock).
 */
#include "kernel/memmap.h"
#include "kernel/fdt.h"

static uint64_t ram_size;
static uintptr_t ram_end, heap_end;
static bool have_dtb;
static int dtb_cpus;

bool memmap_init(void)
{
    uint64_t size = 0;
    have_dtb = fdt_read((const void *)RAM_BASE, RAM_BASE, &size, &dtb_cpus) && size;
    ram_size = have_dtb ? size : RAM_MIN;
    uint64_t used = ram_size < RAM_MAX_USED ? ram_size : RAM_MAX_USED;   /* the identity map's */
    ram_end = (uintptr_t)(RAM_BASE + used);
    heap_end = ram_end - BOOT_BLOCK_SIZE;
    return ram_size >= RAM_MIN;
}

uintptr_t memmap_ram_end(void) { return ram_end; }
uint64_t memmap_ram_size(void) { return ram_size; }
bool memmap_from_dtb(void) { return have_dtb; }
int memmap_dtb_cpus(void) { return dtb_cpus; }
uintptr_t memmap_boot_block(void) { return ram_end - BOOT_BLOCK_SIZE; }
void memmap_no_boot_block(void) { heap_end = ram_end; }
uintptr_t memmap_heap_end(void) { return heap_end; }
