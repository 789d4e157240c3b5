/*
 * interp/gil/gil_old.c — the `old` policy: Python 2's GIL (before 3.2).
 *
 * The ticker is Python 2's: while more than one Python thread exists (gil_old_threads_changed
 * sets interp->check_every_instruction), the VM decrements interp->ticker at every bytecode but
 * the few Python 2 did not count either (loads and stores of locals and constants, stack
 * shuffles, forward jumps: vm.c, OLD_NO_TICK_OPS), inline in its dispatch (interp/runtime/vm.c,
 * the L_tick_ stubs: Python 2's `if (--_Py_Ticker < 0) { _Py_Ticker = _Py_CheckInterval; ... }`),
 * and calls the eval breaker, hence old_eval_breaker, only when the count reaches zero (L_tick_zero):
 * once every check_interval ticks (100, sys.setcheckinterval). There, if a thread waits for the GIL, the holder
 * releases it — signalling one waiter — and immediately tries to take it again. There is no
 * hand-off and no forced switching: on a multicore machine the releaser is still running on its
 * core and usually re-takes the GIL long before the woken waiter has been scheduled on another
 * core. The waiter wakes, finds the GIL taken again, and goes back to sleep: a failed wake-up
 * (counted, traced). That is the "GIL battle" of David Beazley's "Understanding the Python GIL"
 * (PyCon 2010): two CPU-bound threads slower than one, and less slow when all but one core is
 * disabled (kernel.cores(1)), because then the OS's own scheduling decides who runs and the
 * wake-ups stop failing. Each round of the battle that the holder wins is counted with the time
 * it spent in it (GilStats.battle_rounds, battle_ns): the measured price of a failed wake-up.
 * Waiters sleep without a timeout: the only way the GIL moves is the holder's periodic release.
 *
 * Locks: g->lock guards the GIL state (gil_impl.h). g->st.interval_checks is written without it,
 * by the GIL holder only, and read/zeroed by gil_stats/gil_stats_reset, which Python code calls
 * with the GIL held: the GIL orders those accesses (this policy is a lock).
 */
#include "gil/gil_impl.h"

/* g->lock held (and held again on return): wait until the GIL is free, then take it. */
static void old_take_locked(Gil *g, GilThread *t, uint64_t start) {
    while (g->locked) {
        /* nwaiters is written under g->lock and read without it by old_eval_breaker (a hint:
         * relaxed atomics, so the race is declared). */
        RELAXED_STORE(g->nwaiters, g->nwaiters + 1);
        int r = port_waitq_sleep(&g->waitq, &g->lock, PORT_FOREVER);
        RELAXED_STORE(g->nwaiters, g->nwaiters - 1);
        /* Woken (no timeout here) and the GIL is taken again: the releaser, still running on
         * its core, re-took it before this thread was scheduled. That is the failed wake-up. */
        if (r == 0 && g->locked)
            gil_note_failed_wakeup(g, t);
    }
    gil_note_acquired(g, t, start);
}

static void old_take(Gil *g, GilThread *t, int from_io) {
    (void)from_io;
    uint64_t start = port_time_ns();
    port_spin_lock(&g->lock);
    old_take_locked(g, t, start);
    port_spin_unlock(&g->lock);
}

static void old_drop(Gil *g, GilThread *t, int why) {
    port_spin_lock(&g->lock);
    gil_note_released(g, t, why);
    if (g->nwaiters) port_waitq_wake_one(&g->waitq);
    port_spin_unlock(&g->lock);
}

/* Called by the VM once per check_interval ticks (the ticker reached zero), with the GIL
 * held; a Ctrl-C or a stop request (interp->eval_breaker) adds a call of its own. */
static int old_eval_breaker(Gil *g, GilThread *t) {
    /* Only the VM calls this, from a thread that is running bytecode, so under a lock policy t
     * must hold the GIL (t->held is written by t itself). If it does not, something let a thread
     * run bytecode without the GIL: count it with the other breach of the invariant, two holders
     * at once (gil_note_acquired), in GilStats.violations, which the tests assert is 0. This is
     * the ticker's own check of the invariant, once per check interval while ticks run. */
    if (!t->held) {
        port_spin_lock(&g->lock);
        g->st.violations++;
        port_spin_unlock(&g->lock);
        return 0;
    }
    g->st.interval_checks++;            /* the holder only: ordered by the GIL (top of file) */
    /* Python 2 released and re-took the lock at every check even when nobody waited (two
     * uncontended semaphore operations). With nobody waiting ours would do nothing more than
     * take g->lock twice, read the clock and write two trace records, so it skips the pair: a
     * thread that starts waiting right after this load is served at the next check,
     * check_interval ticks later, as it would be in Python 2 had it missed the gap. */
    if (RELAXED_LOAD(g->nwaiters) == 0) return 0;
    uint64_t t0 = port_time_ns();
    port_spin_lock(&g->lock);
    uint64_t sw = g->switch_number;
    int wanted = g->nwaiters > 0;       /* re-read under the lock */
    gil_note_released(g, t, DROP_PLAIN);
    /* 0 when the only waiter was already woken by an earlier round and is still on its way
     * back to g->lock (it counts in nwaiters until it has re-checked the GIL) */
    int woke = wanted ? port_waitq_wake_one(&g->waitq) : 0;
    port_spin_unlock(&g->lock);
    /* Python 2 did nothing in between: the release and the re-acquire are back to back. The
     * woken waiter needs g->lock to leave its sleep and see the GIL: on another core it is
     * usually still waking up when the holder has taken the GIL again. (The wait for the
     * re-acquire is counted from t0: one clock read less per round.) */
    port_spin_lock(&g->lock);
    old_take_locked(g, t, t0);
    /* Only the holder's own take moved the switch number: it won this round. The time from
     * just before the release to the re-acquire (t_acquired, stamped by gil_note_acquired) is
     * what the battle cost the thread that runs bytecode (the wake-up call when it made one,
     * g->lock and the GIL's cache lines fought over with the woken thread, and this
     * bookkeeping: two trace records and three clock reads); a round the holder lost is a
     * switch, its time is the other thread's turn. */
    if (wanted && g->switch_number == sw + 1) {
        g->st.battle_rounds++;
        g->st.battle_wakeups += (uint64_t)woke;
        g->st.battle_ns += t->t_acquired - t0;
    }
    port_spin_unlock(&g->lock);
    return 0;
}

/* The ticks run only while more than one Python thread exists (gil.c calls
 * gil_old_threads_changed on every registration): a lone thread has nobody to hand the GIL to,
 * and runs the VM's normal dispatch table, with no tick at all. */
void gil_old_threads_changed(Gil *g) {
    if (g->interp && g->ops == &gil_ops_old)
        RELAXED_STORE(g->interp->check_every_instruction, g->nthreads > 1);
}
static void old_enter(Gil *g) { gil_old_threads_changed(g); }
/* A policy is switched only while one thread runs (gil_set_policy); the store is relaxed like
 * every other access to check_every_instruction (interp/core/state.h). */
static void old_leave(Gil *g) { if (g->interp) RELAXED_STORE(g->interp->check_every_instruction, 0); }

const GilOps gil_ops_old = {
    .name = "old", .has_lock = 1, .enter = old_enter, .leave = old_leave,
    .take = old_take, .drop = old_drop, .eval_breaker = old_eval_breaker,
};
