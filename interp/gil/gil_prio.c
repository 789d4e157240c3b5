/*
 * interp/gil/gil_prio.c — the `prio` policy: a cure for the convoy effect (bpo-7946).
 *
 * The convoy: under `new`, a thread that does a short I/O (a 1 ms sleep, a socket read) drops
 * the GIL, and when the I/O completes it must wait for the CPU-bound holder to be asked to drop:
 * a full switch interval (5 ms) per I/O operation, so 100 operations of 1 ms take ~0.6 s.
 *
 * Locks: all of it runs under g->lock (gil_impl.h), except spin_for_release's poll of
 * g->release_seq (a relaxed atomic, bumped under the lock at every release).
 *
 * Classes. A thread coming back from blocking (gil_after_blocking) is INTERACTIVE; a thread that
 * was forced off, or takes the GIL otherwise, is CPU-BOUND.
 *  - An interactive waiter sends a drop request at once, so the holder drops at its next
 *    eval-breaker check (microseconds), and on release interactive waiters are woken first.
 *  - CPU-bound threads take turns in SLICES, in FIFO order by ticket (cpu_next_ticket /
 *    cpu_serving): the one that took from the line owns the slice (cpu_turn) until the head of
 *    the line has waited a whole switch interval I during it (a timed wait that expired while
 *    the line did not move: `new`'s rule, the interval counted in the slice), or aging ends it.
 *    Then the turn holder is forced off and joins the back of the line, drawing its ticket at the drop,
 *    under the lock (its place does not depend on when the host runs it again).
 *  - An interactive thread PREEMPTS the turn holder: forced off in the middle of its slice, the turn holder
 *    keeps the slice and resumes it as soon as no interactive thread waits (cpu_preempted),
 *    before the line moves. So interactive traffic does not switch between CPU-bound threads
 *    (which would cost a hand-off to a sleeping thread per interactive take): they switch only
 *    when a slice ends, as under `new` (tests/unit/test_gil.c counts it).
 *  - The line waits while interactive threads wait or the turn holder is preempted, unless its head
 *    has been boosted (aging). Each CPU-bound waiter sleeps on its own queue (GilThread.prio_q)
 *    and a release wakes only the one that may take: an interactive waiter, else the preempted
 *    turn holder or the line's head. No forced-switching wait is needed: the dropper is behind every
 *    interactive waiter, and, in the line, behind every earlier CPU-bound waiter.
 *  - Spin, then sleep: the two hand-offs around an interactive take are short (the holder drops
 *    at its next check; an interactive thread usually holds the GIL for a few bytecodes), so an
 *    interactive waiter that has asked and a preempted turn holder poll for the release for up to I/32
 *    (at most 200 us, only with another core online, and only while such spins have been seeing
 *    the release: spin_for_release) before they sleep.
 *
 * No starvation (aging), by count and by time. Count: once PRIO_AGING_PASSES (gil_impl.h) takes
 * (interactive takes, and the turn holder's resumes) have passed the waiting CPU-bound threads since
 * the line last moved, cpu_boost is set and the slice ends; so a slice spans at most
 * PRIO_AGING_PASSES + 1 takes, the head CPU waiter is passed by at most PRIO_AGING_PASSES takes
 * (plus the one that forced it off), the k-th in line by at most
 * (k+1) * (PRIO_AGING_PASSES + 1) + k takes: a bound in acquisitions that the graded tests check
 * (GilThreadStats.max_passed). Time: the CPU-bound waiter at the head of the queue
 * (ticket == cpu_serving), or the preempted turn holder, that has waited 2*I (elapsed time, checked at
 * every wake-up and timeout) sets cpu_boost and a drop request: while cpu_boost is set interactive
 * threads cannot take the GIL and the turn holder cannot resume (a preempted one joins the line), and
 * the next release wakes the head, which takes it; taking it clears the boost. Bound: let C be
 * the longest time a holder runs between two eval-breaker checks (one bytecode, or one C call
 * that does not block — blocking calls drop the GIL). The head CPU waiter takes the GIL within
 * 2*I + I + C (aging, plus at most one timeout round for the drop request it sends, plus the
 * holder's reaction). Each waiter ahead of it holds the GIL for at most about I + C before the
 * next head's timeout ends its slice, so the k-th CPU waiter in line gets the GIL within
 * (k+1) * (3*I + C). Interactive threads can delay CPU-bound ones but never indefinitely; and
 * interactive threads themselves are never starved because a boost lasts one acquisition. The
 * bound is in GIL time: the OS's delay in running a woken thread comes on top
 * (tests/unit/test_gil.c prints the longest wait under new and prio).
 */
#include "gil/gil_impl.h"

/* LAB policy: BEGIN */
/* May an interactive thread (interactive = 1), the CPU line's ticket holder (ticket), take the
 * free GIL now? The line waits while interactive threads wait or the turn holder is preempted,
 * unless its head has been boosted. */
static int can_take(Gil *g, int interactive, uint64_t ticket) {
    if (g->locked) return 0;
    if (interactive) return !g->cpu_boost;
    return ticket == g->cpu_serving && (g->cpu_boost || (g->nwaiters_int == 0 && !g->cpu_preempted));
}

/* May the preempted turn holder resume? Once no interactive thread waits, and no boost. */
static int can_resume(Gil *g) {
    return !g->locked && !g->cpu_boost && g->nwaiters_int == 0;
}

/* t joins the back of the CPU line: its ticket is drawn now, under the lock, so its place does
 * not depend on when the host runs it again; prio_take uses it (t is counted in g->nwaiters by
 * the caller). */
static void line_up(Gil *g, GilThread *t) {
    t->prio_ticket = g->cpu_next_ticket++;
    t->prio_reserved = 1;
}

/* Wake the one CPU-bound thread that may take next, on its own queue (t->prio_q): the preempted
 * turn holder, else the head of the line (ticket == cpu_serving; it may not be asleep yet: a forced
 * dropper on its way to prio_take, which checks before it sleeps). The other CPU waiters sleep
 * on: waking them would be for nothing (each wake-up costs the host, or a halted vCPU, a
 * scheduling round). O(threads) per call, at most one per release. */
static void wake_next_cpu(Gil *g) {
    if (g->cpu_preempted) {
        port_waitq_wake_all(&g->cpu_preempted->prio_q);
        return;
    }
    for (GilThread *x = g->threads; x; x = x->next)
        if ((x->prio_in_line || x->prio_reserved) && x->prio_ticket == g->cpu_serving) {
            port_waitq_wake_all(&x->prio_q);
            return;
        }
}

/* The current slice ends (a whole interval waited by the line's head, or aging): a preempted
 * turn holder joins the back of the line now (woken: it waits there from now on); an turn holder that holds
 * the GIL joins it at its next forced drop (cpu_slice_over). */
static void end_slice(Gil *g) {
    GilThread *o = g->cpu_turn;
    if (!o) return;
    if (g->cpu_preempted == o) {
        g->cpu_preempted = NULL;
        g->cpu_turn = NULL;
        line_up(g, o);                     /* still counted in g->nwaiters */
        port_waitq_wake_all(&o->prio_q);
    } else {
        g->cpu_slice_over = 1;
    }
}

static void set_boost(Gil *g) {
    g->cpu_boost = 1;
    end_slice(g);          /* invariant: while cpu_boost is set, no turn holder is preempted */
}

/* Ask the holder to drop (g->lock held), or re-arm a pending request (gil_wait_for_switch). */
static void request_drop(Gil *g, GilThread *t) {
    if (!g->drop_request) gil_send_drop_request(g, t);
    else if (g->interp) RELAXED_STORE(g->interp->eval_breaker, 1);
}

/* One wait of a thread in the CPU line (g->lock held; held again on return). The head of the
 * line (ticket == cpu_serving) whose timed wait expired while the line did not move has waited
 * a whole switch interval during the current slice: the slice ends (`new`'s rule, with the
 * interval counted in the slice, not reset by interactive takes). A holder that has held the GIL
 * that whole interval (switch number unchanged: an interactive thread, or the turn holder) is asked to
 * drop. Other line waiters only wait: only the head can take next. */
static void line_wait(Gil *g, GilThread *t, uint64_t ticket) {
    uint64_t sw = g->switch_number, serving = g->cpu_serving;
    int timed_out = port_waitq_sleep(&t->prio_q, &g->lock, g->interval_ns) == 1;
    if (!timed_out || ticket != g->cpu_serving || serving != g->cpu_serving) return;
    int turn_holds = g->cpu_turn && g->holder == g->cpu_turn;
    end_slice(g);
    if (g->locked && (turn_holds || g->switch_number == sw)) request_drop(g, t);
}

/* Spin, then sleep (the top of this file says why): poll g->release_seq, g->lock released, for
 * up to interval/32, at most PRIO_SPIN_MAX_NS, and only when another core may run the holder. A
 * thread that slept through such a short wait would cost a wake-up (on the guest, a halted
 * vCPU's) with the GIL free meanwhile (GilStats hand-off time). Spinning pays only when the
 * holder runs meanwhile: on an oversubscribed host (a guest's vCPUs descheduled) the spinner
 * waits in vain and takes a CPU from the holder. So the spins keep a credit (g->spin_credit,
 * under g->lock): +1 for a spin that saw the release, -PRIO_SPIN_MISS_COST for one that did not;
 * below 0, waiters sleep at once and each such wait earns 1 back (one spin tries again after
 * PRIO_SPIN_MISS_COST of them). g->lock held on entry and return; the caller re-checks its
 * condition and then waits as usual. */
#define PRIO_SPIN_MAX_NS 200000u
#define PRIO_SPIN_MISS_COST 8
static void spin_for_release(Gil *g) {
    if (port_cores_online() < 2) return;
    if (g->spin_credit < 0) { g->spin_credit++; return; }
    uint64_t budget = g->interval_ns / 32;
    if (budget > PRIO_SPIN_MAX_NS) budget = PRIO_SPIN_MAX_NS;
    uint64_t seq = RELAXED_LOAD(g->release_seq);
    port_spin_unlock(&g->lock);
    uint64_t end = port_time_ns() + budget;
    int seen = 1;
    for (unsigned i = 1; RELAXED_LOAD(g->release_seq) == seq; i++)
        if ((i & 63) == 0 && port_time_ns() >= end) { seen = 0; break; }
    port_spin_lock(&g->lock);
    if (!seen) {
        g->spin_credit -= PRIO_SPIN_MISS_COST;
        g->st.prio_spin_misses++;
    } else {
        if (g->spin_credit < 16) g->spin_credit++;
        g->st.prio_spin_hits++;
    }
}

static void prio_take(Gil *g, GilThread *t, int from_io) {
    uint64_t start = port_time_ns();
    int interactive = from_io, resume = 0;
    port_spin_lock(&g->lock);
    if (g->cpu_preempted == t) {
        /* Preempted by an interactive thread: resume the slice once none waits (woken alone,
         * on t->prio_q); unless the slice ends meanwhile (end_slice puts t in the line,
         * below). */
        if (!can_resume(g)) spin_for_release(g);
        while (g->cpu_preempted == t && !can_resume(g)) {
            int e0 = t->expiries_this_wait;
            gil_wait_for_switch(g, t, &t->prio_q);     /* a long interactive hold: drop request */
            if (g->cpu_preempted != t || can_resume(g)) break;
            if (t->expiries_this_wait == e0) g->st.prio_futile_wakeups++;
            if (!g->cpu_boost && port_time_ns() - start >= 2 * g->interval_ns) {
                set_boost(g);                           /* aging by time, as in the line */
                if (g->locked) request_drop(g, t);
            }
        }
        if (g->cpu_preempted == t) {
            g->cpu_preempted = NULL;
            g->nwaiters--;
            resume = 1;
        }
    }
    if (!resume) {
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
                spin_for_release(g);
            }
        } else if (g->cpu_next_ticket != g->cpu_serving || !can_take(g, 0, g->cpu_serving)) {
            queued = 1;
            ticket = t->prio_ticket = g->cpu_next_ticket++;
            g->nwaiters++;
        } else {
            ticket = g->cpu_next_ticket++;   /* take the free GIL with the next ticket */
        }
        if (queued) {
            t->prio_in_line = !interactive;
            while (!can_take(g, interactive, ticket)) {
                int e0 = t->expiries_this_wait;
                if (interactive) gil_wait_for_switch(g, t, &g->waitq_int);
                else line_wait(g, t, ticket);
                if (can_take(g, interactive, ticket)) break;
                if (t->expiries_this_wait == e0) g->st.prio_futile_wakeups++;
                /* Aging counts the time waited, not the timeouts: a CPU waiter woken again
                 * and again by releases that interactive threads win would otherwise never
                 * age. */
                if (!interactive && ticket == g->cpu_serving && !g->cpu_boost &&
                    port_time_ns() - start >= 2 * g->interval_ns) {
                    set_boost(g);                      /* the head (t) takes at the next release */
                    if (g->locked) request_drop(g, t);
                }
            }
            t->prio_in_line = 0;
            if (interactive) g->nwaiters_int--; else g->nwaiters--;
        }
    }
    if (resume) {
        /* the slice goes on; a resume passes the line's waiters as an interactive take does */
        g->st.prio_resumes++;
        if (g->nwaiters > 0 && ++g->cpu_passes >= PRIO_AGING_PASSES) set_boost(g);
    } else if (!interactive) {           /* a new slice: the line moves on */
        g->cpu_serving++;
        g->cpu_boost = 0;
        g->cpu_passes = 0;
        g->cpu_turn = t;
        g->cpu_slice_over = 0;
        g->st.prio_slices++;
    } else if (g->nwaiters > 0 && ++g->cpu_passes >= PRIO_AGING_PASSES) {
        set_boost(g);    /* aging by count: the head CPU waiter is served at the next release */
    }
    gil_note_acquired(g, t, start);
    RELAXED_STORE(g->drop_request, 0);
    /* an interactive waiter still queued asks the new holder to go at once */
    if (g->nwaiters_int > 0 && !interactive) gil_send_drop_request(g, t);
    port_spin_unlock(&g->lock);
}

static void prio_drop(Gil *g, GilThread *t, int why) {
    port_spin_lock(&g->lock);
    if (why == DROP_FORCED && t == g->cpu_turn && !g->cpu_slice_over && !g->cpu_boost &&
        g->nwaiters_int > 0) {
        /* Preempted: forced off for an interactive thread, in the middle of its slice. It keeps
         * the slice and resumes it before the line moves (prio_take), so interactive traffic
         * does not switch between CPU-bound threads: only an expired slice or aging does. */
        g->cpu_preempted = t;
        g->nwaiters++;
        g->st.prio_preemptions++;
    } else {
        if (t == g->cpu_turn) g->cpu_turn = NULL;    /* its slice ends (I/O, exit, expiry) */
        if (why == DROP_FORCED) {
            /* Forced off otherwise (its slice is over, aging, or it was not the turn holder): it
             * joins the back of the line (prio_eval_breaker calls prio_take next, which uses
             * the ticket); it counts as a CPU waiter from here on (aging sees it). */
            line_up(g, t);
            g->nwaiters++;
        }
    }
    gil_note_released(g, t, why);
    RELAXED_STORE(g->release_seq, g->release_seq + 1);    /* spinners: a release (spin_for_release) */
    /* Wake only who may take: an interactive waiter first; else the preempted turn holder, or the
     * line's head, alone (wake_next_cpu). */
    if (g->nwaiters_int > 0 && !g->cpu_boost) port_waitq_wake_one(&g->waitq_int);
    else if (g->nwaiters > 0) wake_next_cpu(g);
    else if (g->nwaiters_int > 0) port_waitq_wake_one(&g->waitq_int);
    /* Forced switching needs no wait here: the dropper is behind every interactive waiter (it
     * resumes only when none waits), and, when it joined the line, behind every CPU waiter
     * queued before it (can_take), so it cannot win the GIL straight back. */
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
