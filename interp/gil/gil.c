/*
 * interp/gil/gil.c — the Global Interpreter Lock: shared machinery, the policy table, statistics.
 *
 * ============================================================================================
 *  How the toll booth works
 * ============================================================================================
 *
 * Python threads are real threads (1:1: a pthread on the host, a kernel thread in the guest),
 * spread over every online core. But reference counts, lists, dicts and the interpreter's own
 * state are plain memory with no locks of their own, so before a thread may execute a single
 * bytecode it must hold the GIL: one lock per interpreter. Two threads can never execute Python
 * at a granularity finer than one bytecode, even on four cores. A thread gives the GIL back in
 * two ways:
 *
 *   1. Voluntarily, around anything that blocks: time.sleep, lock.acquire, join, input(), and C
 *      code that computes on its own data (native.crc32). gil_before_blocking drops the GIL,
 *      the thread waits or computes with no Python object in hand, gil_after_blocking takes it
 *      back. This is why threads are excellent for I/O: five threads sleeping 2 s each finish
 *      in 2 s, because nobody holds the GIL while sleeping.
 *
 *   2. On request, when it is CPU-bound. The GIL is a spinlock-guarded flag plus a wait queue.
 *      A thread that wants the GIL and finds it taken sleeps on the wait queue with a timeout of
 *      the switch interval (5 ms, sys.setswitchinterval). If the timeout passes and no switch
 *      happened meanwhile (the switch number did not move), it sets a drop request: the GIL's
 *      flag plus interp->eval_breaker. The holder sees eval_breaker at its next check point (a
 *      backward jump or a call, so every loop iteration), drops the GIL, wakes a waiter — and,
 *      because it dropped on request, does not run bytecode again until another thread has
 *      actually taken the GIL ("forced switching"). Without that last rule the dropper, still
 *      hot on its core, would simply take the GIL back before the sleeper even woke up.
 *
 * The picture (as in David Beazley's "Understanding the Python GIL", PyCon 2010, on the new
 * GIL): two CPU-bound threads A and B on a dual-core machine.
 *
 *      Time (ms)   Thread A               Thread B
 *      ---------------------------------------------------------------------
 *      0-5         runs (holds GIL)       waiting: sleeps on the wait queue, timeout 5 ms
 *      5           sees drop request,     timeout, no switch -> drop request
 *                  drops, waits for a
 *                  switch
 *      5-10        waiting (timeout 5 ms) runs (holds GIL)
 *      10          timeout -> drop req    sees drop request, drops
 *      10-15       runs (holds GIL)       waiting
 *      15-20       waiting                runs (holds GIL)
 *      ...
 *   Both cores exist, but only one executes Python bytecode at a time; the other sleeps (its
 *   vCPU idles: waiters never spin). Two threads take as long as one doing both halves.
 *
 * That is the `new` policy (CPython 3.2+, gil_new.c). The others, one file each behind the
 * GilOps table below, switchable at run time with sys.setgilpolicy while one thread runs:
 *
 *   old    (gil_old.c)  Python 2: the VM counts "ticks" (bytecodes, an inline decrement; only
 *                       while more than one thread exists); every 100 ticks (sys.setcheckinterval)
 *                       the holder releases the GIL and immediately takes it again, with no
 *                       hand-off. On one core the OS usually lets the woken
 *                       waiter run; on several cores the releaser, still running, wins the race
 *                       again and again while the woken waiter finds the GIL taken ("failed
 *                       wake-up", counted): the "GIL battle" that made two threads slower than
 *                       one, and faster with all but one core disabled.
 *   prio   (gil_prio.c) a cure for the convoy effect (bpo-7946): a thread coming back from I/O
 *                       is interactive and asks for an immediate drop instead of waiting a full
 *                       interval; the CPU-bound holder it preempts resumes its slice after it, and
 *                       CPU-bound threads take turns (FIFO, by ticket) only when a slice ends (an
 *                       interval, as `new`), with an aging rule that bounds their wait.
 *   none   (gil_none.c) free-threaded (PEP 703): no GIL; reference counts become atomic and
 *                       containers take per-object locks (interp/core/objlock.h).
 *   unsafe (gil_unsafe.c) no GIL and no protection: to see why the GIL exists. Corruption that
 *                       the object code detects is reported, and the interpreter is reset.
 *
 * Invariant checked by the tests (tests/unit/test_gil.c): under new/old/prio at most one thread
 * is between gil_note_acquired and gil_note_released at any instant (g->holders never exceeds 1;
 * violations are counted, and the trace shows take/drop pairs per thread).
 *
 * Who waits how long. `new` bounds nothing for a single waiter: a thread that barges in on a
 * free GIL (one returning from I/O) wins over the sleeper that asked for the switch, and the
 * unit test has seen a CPU-bound waiter wait 0.9 s against three chatty I/O threads. `prio`
 * bounds it by aging (the proof is at the top of gil_prio.c). The convoy effect runs the other
 * way: under `new` an I/O-bound thread waits a full interval after every I/O (100 sleeps of
 * 1 ms take ~6 ms each next to a spinner); under `prio` ~1.1 ms.
 *
 * Statistics: per thread held/wait time, acquisitions, forced drops, drop requests sent;
 * overall switches, drop requests, forced switches, failed wake-ups, hand-off latency (time from
 * a release that had waiters to the next take), mean and max. Mechanism counters, kept here for
 * every policy so that tests assert what the GIL did and never how long it took (gil.h,
 * GilThreadStats): timed waits that expired (gil_waitq_sleep, which gil_impl.h substitutes for
 * the policies' port_waitq_sleep), drop requests sent before/after an expiry, how each return
 * from I/O got the GIL, and how many acquisitions passed a waiting thread. Trace events:
 * trace_events.h (gil.trace() reads them back on the host).
 */
#include "gil/gil_impl.h"
#include <string.h>
#include <stdlib.h>

const char *gil_default_policy = "new";
volatile bool gil_unsafe_active;

static const GilOps *const policies[] = {
    &gil_ops_new, &gil_ops_old, &gil_ops_prio, &gil_ops_none, &gil_ops_unsafe, NULL,
};
const char *const gil_policy_names[] = { "new", "old", "prio", "none", "unsafe", NULL };

static const GilOps *find_policy(const char *name) {
    for (int i = 0; policies[i]; i++)
        if (strcmp(policies[i]->name, name) == 0) return policies[i];
    return NULL;
}
bool gil_policy_known(const char *name) { return name && find_policy(name) != NULL; }

const char *gil_policy_list(void) {
    /* built from the table on first use; every caller writes the same bytes, so a race between
     * two first callers is harmless */
    static char list[96];
    if (!list[0]) {
        char b[sizeof list];
        size_t n = 0;
        for (int i = 0; gil_policy_names[i]; i++) {
            size_t l = strlen(gil_policy_names[i]);
            if (n + l + 3 > sizeof b) break;
            if (i) { b[n++] = ','; b[n++] = ' '; }
            memcpy(b + n, gil_policy_names[i], l);
            n += l;
        }
        b[n] = 0;
        memcpy(list, b, n + 1);
    }
    return list;
}

static int policy_index(const GilOps *o) {
    for (int i = 0; policies[i]; i++) if (policies[i] == o) return i;
    return -1;
}

struct Gil *gil_new(void) {
    Gil *g = port_malloc(sizeof *g);
    if (!g) return NULL;
    memset(g, 0, sizeof *g);
    port_spin_init(&g->lock, "gil");
    port_waitq_init(&g->waitq, "gil");
    port_waitq_init(&g->waitq_int, "gil-int");
    port_waitq_init(&g->switch_q, "gil-switch");
    port_waitq_init(&g->stw_q, "gil-stw");
    g->interval_ns = 5000000;
    const char *name = gil_default_policy;
    const char *env = port_getenv("TOLLPY_GIL");    /* host only: the guest has no environment */
    if (env && *env) name = env;
    g->ops = find_policy(name ? name : "new");
    if (!g->ops) g->ops = &gil_ops_new;
    if (g->ops->enter) g->ops->enter(g);
    return g;
}

void gil_free(struct Gil *g) {
    if (!g) return;
    if (g->ops->leave) g->ops->leave(g);
    GilThread *t = g->threads;
    while (t) {
        GilThread *n = t->next;
        if (t->ts) t->ts->gil_data = NULL;
        port_free(t);
        t = n;
    }
    port_free(g);
}

static Gil *gil_of(ThreadState *ts) { return ts->interp->gil; }

void gil_thread_init(ThreadState *ts) {
    if (ts->gil_data) return;
    Gil *g = gil_of(ts);
    GilThread *t = port_malloc(sizeof *t);
    if (!t) return;               /* gil_take falls back to a static record below */
    memset(t, 0, sizeof *t);
    t->ts = ts;
    t->ident = ts->ident ? ts->ident : port_thread_id();
    t->st.ident = t->ident;
    port_waitq_init(&t->prio_q, "gil-prio");
    port_spin_lock(&g->lock);
    int first = !g->interp;
    if (first) g->interp = ts->interp;
    t->next = g->threads;
    if (g->threads) g->threads->prev = t;
    g->threads = t;
    RELAXED_STORE(g->nthreads, g->nthreads + 1);
    g->st.nthreads = g->nthreads;
    gil_old_threads_changed(g);
    port_spin_unlock(&g->lock);
    ts->gil_data = t;
    if (first && g->ops->enter) g->ops->enter(g);   /* now it knows its Interp (eval_breaker) */
}

void gil_thread_fini(ThreadState *ts) {
    GilThread *t = ts->gil_data;
    if (!t) return;
    Gil *g = gil_of(ts);
    if (t->held) gil_drop(ts);
    port_spin_lock(&g->lock);
    if (t->prev) t->prev->next = t->next; else g->threads = t->next;
    if (t->next) t->next->prev = t->prev;
    if (g->last_holder == t) g->last_holder = NULL;
    RELAXED_STORE(g->nthreads, g->nthreads - 1);
    g->st.nthreads = g->nthreads;
    gil_old_threads_changed(g);
    port_spin_unlock(&g->lock);
    ts->gil_data = NULL;
    port_free(t);
}

/* Release store: a joiner that saw the thread's join lock released (taken after this store)
 * also sees exiting = 1. Readers hold g->lock. */
void gil_thread_exiting(ThreadState *ts) {
    GilThread *t = ts->gil_data;
    if (t) __atomic_store_n(&t->exiting, 1, __ATOMIC_RELEASE);
}

/* The registered threads other than `me`: those still running Python code (live) and those
 * whose Python code has finished (exiting: only their C exit path is left). */
static void count_other_threads(Gil *g, GilThread *me, int *live, int *exiting) {
    *live = *exiting = 0;
    port_spin_lock(&g->lock);
    for (GilThread *t = g->threads; t; t = t->next) {
        if (t == me) continue;
        if (__atomic_load_n(&t->exiting, __ATOMIC_ACQUIRE)) (*exiting)++; else (*live)++;
    }
    port_spin_unlock(&g->lock);
}

int gil_wait_exiting_threads(Interp *in) {
    Gil *g = in->gil;
    ThreadState *ts = ts_get();
    GilThread *me = ts ? ts->gil_data : NULL;
    uint64_t guard_end = port_time_ns() + (uint64_t)EXIT_WAIT_HANG_GUARD_S * 1000000000u;
    for (;;) {
        int live, exiting;
        count_other_threads(g, me, &live, &exiting);
        /* live threads may run Python code for ever: no point waiting for the others */
        if (live || !exiting) return live;
        if (port_time_ns() >= guard_end) return exiting;     /* hang guard only */
        /* an exiting thread may need the GIL to finish (its last bytecodes, DECREFs) */
        if (ts) gil_before_blocking(ts);
        port_sleep_ns(1000000);
        if (ts) gil_after_blocking(ts);
    }
}

static GilThread *rec(ThreadState *ts) {
    if (!ts->gil_data) gil_thread_init(ts);
    return ts->gil_data;
}

void gil_take(ThreadState *ts) {
    GilThread *t = rec(ts);
    if (!t || t->held) return;      /* t->held is written only by this thread: no lock to read it */
    Gil *g = gil_of(ts);
    g->ops->take(g, t, 0);
}

void gil_drop(ThreadState *ts) {
    GilThread *t = ts->gil_data;
    if (!t || !t->held) return;
    Gil *g = gil_of(ts);
    g->ops->drop(g, t, DROP_PLAIN);
}

int gil_held(ThreadState *ts) {
    GilThread *t = ts->gil_data;
    return t && t->held;
}

static void stw_park(Gil *g, GilThread *t);

int gil_eval_breaker(ThreadState *ts) {
    GilThread *t = rec(ts);
    Gil *g = gil_of(ts);
    if (!t) return 0;
    /* reset_pending is read without g->lock. Its writers (gil_report_corruption, gil_unsafe.c)
     * set it before they set eval_breaker, and nothing clears it before the reset, so a thread
     * that misses it here finds it at a later check point. */
    if (g->reset_pending) return gil_reset_raise(ts->interp);
    if (!g->ops->has_lock && __atomic_load_n(&g->stw, __ATOMIC_SEQ_CST) && t->held) stw_park(g, t);
    int r = g->ops->eval_breaker(g, t);
    /* vm_eval_breaker cleared interp->eval_breaker before calling us: a request still pending
     * (sent to the thread that holds the GIL now, or sent since) must set it again, or the holder
     * would not look again. A request whose store this thread does not see yet (the clear and
     * this load may pass each other) is caught by the requester's next expiry, which sets
     * eval_breaker again (gil_wait_for_switch). */
    if (RELAXED_LOAD(g->drop_request)) RELAXED_STORE(ts->interp->eval_breaker, 1);
    return r;
}

void gil_before_blocking(ThreadState *ts) {
    GilThread *t = rec(ts);
    if (!t) return;
    Gil *g = gil_of(ts);
    t->st.io_waits++;
    port_trace(TR_IO_BEGIN, t->ident, 0);
    if (t->held) g->ops->drop(g, t, DROP_IO);
}

void gil_after_blocking(ThreadState *ts) {
    GilThread *t = rec(ts);
    if (!t) return;
    Gil *g = gil_of(ts);
    port_trace(TR_IO_END, t->ident, 0);
    if (t->held) return;
    /* How this I/O return got the GIL, whatever the policy does: did it find the GIL held, did a
     * timed wait expire first, did it send a drop request before any expiry. The snapshot is
     * taken under the lock; between it and the policy's own check another thread may drop the
     * GIL, so a contended return may still find it free (only for a holder that drops on its
     * own: the graded tests' holders drop only on request). */
    port_spin_lock(&g->lock);        /* gil_stats_reset writes t->st under it too */
    int contended = g->ops->has_lock && g->locked && g->holder != t;
    uint64_t exp0 = t->st.timed_wait_expiries, imm0 = t->st.drop_requests_immediate;
    port_spin_unlock(&g->lock);
    g->ops->take(g, t, 1);
    port_spin_lock(&g->lock);
    t->st.io_takes++;
    if (contended) { t->st.io_takes_contended++; g->st.io_takes_contended++; }
    if (t->st.timed_wait_expiries != exp0) { t->st.io_takes_expired++; g->st.io_takes_expired++; }
    if (t->st.drop_requests_immediate != imm0) {
        t->st.io_takes_requested_at_once++;
        g->st.io_takes_requested_at_once++;
    }
    port_spin_unlock(&g->lock);
}

/* ---- shared bookkeeping (g->lock held) ------------------------------------------------------ */
void gil_note_acquired(Gil *g, GilThread *t, uint64_t wait_start) {
    uint64_t now = port_time_ns();
    if (t->passed_tracked) {
        uint64_t passed = g->switch_number - t->released_switch;   /* takes by others since */
        if (passed > t->st.max_passed) t->st.max_passed = passed;
        t->passed_tracked = 0;
    }
    t->expiries_this_wait = 0;
    /* The invariant (at most one holder under new/old/prio) is checked here, not assumed: holders
     * is atomic so that a policy that lets two threads in (a broken lab solution) is counted. */
    if (__atomic_fetch_add(&g->holders, 1, __ATOMIC_ACQ_REL) != 0) g->st.violations++;
    g->locked = 1;
    g->holder = t;
    g->switch_number++;
    g->st.acquisitions++;
    t->held = 1;
    t->t_acquired = now;
    t->st.acquisitions++;
    uint64_t waited = wait_start ? now - wait_start : 0;
    t->st.wait_ns += waited;
    t->core = port_current_core() & (GIL_MAX_CORES - 1);
    g->st.core_wait_ns[t->core] += waited;
    if (g->last_holder && g->last_holder != t) {
        g->st.switches++;
        if (g->last_drop_forced) {
            g->st.forced_switches++;
            port_trace(TR_GIL_FORCED_SWITCH, g->last_holder->ident, t->ident);
        }
    }
    if (g->released_at) {
        uint64_t lat = now - g->released_at;
        g->st.handoff_count++;
        g->st.handoff_total_ns += lat;
        if (lat > g->st.handoff_max_ns) g->st.handoff_max_ns = lat;
        g->released_at = 0;
    }
    g->last_holder = t;
    g->last_drop_forced = 0;
    port_trace(TR_GIL_TAKE, t->ident, sat_us(waited));
}

void gil_note_released(Gil *g, GilThread *t, int why) {
    uint64_t now = port_time_ns();
    uint64_t held = now - t->t_acquired;
    t->st.held_ns += held;
    g->st.core_run_ns[t->core] += held;
    t->held = 0;
    g->locked = 0;
    g->holder = NULL;
    g->last_drop_forced = why == DROP_FORCED;
    if (why == DROP_FORCED) t->st.forced_drops++;
    t->passed_tracked = why != DROP_IO;
    t->released_switch = g->switch_number;
    g->released_at = (g->nwaiters + g->nwaiters_int) > 0 ? now : 0;
    __atomic_fetch_sub(&g->holders, 1, __ATOMIC_ACQ_REL);
    port_trace(TR_GIL_DROP, t->ident, sat_us(held));
}

void gil_note_failed_wakeup(Gil *g, GilThread *t) {
    g->st.failed_wakeups++;
    port_trace(TR_GIL_FAILED_WAKEUP, t->ident, g->holder ? g->holder->ident : 0);
}

void gil_send_drop_request(Gil *g, GilThread *requester) {
    /* The holder reads both flags without g->lock (gil_eval_breaker, the policies' eval
     * breakers): relaxed stores, so it may see eval_breaker before drop_request, clear
     * eval_breaker and go on. Such a request stays pending (drop_request is cleared only by a
     * take) and the requester's next expiry sets eval_breaker again (gil_wait_for_switch). */
    RELAXED_STORE(g->drop_request, 1);
    if (g->interp) RELAXED_STORE(g->interp->eval_breaker, 1);
    g->st.drop_requests++;
    requester->st.drop_requests_sent++;
    /* immediate: none of the requester's timed waits for the GIL has expired since it last held
     * it (`prio` on a return from I/O); after expiry: `new`'s rule */
    if (requester->expiries_this_wait) {
        g->st.drop_requests_after_expiry++;
        requester->st.drop_requests_after_expiry++;
    } else {
        g->st.drop_requests_immediate++;
        requester->st.drop_requests_immediate++;
    }
    port_trace(TR_GIL_DROP_REQUEST, requester->ident, g->holder ? g->holder->ident : 0);
}

/* A waiter's step (g->lock held; held again on return): sleep on q until woken or one switch
 * interval has passed. If the interval passed with the GIL still held by the same holder (the
 * switch number did not move: no take happened while we slept) and no drop request is pending,
 * send one: the holder has had its interval. This is the new GIL's rule (Antoine Pitrou's, CPython
 * 3.2's take_gil in Python/ceval_gil.c); callers loop until they may take the GIL. */
void gil_wait_for_switch(Gil *g, GilThread *t, port_waitq_t *q) {
    uint64_t saved = g->switch_number;
    int timed_out = port_waitq_sleep(q, &g->lock, g->interval_ns) != 0;
    /* A take and a release may both have happened while we slept, leaving g->locked as it was:
     * the switch number is what tells a holder that has had its interval from a new one. */
    if (!timed_out || !g->locked || g->switch_number != saved) return;
    if (!g->drop_request) gil_send_drop_request(g, t);
    /* A request is pending and the holder has run a whole interval since: its clear of
     * eval_breaker may have overwritten ours before it saw drop_request (gil_eval_breaker). Set
     * eval_breaker again; the request itself was counted when it was sent. */
    else if (g->interp) RELAXED_STORE(g->interp->eval_breaker, 1);
}

/* port_waitq_sleep for the policy files (gil_impl.h maps their calls here): counts a wait for
 * the GIL that ended by its timeout. lk (g->lock for GIL waits) is held again on return, so the
 * counters are updated under it. */
int gil_waitq_sleep(port_waitq_t *q, port_spin_t *lk, uint64_t timeout_ns) {
    int r = (port_waitq_sleep)(q, lk, timeout_ns);     /* the port's own, not the macro */
    if (r != 1) return r;
    ThreadState *ts = ts_get();
    Gil *g = ts && ts->interp ? ts->interp->gil : NULL;
    GilThread *t = ts ? ts->gil_data : NULL;
    if (g && t && lk == &g->lock && (q == &g->waitq || q == &g->waitq_int ||
                                             q == &t->prio_q)) {
        g->st.timed_wait_expiries++;
        t->st.timed_wait_expiries++;
        t->expiries_this_wait++;
        port_trace(TR_GIL_WAIT_EXPIRED, t->ident, g->holder ? g->holder->ident : 0);
    }
    return r;
}

/* none/unsafe: no lock. t's fields are written only by its own thread; the shared counters are
 * atomic adds (gil_thread_stats reads them racily, as every counter). */
/* ---- stop the world (none/unsafe) ----------------------------------------------------------
 * The cycle collector (interp/runtime/gc.c) must not walk containers while other threads change
 * them. Under a lock policy the GIL it holds is enough. Without one, every thread that runs
 * bytecode is counted in g->stw_running (here, from gil_note_running, which the no-lock policies
 * call on every take and drop); a stopper sets g->stw, raises the eval breaker and waits until
 * it is the only one counted. A thread parks at its next check point (gil_eval_breaker) or when
 * it would start running again (a return from a blocking call, a new thread): it un-counts
 * itself, waits for stw == 0, and counts itself again. Counting first and then reading stw
 * (arrive), against setting stw first and then reading the count (stop), both seq_cst: one of
 * the two sees the other, so no thread runs while the stopper believes the world stopped.
 * Waits are timed (1 ms) and re-check their condition, so a wake-up lost to a race only delays. */
#define STW_POLL_NS 1000000u

static void stw_wait_restart(Gil *g) {
    port_spin_lock(&g->lock);
    port_waitq_wake_all(&g->stw_q);             /* the stopper may be waiting for the count */
    while (__atomic_load_n(&g->stw, __ATOMIC_SEQ_CST))
        (port_waitq_sleep)(&g->stw_q, &g->lock, STW_POLL_NS);   /* the port's own, uncounted */
    port_spin_unlock(&g->lock);
}

static void stw_arrive(Gil *g, GilThread *t) {
    if (t->stw_counted) return;
    for (;;) {
        __atomic_add_fetch(&g->stw_running, 1, __ATOMIC_SEQ_CST);
        if (!__atomic_load_n(&g->stw, __ATOMIC_SEQ_CST)) break;
        __atomic_sub_fetch(&g->stw_running, 1, __ATOMIC_SEQ_CST);
        stw_wait_restart(g);
    }
    t->stw_counted = 1;
}

static void stw_depart(Gil *g, GilThread *t) {
    if (!t->stw_counted) return;
    t->stw_counted = 0;
    __atomic_sub_fetch(&g->stw_running, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&g->stw, __ATOMIC_SEQ_CST)) {
        port_spin_lock(&g->lock);
        port_waitq_wake_all(&g->stw_q);
        port_spin_unlock(&g->lock);
    }
}

/* Park t until the world restarts (t is running: drop, then take waits in stw_arrive). */
static void stw_park(Gil *g, GilThread *t) {
    g->ops->drop(g, t, DROP_PLAIN);
    g->ops->take(g, t, 0);
}

int gil_stop_world(ThreadState *ts) {
    GilThread *t = rec(ts);
    Gil *g = gil_of(ts);
    if (g->ops->has_lock || !t) return 1;
    if (!t->stw_counted) stw_arrive(g, t);
    int expected = 0;
    if (!__atomic_compare_exchange_n(&g->stw, &expected, 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        stw_park(g, t);                 /* another thread is stopping the world: be stopped */
        return 0;
    }
    port_spin_lock(&g->lock);
    while (__atomic_load_n(&g->stw_running, __ATOMIC_SEQ_CST) > 1) {
        RELAXED_STORE(g->interp->eval_breaker, 1);
        (port_waitq_sleep)(&g->stw_q, &g->lock, STW_POLL_NS);
    }
    port_spin_unlock(&g->lock);
    return 1;
}

void gil_start_world(ThreadState *ts) {
    Gil *g = gil_of(ts);
    if (g->ops->has_lock) return;
    port_spin_lock(&g->lock);
    __atomic_store_n(&g->stw, 0, __ATOMIC_SEQ_CST);
    port_waitq_wake_all(&g->stw_q);
    port_spin_unlock(&g->lock);
}

void gil_note_running(Gil *g, GilThread *t, int running) {
    if (running) stw_arrive(g, t);
    else stw_depart(g, t);
    uint64_t now = port_time_ns();
    if (running) {
        t->held = 1;
        t->t_acquired = now;
        t->core = port_current_core() & (GIL_MAX_CORES - 1);
        t->st.acquisitions++;
        __atomic_fetch_add(&g->st.acquisitions, 1, __ATOMIC_RELAXED);
        port_trace(TR_THREAD_RUN, t->ident, (uint32_t)port_current_core());
    } else {
        t->held = 0;
        t->st.held_ns += now - t->t_acquired;
        __atomic_fetch_add(&g->st.core_run_ns[t->core], now - t->t_acquired, __ATOMIC_RELAXED);
        port_trace(TR_THREAD_SLEEP, t->ident, 0);
    }
}

/* ---- policies ------------------------------------------------------------------------------- */
int gil_set_policy(Interp *in, const char *name) {
    Gil *g = in->gil;
    const GilOps *o = find_policy(name);
    if (!o) {
        exc_raise(ValueError_t, "unknown GIL policy '%s' (%s)", name, gil_policy_list());
        return -1;
    }
    ThreadState *ts = ts_get();
    GilThread *me = ts ? rec(ts) : NULL;
    /* Threads whose Python code has finished are waited for (up to 5 s). A thread that still
     * counts as live gets SET_POLICY_GRACE_MS to finish (a thread started by _thread directly
     * is marked exiting only when its function has returned). */
    for (int tries = 0;; tries++) {
        int live, exiting;
        count_other_threads(g, me, &live, &exiting);
        if ((live && tries >= SET_POLICY_GRACE_MS) || (exiting && tries >= 5000)) {
            exc_raise(RuntimeError_t, "can't change the GIL policy while %d threads run",
                      live + exiting + 1);
            return -1;
        }
        if (!exiting && !live) break;
        if (ts) gil_before_blocking(ts);
        port_sleep_ns(1000000);
        if (ts) gil_after_blocking(ts);
    }
    if (o == g->ops) return 0;
    /* Only this thread exists, and only it could start another (it is here, not doing that):
     * move its "holding" state from the old policy to the new one. */
    int was_held = me && me->held;
    if (was_held) g->ops->drop(g, me, DROP_PLAIN);
    if (g->ops->leave) g->ops->leave(g);
    g->ops = o;
    RELAXED_STORE(g->drop_request, 0);
    if (o->enter) o->enter(g);
    port_trace(TR_GIL_POLICY, (uint32_t)policy_index(o), 0);
    if (was_held) o->take(g, me, 0);
    return 0;
}

const char *gil_policy_name(Interp *in) { return in->gil->ops->name; }
int gil_policy_has_lock(Interp *in) { return in->gil->ops->has_lock; }

uint64_t gil_get_switch_interval(Interp *in) { return in->gil->interval_ns; }
void gil_set_switch_interval(Interp *in, uint64_t ns) {
    if (ns < 1000) ns = 1000;
    in->gil->interval_ns = ns;
}
/* The interval lives in the Interp, beside the ticker the VM decrements (interp/core/state.h).
 * Called with the GIL held, as the VM's reads are. */
int gil_get_check_interval(Interp *in) { return in->check_interval; }
void gil_set_check_interval(Interp *in, int ticks) {
    in->check_interval = ticks < 1 ? 1 : ticks;
    in->ticker = 0;      /* the next instruction's tick checks and reloads with the new interval */
}
int gil_thread_count(Interp *in) { return in->gil->nthreads; }

/* ---- stats ---------------------------------------------------------------------------------- */
void gil_stats(Interp *in, GilStats *out) {
    Gil *g = in->gil;
    port_spin_lock(&g->lock);
    *out = g->st;
    out->nthreads = g->nthreads;
    port_spin_unlock(&g->lock);
}

int gil_thread_stats(Interp *in, GilThreadStats *out, int max) {
    Gil *g = in->gil;
    int n = 0;
    port_spin_lock(&g->lock);
    uint64_t now = port_time_ns();
    for (GilThread *t = g->threads; t && n < max; t = t->next) {
        out[n] = t->st;
        if (t->held) out[n].held_ns += now - t->t_acquired;
        n++;
    }
    port_spin_unlock(&g->lock);
    return n;
}

void gil_stats_reset(Interp *in) {
    Gil *g = in->gil;
    port_spin_lock(&g->lock);
    int nt = g->nthreads;
    memset(&g->st, 0, sizeof g->st);
    g->st.nthreads = nt;
    uint64_t now = port_time_ns();
    for (GilThread *t = g->threads; t; t = t->next) {
        uint32_t id = t->st.ident;
        memset(&t->st, 0, sizeof t->st);
        t->st.ident = id;
        if (t->held) t->t_acquired = now;
    }
    port_spin_unlock(&g->lock);
}

/* ---- unsafe: corruption reports ------------------------------------------------------------- */
void gil_report_corruption(const char *type_name) {
    ThreadState *ts = ts_get();
    if (!ts || !ts->interp || !ts->interp->gil) return;
    Gil *g = ts->interp->gil;
    /* Marked before the watchdog starts waking sleepers; the seq-cst operations order the
     * marks before the count (a plain fence is not understood by ThreadSanitizer). */
    __atomic_store_n(&g->reset_pending, 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&ts->interp->eval_breaker, 1, __ATOMIC_SEQ_CST);
    if (__atomic_fetch_add(&g->st.corruptions, 1, __ATOMIC_SEQ_CST) == 0) {
        gil_unsafe_reset_deadline();
        char buf[160];
        const char *p1 = "refcount corruption detected (";
        size_t n = 0;
        for (const char *s = p1; *s && n < sizeof buf - 4; s++) buf[n++] = *s;
        for (const char *s = type_name ? type_name : "?"; *s && n < sizeof buf - 4; s++) buf[n++] = *s;
        buf[n++] = ')';
        buf[n++] = '\n';
        port_write(buf, n);
    }
    port_trace(TR_GIL_CORRUPTION, ts->ident, 0);
    g->reset_pending = 1;
    ts->interp->eval_breaker = 1;
}
