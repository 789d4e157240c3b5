/*
 * kernel/test/selftest.c — the `selftest` shell command: end-to-end checks of spinlocks, threads,
 * sleeps, wait queues, preemption and core hotplug on the running kernel. Each test prints
 * "selftest NAME: PASS ..." or "selftest NAME: FAIL ..."; tests/qemu checks those lines.
 * Test threads never outlive their test: every one is joined (with a timeout, so a broken
 * kernel reports FAIL instead of hanging).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/shell.h"
#include "kernel/test/labtest.h"
#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/thread.h"
#include "kernel/libc_glue.h"
#include "kernel/stack.h"
#include "drivers/timer.h"

#define SEC 1000000000ull

static uint64_t now_ns(void) { return timer_ticks_to_ns(timer_now()); }

/* A core for the i-th of several test threads: spread over online cores. */
static int nth_online(int i)
{
    int n = cpus_online();
    int k = i % n;
    for (int c = 0; c < cpus_possible; c++)
        if (cpus[c].online && k-- == 0)
            return c;
    return -1;
}

static int join_all(struct thread **t, int n, uint64_t timeout_ns)
{
    int bad = 0;
    for (int i = 0; i < n; i++)
        if (t[i] && thread_join(t[i], timeout_ns) != 0)
            bad++;
    return bad;
}

/* ---- spin: 4 x 1,000,000 increments ------------------------------------------------------- */
#define SPIN_THREADS 4
#define SPIN_ITERS 1000000
static spinlock_t counter_lock = SPINLOCK_INIT("selftest-counter");
static volatile uint32_t counter;

static void inc_locked(void *a)
{
    (void)a;
    for (int i = 0; i < SPIN_ITERS; i++) {
        spin_lock(&counter_lock);
        counter++;
        spin_unlock(&counter_lock);
    }
}

/* Start together so the unlocked increments really race (they are short). */
static volatile int at_start;
static void start_barrier(void)
{
    __atomic_fetch_add(&at_start, 1, __ATOMIC_SEQ_CST);
    uint64_t limit = timer_now() + timer_ns_to_ticks(SEC);
    int shared = cpus_online() < SPIN_THREADS;   /* then some of us share a core: yield */
    while (at_start < SPIN_THREADS && timer_now() < limit)
        if (shared)
            thread_yield();
}

static void inc_unlocked(void *a)
{
    (void)a;
    start_barrier();
    for (int i = 0; i < SPIN_ITERS; i++)
        counter++;
}

static int run_counters(void (*fn)(void *), uint32_t *result, uint64_t *ms)
{
    struct thread *t[SPIN_THREADS];
    const char *err = "?";
    counter = 0;
    at_start = 0;
    uint64_t t0 = now_ns();
    for (int i = 0; i < SPIN_THREADS; i++) {
        t[i] = thread_create("counter", fn, 0, 0, nth_online(i), &err);
        if (!t[i]) {
            kprintf("  cannot create thread: %s\n", err);
            join_all(t, i, 60 * SEC);
            return -1;
        }
    }
    int bad = join_all(t, SPIN_THREADS, 120 * SEC);
    *ms = (now_ns() - t0) / 1000000;
    *result = counter;
    return bad ? -1 : 0;
}

static int test_spin(void)
{
    uint32_t r;
    uint64_t ms;
    if (run_counters(inc_locked, &r, &ms) < 0) {
        kprintf("selftest spin: FAIL (threads did not finish)\n");
        return 1;
    }
    int ok = r == SPIN_THREADS * SPIN_ITERS;
    kprintf("selftest spin: %s %lu/%lu increments with the lock, %d threads on %d cores, %llu ms\n",
            ok ? "PASS" : "FAIL", (unsigned long)r, (unsigned long)(SPIN_THREADS * SPIN_ITERS),
            SPIN_THREADS, cpus_online(), (unsigned long long)ms);
    return !ok;
}

static int test_nolock(void)
{
    uint32_t r;
    uint64_t ms;
    if (run_counters(inc_unlocked, &r, &ms) < 0) {
        kprintf("selftest nolock: FAIL (threads did not finish)\n");
        return 1;
    }
    kprintf("selftest nolock: PASS %lu/%lu increments without the lock: %lu lost updates (%llu ms)\n",
            (unsigned long)r, (unsigned long)(SPIN_THREADS * SPIN_ITERS),
            (unsigned long)(SPIN_THREADS * SPIN_ITERS - r), (unsigned long long)ms);
    return 0;
}

/* ---- threads: 1,000 created and joined ---------------------------------------------------- */
#define MANY 1000
static volatile uint32_t many_ran;

static void tiny(void *a)
{
    (void)a;
    __atomic_fetch_add(&many_ran, 1, __ATOMIC_RELAXED);
}

static volatile int park_open;
static struct waitq *park_q;
static spinlock_t *park_l;
static void parked_fn(void *a)
{
    (void)a;
    spin_lock(park_l);
    while (!park_open)
        waitq_sleep(park_q, park_l, UINT64_MAX);
    spin_unlock(park_l);
}

static int test_threads(void)
{
    struct thread **t = calloc(MANY, sizeof *t);
    if (!t) {
        kprintf("selftest threads: FAIL (no memory)\n");
        return 1;
    }
    many_ran = 0;
    size_t before = heap_in_use(), sbefore = stack_arena_used();
    const char *err = "?";
    int created = 0;
    for (int i = 0; i < MANY; i++) {
        t[i] = thread_create("tiny", tiny, 0, 4096, -1, &err);
        if (!t[i])
            break;
        created++;
    }
    int bad = join_all(t, created, 60 * SEC);   /* hang guard */
    free(t);
    /* a too-large stack and a bad core are refused, nothing leaks */
    const char *e1 = 0, *e2 = 0;
    struct thread *x = thread_create("huge", tiny, 0, (size_t)THREAD_STACK_MAX * 2, -1, &e1);
    struct thread *y = thread_create("badcore", tiny, 0, 0, MAX_CPUS + 1, &e2);
    /* Up to the limit: threads parked on a wait queue until creation fails cleanly. */
    static struct waitq park;
    static spinlock_t park_lk;
    waitq_init(&park, "park");
    spin_init(&park_lk, "park");
    park_open = 0;
    struct thread **p = calloc(MAX_THREADS + 1, sizeof *p);
    int parked = 0;
    const char *limit_err = "none";
    park_q = &park;
    park_l = &park_lk;
    while (p && parked <= MAX_THREADS) {
        const char *e = 0;
        p[parked] = thread_create("parked", parked_fn, 0, 4096, -1, &e);
        if (!p[parked]) {
            limit_err = e;
            break;
        }
        parked++;
    }
    spin_lock(&park_lk);
    park_open = 1;
    spin_unlock(&park_lk);
    waitq_wake_all(&park);
    int pbad = p ? join_all(p, parked, 20 * SEC) : 1;
    free(p);
    bad += pbad;
    size_t after = heap_in_use(), safter = stack_arena_used();
    int ok = created == MANY && !bad && many_ran == MANY && after <= before && safter == sbefore &&
             !x && !y && strcmp(limit_err, "none") != 0;
    kprintf("selftest threads: %s %d created, %lu ran, %d joined; heap in use %lu -> %lu bytes, "
            "stack arena %lu -> %lu bytes (stacks reclaimed); limits: '%s', '%s'\n",
            ok ? "PASS" : "FAIL", created, (unsigned long)many_ran, created - bad,
            (unsigned long)before, (unsigned long)after, (unsigned long)sbefore,
            (unsigned long)safter, e1 ? e1 : "accepted!", e2 ? e2 : "accepted!");
    kprintf("  limit: %d more threads parked, then thread_create said '%s'; all joined%s\n", parked,
            limit_err, pbad ? " - NOT" : "");
    if (created < MANY)
        kprintf("  create failed at %d: %s\n", created, err);
    return !ok;
}

/* ---- sleep accuracy ------------------------------------------------------------------------ */
#define SLEEPS 50
static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Overshoot figures of SLEEPS sleeps of 1 ms, for `bench` (kernel/test/bench.c): how late a wake-up
 * is depends on the host (a vCPU thread can lose the host CPU for milliseconds), so it is a
 * figure, never a verdict. Returns -1 if a sleep returned before its deadline. */
int sleep_accuracy(uint64_t *median_us, uint64_t *max_us, int *within)
{
    uint64_t over[SLEEPS];
    *within = 0;
    for (int i = 0; i < SLEEPS; i++) {
        uint64_t t0 = now_ns();
        thread_sleep_ns(1000000);
        uint64_t d = now_ns() - t0;
        over[i] = d > 1000000 ? d - 1000000 : 0;
        if (d < 1000000)
            return -1;             /* woke early: a real bug */
        if (over[i] <= 100000)
            (*within)++;
    }
    qsort(over, SLEEPS, sizeof over[0], cmp_u64);
    *median_us = over[SLEEPS / 2] / 1000;
    *max_us = over[SLEEPS - 1] / 1000;
    return 0;
}

/* What a sleep must do, on any host and under any load: put the thread on its core's timeout
 * list with the deadline asked for (start + 1 ms in timer ticks), be woken by the timeout path
 * (wake_reason 1: only timeouts_expire sets it, and it runs only from the timer interrupt or the
 * resched interrupt that hands sleepers over), take at least one interrupt on the way, and never
 * return before the deadline. How late it returned is printed as a figure, not judged. */
static int test_sleep(void)
{
    uint64_t want = timer_ns_to_ticks(1000000), over[SLEEPS];
    int bad_deadline = 0, bad_reason = 0, early = 0, no_irq = 0;
    for (int i = 0; i < SLEEPS; i++) {
        uint64_t irqs = 0;
        for (int c = 0; c < cpus_possible; c++)
            irqs += cpus[c].n_irq;
        uint64_t t0 = timer_now();
        int r = thread_sleep_ns(1000000);
        uint64_t t1 = timer_now();
        struct thread *me = mycpu()->cur;
        uint64_t dl = me->deadline;
        int reason = me->wake_reason;
        uint64_t irqs_after = 0;
        for (int c = 0; c < cpus_possible; c++)
            irqs_after += cpus[c].n_irq;
        if (dl < t0 + want || dl > t1)          /* not the deadline asked for */
            bad_deadline++;
        if (r != 0 || reason != 1)              /* not ended by the timeout path */
            bad_reason++;
        if (t1 < t0 + want || t1 < dl)          /* returned before the deadline */
            early++;
        if (irqs_after == irqs)                 /* no interrupt: nothing could have woken it */
            no_irq++;
        over[i] = t1 > dl ? timer_ticks_to_ns(t1 - dl) : 0;
    }
    qsort(over, SLEEPS, sizeof over[0], cmp_u64);
    int ok = !bad_deadline && !bad_reason && !early && !no_irq;
    kprintf("selftest sleep: %s %d sleeps of 1 ms: %d with a wrong deadline, %d not ended by the "
            "timer, %d early, %d without an interrupt (figures: overshoot median %llu us, max %llu us)\n",
            ok ? "PASS" : "FAIL", SLEEPS, bad_deadline, bad_reason, early, no_irq,
            (unsigned long long)(over[SLEEPS / 2] / 1000), (unsigned long long)(over[SLEEPS - 1] / 1000));
    return !ok;
}

/* ---- wait queue: timeout, wake, ping-pong across two cores -------------------------------- */
struct pp {
    spinlock_t lock;
    struct waitq q;
    volatile int turn;      /* whose turn: 0 or 1 */
    int rounds;
    volatile int done[2];
    uint64_t lat_sum, lat_n;   /* ticks from wake to running, side 1 */
    volatile uint64_t woke_at;
};

static void pp_side(struct pp *p, int me)
{
    for (int i = 0; i < p->rounds; i++) {
        spin_lock(&p->lock);
        while (p->turn != me)
            waitq_sleep(&p->q, &p->lock, UINT64_MAX);
        if (p->woke_at) {
            p->lat_sum += timer_now() - p->woke_at;
            p->lat_n++;
            p->woke_at = 0;
        }
        p->turn = !me;
        p->done[me]++;
        p->woke_at = timer_now();
        spin_unlock(&p->lock);
        waitq_wake_all(&p->q);
    }
}
static void pp0(void *a) { pp_side(a, 0); }
static void pp1(void *a) { pp_side(a, 1); }

/* Returns average one-way wake-up latency in ns, or 0 on failure. */
uint64_t pingpong(int core0, int core1, int rounds, uint64_t *round_trip_ns)
{
    static struct pp p;
    memset(&p, 0, sizeof p);
    spin_init(&p.lock, "pingpong");
    waitq_init(&p.q, "pingpong");
    p.rounds = rounds;
    const char *err;
    uint64_t t0 = now_ns();
    struct thread *a = thread_create("ping", pp0, &p, 0, core0, &err);
    struct thread *b = thread_create("pong", pp1, &p, 0, core1, &err);
    int bad = 0;
    if (a && thread_join(a, 30 * SEC))
        bad = 1;
    if (b && thread_join(b, 30 * SEC))
        bad = 1;
    if (!a || !b || bad || p.done[0] != rounds || p.done[1] != rounds)
        return 0;
    *round_trip_ns = (now_ns() - t0) / (uint64_t)rounds;
    return p.lat_n ? timer_ticks_to_ns(p.lat_sum / p.lat_n) : 1;
}

static volatile int waker_fired;
static spinlock_t waker_lk = SPINLOCK_INIT("selftest-wq");
static void waker(void *a)
{
    thread_sleep_ns(2000000);
    spin_lock(&waker_lk);        /* the condition changes under the sleeper's lock: no lost wake-up */
    waker_fired = 1;
    spin_unlock(&waker_lk);
    waitq_wake_one(a);
}

static int test_waitq(void)
{
    struct waitq q;
    waitq_init(&q, "selftest");
    /* 1: timeout: never before the 5 ms asked for (how much later is a figure) */
    uint64_t t0 = now_ns();
    spin_lock(&waker_lk);
    int r1 = waitq_sleep(&q, &waker_lk, 5000000);
    spin_unlock(&waker_lk);
    uint64_t waited = now_ns() - t0;
    /* 2: woken from another thread (another core if there is one) */
    waker_fired = 0;
    const char *err;
    struct thread *w = thread_create("waker", waker, &q, 0, nth_online(1), &err);
    spin_lock(&waker_lk);
    int r2 = 0;
    while (!waker_fired && r2 == 0)
        r2 = waitq_sleep(&q, &waker_lk, 60 * SEC);     /* hang guard: the wake-up must end it */
    spin_unlock(&waker_lk);
    if (w)
        thread_join(w, 60 * SEC);                /* hang guard */
    /* 3: ping-pong between two cores */
    int c0 = nth_online(0), c1 = nth_online(1);
    uint64_t rt = 0, lat = pingpong(c0, c1, 500, &rt);
    int ok = r1 == 1 && waited >= 5000000 && r2 == 0 && w && lat;
    kprintf("selftest waitq: %s timeout after %llu us; wake from another thread; ping-pong cores %d<->%d "
            "500 rounds, %llu us per round trip, wake-up latency %llu us\n",
            ok ? "PASS" : "FAIL", (unsigned long long)(waited / 1000), c0, c1,
            (unsigned long long)(rt / 1000), (unsigned long long)(lat / 1000));
    return !ok;
}

/* ---- a GIL-shaped lock: spinlock + wait queue, timed waits, 4 threads ---------------------- */
#define GIL_THREADS 4
#define GIL_ROUNDS 3000
static struct {
    spinlock_t lk;
    struct waitq q;
    int held;
    volatile int inside, violations;
    volatile uint32_t count, timeouts;
} gl;

static void gil_user(void *a)
{
    (void)a;
    for (int i = 0; i < GIL_ROUNDS; i++) {
        spin_lock(&gl.lk);
        while (gl.held)
            if (waitq_sleep(&gl.q, &gl.lk, 2000000) == 1)   /* 2 ms, like a drop request */
                gl.timeouts++;
        gl.held = 1;
        spin_unlock(&gl.lk);
        if (__atomic_add_fetch(&gl.inside, 1, __ATOMIC_SEQ_CST) != 1)
            gl.violations++;
        gl.count++;
        for (volatile int k = 0; k < 50; k++)
            ;
        __atomic_sub_fetch(&gl.inside, 1, __ATOMIC_SEQ_CST);
        spin_lock(&gl.lk);
        gl.held = 0;
        spin_unlock(&gl.lk);
        waitq_wake_one(&gl.q);
        if ((i & 63) == 0)
            thread_yield();
    }
}

static int test_gil(void)
{
    memset(&gl, 0, sizeof gl);
    spin_init(&gl.lk, "selftest-gil");
    waitq_init(&gl.q, "selftest-gil");
    struct thread *t[GIL_THREADS];
    const char *err;
    uint64_t t0 = now_ns();
    for (int i = 0; i < GIL_THREADS; i++)
        t[i] = thread_create("gil-user", gil_user, 0, 0, nth_online(i), &err);
    int bad = join_all(t, GIL_THREADS, 60 * SEC);
    int ok = !bad && gl.count == GIL_THREADS * GIL_ROUNDS && !gl.violations;
    kprintf("selftest gil: %s %d threads x %d take/drop of a spinlock+waitq lock: count %lu, "
            "%d exclusion violations, %lu timed-out waits, %llu ms\n", ok ? "PASS" : "FAIL",
            GIL_THREADS, GIL_ROUNDS, (unsigned long)gl.count, gl.violations,
            (unsigned long)gl.timeouts, (unsigned long long)((now_ns() - t0) / 1000000));
    if (bad)
        sched_dump();
    return !ok;
}

/* ---- preemption: a hog does not starve its core -------------------------------------------- */
static volatile int hog_stop, other_ran;
static volatile uint64_t hog_spins;

static volatile int hog_hit_limit;
static void hog(void *a)
{
    (void)a;
    /* Hang guard: a kernel that never preempts would leave the hog spinning forever. */
    uint64_t limit = now_ns() + 60 * SEC;
    while (!hog_stop && now_ns() < limit)
        hog_spins++;
    hog_hit_limit = !hog_stop;
}

static void other(void *a)
{
    (void)a;
    other_ran = 1;
    hog_stop = 1;
}

static int test_preempt(void)
{
    int core = nth_online(cpus_online() - 1);
    hog_stop = other_ran = hog_hit_limit = 0;
    hog_spins = 0;
    const char *err;
    uint64_t t0 = now_ns();
    struct thread *h = thread_create("hog", hog, 0, 0, core, &err);
    while (h && hog_spins == 0)
        thread_sleep_ns(1000000);
    struct thread *o = thread_create("other", other, 0, 0, core, &err);
    /* The verdict: `other`, pinned to the hog's core, ran while the hog was still spinning (it is
     * what stops the hog), so the hog was preempted. The joins' limits are hang guards. */
    int bad = 0;
    if (o && thread_join(o, 90 * SEC))
        bad = 1;
    uint64_t ms = (now_ns() - t0) / 1000000;
    if (h && thread_join(h, 90 * SEC))
        bad = 1;
    int ok = h && o && !bad && other_ran && !hog_hit_limit;
    kprintf("selftest preempt: %s a hog on core %d was preempted: the other thread ran before the "
            "hog stopped (figure: after %llu ms)\n",
            ok ? "PASS" : "FAIL", core, (unsigned long long)ms);
    return !ok;
}

/* ---- hotplug: cores offline and back while threads run ------------------------------------- */
#define WORKERS 4
static volatile int work_stop;
static volatile uint32_t work_count[WORKERS];

static void worker(void *a)
{
    int i = (int)(intptr_t)a;
    while (!work_stop) {
        for (volatile int k = 0; k < 2000; k++)
            ;
        work_count[i]++;
        if ((work_count[i] & 15) == 0)
            thread_sleep_ns(100000);
    }
}

static int progress(uint32_t *snap, const char *when)
{
    int moved = 0;
    uint32_t seen[WORKERS] = { 0 };
    /* Hang guard only (up to 60 s): the loop ends as soon as every worker has moved. */
    for (int tries = 0; tries < 1200 && moved < WORKERS; tries++) {
        thread_sleep_ns(50000000);
        for (int i = 0; i < WORKERS; i++)
            if (!seen[i] && work_count[i] != snap[i]) {
                seen[i] = 1;
                moved++;
            }
    }
    for (int i = 0; i < WORKERS; i++)
        snap[i] = work_count[i];
    if (moved != WORKERS)
        kprintf("  hotplug: only %d/%d workers made progress %s\n", moved, WORKERS, when);
    return moved == WORKERS;
}

static int test_hotplug(void)
{
    int start_online = cpus_online();
    if (cpus_possible < 2) {
        kprintf("selftest hotplug: PASS (skipped: only one core)\n");
        return 0;
    }
    work_stop = 0;
    memset((void *)work_count, 0, sizeof work_count);
    struct thread *t[WORKERS];
    const char *err;
    for (int i = 0; i < WORKERS; i++)
        t[i] = thread_create("worker", worker, (void *)(intptr_t)i, 0, i % cpus_possible, &err);
    uint32_t snap[WORKERS] = { 0 };
    int ok = progress(snap, "at start");
    for (int c = cpus_possible - 1; c >= 1; c--)
        if (cpus[c].online && cpu_offline(c) < 0) {
            kprintf("  hotplug: core %d did not go offline\n", c);
            ok = 0;
        }
    int low = cpus_online();
    ok &= progress(snap, "on one core");
    ok &= low == 1;
    for (int c = 1; c < cpus_possible; c++)
        if (cpu_online(c) < 0) {
            kprintf("  hotplug: core %d did not come back\n", c);
            ok = 0;
        }
    ok &= progress(snap, "after cores came back");
    for (int c = cpus_possible - 1; c >= 1; c--)   /* and once more, quickly */
        if (cpu_offline(c) < 0 || cpu_online(c) < 0) {
            kprintf("  hotplug: quick off/on of core %d failed\n", c);
            ok = 0;
        }
    ok &= progress(snap, "after quick off/on");
    work_stop = 1;
    int bad = 0;
    for (int i = 0; i < WORKERS; i++)
        if (!t[i] || thread_join(t[i], 30 * SEC)) {      /* hang guard */
            bad++;
            if (t[i]) {
                struct thread *w = t[i];
                kprintf("  hotplug: worker %d stuck: state %d cpu %d affinity %d timeout-list cpu %d "
                        "deadline-now %lld ticks, waitq %s; cores online:", i, w->state, w->cpu,
                        w->affinity, w->to_cpu, (long long)(w->deadline - timer_now()),
                        w->wq ? w->wq->name : "-");
                for (int c = 0; c < cpus_possible; c++)
                    kprintf(" %d%s%s", cpus[c].online, cpus[c].offline_req ? "r" : "",
                            cpus[c].kicked ? "k" : "");
                kprintf("\n");
                sched_dump();
            }
        }
    if (bad)
        kprintf("  hotplug: %d workers did not finish\n", bad);
    ok &= !bad && cpus_online() == cpus_possible;
    kprintf("selftest hotplug: %s %d workers kept running while cores went %d -> %d -> %d online\n",
            ok ? "PASS" : "FAIL", WORKERS, start_online, low, cpus_online());
    return !ok;
}

/* ---- FPU state survives switches and preemption ------------------------------------------ */
#define FPU_THREADS 4
#include <arm_neon.h>
struct fpu_job { double seed; double result; float32x4_t vec; int yields; };

static __attribute__((noinline)) void fpu_work(struct fpu_job *j)
{
    double acc = j->seed;
    float32x4_t v = vdupq_n_f32((float)j->seed);
    const float32x4_t k = vdupq_n_f32(1.0001f);
    for (int i = 0; i < 200000; i++) {
        acc = acc * 1.0000001 + 0.25;         /* live in VFP registers across yields/preemption */
        v = vmlaq_f32(v, v, k);
        v = vmulq_n_f32(v, 0.5f);
        if (j->yields && (i & 1023) == 0)
            thread_yield();
    }
    j->result = acc;
    j->vec = v;
}

static void fpu_thread(void *a) { fpu_work(a); }

static int test_fpu(void)
{
    struct fpu_job ref[FPU_THREADS], job[FPU_THREADS];
    for (int i = 0; i < FPU_THREADS; i++) {
        ref[i] = (struct fpu_job){ .seed = 1.5 + i, .yields = 0 };
        fpu_work(&ref[i]);
        job[i] = (struct fpu_job){ .seed = 1.5 + i, .yields = i & 1 };
    }
    struct thread *t[FPU_THREADS];
    const char *err;
    int core = nth_online(cpus_online() - 1);
    for (int i = 0; i < FPU_THREADS; i++)
        t[i] = thread_create("fpu", fpu_thread, &job[i], 0, core, &err);
    int bad = join_all(t, FPU_THREADS, 60 * SEC);
    int wrong = 0;
    for (int i = 0; i < FPU_THREADS; i++)
        if (!t[i] || job[i].result != ref[i].result ||
            memcmp(&job[i].vec, &ref[i].vec, sizeof job[i].vec) != 0)
            wrong++;
    int ok = !bad && !wrong;
    kprintf("selftest fpu: %s %d threads sharing core %d (yielding and preempted) computed "
            "bit-identical VFP/NEON results (%d wrong)\n", ok ? "PASS" : "FAIL", FPU_THREADS, core, wrong);
    return !ok;
}

/* ---- memory: malloc from several threads, _sbrk fails cleanly at its limit ----------------- */
static void malloc_churn(void *a)
{
    (void)a;
    void *p[32] = { 0 };
    for (int i = 0; i < 20000; i++) {
        int k = i & 31;
        free(p[k]);
        p[k] = malloc((size_t)(16 + (i * 7919) % 2000));
        if (p[k])
            memset(p[k], k, 16);
    }
    for (int k = 0; k < 32; k++)
        free(p[k]);
}

static int test_memory(void)
{
    size_t before = heap_in_use();
    struct thread *t[4];
    const char *err;
    for (int i = 0; i < 4; i++)
        t[i] = thread_create("malloc", malloc_churn, 0, 0, nth_online(i), &err);
    int bad = join_all(t, 4, 60 * SEC);
    void *huge = malloc(heap_sbrk_limit());             /* more than the whole heap: NULL, no crash */
    int chunks = 0;
    void **list = 0;
    for (;;) {                                    /* exhaust the heap, 1 MiB at a time */
        void **c = malloc(1 << 20);
        if (!c)
            break;
        *c = list;
        list = c;
        chunks++;
    }
    while (list) {
        void **n = *list;
        free(list);
        list = n;
    }
    void *again = malloc(1 << 20);                 /* and it is usable again */
    free(again);
    size_t after = heap_in_use();
    int ok = !bad && !huge && chunks > 100 && again && after <= before;
    kprintf("selftest memory: %s 4 threads x 20000 malloc/free; malloc(%u MiB) = NULL; heap "
            "exhausted after %d MiB, freed and reusable; in use %lu -> %lu bytes\n",
            ok ? "PASS" : "FAIL", (unsigned)(heap_sbrk_limit() >> 20), chunks, (unsigned long)before,
            (unsigned long)after);
    return !ok;
}

/* ---- libc: float formatting and parsing from 4 cores at once (dtoa's shared state) --------- */
static volatile int libc_bad;
static void libc_worker(void *a)
{
    double x = 1.0 + (double)(intptr_t)a / 7.0;
    char buf[64];
    for (int i = 0; i < 3000; i++) {
        x = x * 1.0001 + 0.3;
        snprintf(buf, sizeof buf, "%.17g", x);
        if (strtod(buf, 0) != x)
            libc_bad++;
        if (i % 100 == 0 && atof(buf) != x)
            libc_bad++;
    }
}

static int test_libc(void)
{
    struct thread *t[4];
    const char *err;
    libc_bad = 0;
    for (int i = 0; i < 4; i++)
        t[i] = thread_create("libc", libc_worker, (void *)(intptr_t)i, 0, nth_online(i), &err);
    int bad = join_all(t, 4, 60 * SEC);
    char buf[32];
    snprintf(buf, sizeof buf, "%.3f %d %s", 3.14159, -42, "ok");
    int ok = !bad && !libc_bad && !strcmp(buf, "3.142 -42 ok");
    kprintf("selftest libc: %s 4 threads x 3000 snprintf(%%.17g)/strtod round trips, %d wrong; "
            "'%s'\n", ok ? "PASS" : "FAIL", libc_bad, buf);
    return !ok;
}

/* ---- driver ------------------------------------------------------------------------------- */
static const struct {
    const char *name;
    int (*fn)(void);
} tests[] = {
    { "spin", test_spin },       { "nolock", test_nolock }, { "threads", test_threads },
    { "sleep", test_sleep },     { "waitq", test_waitq },   { "gil", test_gil },
    { "preempt", test_preempt },
    { "fpu", test_fpu },         { "memory", test_memory }, { "libc", test_libc },
    { "hotplug", test_hotplug },
};
#define NTESTS (int)(sizeof tests / sizeof tests[0])

static void selftest_list(void)
{
    kprintf("selftests:");
    for (int i = 0; i < NTESTS; i++)
        kprintf(" %s", tests[i].name);
    kprintf(" (or: all)\n");
}

static int selftest_run(const char *name)
{
    int fails = 0, ran = 0;
    for (int i = 0; i < NTESTS; i++) {
        if (strcmp(name, "all") && strcmp(name, tests[i].name))
            continue;
        ran++;
        fails += tests[i].fn();
    }
    if (!ran) {
        int r = labtest_run(name);     /* the labs' tests (kernel/test/labtest.c), by name only */
        if (r >= 0)
            return r;
        kprintf("selftest: no test named '%.40s'\n", name);
        selftest_list();
        labtest_list();
        return 1;
    }
    if (ran > 1)
        kprintf("selftest: %d/%d passed%s\n", ran - fails, ran, fails ? "" : " - all passed");
    return fails;
}

static int cmd_selftest(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "list")) {
        selftest_list();
        return 0;
    }
    return selftest_run(argc > 1 ? argv[1] : "all") ? 1 : 0;
}
SHELL_COMMAND(selftest, "selftest", "selftest [NAME]    run the kernel self-tests (selftest list: names)",
              cmd_selftest);
