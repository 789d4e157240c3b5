/*
 * kernel/sched.c — threads and the preemptive SMP scheduler.
 *
 * One run queue and one lock (sched_lock) for all cores. Why: with at most 8 cores and threads
 * that mostly block on the GIL, a shared FIFO is fair by construction, needs no balancing, and
 * makes migration (affinity changes, cores going offline) a non-event; per-core queues would
 * win only at core counts QEMU on a 2-core host cannot show. The lock also protects wait
 * queues and the per-core timeout lists, so "check condition, enqueue, sleep" is atomic against
 * every wake-up: no lost wake-ups.
 *
 * Switching: a thread switches directly to the next one (no scheduler thread in between).
 * sched_lock is held across swtch(); the thread that resumes releases it. That is what stops
 * another core from picking up the outgoing thread while its registers are still being saved.
 * Each core has an idle thread running on its boot stack; it sleeps in WFI, so idle vCPUs
 * cost the host nothing.
 *
 * Time slices: each core programs its own one-shot timer for min(end of slice, earliest
 * sleeper deadline on that core). A slice ends in a preemption only if another thread is
 * waiting for this core, otherwise it is extended.
 *
 * Accounting (ticks of the generic timer): per thread time on a core; per core busy, idle and
 * interrupt time (interrupt time is not charged to the interrupted thread).
 * Thread creation, exit, join and reaping live in kernel/thread.c.
 */
#include <string.h>
#include "kernel/thread.h"
#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/trace.h"
#include <stdio.h>
#include "kernel/sched_internal.h"
#include "kernel/console.h"
#include "drivers/timer.h"
#include "drivers/gic.h"

spinlock_t sched_lock = SPINLOCK_INIT("sched");

static struct thread *runq_head, *runq_tail;   /* [sched] */
static struct thread idle_threads[MAX_CPUS];
static uint64_t slice_ticks, early_ticks, idle_poll_ticks;


void swtch(uint32_t **save_sp, uint32_t *load_sp);

uint64_t deadline_after_ns(uint64_t ns)
{
    if (ns == UINT64_MAX)
        return DEADLINE_NONE;
    return timer_now() + timer_ns_to_ticks(ns);
}

/* The running thread is also kept in TPIDRURO, rewritten on every switch on this core, so
 * reading it needs no interrupt masking: whichever core we are on, it holds *our* thread. */
static inline void set_current(struct cpu *c, struct thread *t)
{
    c->cur = t;
    __asm__ volatile("mcr p15, 0, %0, c13, c0, 3" :: "r"(t) : "memory");
}

/* ---- run queue ---------------------------------------------------------------------------- */

static int eligible(struct thread *t, struct cpu *c)
{
    int a = t->affinity;
    return a < 0 || a == c->id || !cpus[a].online;
}

static void runq_push(struct thread *t)
{
    t->q_next = 0;
    if (runq_tail)
        runq_tail->q_next = t;
    else
        runq_head = t;
    runq_tail = t;
}

/* First thread this core may run; NULL if none (or the core is going offline). */
static struct thread *runq_take(struct cpu *c)
{
    if (c->offline_req || !c->online)
        return 0;
    struct thread *prev = 0;
    for (struct thread *t = runq_head; t; prev = t, t = t->q_next) {
        if (!eligible(t, c))
            continue;
        if (prev)
            prev->q_next = t->q_next;
        else
            runq_head = t->q_next;
        if (runq_tail == t)
            runq_tail = prev;
        t->q_next = 0;
        return t;
    }
    return 0;
}

static int runq_has_work(struct cpu *c)
{
    if (c->offline_req || !c->online)
        return 0;
    for (struct thread *t = runq_head; t; t = t->q_next)
        if (eligible(t, c))
            return 1;
    return 0;
}

/* ---- timeouts ----------------------------------------------------------------------------- */

static void timeout_insert(struct cpu *c, struct thread *t)
{
    struct thread **pp = &c->timeouts;
    while (*pp && (*pp)->deadline <= t->deadline)
        pp = &(*pp)->to_next;
    t->to_next = *pp;
    *pp = t;
    t->to_cpu = c->id;
}

static void timeout_remove(struct thread *t)
{
    if (t->to_cpu < 0)
        return;
    struct thread **pp = &cpus[t->to_cpu].timeouts;
    while (*pp && *pp != t)
        pp = &(*pp)->to_next;
    if (*pp)
        *pp = t->to_next;
    t->to_next = 0;
    t->to_cpu = -1;
}

void sched_rearm(void)
{
    struct cpu *c = mycpu();
    uint64_t d = c->slice_end ? c->slice_end : UINT64_MAX;
    if (c->timeouts) {
        uint64_t t = c->timeouts->deadline;
        t = t > early_ticks ? t - early_ticks : 1;
        if (t < d)
            d = t;
    }
    if (d == UINT64_MAX) {
        timer_cancel();
        c->armed = 0;
    } else {
        timer_set_deadline(d);
        c->armed = d;
    }
}

/* ---- wake-ups ----------------------------------------------------------------------------- */

static void kick(struct cpu *c)
{
    if (c == mycpu()) {
        c->need_resched = 1;
    } else if (!c->kicked) {
        c->kicked = 1;
        gic_send_sgi((uint8_t)(1u << c->id), SGI_RESCHED);
    }
}

static int cpu_is_idle(struct cpu *c)
{
    return c->online && !c->offline_req && c->cur == c->idle && !c->kicked;
}

/* t becomes runnable: queue it and, if some core that may run it is idle, wake that core. */
void sched_make_runnable_locked(struct thread *t)
{
    t->state = T_RUNNABLE;
    runq_push(t);
    struct cpu *me = mycpu();
    if (t->affinity >= 0 && cpus[t->affinity].online && !cpus[t->affinity].offline_req) {
        struct cpu *a = &cpus[t->affinity];
        if (a->cur == a->idle)
            kick(a);
        return;
    }
    if (cpu_is_idle(me)) {
        kick(me);
        return;
    }
    if (t->cpu >= 0 && cpu_is_idle(&cpus[t->cpu])) {
        kick(&cpus[t->cpu]);
        return;
    }
    for (int i = 0; i < cpus_possible; i++)
        if (cpu_is_idle(&cpus[i])) {
            kick(&cpus[i]);
            return;
        }
}

/* The running thread goes back to the queue (yield, preemption). If it may no longer run on
 * this core (its own core came back online, or this one is going offline), wake a core that
 * may: otherwise it could sit in the queue while that core sleeps in WFI. */
static void requeue(struct thread *t, struct cpu *c)
{
    if (eligible(t, c) && !c->offline_req) {
        t->state = T_RUNNABLE;
        runq_push(t);
    } else {
        sched_make_runnable_locked(t);
    }
}

void sched_wake_locked(struct thread *t, int reason)
{
    if (t->state != T_SLEEPING)
        return;
    timeout_remove(t);
    if (t->wq) {
        struct waitq *q = t->wq;
        struct thread **pp = &q->head, *prev = 0;
        while (*pp && *pp != t) {
            prev = *pp;
            pp = &(*pp)->q_next;
        }
        if (*pp) {
            *pp = t->q_next;
            if (q->tail == t)
                q->tail = prev;
            q->count--;
        }
        t->wq = 0;
        t->q_next = 0;
    }
    t->wake_reason = reason;
    sched_make_runnable_locked(t);
    trace_event(TRACE_K_WAKE, t->tid, (uint32_t)reason);
}

/* Wake this core's expired sleepers. */
static void timeouts_expire(struct cpu *c, uint64_t now)
{
    while (c->timeouts && c->timeouts->deadline <= now)
        sched_wake_locked(c->timeouts, 1);
}

/* ---- switching ---------------------------------------------------------------------------- */

static void account(struct cpu *c, struct thread *prev)
{
    uint64_t now = timer_now();
    uint64_t dt = now - c->switch_ts;
    c->switch_ts = now;
    prev->t_run += dt;
    if (prev == c->idle)
        c->t_idle += dt;
    else
        c->t_busy += dt;
}

/* Runs first thing in the thread that was switched to, sched_lock still held. */
void sched_finish(void)
{
    struct cpu *c = mycpu();
    struct thread *from = c->switched_from;
    sched_lock.holder = c->cur;
    if (from && from->state == T_ZOMBIE)
        thread_dead_locked(from);   /* its stack is no longer in use: joinable / reapable */
    c->switched_from = 0;
    c->kicked = 0;
    sched_rearm();
}

/* Switch away from the current thread; sched_lock held, exactly once. The caller has already
 * set cur->state (and queued it if it stays runnable). Returns when cur runs again. */
void sched_switch(void)
{
    struct cpu *c = mycpu();
    struct thread *prev = c->cur;
    if (c->locks_held != 1 || c->noff != 1) {
        const char *name = "?";
        for (int i = 0; i < c->locks_held && i < 8; i++)
            if (c->held[i] != &sched_lock) {
                name = c->held[i]->name;
                break;
            }
        panic("thread '%s' sleeps on cpu %d while holding spinlock '%s' (%d held besides sched)",
              prev->name, c->id, name, c->locks_held - 1);
    }
    if (prev->stack && *(uint32_t *)prev->stack != STACK_CANARY)
        panic("stack overflow in thread '%s' (tid %u)", prev->name, (unsigned)prev->tid);
    struct thread *next = runq_take(c);
    if (!next) {
        if (prev->state == T_RUNNING || prev == c->idle) {
            c->kicked = 0;
            return;
        }
        next = c->idle;
    }
    if (next == prev) {
        prev->state = T_RUNNING;
        c->kicked = 0;
        return;
    }
    account(c, prev);
    prev->intena = c->intena;
    prev->n_switch++;
    c->n_switch++;
    if (next != c->idle)
        next->state = T_RUNNING;
    next->cpu = c->id;
    set_current(c, next);
    c->switched_from = prev;
    c->slice_end = next == c->idle ? 0 : timer_now() + slice_ticks;
    trace_event(TRACE_K_SWITCH, prev->tid, next->tid);
    swtch(&prev->sp, next->sp);
    sched_finish();
    mycpu()->intena = prev->intena;
}

void sched_block_locked(uint64_t deadline)
{
    struct cpu *c = mycpu();
    struct thread *t = c->cur;
    if (t == c->idle)
        panic("idle thread on cpu %d tried to block", c->id);
    t->wake_reason = 0;
    if (deadline != DEADLINE_NONE) {
        t->deadline = deadline;
        timeout_insert(c, t);
        sched_rearm();
    }
    sched_switch();
}

void sched_preempt(void)
{
    spin_lock(&sched_lock);
    struct cpu *c = mycpu();
    struct thread *t = c->cur;
    if (t != c->idle && (runq_has_work(c) || c->offline_req)) {
        requeue(t, c);
        trace_event(TRACE_K_PREEMPT, t->tid, 0);
    }
    sched_switch();
    spin_unlock(&sched_lock);
}

void thread_yield(void)
{
    spin_lock(&sched_lock);
    struct cpu *c = mycpu();
    struct thread *t = c->cur;
    if (t != c->idle)
        requeue(t, c);
    sched_switch();
    spin_unlock(&sched_lock);
}

/* Timer interrupt: expire sleepers; end the slice if someone is waiting for this core. */
void sched_timer_irq(void)
{
    struct cpu *c = mycpu();
    /* The timer was armed TIMER_EARLY_US before the first sleeper's deadline, to absorb
     * QEMU's wake-up latency; wait out the rest here, without the lock (racy peek: at worst
     * we spin a few microseconds for a sleeper that was just woken by someone else). */
    struct thread *first = c->timeouts;
    if (first) {
        uint64_t d = first->deadline, t = timer_now();
        if (d > t && d - t <= early_ticks)
            while (timer_now() < d)
                ;
    }
    spin_lock(&sched_lock);
    uint64_t now = timer_now();
    timeouts_expire(c, now);
    if (c->slice_end && now >= c->slice_end) {
        if (runq_has_work(c))
            c->need_resched = 1;   /* the switch on the way out of the interrupt starts a new slice */
        c->slice_end = now + slice_ticks;   /* never leave a past deadline armed: it would refire */
    }
    sched_rearm();
    spin_unlock(&sched_lock);
}

void sched_resched_irq(void)
{
    struct cpu *c = mycpu();
    c->kicked = 0;
    c->need_resched = 1;
    /* Sleepers may have been handed over from a core going offline: take them on (the lock
     * only when there are any; racy peek is fine, the handover happens before the SGI). */
    if (__atomic_load_n(&c->timeouts, __ATOMIC_ACQUIRE)) {
        spin_lock(&sched_lock);
        timeouts_expire(c, timer_now());
        sched_rearm();
        spin_unlock(&sched_lock);
    }
}

/* ---- idle and offline --------------------------------------------------------------------- */

/* The idle thread of a core going offline: hand its sleepers to another core, power off. */
void sched_cpu_offline_locked(void)
{
    struct cpu *c = mycpu();
    int to = -1;
    for (int i = 0; i < cpus_possible; i++)
        if (i != c->id && cpus[i].online && !cpus[i].offline_req) {
            to = i;
            break;
        }
    if (to < 0)
        panic("cpu %d: no online core left to hand over to", c->id);
    while (c->timeouts) {
        struct thread *t = c->timeouts;
        c->timeouts = t->to_next;
        timeout_insert(&cpus[to], t);
    }
    account(c, c->cur);
    c->online = 0;
    c->offline_req = 0;
    c->slice_end = 0;
    __asm__ volatile("dsb" ::: "memory");
    for (int i = 0; i < cpus_possible; i++)
        if (cpus[i].online)
            gic_send_sgi((uint8_t)(1u << i), SGI_RESCHED);  /* new timeouts, orphaned threads */
    spin_unlock(&sched_lock);
    irq_disable();
    timer_cancel();
    extern void gic_cpu_disable(void);
    gic_cpu_disable();
    extern void psci_cpu_off(void);
    psci_cpu_off();
    for (;;)
        ;
}

void sched_idle_loop(void)
{
    for (;;) {
        thread_reap();
        irq_disable();
        struct cpu *c = mycpu();
        /* Racy peek first, so idle cores do not hammer sched_lock: a thread queued after the
         * peek comes with an SGI (we are idle and not kicked, or a kick is already in flight),
         * and a pending SGI ends the WFI even with interrupts masked. */
        if (!__atomic_load_n(&runq_head, __ATOMIC_RELAXED) && !c->offline_req && !c->kicked) {
#if IDLE_POLL_US > 0
            /* Optional: poll a little before WFI; trades host CPU for wake-up latency. */
            uint64_t until = timer_now() + idle_poll_ticks;
            while (!__atomic_load_n(&runq_head, __ATOMIC_RELAXED) && !c->kicked &&
                   timer_now() < until)
                ;
            if (__atomic_load_n(&runq_head, __ATOMIC_RELAXED) || c->kicked) {
                irq_enable();
                continue;
            }
#endif
            cpu_wfi();
            irq_enable();
            continue;
        }
        spin_lock(&sched_lock);
        if (c->offline_req)
            sched_cpu_offline_locked();
        if (runq_has_work(c)) {
            sched_switch();
            spin_unlock(&sched_lock);
            irq_enable();
            continue;
        }
        c->kicked = 0;
        spin_unlock(&sched_lock);
        cpu_wfi();                 /* wakes on any pending interrupt even though masked */
        irq_enable();              /* take it now; it may switch us to a thread */
    }
}

void sched_cpu_init(int id)
{
    struct cpu *c = &cpus[id];
    struct thread *t = &idle_threads[id];
    memset(t, 0, sizeof *t);
    t->tid = 0;
    t->state = T_IDLE;
    t->affinity = id;
    t->cpu = id;
    t->to_cpu = -1;
    strcpy(t->name, "idle");
    t->name[4] = (char)('0' + id);
    c->idle = t;
    set_current(c, t);
    c->switch_ts = timer_now();
    c->online_since = c->switch_ts;
    c->slice_end = 0;
    c->need_resched = 0;
    c->kicked = 0;
}

struct thread *sched_idle_thread(int cpu) { return &idle_threads[cpu]; }

/* For `threads` and failing self-tests: the run queue and what each core is doing. */
void sched_dump(void)
{
    char buf[160];
    int n = 0;
    spin_lock(&sched_lock);
    n += snprintf(buf + n, sizeof buf - (size_t)n, "run queue:");
    for (struct thread *t = runq_head; t && n < (int)sizeof buf - 12; t = t->q_next)
        n += snprintf(buf + n, sizeof buf - (size_t)n, " %lu", (unsigned long)t->tid);
    struct { int online, req, kicked, need; const char *cur; uint64_t sw; } c[MAX_CPUS];
    for (int i = 0; i < cpus_possible; i++) {
        c[i].online = cpus[i].online;
        c[i].req = cpus[i].offline_req;
        c[i].kicked = cpus[i].kicked;
        c[i].need = cpus[i].need_resched;
        c[i].cur = cpus[i].cur ? cpus[i].cur->name : "-";
        c[i].sw = cpus[i].n_switch;
    }
    spin_unlock(&sched_lock);
    kprintf("%s\n", buf);
    for (int i = 0; i < cpus_possible; i++)
        kprintf("  core %d: online %d offline_req %d kicked %d need_resched %d running '%s' switches %llu\n",
                i, c[i].online, c[i].req, c[i].kicked, c[i].need, c[i].cur, (unsigned long long)c[i].sw);
}

/* Per-core times including the interval in progress (racy read: for display). */
void cpu_times(int id, uint64_t *busy, uint64_t *idle, uint64_t *irq)
{
    struct cpu *c = &cpus[id];
    *busy = c->t_busy;
    *idle = c->t_idle;
    *irq = c->t_irq;
    if (c->online) {
        uint64_t now = timer_now(), ts = c->switch_ts;
        uint64_t cur = now > ts ? now - ts : 0;
        if (c->cur == c->idle)
            *idle += cur;
        else
            *busy += cur;
    }
}

void sched_init(void)
{
    slice_ticks = timer_ns_to_ticks((uint64_t)SCHED_SLICE_US * 1000);
    early_ticks = timer_ns_to_ticks((uint64_t)TIMER_EARLY_US * 1000);
    idle_poll_ticks = timer_ns_to_ticks((uint64_t)IDLE_POLL_US * 1000);
}

