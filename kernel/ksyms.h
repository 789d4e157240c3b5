/* kernel/ksyms.h — function symbols of the kernel for panic backtraces (table generated at link
 * time by kernel/ksyms.py in a second link pass; text addresses do not move between passes
 * because the table only adds read-only data after .text). */
#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H
#include <stdint.h>
extern const uint32_t ksym_addr[];
extern const char *const ksym_name[];
extern const unsigned ksym_count;
/* Name of the function containing addr and the offset into it; NULL if unknown. */
const char *ksym_lookup(uint32_t addr, uint32_t *offset);
#endif
