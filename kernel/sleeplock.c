/* kernel/sleeplock.c — sleeping locks (kernel/sleeplock.h): `lk` guards locked/holder. */
#include "kernel/sleeplock.h"

void sleep_init(sleeplock_t *l, const char *name)
{
    spin_init(&l->lk, name);
    waitq_init(&l->wq, name);
    l->locked = 0;
    l->holder = 0;
}

void sleep_lock(sleeplock_t *l)
{
    spin_lock(&l->lk);
    while (l->locked)                     /* re-checked under lk after every wake-up */
        waitq_sleep(&l->wq, &l->lk, UINT64_MAX);
    l->locked = 1;
    l->holder = thread_current();
    spin_unlock(&l->lk);
}

void sleep_unlock(sleeplock_t *l)
{
    spin_lock(&l->lk);
    l->locked = 0;
    l->holder = 0;
    waitq_wake_one(&l->wq);
    spin_unlock(&l->lk);
}

int sleep_holding(sleeplock_t *l)
{
    spin_lock(&l->lk);
    int r = l->locked && l->holder == thread_current();
    spin_unlock(&l->lk);
    return r;
}
