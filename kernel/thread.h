/*
 * kernel/thread.h — kernel threads, the scheduler's interface, wait queues.
 * All fields of struct thread that the scheduler touches, every run-queue, wait-queue and
 * timeout list, are protected by the one scheduler lock `sched_lock` (see kernel/sched.c for why
 * one lock). Threads run in SVC mode; each has its own stack, its FPU state is saved on switch.
 */
#ifndef KERNEL_THREAD_H
#define KERNEL_THREAD_H
#include <stdint.h>
#include <stddef.h>
#include "kernel/tunables.h"
#include "kernel/spinlock.h"

enum thread_state { T_RUNNABLE, T_RUNNING, T_SLEEPING, T_ZOMBIE, T_DEAD, T_IDLE };

struct waitq {
    struct thread *head, *tail;
    const char *name;
    int count;
};

struct thread {
    uint32_t *sp;                   /* saved by swtch */
    uint32_t tid;
    char name[THREAD_NAME_LEN];
    volatile int state;
    int affinity;                   /* -1: any core */
    int cpu;                        /* core it runs / last ran on */
    void *stack;
    size_t stack_size;
    void (*fn)(void *);
    void *arg;
    struct thread *q_next;          /* run queue or wait queue link */
    struct waitq *wq;               /* wait queue we sleep on, or NULL */
    struct thread *to_next;         /* timeout list link */
    int to_cpu;                     /* whose timeout list we are on, -1 none */
    uint64_t deadline;              /* ticks */
    int wake_reason;                /* 0 woken, 1 timed out, 2 interrupted (Ctrl-C) */
    int interruptible;              /* this sleep ends early on Ctrl-C */
    int intena;                     /* saved cpu->intena across a switch */
    int detached;
    struct waitq joinq;
    void *tls;                      /* port_tls_set/get */
    struct thread *all_next, *all_prev;
    uint64_t t_run;                 /* ticks on a core */
    uint64_t n_switch;
    uint64_t created;
};

extern spinlock_t sched_lock;

void sched_init(void);
void sched_cpu_init(int cpu);                 /* make this core's idle thread the current one */
void sched_idle_loop(void) __attribute__((noreturn));
void sched_timer_irq(void);
void sched_resched_irq(void);
void sched_preempt(void);
void sched_rearm(void);                        /* reprogram this core's timer (interrupts off) */
void sched_dump(void);                         /* run queue and per-core state, to the console */
void sched_cpu_offline_locked(void) __attribute__((noreturn));

/* Threads. thread_create returns NULL and sets *err on failure (never corrupts anything). */
struct thread *thread_create(const char *name, void (*fn)(void *), void *arg,
                             size_t stack_size, int core, const char **err);
int  thread_join(struct thread *t, uint64_t timeout_ns);  /* 0 joined (t freed), 1 timeout */
void thread_detach(struct thread *t);
void thread_exit(void) __attribute__((noreturn));
void thread_yield(void);
int  thread_sleep_ns(uint64_t ns);          /* 0 slept the full time, -1 interrupted */
struct thread *thread_current(void);
int  thread_count(void);
void thread_list(void (*fn)(struct thread *t, void *arg), void *arg);  /* fn runs under sched_lock: copy, do not print */

/* Wait queues (kernel/waitq.c). sleep: 0 woken, 1 timed out. lk may be NULL. */
void waitq_init(struct waitq *q, const char *name);
int  waitq_sleep(struct waitq *q, spinlock_t *lk, uint64_t timeout_ns);
int  waitq_wake_one(struct waitq *q);
int  waitq_wake_all(struct waitq *q);
/* Like waitq_sleep, but Ctrl-C ends it early: returns 2. */
int  waitq_sleep_interruptible(struct waitq *q, spinlock_t *lk, uint64_t timeout_ns);
/* Test hook (kernel/test/labtest.c, `selftest lostwake`): h runs in every sleep between "the
 * caller's condition was checked under lk" and "queued"; NULL removes it. */
void waitq_set_window_hook(void (*h)(void));
void sched_interrupt_sleepers(void);         /* Ctrl-C: wake every interruptible sleeper */
/* With sched_lock held: */
int  waitq_sleep_locked(struct waitq *q, uint64_t deadline_ticks);
int  waitq_wake_locked(struct waitq *q, int all);
void sched_block_locked(uint64_t deadline_ticks);   /* current thread: state already set */
void sched_wake_locked(struct thread *t, int reason);

#define DEADLINE_NONE UINT64_MAX
uint64_t deadline_after_ns(uint64_t ns);
#endif
