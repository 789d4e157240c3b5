/*
 * kernel/fdt.c — a small reader of the flattened device tree (Devicetree Specification v0.4,
 * chapter 5, "Flattened Devicetree (DTB) Format"): a header, then a structure block of
 * big-endian 32-bit tokens (BEGIN_NODE name, PROP len nameoff value, END_NODE, NOP, END) and a
 * strings block holding property names. Only what the kernel needs: /memory's `reg` (sized by
 * the root's #address-cells and #size-cells) and the cpu nodes under /cpus.
 * Every read is bounds-checked against the header's sizes: a missing or corrupt blob gives false,
 * never a fault. No locks: called once at boot on CPU 0 (kernel/memmap.c).
 */
#include <string.h>
#include "kernel/fdt.h"

#define FDT_MAGIC       0xd00dfeedu
#define FDT_BEGIN_NODE  1u
#define FDT_END_NODE    2u
#define FDT_PROP        3u
#define FDT_NOP         4u
#define FDT_END         9u
#define FDT_MAX_SIZE    (1u << 20)      /* QEMU's virt board makes a 1 MiB blob */

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A value of `cells` big-endian cells (1 or 2) at p. */
static uint64_t cells_value(const uint8_t *p, uint32_t cells)
{
    return cells == 2 ? (uint64_t)be32(p) << 32 | be32(p + 4) : be32(p);
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool fdt_read(const void *dtb, uint64_t ram_base, uint64_t *ram_size, int *cpus)
{
    const uint8_t *h = dtb;
    *ram_size = 0;
    *cpus = 0;
    if (be32(h) != FDT_MAGIC)
        return false;
    uint32_t total = be32(h + 4), off_struct = be32(h + 8), off_strings = be32(h + 12);
    uint32_t size_strings = be32(h + 32), size_struct = be32(h + 36);
    if (total > FDT_MAX_SIZE || off_struct > total || size_struct > total - off_struct ||
        off_strings > total || size_strings > total - off_strings)
        return false;
    const uint8_t *s = h + off_struct, *end = s + size_struct;
    const char *strings = (const char *)h + off_strings;
    uint32_t addr_cells = 2, size_cells = 1;    /* the specification's defaults */
    int depth = 0;
    bool in_memory = false, in_cpus = false;    /* the depth-1 node we are inside */
    while (s + 4 <= end) {
        uint32_t tok = be32(s);
        s += 4;
        if (tok == FDT_BEGIN_NODE) {
            const char *name = (const char *)s;
            size_t n = strnlen(name, (size_t)(end - s));
            if (s + n >= end)
                return false;
            s += (n + 1 + 3) & ~3u;
            depth++;
            if (depth == 2) {
                in_memory = starts_with(name, "memory");
                in_cpus = strcmp(name, "cpus") == 0;
            } else if (depth == 3 && in_cpus && starts_with(name, "cpu@")) {
                (*cpus)++;
            }
        } else if (tok == FDT_PROP) {
            if (s + 8 > end)
                return false;
            uint32_t len = be32(s), nameoff = be32(s + 4);
            s += 8;
            if (len > (uint32_t)(end - s) || nameoff >= size_strings)
                return false;
            const char *pname = strings + nameoff;
            if (depth == 1 && len == 4 && strcmp(pname, "#address-cells") == 0)
                addr_cells = be32(s);
            else if (depth == 1 && len == 4 && strcmp(pname, "#size-cells") == 0)
                size_cells = be32(s);
            else if (depth == 2 && in_memory && strcmp(pname, "reg") == 0 &&
                     addr_cells >= 1 && addr_cells <= 2 && size_cells >= 1 && size_cells <= 2) {
                uint32_t step = 4 * (addr_cells + size_cells);
                for (uint32_t o = 0; o + step <= len; o += step) {
                    uint64_t base = cells_value(s + o, addr_cells);
                    uint64_t size = cells_value(s + o + 4 * addr_cells, size_cells);
                    if (base <= ram_base && ram_base - base < size)
                        *ram_size = size - (ram_base - base);
                }
            }
            s += (len + 3) & ~3u;
        } else if (tok == FDT_END_NODE) {
            if (depth-- <= 0)
                return false;
            if (depth < 2)
                in_memory = in_cpus = false;
        } else if (tok == FDT_END) {
            return true;
        } else if (tok != FDT_NOP) {
            return false;
        }
    }
    return false;
}
