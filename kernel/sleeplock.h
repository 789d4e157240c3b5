/*
 * kernel/sleeplock.h — a lock a thread may hold while it sleeps (on disk I/O): waiters sleep on
 * a wait queue instead of spinning (xv6's sleeplock). `lk` (a spinlock) guards `locked` and
 * `holder`; it is held only for those few instructions, and handed to waitq_sleep, never across
 * the critical section itself. Thread context only.
 */
#ifndef KERNEL_SLEEPLOCK_H
#define KERNEL_SLEEPLOCK_H
#include "kernel/thread.h"

typedef struct sleeplock {
    spinlock_t lk;
    struct waitq wq;
    int locked;
    struct thread *holder;
} sleeplock_t;

void sleep_init(sleeplock_t *l, const char *name);
void sleep_lock(sleeplock_t *l);
void sleep_unlock(sleeplock_t *l);
int  sleep_holding(sleeplock_t *l);
#endif
