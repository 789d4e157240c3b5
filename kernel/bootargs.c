/*
 * kernel/bootargs.c — parse the boot block (format in kernel/bootargs.h). Read-only after
 * bootargs_init (called by kmain after memmap_init, before any other core starts and before the
 * first allocation), so no locking.
 */
#include <stdint.h>
#include <string.h>
#include "kernel/bootargs.h"
#include "kernel/memmap.h"

struct boot_header {
    char magic[8];
    uint32_t version, args_len, script_len, flags;
};

static const struct boot_header *hdr;
static const char *args;

void bootargs_init(void)
{
    const struct boot_header *h = (const struct boot_header *)memmap_boot_block();
    if (memcmp(h->magic, "TOLLBOOT", 8) != 0 || h->version != 1 ||
        h->args_len > BOOT_BLOCK_SIZE || h->script_len > BOOT_BLOCK_SIZE - sizeof *h - h->args_len) {
        memmap_no_boot_block();             /* plain qemu-system-arm: the heap takes its place */
        return;
    }
    hdr = h;
    args = (const char *)(h + 1);
}

bool bootargs_present(void) { return hdr != 0; }

const char *bootarg_get(const char *key)
{
    if (!hdr)
        return 0;
    size_t kl = strlen(key);
    const char *p = args, *end = args + hdr->args_len;
    while (p < end) {
        size_t l = strnlen(p, (size_t)(end - p));
        if (l > kl && memcmp(p, key, kl) == 0 && p[kl] == '=')
            return p + kl + 1;
        p += l + 1;
    }
    return 0;
}

const char *bootargs_script(size_t *len)
{
    if (!hdr || hdr->script_len == 0) {
        if (len)
            *len = 0;
        return 0;
    }
    if (len)
        *len = hdr->script_len;
    return args + hdr->args_len;
}

bool bootargs_exit_after_script(void) { return hdr && (hdr->flags & 1); }

void bootargs_each(void (*fn)(const char *kv, void *arg), void *arg)
{
    if (!hdr)
        return;
    const char *p = args, *end = args + hdr->args_len;
    while (p < end) {
        size_t l = strnlen(p, (size_t)(end - p));
        if (l)
            fn(p, arg);
        p += l + 1;
    }
}
