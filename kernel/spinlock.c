/*
 * kernel/spinlock.c — LDREX/STREX spinlocks. Waiters sleep in WFE; the releasing core's SEV
 * (after a DSB, so the store is visible first) wakes them. Interrupts stay off while a lock is
 * held on a core, which is what makes "held by this core" a reliable double-take test: nothing
 * else can run on this core until the lock is released.
 */
#include "kernel/spinlock.h"
#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/thread.h"

void spin_init(spinlock_t *l, const char *name)
{
    l->locked = 0;
    l->cpu = -1;
    l->holder = 0;
    l->name = name;
}

void push_off(void)
{
    int was = irq_enabled();
    irq_disable();
    struct cpu *c = mycpu();      /* only now: with interrupts on, the thread could move cores */
    if (c->noff == 0)
        c->intena = was;
    c->noff++;
}

void pop_off(void)
{
    struct cpu *c = mycpu();
    if (irq_enabled())
        panic("pop_off: interrupts enabled");
    if (c->noff < 1)
        panic("pop_off: unbalanced");
    if (--c->noff == 0 && c->intena)
        irq_enable();
}

int spin_holding(spinlock_t *l)
{
    /* Read without the lock, and exact only about this core: while this core holds l, nothing
     * else runs here (interrupts off) and no other core writes l->cpu; another core's holding
     * may be seen half-written, but never with this core's id. */
    return l->locked && l->cpu == mycpu()->id;
}

void spin_lock(spinlock_t *l)
{
    push_off();
    if (spin_holding(l))
        panic("spinlock '%s' taken twice on cpu %d by thread '%s'", l->name, mycpu()->id,
              mycpu()->cur ? mycpu()->cur->name : "?");
    uint32_t tmp, fail;
    /* Test and set: LDREX sees the lock free, STREX writes 1 only if no other core wrote
     * l->locked since the LDREX (the exclusive monitor), else retry.
     * WFE while held: the holder's SEV in spin_unlock wakes us. If that SEV comes between our
     * LDREX and our WFE, it has set this core's event register and WFE returns at once: no lost
     * wake-up (a spurious one just loops).
     * DMB after the STREX succeeds (acquire, as xv6's __sync_synchronize in acquire): no load or
     * store of the critical section may be performed before the STREX that took the lock.
     * Without it the core could satisfy a load of the section early (loads are not ordered by the
     * branch on the STREX result) and read data from before the previous holder's release.
     * The "memory" clobber keeps the compiler from hoisting the section's accesses above it. */
    __asm__ volatile(
        "1: ldrex   %0, [%2]\n"
        "   cmp     %0, #0\n"
        "   wfene\n"
        "   bne     1b\n"
        "   strex   %1, %3, [%2]\n"
        "   cmp     %1, #0\n"
        "   bne     1b\n"
        "   dmb\n"
        : "=&r"(tmp), "=&r"(fail) : "r"(&l->locked), "r"(1u) : "cc", "memory");
    struct cpu *c = mycpu();
    l->cpu = c->id;
    l->holder = c->cur;
    if (c->locks_held < 8)
        c->held[c->locks_held] = l;
    c->locks_held++;
}

void spin_unlock(spinlock_t *l)
{
    struct cpu *c = mycpu();
    if (!l->locked || l->cpu != c->id) {
        struct thread *t = c->cur;
        struct thread *o = l->holder;
        if (l->locked)
            panic("spinlock '%s' released by cpu %d thread '%s' but held by cpu %d thread '%s'",
                  l->name, c->id, t ? t->name : "?", l->cpu, o ? o->name : "?");
        panic("spinlock '%s' released by cpu %d thread '%s' but not held", l->name, c->id,
              t ? t->name : "?");
    }
    l->cpu = -1;
    l->holder = 0;
    c->locks_held--;
    for (int i = 0; i < c->locks_held && i < 7; i++)   /* keep held[] in order, minus l */
        if (c->held[i] == l) {
            c->held[i] = c->held[i + 1];
            c->held[i + 1] = l;
        }
    /* DMB (release, as xv6's __sync_synchronize in release): every load and store of the
     * critical section, and the bookkeeping above (l->cpu, l->holder, held[]), is performed
     * before the store that frees the lock. Otherwise the next holder could take the lock and
     * still read our stale data, or have its own stores overwritten by our late ones. The
     * "memory" clobber keeps the compiler from sinking them below the store. */
    __asm__ volatile("dmb" ::: "memory");
    l->locked = 0;
    /* DSB, not DMB, before SEV: SEV is not a memory access, so only a DSB makes the store of 0
     * complete (visible to every core) before the event. A waiter woken by an event that came
     * first would re-read 1, WFE again, and sleep until some unrelated event. */
    __asm__ volatile("dsb; sev" ::: "memory");
    pop_off();
}
