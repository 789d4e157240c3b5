/*
 * kernel/ticketlock.c — the `spinlock` lab: a ticket lock with WFE/SEV.
 *
 * kernel/spinlock.c is a test-and-set lock: whoever's STREX lands first wins, so a core that
 * releases and immediately re-takes the lock (its cache line is hot) can win again and again
 * while another core starves. A ticket lock is a bakery queue: ticket_lock atomically takes
 * `next` (LDREX/STREX on the 32-bit word holding serving|next<<16), then waits until `serving` equals
 * its ticket; ticket_unlock increments `serving`. Waiters are served in the order they arrived.
 * Waiting is WFE (the core idles until an event); the releaser's DSB makes the new serving number visible
 * before SEV wakes every waiting core, which re-reads `serving`.
 * Interrupts are off while a core holds (or waits for) the lock: push_off/pop_off, as spin_lock.
 * Graded by `selftest ticket` (kernel/test/labtest.c): exclusion, ticket accounting, fairness.
 */
#include "kernel/ticketlock.h"
#include "kernel/spinlock.h"

void ticket_init(ticketlock_t *l, const char *name)
{
    l->serving = 0;
    l->next = 0;
    l->name = name;
}

/* LAB spinlock: BEGIN */
void ticket_lock(ticketlock_t *l)
{
    push_off();
    /* serving is the low half-word, next the high one: add 1<<16 atomically to draw a ticket. */
    volatile uint32_t *word = (volatile uint32_t *)l;
    uint32_t old, tmp, fail;
    /* No barrier before the draw: accesses from before ticket_lock may move into the critical
     * section (that is harmless), and none of the section's may move above the DMB below.
     * The STREX writes the whole word, serving half included: if the holder's store to serving
     * (ticket_unlock) lands between our LDREX and STREX, the exclusive monitor fails the STREX
     * and we retry with the new serving number, so a stale serving number is never written back. */
    __asm__ volatile(
        "1: ldrex   %0, [%3]\n"
        "   add     %1, %0, #0x10000\n"
        "   strex   %2, %1, [%3]\n"
        "   cmp     %2, #0\n"
        "   bne     1b\n"
        : "=&r"(old), "=&r"(tmp), "=&r"(fail) : "r"(word) : "cc", "memory");
    uint16_t mine = (uint16_t)(old >> 16);
    /* WFE: an SEV from ticket_unlock between our load of serving and the WFE has set this core's
     * event register, so WFE returns at once (no lost wake-up); a spurious wake-up re-reads. */
    while (l->serving != mine)
        __asm__ volatile("wfe" ::: "memory");
    /* DMB (acquire): no load or store of the critical section is performed before the load of
     * serving that showed our ticket. The branch does not order later loads, so without it a load
     * of the section could read data from before the previous holder's release. */
    __asm__ volatile("dmb" ::: "memory");
}

void ticket_unlock(ticketlock_t *l)
{
    /* DMB (release): every load and store of the critical section is performed before the store
     * to serving that hands the lock to the next ticket, whose holder may then read and write the
     * same data. */
    __asm__ volatile("dmb" ::: "memory");
    l->serving = (uint16_t)(l->serving + 1);      /* only the holder writes serving: a plain store */
    /* DSB before SEV: the new serving number is visible to every core before the event wakes them (SEV
     * is not a memory access, so a DMB would not order it); each woken core re-reads serving and
     * only the one whose ticket it shows goes on. */
    __asm__ volatile("dsb; sev" ::: "memory");
    pop_off();
}
/* LAB spinlock: END */
#if 0 /* LAB spinlock: STUB */
/* TODO(lab spinlock): draw a ticket atomically (LDREX/STREX on next), wait in WFE until serving
 * is your ticket; keep interrupts off while you hold the lock (push_off/pop_off). */
void ticket_lock(ticketlock_t *l)
{
    (void)l;
}

/* TODO(lab spinlock): serve the next ticket, make it visible (DSB), wake the waiters (SEV). */
void ticket_unlock(ticketlock_t *l)
{
    (void)l;
}
#endif /* LAB spinlock: STUB END */
