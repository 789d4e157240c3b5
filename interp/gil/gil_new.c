/*
 * interp/gil/gil_new.c — the `new` policy: CPython 3.2+'s GIL (Antoine Pitrou's "new GIL").
 *
 * take:  if the GIL is free, take it. Otherwise sleep on the wait queue with the switch interval
 *        as timeout; when the timeout passes and the switch number has not moved (nobody took the
 *        GIL meanwhile), send a drop request (g->drop_request + interp->eval_breaker). Taking the
 *        GIL clears any pending drop request (it has been honoured) and wakes a forced dropper.
 * drop:  release, wake one waiter. When the drop was forced (a drop request), wait on switch_q
 *        until another thread has actually taken the GIL (switch number moved) — forced
 *        switching — so the dropper cannot win the GIL straight back. Trace order per forced
 *        switch: take(A), drop_request(B->A), drop(A), take(B).
 * eval breaker: if a drop request is pending, drop (forced) and take again.
 */
#include "gil/gil_impl.h"

/* LAB gil: BEGIN */
static void new_take(Gil *g, GilThread *t, int from_io) {
    (void)from_io;
    uint64_t start = port_time_ns();
    port_spin_lock(&g->lock);
    if (g->locked) {
        g->nwaiters++;
        /* Re-checked after every wake-up: the woken waiter may find the GIL taken again by a
         * thread that never queued (one back from I/O takes a free GIL at once). */
        while (g->locked) gil_wait_for_switch(g, t, &g->waitq);   /* drop request on timeout */
        g->nwaiters--;
    }
    gil_note_acquired(g, t, start);
    /* honoured (or moot): the new holder runs its interval. Cleared under g->lock, where the
     * waiters test it before sending another (gil_wait_for_switch). */
    RELAXED_STORE(g->drop_request, 0);
    port_waitq_wake_all(&g->switch_q); /* a forced dropper may go on */
    port_spin_unlock(&g->lock);
}

static void new_drop(Gil *g, GilThread *t, int why) {
    port_spin_lock(&g->lock);
    gil_note_released(g, t, why);
    /* No lost wake-up: a waiter tests g->locked and goes to sleep under g->lock, which we hold. */
    if (g->nwaiters) port_waitq_wake_one(&g->waitq);
    if (why == DROP_FORCED) {
        /* The loop, not the timeout, keeps the dropper off until another thread has taken the
         * GIL (so the trace order drop_request, drop, take(other) holds on any host); the
         * timeout only re-checks, in case a wake-up is lost (a broken kernel wait queue). */
        uint64_t saved = g->switch_number;
        while (g->switch_number == saved && g->nwaiters > 0)
            port_waitq_sleep(&g->switch_q, &g->lock, g->interval_ns);
    }
    port_spin_unlock(&g->lock);
}

static int new_eval_breaker(Gil *g, GilThread *t) {
    /* Read without g->lock: a stale 0 only delays the drop to the next check point. A stale 1
     * from before this thread's take cannot be seen: the take cleared it in this thread. */
    if (RELAXED_LOAD(g->drop_request) && t->held) {
        new_drop(g, t, DROP_FORCED);
        new_take(g, t, 0);
    }
    return 0;
}
/* LAB gil: END */
#if 0 /* LAB gil: STUB */
/* TODO(lab gil): this is Python 2's GIL (gil_old.c): waiters sleep with no timeout, the holder
 * lets go every check_interval instructions and grabs the GIL straight back (no hand-off), so
 * there are no drop requests, no forced switches, and many failed wake-ups. Turn it into the
 * new GIL (labs/gil/README.md): a waiter sleeps at most the switch interval and then sends a
 * drop request (gil_send_drop_request); the holder drops at its next eval-breaker check and,
 * when it was forced, waits on g->switch_q until another thread has taken the GIL. */
static void new_take(Gil *g, GilThread *t, int from_io) {
    gil_ops_old.take(g, t, from_io);
    /* ask the VM to count ticks (and call the eval breaker every check_interval of them) while
     * there are >1 threads */
    if (g->interp) RELAXED_STORE(g->interp->check_every_instruction, g->nthreads > 1);
}

static void new_drop(Gil *g, GilThread *t, int why) {
    gil_ops_old.drop(g, t, why);
}

static int new_eval_breaker(Gil *g, GilThread *t) {
    return gil_ops_old.eval_breaker(g, t);
}
#endif /* LAB gil: STUB END */

const GilOps gil_ops_new = {
    .name = "new", .has_lock = 1, .enter = NULL, .leave = NULL,
    .take = new_take, .drop = new_drop, .eval_breaker = new_eval_breaker,
};
