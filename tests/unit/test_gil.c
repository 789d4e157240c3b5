/*
 * tests/unit/test_gil.c — host test of the GIL machinery (interp/gil/gil*.c on ports/host/port_linux.c),
 * without the VM: pthreads play Python threads, a loop of "instructions" plays bytecode, and
 * the loop calls gil_eval_breaker exactly where the VM would (when interp->eval_breaker is set,
 * or, while check_every_instruction is set, when the ticker counted down to zero: once per
 * check_interval ticks, as interp/runtime/vm.c's tick stubs do; every instruction here ticks).
 *
 * Asserts structure, never speed:
 *  1. at most one holder at any instant under new/old/prio (an atomic counter incremented inside
 *     the critical section must read 0 on entry; the GIL's own violation counter stays 0);
 *  2. forced switching happens with 2 CPU-bound threads under new and prio (switches > 0,
 *     drop requests > 0, forced switches > 0); old produces switches via release/re-acquire;
 *  3. gil_before_blocking/gil_after_blocking release the GIL: 5 threads meet inside their I/O
 *     brackets (each needed the GIL to get there);
 *  4. convoy: an I/O thread doing 1 ms sleeps next to a spinning thread: per-operation latency
 *     printed under new and prio (a figure, never asserted); prio's starvation bound asserted
 *     in GIL acquisitions (GilThreadStats.max_passed), the longest wait printed;
 *  5. policy switch refused while two threads exist;
 *  6. wait queue timeouts and 500 threads started and joined.
 */
#include "gil/gil.h"
#include "port/trace_events.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
#define CHECK(c, ...) do { if (!(c)) { failures++; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
    printf(__VA_ARGS__); printf("\n"); } } while (0)

static Interp in;
static int inside;              /* threads inside the critical section now */
static long overlaps;           /* times someone found inside != 0 on entry */
static int stop_flag;    /* relaxed atomics below */
static int running, nworkers;   /* test_exclusion: workers that took the GIL; workers started */

typedef struct {
    ThreadState ts;
    long iters;                 /* how many instructions to run (0: until stop_flag) */
    int io_ops;                 /* convoy: number of 1 ms sleeps */
    uint64_t io_ns;             /* convoy: total time of those operations */
    long done;
} Worker;

static void vm_check(ThreadState *ts) {
    /* the ticker: touched only by the GIL holder, as in the VM */
    int tick = __atomic_load_n(&in.check_every_instruction, __ATOMIC_RELAXED) && --in.ticker <= 0;
    if (tick) in.ticker = in.check_interval;
    if (__atomic_load_n(&in.eval_breaker, __ATOMIC_RELAXED) || tick) {
        __atomic_store_n(&in.eval_breaker, 0, __ATOMIC_RELAXED);
        gil_eval_breaker(ts);
    }
}

static uint64_t sink;
static void instruction(void) {
    bool excl = gil_policy_has_lock(&in);
    if (excl && __atomic_fetch_add(&inside, 1, __ATOMIC_ACQ_REL) != 0)
        __atomic_fetch_add(&overlaps, 1, __ATOMIC_RELAXED);
    uint64_t x = 0;
    for (int k = 0; k < 20; k++) x += (uint64_t)k * 2654435761u;
    __atomic_fetch_add(&sink, x, __ATOMIC_RELAXED);
    if (excl) __atomic_fetch_sub(&inside, 1, __ATOMIC_ACQ_REL);
}

static void cpu_worker(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    __atomic_add_fetch(&running, 1, __ATOMIC_SEQ_CST);
    /* A worker with a count also runs on until every worker has run under the GIL: otherwise, on
     * a loaded machine, the first could finish before the others even start, and a run with
     * "2 CPU-bound threads" would show no switch at all. A worker still running while another
     * gets the GIL proves the switch was forced, which is what the checks below judge. (200x
     * the count is a hang guard for `old`, whose holder may win every battle for a long time;
     * under new and prio a waiter's timed wait forces the switch.) */
    for (long i = 0; w->iters ? i < w->iters || (__atomic_load_n(&running, __ATOMIC_SEQ_CST) < nworkers
                                                 && i < 200 * w->iters)
                              : !__atomic_load_n(&stop_flag, __ATOMIC_RELAXED); i++) {
        instruction();
        vm_check(&w->ts);
        w->done++;
    }
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}

static void io_worker(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    for (int i = 0; i < w->io_ops; i++) {
        uint64_t t0 = port_time_ns();
        gil_before_blocking(&w->ts);
        port_sleep_ns(1000000);
        gil_after_blocking(&w->ts);
        w->io_ns += port_time_ns() - t0;
        for (int k = 0; k < 10; k++) { instruction(); vm_check(&w->ts); }
    }
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}

static int in_io, met;          /* sleepers inside their I/O bracket; ones that saw all 5 */
static void sleeper(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    instruction();
    gil_before_blocking(&w->ts);
    /* Inside the I/O bracket: wait until all 5 sleepers are inside theirs. Each had to take the
     * GIL to get here, so they all meet only if gil_before_blocking let it go (the 30 s limit is
     * a hang guard; meeting is the verdict, not the time it took). */
    __atomic_add_fetch(&in_io, 1, __ATOMIC_SEQ_CST);
    for (int k = 0; k < 30000 && __atomic_load_n(&in_io, __ATOMIC_SEQ_CST) < 5; k++)
        port_sleep_ns(1000000);
    if (__atomic_load_n(&in_io, __ATOMIC_SEQ_CST) >= 5) __atomic_add_fetch(&met, 1, __ATOMIC_SEQ_CST);
    gil_after_blocking(&w->ts);
    instruction();
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}

static void setup(const char *policy) {
    memset(&in, 0, sizeof in);
    in.check_interval = GIL_CHECK_INTERVAL_DEFAULT;      /* as interp_new */
    gil_default_policy = policy;
    in.gil = gil_new();
    overlaps = 0;
    stop_flag = 0;
}

static void print_stats(const char *what) {
    GilStats s;
    gil_stats(&in, &s);
    printf("  [%s/%s] acq=%llu switches=%llu drop_req=%llu forced=%llu failed_wakeups=%llu "
           "handoff mean=%.1fus max=%.1fus violations=%llu overlaps=%ld\n",
           gil_policy_name(&in), what, (unsigned long long)s.acquisitions,
           (unsigned long long)s.switches, (unsigned long long)s.drop_requests,
           (unsigned long long)s.forced_switches, (unsigned long long)s.failed_wakeups,
           s.handoff_count ? s.handoff_total_ns / 1e3 / (double)s.handoff_count : 0.0,
           s.handoff_max_ns / 1e3, (unsigned long long)s.violations, overlaps);
}

/* 1 + 2: N CPU-bound threads for a fixed amount of work. */
static void test_exclusion(const char *policy, int nthreads, long iters) {
    setup(policy);
    Worker w[8];
    port_thread *th[8];
    memset(w, 0, sizeof w);
    port_trace_reset();
    running = 0;
    nworkers = nthreads;
    uint64_t t0 = port_time_ns();
    for (int i = 0; i < nthreads; i++) {
        w[i].iters = iters;
        const char *err = NULL;
        th[i] = port_thread_start("cpu", cpu_worker, &w[i], 0, PORT_ANY_CORE, &err);
        CHECK(th[i], "thread start: %s", err);
    }
    for (int i = 0; i < nthreads; i++) port_thread_join(th[i], PORT_FOREVER);
    uint64_t el = port_time_ns() - t0;
    GilStats s;
    gil_stats(&in, &s);
    char what[64];
    snprintf(what, sizeof what, "%d cpu threads, %.0f ms", nthreads, el / 1e6);
    print_stats(what);
    CHECK(overlaps == 0, "%s: %ld overlapping holders", policy, overlaps);
    CHECK(s.violations == 0, "%s: %llu violations", policy, (unsigned long long)s.violations);
    uint64_t ticks = 0;         /* every instruction ticked once */
    for (int i = 0; i < nthreads; i++) {
        CHECK(w[i].done >= iters, "worker %d incomplete", i);
        ticks += (uint64_t)w[i].done;
    }
    if (nthreads > 1 && gil_policy_has_lock(&in) && strcmp(policy, "old") != 0) {
        CHECK(s.switches > 0, "%s: no switches", policy);
        CHECK(s.drop_requests > 0, "%s: no drop requests", policy);
        CHECK(s.forced_switches > 0, "%s: no forced switches", policy);
    }
    if (strcmp(policy, "prio") == 0) {
        /* CPU-bound threads alone (no I/O, so no interactive thread): prio hands off as `new`
         * does, only when a waiter's timed wait expired: every drop request came after an
         * expiry, nobody was preempted, and the line moved (a slice began) at most once per
         * expiry beyond each thread's first take. */
        CHECK(s.drop_requests_immediate == 0 && s.drop_requests_after_expiry == s.drop_requests,
              "prio/%d: drop requests before any expiry (%llu of %llu)", nthreads,
              (unsigned long long)s.drop_requests_immediate, (unsigned long long)s.drop_requests);
        CHECK(s.prio_preemptions == 0, "prio/%d: %llu preemptions without I/O", nthreads,
              (unsigned long long)s.prio_preemptions);
        CHECK(s.prio_slices <= (uint64_t)nthreads + s.timed_wait_expiries,
              "prio/%d: %llu slices for %llu expiries", nthreads,
              (unsigned long long)s.prio_slices, (unsigned long long)s.timed_wait_expiries);
    }
    if (gil_policy_has_lock(&in)) {
        /* from the trace: TAKE and DROP events alternate (one holder at a time) */
        uint64_t n = port_trace_count(), takes = 0;
        uint32_t holder = 0;
        int bad = 0, checked = 0, synced = 0;
        for (uint64_t i = 0; i < n; i++) {
            TraceRec r;
            if (port_trace_get(i, &r) != 0) continue;
            if (r.event == TR_GIL_TAKE) { if (holder) bad++; holder = r.a; takes++; synced = 1; }
            else if (!synced) continue;      /* the ring wrapped: start at the first take */
            else if (r.event == TR_GIL_DROP) { if (holder != r.a) bad++; holder = 0; }
            checked = 1;
        }
        /* events are stamped after the state change under the GIL's lock, so order is exact */
        CHECK(!checked || bad == 0, "%s: trace shows %d overlapping holders", policy, bad);
        printf("  [%s] trace: %llu takes checked, %d overlaps\n", policy, (unsigned long long)takes, bad);
    }
    if (nthreads > 1 && strcmp(policy, "old") == 0) {
        CHECK(s.acquisitions > (uint64_t)nthreads, "old: no periodic re-acquire");
        /* the policy runs once per check_interval ticks, never more: ticks happen only at the
         * workers' instructions, and the shared ticker's first check may come at the first */
        CHECK(s.interval_checks > 0 && s.interval_checks <= ticks / GIL_CHECK_INTERVAL_DEFAULT + 1,
              "old: %llu checks for at most %llu ticks", (unsigned long long)s.interval_checks,
              (unsigned long long)ticks);
        /* every round the holder won was a release that woke a waiter */
        CHECK(s.battle_rounds <= s.interval_checks, "old: more battle rounds than checks");
        printf("  [old] %llu checks, %llu battle rounds, %.2f us per round\n",
               (unsigned long long)s.interval_checks, (unsigned long long)s.battle_rounds,
               s.battle_rounds ? s.battle_ns / 1e3 / (double)s.battle_rounds : 0.0);
    }
    gil_free(in.gil);
}

/* 3: sleepers overlap */
static void test_sleepers(const char *policy) {
    setup(policy);
    Worker w[5];
    port_thread *th[5];
    memset(w, 0, sizeof w);
    in_io = met = 0;
    uint64_t t0 = port_time_ns();
    for (int i = 0; i < 5; i++) th[i] = port_thread_start("sleep", sleeper, &w[i], 0, PORT_ANY_CORE, NULL);
    for (int i = 0; i < 5; i++) port_thread_join(th[i], PORT_FOREVER);
    double ms = (port_time_ns() - t0) / 1e6;
    printf("  [%s] 5 threads met inside their I/O brackets: %d/5 (%.0f ms, a figure)\n", policy, met, ms);
    CHECK(met == 5, "%s: blocking did not release the GIL (%d/5 sleepers met)", policy, met);
    CHECK(overlaps == 0, "overlaps");
    gil_free(in.gil);
}

/* 4: convoy */
static double convoy(const char *policy) {
    setup(policy);
    Worker cpu, io;
    memset(&cpu, 0, sizeof cpu);
    memset(&io, 0, sizeof io);
    io.io_ops = 100;
    port_thread *tc = port_thread_start("spin", cpu_worker, &cpu, 0, PORT_ANY_CORE, NULL);
    port_thread *ti = port_thread_start("io", io_worker, &io, 0, PORT_ANY_CORE, NULL);
    port_thread_join(ti, PORT_FOREVER);
    __atomic_store_n(&stop_flag, 1, __ATOMIC_RELAXED);
    port_thread_join(tc, PORT_FOREVER);
    double per_op = io.io_ns / 1e3 / io.io_ops;
    printf("  [%s] convoy: 100 x 1 ms sleep next to a spinner: %.0f us per operation\n", policy, per_op);
    print_stats("convoy");
    CHECK(overlaps == 0, "overlaps in convoy");
    gil_free(in.gil);
    return per_op;
}

/* 4b: prio starvation bound: one CPU-bound thread against 3 threads that come back from
 * (zero-length) I/O all the time, so they are always "interactive". Aging must still give the
 * CPU-bound thread the GIL: its longest wait is bounded (documented bound (k+1)*(3I + C) with
 * k = 0 other CPU waiters: ~15 ms + C, plus the host's own scheduling delay, which on a loaded
 * 2-core host reaches ~100 ms; asserted generously for prio, printed for both: `new` has no
 * bound — a waiter loses to barging threads as long as they win the race, seen up to 0.9 s). */
static volatile uint64_t max_gap, max_gap_any, cpu_max_passed;
static void cpu_gap_worker(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    uint64_t last = port_time_ns();
    for (long i = 0; i < w->iters; i++) {
        instruction();
        uint64_t before = port_time_ns();
        vm_check(&w->ts);
        uint64_t now = port_time_ns();
        if (now - before > max_gap) max_gap = now - before;   /* time spent giving up the GIL */
        if (now - last > max_gap_any) max_gap_any = now - last;
        last = now;
        w->done++;
    }
    __atomic_store_n(&stop_flag, 1, __ATOMIC_RELAXED);
    GilThreadStats st[8];
    int n = gil_thread_stats(&in, st, 8);
    for (int i = 0; i < n; i++)
        if (st[i].ident == w->ts.ident) cpu_max_passed = st[i].max_passed;
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}
static void chatty_worker(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    while (!__atomic_load_n(&stop_flag, __ATOMIC_RELAXED)) {
        gil_before_blocking(&w->ts);
        gil_after_blocking(&w->ts);      /* back from "I/O": interactive */
        for (int k = 0; k < 50; k++) { instruction(); vm_check(&w->ts); }
    }
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}
static void test_prio_starvation(const char *policy) {
    setup(policy);
    Worker cpu, ch[3];
    memset(&cpu, 0, sizeof cpu);
    memset(ch, 0, sizeof ch);
    cpu.iters = 2000000;
    max_gap = max_gap_any = 0;
    port_thread *tc = port_thread_start("cpu", cpu_gap_worker, &cpu, 0, PORT_ANY_CORE, NULL);
    port_thread *th[3];
    for (int i = 0; i < 3; i++) th[i] = port_thread_start("chat", chatty_worker, &ch[i], 0, PORT_ANY_CORE, NULL);
    port_thread_join(tc, PORT_FOREVER);
    for (int i = 0; i < 3; i++) port_thread_join(th[i], PORT_FOREVER);
    printf("  [%s] CPU-bound thread vs 3 interactive: finished %ld instructions, longest GIL "
           "wait %.1f ms (longest gap incl. OS preemption %.1f ms)\n",
           policy, cpu.done, max_gap / 1e6, max_gap_any / 1e6);
    print_stats("starvation");
    CHECK(cpu.done == cpu.iters, "CPU-bound thread starved");
    /* only prio promises a bound: under new a waiter can lose to barging threads indefinitely
     * (it keeps sending drop requests, but whoever grabs the free GIL first wins) */
    printf("  [%s] CPU-bound thread passed by at most %llu GIL acquisitions in one wait\n", policy,
           (unsigned long long)cpu_max_passed);
    /* prio's aging bound, in acquisitions (gil_prio.c): with k = 3 other threads that may be
     * CPU waiters ahead of it (a chatty thread forced off queues as CPU-bound), at most
     * (k+1) * (PRIO_AGING_PASSES + 1) + k; times are printed above, never asserted */
    if (strcmp(policy, "prio") == 0)
        CHECK(cpu_max_passed <= 4 * (PRIO_AGING_PASSES + 1) + 3, "%s: CPU-bound thread passed %llu "
              "times", policy, (unsigned long long)cpu_max_passed);
    CHECK(overlaps == 0, "overlaps in starvation test");
    gil_free(in.gil);
}

/* 4c: prio, interactive traffic between two CPU-bound threads. With a 60 s switch interval (no
 * timed wait can expire, as in tests/grade/test_lab_policy.py) an I/O thread comes back from
 * (zero-length) I/O IO_OPS times. Each return preempts the CPU-bound holder, which resumes its
 * slice afterwards: the GIL goes from one CPU-bound thread to the other only when aging moves
 * the line (a boost every PRIO_AGING_PASSES passes: the I/O thread's take and the holder's
 * resume are two), never at every interactive take. Counted from the trace (takes by the two
 * CPU-bound threads, the I/O thread's in between ignored) and from the GIL's counters. */
#define IO_OPS 64
static volatile uint32_t cpu_ident[2];
static void cpu_ident_worker(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    cpu_ident[w->io_ops] = w->ts.ident;     /* io_ops: which of the two */
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    while (!__atomic_load_n(&stop_flag, __ATOMIC_RELAXED)) { instruction(); vm_check(&w->ts); }
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}
static void io_burst_worker(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    gil_before_blocking(&w->ts);
    port_sleep_ns(20000000);            /* let both CPU-bound threads queue (a figure only) */
    gil_after_blocking(&w->ts);
    gil_stats_reset(&in);
    port_trace_reset();
    for (int i = 0; i < IO_OPS; i++) {
        gil_before_blocking(&w->ts);
        port_sleep_ns(100000);
        gil_after_blocking(&w->ts);
        for (int k = 0; k < 10; k++) { instruction(); vm_check(&w->ts); }
        w->done++;
    }
    __atomic_store_n(&stop_flag, 1, __ATOMIC_RELAXED);
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}
static void test_prio_preemption_keeps_slice(void) {
    setup("prio");
    gil_set_switch_interval(&in, 60000000000ull);
    Worker cpu[2], io;
    memset(cpu, 0, sizeof cpu);
    memset(&io, 0, sizeof io);
    cpu[1].io_ops = 1;
    port_thread *tc0 = port_thread_start("cpu", cpu_ident_worker, &cpu[0], 0, PORT_ANY_CORE, NULL);
    port_thread *tc1 = port_thread_start("cpu", cpu_ident_worker, &cpu[1], 0, PORT_ANY_CORE, NULL);
    port_thread *ti = port_thread_start("io", io_burst_worker, &io, 0, PORT_ANY_CORE, NULL);
    port_thread_join(ti, PORT_FOREVER);
    port_thread_join(tc0, PORT_FOREVER);
    port_thread_join(tc1, PORT_FOREVER);
    GilStats s;
    gil_stats(&in, &s);
    uint64_t n = port_trace_count(), cpu_switches = 0, io_takes = 0;
    uint32_t last_cpu = 0;
    for (uint64_t i = 0; i < n; i++) {
        TraceRec r;
        if (port_trace_get(i, &r) != 0 || r.event != TR_GIL_TAKE) continue;
        if (r.a != cpu_ident[0] && r.a != cpu_ident[1]) { io_takes++; continue; }
        if (last_cpu && r.a != last_cpu) cpu_switches++;
        last_cpu = r.a;
    }
    printf("  [prio] %d returns from I/O between 2 CPU-bound threads: %llu I/O takes, %llu "
           "switches between the CPU-bound threads, %llu preemptions, %llu resumes, %llu slices\n",
           IO_OPS, (unsigned long long)io_takes, (unsigned long long)cpu_switches,
           (unsigned long long)s.prio_preemptions, (unsigned long long)s.prio_resumes,
           (unsigned long long)s.prio_slices);
    CHECK(io.done == IO_OPS && io_takes >= IO_OPS, "I/O thread: %ld ops, %llu takes", io.done,
          (unsigned long long)io_takes);
    CHECK(s.timed_wait_expiries == 0, "no timed wait can expire in 60 s: %llu",
          (unsigned long long)s.timed_wait_expiries);
    CHECK(s.prio_preemptions > 0 && s.prio_resumes > 0, "no preemption/resume seen");
    /* aging: the passes are the I/O thread's takes and the holder's resumes, a boost every
     * PRIO_AGING_PASSES of them, +2 for the line's state when counting began (passes already
     * counted, a boost already set); before this rule every preemption switched (~IO_OPS) */
    uint64_t bound = (io_takes + s.prio_resumes) / PRIO_AGING_PASSES + 2;
    CHECK(cpu_switches <= bound && s.prio_slices <= bound + 1, "prio: %llu switches between "
          "CPU-bound threads, %llu slices, for %llu I/O takes (bound %llu)",
          (unsigned long long)cpu_switches, (unsigned long long)s.prio_slices,
          (unsigned long long)io_takes, (unsigned long long)bound);
    CHECK(overlaps == 0 && s.violations == 0, "overlaps in preemption test");
    gil_free(in.gil);
}

/* 5: policy switch refused with two threads */
static int hold_second;
static void idle_thread(void *p) {
    Worker *w = p;
    w->ts.interp = &in;
    w->ts.ident = port_thread_id();
    port_tls_set(&w->ts);
    gil_take(&w->ts);
    gil_before_blocking(&w->ts);
    while (!__atomic_load_n(&hold_second, __ATOMIC_RELAXED)) port_sleep_ns(1000000);
    gil_after_blocking(&w->ts);
    gil_drop(&w->ts);
    gil_thread_fini(&w->ts);
}
static void test_set_policy(void) {
    setup("new");
    ThreadState main_ts;
    memset(&main_ts, 0, sizeof main_ts);
    main_ts.interp = &in;
    main_ts.ident = port_thread_id();
    port_tls_set(&main_ts);
    gil_take(&main_ts);
    CHECK(gil_set_policy(&in, "old") == 0, "switch to old alone");
    CHECK(strcmp(gil_policy_name(&in), "old") == 0, "name old");
    CHECK(in.check_every_instruction == 0, "old: no tick checks while one thread runs");
    CHECK(gil_set_policy(&in, "none") == 0 && rc_atomic, "none sets rc_atomic");
    CHECK(gil_set_policy(&in, "prio") == 0 && !rc_atomic && !in.check_every_instruction, "prio");
    CHECK(gil_set_policy(&in, "bogus") == -1, "unknown refused");
    Worker w;
    memset(&w, 0, sizeof w);
    hold_second = 0;
    gil_before_blocking(&main_ts);
    port_thread *t = port_thread_start("idle", idle_thread, &w, 0, PORT_ANY_CORE, NULL);
    port_sleep_ns(20000000);
    gil_after_blocking(&main_ts);
    CHECK(gil_thread_count(&in) == 2, "two threads registered (%d)", gil_thread_count(&in));
    CHECK(in.check_every_instruction == 0, "prio: no tick checks");
    CHECK(gil_set_policy(&in, "new") == -1, "switch refused with two threads");
    __atomic_store_n(&hold_second, 1, __ATOMIC_RELAXED);
    gil_before_blocking(&main_ts);
    port_thread_join(t, PORT_FOREVER);
    gil_after_blocking(&main_ts);
    CHECK(gil_set_policy(&in, "new") == 0, "switch allowed again");
    gil_drop(&main_ts);
    gil_thread_fini(&main_ts);
    port_tls_set(NULL);
    gil_free(in.gil);
}

/* 6: port basics */
static void nop(void *p) { __atomic_fetch_add((int *)p, 1, __ATOMIC_RELAXED); }
static void test_port(void) {
    port_spin_t l;
    port_waitq_t q;
    port_spin_init(&l, "t");
    port_waitq_init(&q, "t");
    port_spin_lock(&l);
    uint64_t t0 = port_time_ns();
    int r = port_waitq_sleep(&q, &l, 20000000);
    uint64_t el = port_time_ns() - t0;
    port_spin_unlock(&l);
    CHECK(r == 1 && el >= 20000000, "waitq timeout r=%d el=%llu", r, (unsigned long long)el);
    CHECK(port_waitq_wake_one(&q) == 0, "wake_one on empty queue");
    int count = 0;
    for (int round = 0; round < 2; round++) {
        port_thread *ts[500];
        int started = 0;
        for (int i = 0; i < 500; i++) {
            ts[i] = port_thread_start("n", nop, &count, 64 * 1024, PORT_ANY_CORE, NULL);
            if (ts[i]) started++;
        }
        for (int i = 0; i < 500; i++) if (ts[i]) port_thread_join(ts[i], PORT_FOREVER);
        CHECK(started == 500, "started %d of 500", started);
    }
    CHECK(count == 1000, "500 threads x2 ran (%d)", count);
}

int main(int argc, char **argv) {
    long iters = argc > 1 ? atol(argv[1]) : 3000000;
    printf("test_gil: port\n");
    test_port();
    printf("test_gil: exclusion and forced switching\n");
    const char *pols[] = { "new", "old", "prio" };
    for (int p = 0; p < 3; p++) {
        test_exclusion(pols[p], 1, iters / 2);
        test_exclusion(pols[p], 2, iters / 2);
        test_exclusion(pols[p], 4, iters / 4);
    }
    test_exclusion("none", 2, iters / 2);
    if (port_cores_possible() > 1 && port_cores_set(1) == 1) {
        printf("test_gil: old on one core (port_cores_set(1)): fewer failed wake-ups expected\n");
        test_exclusion("old", 2, iters / 2);
        port_cores_set(port_cores_possible());
    }
    printf("test_gil: blocking releases the GIL\n");
    for (int p = 0; p < 3; p++) test_sleepers(pols[p]);
    printf("test_gil: convoy (bpo-7946)\n");
    double lnew = convoy("new"), lprio = convoy("prio");
    printf("  convoy latency per 1 ms operation: new %.0f us, prio %.0f us\n", lnew, lprio);
    printf("test_gil: prio starvation bound\n");
    test_prio_starvation("new");
    test_prio_starvation("prio");
    printf("test_gil: prio preemption keeps the CPU slice\n");
    test_prio_preemption_keeps_slice();
    printf("test_gil: policy switching\n");
    test_set_policy();
    printf(failures ? "test_gil: %d FAILURES\n" : "test_gil: all passed%.0d\n", failures);
    return failures ? 1 : 0;
}
