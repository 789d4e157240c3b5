/*
 * kernel/bootargs.h — the boot block qemu/tollbooth.py loads into the last BOOT_BLOCK_SIZE bytes
 * of RAM (memmap_boot_block(), kernel/memmap.h) before boot; with none there, the kernel boots
 * to the console:
 *   "TOLLBOOT" (8 bytes) | u32 version=1 | u32 args_len | u32 script_len | u32 flags |
 *   args: "KEY=value\0" ... (args_len bytes) | script (script_len bytes)
 * flags bit 0: EXIT=1 (power off after the script; its status is QEMU's exit status).
 * Keys set by run.sh: GIL, ARGS, CPUS, EXIT (and anything passed as KARGS="K=V ...").
 */
#ifndef KERNEL_BOOTARGS_H
#define KERNEL_BOOTARGS_H
#include <stddef.h>
#include <stdbool.h>
void        bootargs_init(void);
bool        bootargs_present(void);
const char *bootarg_get(const char *key);          /* NULL if absent */
const char *bootargs_script(size_t *len);          /* NULL if no script */
bool        bootargs_exit_after_script(void);
/* Call fn for every "KEY=value" string, in order. */
void        bootargs_each(void (*fn)(const char *kv, void *arg), void *arg);
#endif
