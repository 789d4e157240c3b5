/*
 * interp/gil/gil_old.c — the `old` policy: Python 2's GIL (before 3.2).
 *
 * Every thread counts ticks: one per bytecode (the VM calls the eval breaker at EVERY instruction
 * while interp->check_every_instruction is set, which this policy sets). Every check_interval
 * ticks (100, sys.setcheckinterval), if other Python threads exist, the holder releases the GIL
 * — signalling one waiter — and immediately tries to take it again. There is no hand-off and no
 * forced switching: on a multicore machine the releaser is still running on its core and usually
 * re-takes the GIL long before the woken waiter has been scheduled on another core. The waiter
 * wakes, finds the GIL taken again, and goes back to sleep: a failed wake-up (counted, traced).
 * That is the "GIL battle" of Beazley's talk: two CPU-bound threads slower than one, and less
 * slow when all but one core is disabled (kernel.cores(1)), because then the OS's own scheduling
 * decides who runs and the wake-ups stop failing.
 * Waiters sleep without a timeout: the only way the GIL moves is the holder's periodic release.
 */
#include "gil/gil_impl.h"

static void old_take(Gil *g, GilThread *t, int from_io) {
    (void)from_io;
    uint64_t start = port_time_ns();
    port_spin_lock(&g->lock);
    while (g->locked) {
        g->nwaiters++;
        int r = port_waitq_sleep(&g->waitq, &g->lock, PORT_FOREVER);
        g->nwaiters--;
        /* Woken (no timeout here) and the GIL is taken again: the releaser, still running on
         * its core, re-took it before this thread was scheduled. That is the failed wake-up. */
        if (r == 0 && g->locked)
            gil_note_failed_wakeup(g, t);
    }
    gil_note_acquired(g, t, start);
    port_spin_unlock(&g->lock);
}

static void old_drop(Gil *g, GilThread *t, int why) {
    port_spin_lock(&g->lock);
    gil_note_released(g, t, why);
    if (g->nwaiters) port_waitq_wake_one(&g->waitq);
    port_spin_unlock(&g->lock);
}

static int old_eval_breaker(Gil *g, GilThread *t) {
    if (++t->ticks < g->check_interval) return 0;
    t->ticks = 0;
    /* nthreads is read without g->lock: a thread registering right now is seen at the next
     * check, check_interval ticks later. */
    if (RELAXED_LOAD(g->nthreads) > 1 && t->held) {
        old_drop(g, t, DROP_PLAIN);
        /* Python 2 did nothing in between: the release and the re-acquire are back to back. */
        old_take(g, t, 0);
    }
    return 0;
}

/* The tick check runs only while more than one Python thread exists (gil.c calls
 * old_threads_changed on every registration): Python 2's check was an inline decrement, ours is
 * a call at every instruction, and a lone thread has nobody to hand the GIL to anyway. */
void gil_old_threads_changed(Gil *g) {
    if (g->interp && g->ops == &gil_ops_old)
        RELAXED_STORE(g->interp->check_every_instruction, g->nthreads > 1);
}
static void old_enter(Gil *g) { gil_old_threads_changed(g); }
/* A plain store: a policy is switched only while one thread runs (gil_set_policy). */
static void old_leave(Gil *g) { if (g->interp) g->interp->check_every_instruction = 0; }

const GilOps gil_ops_old = {
    .name = "old", .has_lock = 1, .enter = old_enter, .leave = old_leave,
    .take = old_take, .drop = old_drop, .eval_breaker = old_eval_breaker,
};
