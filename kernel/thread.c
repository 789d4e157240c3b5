/*
 * kernel/thread.c — thread lifecycle: create, exit, join, detach, reaping, the thread list.
 * Callers: everything (through kernel/thread.h and ports/guest/port_guest.c). The scheduler proper
 * (run queue, switching, sleeping, idle) is kernel/sched.c.
 * Locking: all_threads, nthreads, next_tid and reap_list are protected by sched_lock, like every
 * scheduler field of struct thread. Stacks and thread structs are freed outside the lock.
 * A thread's life: RUNNABLE/RUNNING/SLEEPING ... -> ZOMBIE (thread_exit, still on its stack)
 * -> DEAD (sched_finish on the next thread: stack free to reuse) -> freed by thread_join, or by
 * thread_reap if it was detached.
 */
#include <stdlib.h>
#include <string.h>
#include "kernel/thread.h"
#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/trace.h"
#include "kernel/stack.h"
#include "kernel/sched_internal.h"
#include "drivers/timer.h"


static struct thread *all_threads;             /* [sched] every thread but the idle ones */
static struct thread *reap_list;               /* [sched] dead detached threads to free */
static int nthreads;                           /* [sched] */
static uint32_t next_tid = 1;                  /* [sched] */

static void unlink_thread(struct thread *t);

/* The running thread is kept in TPIDRURO by sched.c (set_current). */
struct thread *thread_current(void)
{
    struct thread *t;
    __asm__ volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(t));
    return t;
}

void sched_interrupt_sleepers(void)
{
    spin_lock(&sched_lock);
    for (struct thread *t = all_threads; t; t = t->all_next)
        if (t->state == T_SLEEPING && t->interruptible)
            sched_wake_locked(t, 2);
    spin_unlock(&sched_lock);
}

/* sched_finish, on the thread that ran next: `from` has left its stack for good. */
void thread_dead_locked(struct thread *from)
{
    from->state = T_DEAD;
    waitq_wake_locked(&from->joinq, 1);
    if (from->detached) {
        unlink_thread(from);
        from->q_next = reap_list;
        reap_list = from;
    }
}

void thread_reap(void)
{
    if (!__atomic_load_n(&reap_list, __ATOMIC_RELAXED))
        return;                  /* racy peek: anything missed is reaped next time */
    spin_lock(&sched_lock);
    struct thread *l = reap_list;
    reap_list = 0;
    spin_unlock(&sched_lock);
    while (l) {
        struct thread *n = l->q_next;
        stack_free(l->stack, l->stack_size);
        free(l);
        l = n;
    }
}

/* ---- thread lifecycle --------------------------------------------------------------------- */

/* A new thread's first code, called by thread_start (boot/vectors.S: its outermost frame). */
void thread_start(void);
void thread_trampoline(void);
void thread_trampoline(void)
{
    sched_finish();
    struct cpu *c = mycpu();
    c->intena = 1;
    struct thread *t = c->cur;
    spin_unlock(&sched_lock);
    t->fn(t->arg);
    thread_exit();
}

struct thread *thread_create(const char *name, void (*fn)(void *), void *arg,
                             size_t stack_size, int core, const char **err)
{
    const char *dummy;
    if (!err)
        err = &dummy;
    thread_reap();
    if (stack_size == 0)
        stack_size = THREAD_STACK_DEFAULT;
    if (stack_size < THREAD_STACK_MIN)
        stack_size = THREAD_STACK_MIN;
    if (stack_size > THREAD_STACK_MAX) {
        *err = "stack too large";
        return 0;
    }
    if (core < -1 || core >= cpus_possible) {
        *err = "no such core";
        return 0;
    }
    stack_size = (stack_size + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
    struct thread *t = calloc(1, sizeof *t);
    void *stack = t ? stack_alloc(stack_size) : 0;
    if (!t || !stack) {
        free(t);
        *err = t ? "out of stack memory" : "out of memory";
        return 0;
    }
    strncpy(t->name, name ? name : "thread", THREAD_NAME_LEN - 1);
    t->stack = stack;
    t->stack_size = stack_size;
    *(uint32_t *)stack = STACK_CANARY;
    t->fn = fn;
    t->arg = arg;
    t->affinity = core;
    t->cpu = -1;
    t->to_cpu = -1;
    t->created = timer_now();
    waitq_init(&t->joinq, "join");

    /* Initial frame for swtch: fpscr,pad | d8-d15 | r3-r11, lr=thread_start (boot/vectors.S) */
    uint32_t *sp = (uint32_t *)((char *)stack + stack_size);
    sp -= 10;
    memset(sp, 0, 10 * 4);
    sp[9] = (uint32_t)thread_start;
    sp -= 16;
    memset(sp, 0, 16 * 4);
    sp -= 2;
    sp[0] = 0;                 /* FPSCR: round to nearest, no traps */
    sp[1] = 0;
    t->sp = sp;

    spin_lock(&sched_lock);
    if (nthreads >= MAX_THREADS) {
        spin_unlock(&sched_lock);
        stack_free(stack, stack_size);
        free(t);
        *err = "too many threads";
        return 0;
    }
    nthreads++;
    t->tid = next_tid++;
    t->all_next = all_threads;
    if (all_threads)
        all_threads->all_prev = t;
    all_threads = t;
    sched_make_runnable_locked(t);
    spin_unlock(&sched_lock);
    return t;
}

void thread_exit(void)
{
    spin_lock(&sched_lock);
    struct thread *t = mycpu()->cur;
    t->state = T_ZOMBIE;
    trace_event(TRACE_K_EXIT, t->tid, 0);
    sched_switch();
    panic("zombie thread ran again");
}

static void unlink_thread(struct thread *t)  /* sched_lock held; caller frees after unlocking */
{
    if (t->all_prev)
        t->all_prev->all_next = t->all_next;
    else
        all_threads = t->all_next;
    if (t->all_next)
        t->all_next->all_prev = t->all_prev;
    nthreads--;
}

int thread_join(struct thread *t, uint64_t timeout_ns)
{
    uint64_t deadline = deadline_after_ns(timeout_ns);
    spin_lock(&sched_lock);
    while (t->state != T_DEAD) {
        if (waitq_sleep_locked(&t->joinq, deadline) == 1 && t->state != T_DEAD) {
            spin_unlock(&sched_lock);
            return 1;
        }
    }
    unlink_thread(t);
    spin_unlock(&sched_lock);
    stack_free(t->stack, t->stack_size);
    free(t);
    return 0;
}

void thread_detach(struct thread *t)
{
    spin_lock(&sched_lock);
    if (t->state == T_DEAD) {
        unlink_thread(t);
        spin_unlock(&sched_lock);
        stack_free(t->stack, t->stack_size);
        free(t);
        return;
    }
    t->detached = 1;
    spin_unlock(&sched_lock);
}

int thread_count(void)
{
    return nthreads;
}

void thread_list(void (*fn)(struct thread *t, void *arg), void *arg)
{
    spin_lock(&sched_lock);
    for (int i = 0; i < cpus_possible; i++)
        fn(sched_idle_thread(i), arg);
    for (struct thread *t = all_threads; t; t = t->all_next)
        fn(t, arg);
    spin_unlock(&sched_lock);
}
