/*
 * kernel/sched_internal.h — what kernel/sched.c and kernel/thread.c share, nobody else.
 * Everything here is called with sched_lock held unless it says otherwise.
 */
#ifndef KERNEL_SCHED_INTERNAL_H
#define KERNEL_SCHED_INTERNAL_H
#include "kernel/thread.h"

#define STACK_CANARY 0x57ac4ca7u                 /* lowest word of every thread stack */

void sched_make_runnable_locked(struct thread *t); /* queue t, kick an idle core that may run it */
void sched_finish(void);                          /* first thing after a switch (sched.c) */
void sched_switch(void);                          /* leave the current thread (state already set) */
struct thread *sched_idle_thread(int cpu);
void thread_dead_locked(struct thread *from);     /* ZOMBIE -> DEAD, wake joiners (thread.c) */
void thread_reap(void);                           /* free dead detached threads; no lock held */
#endif
