/*
 * kernel/spinlock.h — spinlocks with interrupt-disable nesting (push_off/pop_off, as in xv6).
 * A held lock records its CPU and thread; taking it twice on one core, releasing it from
 * another core, or blocking while holding any lock (other than the one handed to waitq_sleep)
 * panics with the lock's name, the CPU and the thread.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H
#include <stdint.h>

struct thread;
typedef struct spinlock {
    volatile uint32_t locked;
    volatile int cpu;           /* holder's core, -1 when free */
    struct thread *holder;       /* holder's thread */
    const char *name;
} spinlock_t;

#define SPINLOCK_INIT(n) { 0, -1, 0, (n) }
void spin_init(spinlock_t *l, const char *name);
void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);
int  spin_holding(spinlock_t *l);
void push_off(void);
void pop_off(void);
#endif
