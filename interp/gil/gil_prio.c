/*
 * interp/gil/gil_prio.c — the `prio` policy: a cure for the convoy effect (bpo-7946).
 *
 * The convoy: under `new`, a thread that does a short I/O (a 1 ms sleep, a socket read) drops
 * the GIL, and when the I/O completes it must wait for the CPU-bound holder to be asked to drop:
 * a full switch interval (5 ms) per I/O operation, so 100 operations of 1 ms take ~0.6 s.
 *
 * Classes. A thread coming back from blocking (gil_after_blocking) is INTERACTIVE; a thread that
 * was forced off, or takes the GIL otherwise, is CPU-BOUND.
 *  - An interactive waiter sends a drop request at once, so the holder drops at its next
 *    eval-breaker check (microseconds), and on release interactive waiters are woken first.
 *  - CPU-bound waiters queue in FIFO order by ticket (cpu_next_ticket / cpu_serving) and behave
 *    as under `new` (timeout = switch interval I, then a drop request) but may take the GIL only
 *    when no interactive thread waits, or when the head CPU waiter has been boosted.
 *  - Forced switching: a holder that dropped on request draws its CPU ticket at the drop, under
 *    the lock, so it queues behind every earlier CPU waiter and every interactive one (FIFO in
 *    GIL order, whenever the host gets round to running it).
 *
 * No starvation (aging), by count and by time. Count: once PRIO_AGING_PASSES (gil_impl.h)
 * interactive takes have passed the waiting CPU-bound threads since one of them last held the
 * GIL, cpu_boost is set; so the head CPU waiter is passed by at most PRIO_AGING_PASSES
 * interactive takes (plus the one that forced it off), the k-th in line by at most
 * (k+1) * (PRIO_AGING_PASSES + 1) + k takes: a bound in acquisitions that the graded tests check
 * (GilThreadStats.max_passed). Time: the CPU-bound waiter at the head of the queue
 * (ticket == cpu_serving) that has waited 2*I (elapsed time, checked at every wake-up and
 * timeout) sets cpu_boost and a drop request: while cpu_boost is set interactive
 * threads cannot take the GIL, and the next release wakes the CPU queue, so the head waiter takes
 * it; taking it clears the boost. Bound: let C be the longest time a holder runs between two
 * eval-breaker checks (one bytecode, or one C call that does not block — blocking calls drop the
 * GIL). The head CPU waiter takes the GIL within 2*I + I + C (aging, plus at most one timeout
 * round for the drop request it sends, plus the holder's reaction). Each waiter ahead of it holds
 * the GIL for at most about I + C before someone's timeout forces it off, so the k-th CPU waiter
 * in line gets the GIL within (k+1) * (3*I + C). Interactive threads can delay CPU-bound ones
 * but never indefinitely; and interactive threads themselves are never starved because a boost
 * lasts one acquisition. The bound is in GIL time: the OS's delay in running a woken thread
 * comes on top (tests/unit/test_gil.c prints the longest wait under new and prio).
 */
#include "gil/gil_impl.h"

/* LAB policy: BEGIN */
static int can_take(Gil *g, int interactive, uint64_t ticket) {
    if (g->locked) return 0;
    if (interactive) return !g->cpu_boost;
    return ticket == g->cpu_serving && (g->nwaiters_int == 0 || g->cpu_boost);
}

static void prio_take(Gil *g, GilThread *t, int from_io) {
    uint64_t start = port_time_ns();
    int interactive = from_io;
    port_spin_lock(&g->lock);
    uint64_t ticket = 0;
    int queued = 0;
    if (t->prio_reserved) {          /* forced off: back in line with the ticket drawn then */
        t->prio_reserved = 0;
        ticket = t->prio_ticket;
        queued = 1;
        interactive = 0;
    } else if (interactive) {
        if (!can_take(g, 1, 0)) {
            queued = 1;
            g->nwaiters_int++;
            if (g->locked && !g->drop_request) gil_send_drop_request(g, t);
        }
    } else if (g->cpu_next_ticket != g->cpu_serving || !can_take(g, 0, g->cpu_serving)) {
        queued = 1;
        ticket = g->cpu_next_ticket++;
        g->nwaiters++;
    } else {
        ticket = g->cpu_next_ticket++;   /* take the free GIL with the next ticket */
    }
    if (queued) {
        while (!can_take(g, interactive, ticket)) {
            gil_wait_for_switch(g, t, interactive ? &g->waitq_int : &g->waitq);
            /* Aging counts the time waited, not the timeouts: a CPU waiter woken again and
             * again by releases that interactive threads win would otherwise never age. */
            if (!interactive && ticket == g->cpu_serving && !g->cpu_boost &&
                port_time_ns() - start >= 2 * g->interval_ns) {
                g->cpu_boost = 1;
                if (g->locked && !g->drop_request) gil_send_drop_request(g, t);
                port_waitq_wake_all(&g->waitq);    /* if the GIL is free, the head takes it now */
            }
        }
        if (interactive) g->nwaiters_int--; else g->nwaiters--;
    }
    if (!interactive) {
        g->cpu_serving++;
        g->cpu_boost = 0;
        g->cpu_passes = 0;
    } else if (g->nwaiters > 0 && ++g->cpu_passes >= PRIO_AGING_PASSES) {
        g->cpu_boost = 1;    /* aging by count: the head CPU waiter is served at the next release */
    }
    gil_note_acquired(g, t, start);
    RELAXED_STORE(g->drop_request, 0);
    /* an interactive waiter still queued asks the new holder to go at once */
    if (g->nwaiters_int > 0 && !interactive) gil_send_drop_request(g, t);
    port_waitq_wake_all(&g->switch_q);
    port_spin_unlock(&g->lock);
}

static void prio_drop(Gil *g, GilThread *t, int why) {
    port_spin_lock(&g->lock);
    if (why == DROP_FORCED) {
        /* Forced off: draw the CPU ticket now, under the lock, so the thread's place in line
         * does not depend on when the host runs it again (prio_eval_breaker calls prio_take
         * next, which uses it); it counts as a CPU waiter from here on (aging sees it). */
        t->prio_ticket = g->cpu_next_ticket++;
        t->prio_reserved = 1;
        g->nwaiters++;
    }
    gil_note_released(g, t, why);
    if (g->nwaiters_int > 0 && !g->cpu_boost) port_waitq_wake_one(&g->waitq_int);
    else if (g->nwaiters > 0) port_waitq_wake_all(&g->waitq);   /* the ticket picks the one */
    else if (g->nwaiters_int > 0) port_waitq_wake_one(&g->waitq_int);
    /* Forced switching needs no wait here: the ticket drawn above puts the dropper behind
     * every CPU waiter that was queued before it, and behind every interactive waiter unless
     * it has been boosted (can_take), so it cannot win the GIL straight back. */
    port_spin_unlock(&g->lock);
}

static int prio_eval_breaker(Gil *g, GilThread *t) {
    if (RELAXED_LOAD(g->drop_request) && t->held) {
        prio_drop(g, t, DROP_FORCED);
        prio_take(g, t, 0);
    }
    return 0;
}
/* LAB policy: END */
#if 0 /* LAB policy: STUB */
/* TODO(lab policy): your policy. As handed out, `prio` is `new` under another name. Make it
 * beat `new` on the convoy (labs/policy/README.md): a thread back from blocking I/O should get
 * the GIL within about a millisecond, not after a whole switch interval, and CPU-bound threads
 * must never starve (state your bound in the comment at the top of this file). */
static void prio_take(Gil *g, GilThread *t, int from_io) {
    gil_ops_new.take(g, t, from_io);
}

static void prio_drop(Gil *g, GilThread *t, int why) {
    gil_ops_new.drop(g, t, why);
}

static int prio_eval_breaker(Gil *g, GilThread *t) {
    return gil_ops_new.eval_breaker(g, t);
}
#endif /* LAB policy: STUB END */

const GilOps gil_ops_prio = {
    .name = "prio", .has_lock = 1, .enter = NULL, .leave = NULL,
    .take = prio_take, .drop = prio_drop, .eval_breaker = prio_eval_breaker,
};
