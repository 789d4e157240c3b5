/*
 * interp/gil/gil_none.c — the `none` policy: free-threaded, as PEP 703 (Python 3.13t).
 *
 * There is no lock: gil_take/gil_drop only keep the per-thread bookkeeping ("running" time),
 * and every thread runs bytecode in parallel on its own core. What the GIL protected is then
 * protected piecewise:
 *  - reference counts: INCREF/DECREF become atomic read-modify-writes (interp/core/obj.h) once
 *    a second thread is started under this policy (rc_shared, set by start_new_thread while
 *    rc_atomic is set; this policy is entered with only one thread alive): a lone thread keeps
 *    plain counts;
 *  - containers: list, dict, set/frozenset, bytearray and their iterators take a per-object lock
 *    from its own lock word (or a striped fallback) in interp/core/objlock.h (obj_lock/obj_unlock, no-ops unless rc_atomic)
 *    around every access to their memory; the discipline (no Python code under a lock,
 *    snapshots or drop-and-revalidate around __eq__, two-object sections in address order, sort
 *    empties the list while it runs) is written at the top of objlock.h;
 *  - the interpreter's memory accounting is updated atomically when rc_atomic is set (mem.c).
 * Cost for one thread: the object locks (one atomic exchange each, on the container's own line);
 * with threads, every INCREF/DECREF of a mortal object is a locked instruction (measure with
 * make report's scaling section: none/new single-thread time, CPU per unit of work).
 * `x += 1` on a shared global is still a read, an add and a write: updates are lost without a
 * threading.Lock — which is exactly what the seed's counter shows.
 */
#include "gil/gil_impl.h"
#include "core/objlock.h"

static void none_take(Gil *g, GilThread *t, int from_io) { (void)from_io; gil_note_running(g, t, 1); }
static void none_drop(Gil *g, GilThread *t, int why) { (void)why; gil_note_running(g, t, 0); }
static int none_eval_breaker(Gil *g, GilThread *t) { (void)g; (void)t; return 0; }
/* rc_atomic and the object locks are process-wide, and several interpreters (multiprocessing)
 * may run at once: while any process is alive, leaving `none` keeps rc_atomic on -- a thread of
 * another interpreter between obj_lock and obj_unlock would otherwise skip the unlock (a lock word
 * stays locked, the next user deadlocks). Conservative: it stays on (only slower) until the next
 * `none` leave with no process alive. */
/* Every process of a `none` program enters it: only the first store changes the flag, and a
 * store of the value it has would race with the other interpreters' plain reads. */
static void none_enter(Gil *g) { (void)g; objlock_init(); if (!rc_atomic) rc_atomic = true; }
static void none_leave(Gil *g) {
    (void)g;
    int procs = __atomic_load_n(&interp_live_children, __ATOMIC_ACQUIRE);   /* core/state.h */
    if (procs == 0) { rc_atomic = false; rc_shared = false; }
}

const GilOps gil_ops_none = {
    .name = "none", .has_lock = 0, .enter = none_enter, .leave = none_leave,
    .take = none_take, .drop = none_drop, .eval_breaker = none_eval_breaker,
};
