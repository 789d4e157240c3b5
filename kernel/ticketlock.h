/*
 * kernel/ticketlock.h — a fair (FIFO) spinlock: the `spinlock` lab (labs/spinlock/README.md).
 * A taker draws a ticket (next++) and waits in WFE until `serving` shows its number; the releaser
 * advances `serving` and SEVs. Interrupts stay off on the holder's core while it holds the lock,
 * as with spinlock_t. Used by `selftest ticket` (kernel/test/labtest.c), not by the rest of the kernel.
 */
#ifndef KERNEL_TICKETLOCK_H
#define KERNEL_TICKETLOCK_H
#include <stdint.h>

typedef struct ticketlock {
    volatile uint16_t serving;    /* ticket now served */
    volatile uint16_t next;     /* next ticket to hand out */
    const char *name;
} ticketlock_t;

#define TICKETLOCK_INIT(n) { 0, 0, (n) }
void ticket_init(ticketlock_t *l, const char *name);
void ticket_lock(ticketlock_t *l);
void ticket_unlock(ticketlock_t *l);
#endif
