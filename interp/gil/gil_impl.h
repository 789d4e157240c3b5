/*
 * interp/gil/gil_impl.h — internals shared by interp/gil/gil.c and the policy files gil_<name>.c.
 * Nobody outside interp/gil/gil*.c includes this; the public API is interp/gil/gil.h.
 */
#ifndef INTERP_GIL_IMPL_H
#define INTERP_GIL_IMPL_H

#include "gil/gil.h"
#include "port/port.h"
#include "port/trace_events.h"

/* One record per Python thread (ts->gil_data). Fields are written by the thread itself or under
 * g->lock; stats are read racily by gil_thread_stats (monotone counters, good enough). */
typedef struct GilThread {
    ThreadState *ts;
    uint32_t ident;
    GilThreadStats st;
    uint64_t t_acquired;       /* when it last took the GIL */
    int core;                  /* core where it last took the GIL */
    int held;                  /* it holds the GIL now (for none/unsafe: it is "running") */
    int exiting;               /* its Python code has finished; only C cleanup remains */
    /* mechanism bookkeeping (g->lock held; gil.c only) */
    int expiries_this_wait;    /* timed waits for the GIL that expired since its last take */
    int passed_tracked;        /* its last release was not for I/O: count who passes it */
    uint64_t released_switch;  /* g->switch_number at that release */
    uint64_t prio_ticket;      /* prio: CPU ticket drawn when it was forced off ... */
    int prio_reserved;         /* ... and not yet used by prio_take */
    int stw_counted;           /* none/unsafe: counted in g->stw_running (gil.c, stop the world) */
    int prio_in_line;          /* prio: waiting in the CPU line with prio_ticket */
    port_waitq_t prio_q;       /* prio: it alone sleeps here while CPU-bound (woken only when it
                                  may take: gil_prio.c's wake_next_cpu) */
    struct GilThread *next, *prev;
} GilThread;

enum { DROP_PLAIN, DROP_FORCED, DROP_IO };

typedef struct Gil Gil;
typedef struct GilOps {
    const char *name;
    int has_lock;
    void (*enter)(Gil *g);                          /* policy switched in (one thread runs) */
    void (*leave)(Gil *g);                          /* policy switched out */
    void (*take)(Gil *g, GilThread *t, int from_io);
    void (*drop)(Gil *g, GilThread *t, int why);
    int (*eval_breaker)(Gil *g, GilThread *t);      /* 0, or -1 with an exception */
} GilOps;

struct Gil {
    port_spin_t lock;          /* guards everything below except the counters marked racy */
    port_waitq_t waitq;        /* threads waiting for the GIL (new, old; prio: GilThread.prio_q) */
    port_waitq_t waitq_int;    /* prio: interactive waiters */
    port_waitq_t switch_q;     /* forced switching: a dropper waits here for the next take */
    const GilOps *ops;
    Interp *interp;
    int locked;                /* somebody holds it */
    GilThread *holder, *last_holder;
    uint64_t switch_number;    /* incremented at every take */
    volatile int drop_request; /* the holder must drop at its next eval-breaker check */
    uint64_t interval_ns;      /* new/prio switch interval */
    int nwaiters;              /* threads sleeping in take (prio: CPU-bound ones) */
    int nwaiters_int;          /* prio: interactive waiters */
    uint64_t released_at;      /* time of the last release that had waiters (0 = none pending) */
    int last_drop_forced;
    /* prio */
    uint64_t cpu_next_ticket, cpu_serving;
    int cpu_boost;
    int cpu_passes;            /* takes that passed waiting CPU-bound threads since the line moved */
    GilThread *cpu_turn;      /* prio: the CPU-bound thread whose slice runs (took from the line) */
    GilThread *cpu_preempted;  /* prio: the turn holder, forced off for an interactive thread, waiting
                                  to resume its slice (counted in nwaiters); NULL if none */
    int cpu_slice_over;        /* prio: the turn holder's slice has ended: its next forced drop lines up */
    uint64_t release_seq;      /* prio: bumped at every release (relaxed atomic: spinners poll it) */
    int spin_credit;           /* prio: whether spinning for a release has been paying off */
    /* stats */
    GilStats st;
    int holders;               /* atomic: threads inside the critical section (lock policies) */
    GilThread *threads;
    int nthreads;
    volatile int reset_pending;/* unsafe: corruption found, every thread raises */
    /* Stop the world (gil_stop_world, none/unsafe): stw is 1 while one thread has the others
     * parked; stw_running counts the threads running bytecode (gil_note_running), read and
     * written with sequentially consistent atomics so that a thread starting to run and a
     * stopper cannot miss each other. stw_q: parked threads wait for stw == 0, the stopper for
     * stw_running == 1 (g->lock held around both waits). */
    volatile int stw;
    volatile int stw_running;
    port_waitq_t stw_q;
};

/* gil.c helpers, called with g->lock held. */
void gil_note_acquired(Gil *g, GilThread *t, uint64_t wait_start);
void gil_note_released(Gil *g, GilThread *t, int why);
/* g->lock held: t was woken for the GIL and found it taken again (counted, traced). Its own
 * function so that a debugger can stop there (labs/boot/wakeup.gdb). */
void gil_note_failed_wakeup(Gil *g, GilThread *t);
void gil_send_drop_request(Gil *g, GilThread *requester);
/* One timed wait on q for a switch; sends a drop request if the interval passed without one. */
void gil_wait_for_switch(Gil *g, GilThread *t, port_waitq_t *q);
/* For none/unsafe: bookkeeping without a lock. */
void gil_note_running(Gil *g, GilThread *t, int running);

/* Every wait for the GIL in a policy file goes through gil.c's wrapper, which counts the waits
 * on g->waitq / g->waitq_int / the waiter's own GilThread.prio_q that end by their timeout
 * (GilThreadStats.timed_wait_expiries): the policies call port_waitq_sleep as usual, and a
 * policy is graded by what it does, not by whether it calls a counting helper. Called with lk held, as port_waitq_sleep. */
int gil_waitq_sleep(port_waitq_t *q, port_spin_t *lk, uint64_t timeout_ns);
#define port_waitq_sleep(q, lk, timeout_ns) gil_waitq_sleep((q), (lk), (timeout_ns))

void gil_old_threads_changed(Gil *g);   /* gil_old.c: ticks only while >1 thread */
extern const GilOps gil_ops_new, gil_ops_old, gil_ops_prio, gil_ops_none, gil_ops_unsafe;

/* Flags read outside g->lock (the eval-breaker fast path) are hints: relaxed atomics, so the
 * races are declared (and ThreadSanitizer-clean); the decisions are re-made under the lock. */
#define RELAXED_LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define RELAXED_STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

static inline uint32_t sat_us(uint64_t ns) {
    uint64_t us = ns / 1000;
    return us > 0xffffffffu ? 0xffffffffu : (uint32_t)us;
}

#endif
