/*
 * interp/gil/gil.h — the Global Interpreter Lock: the API the VM, the interpreter and the modules call.
 *
 * One Gil per Interp (interp->gil). Five policies behind one ops table (interp/gil/gil.c): "new"
 * (CPython 3.2+, the default), "old" (Python 2 ticks), "prio" (bpo-7946 cure), "none"
 * (free-threaded, atomic refcounts + per-object locks), "unsafe" (no protection, to see why).
 * The algorithm is told in prose at the top of interp/gil/gil.c.
 *
 * Contract for the runtime (interp.c / vm.c / host_main.c / mod_sys.c):
 *  - interp_new: `interp->gil = gil_new();` — then, once the main ThreadState exists and is
 *    installed with port_tls_set, `gil_take(ts)`: the main thread holds the GIL while it runs
 *    bytecode. interp_free: `gil_free(interp->gil)` after the other threads are gone.
 *    (Defensive: _thread.start_new_thread takes the GIL for the calling thread if it does not
 *    hold it yet, so a forgotten gil_take only loses the single-thread bookkeeping.)
 *  - The VM calls vm_eval_breaker() when interp->eval_breaker is nonzero at its check points
 *    (backward jumps, calls), and, while interp->check_every_instruction is nonzero, counts a
 *    tick at every instruction (an inline decrement of interp->ticker; vm.c's OLD_NO_TICK_OPS, the
 *    opcodes Python 2 did not count, are skipped) and calls it each time
 *    the count reaches zero: once per check interval (interp->check_interval, Python 2's
 *    ticker; interp/core/state.h). vm_eval_breaker sets interp->eval_breaker = 0 first, handles its own sources
 *    (Ctrl-C ...), then calls gil_eval_breaker(ts); the GIL keeps its own drop-request flag and
 *    sets eval_breaker again while it still has work, so clearing it is always safe.
 *    gil_eval_breaker returns 0, or -1 with an exception set (only the `unsafe` policy, on a
 *    detected corruption).
 *  - Every C function that may block (sleep, lock wait, join, input(), native compute) brackets
 *    the wait with gil_before_blocking(ts) / gil_after_blocking(ts) and touches no Python object
 *    in between (borrowed C data only).
 *  - The sys module (interp/runtime/mod_sys.c) offers the knobs below as
 *    setswitchinterval/getswitchinterval, setcheckinterval/getcheckinterval,
 *    setgilpolicy/getgilpolicy, _is_gil_enabled.
 *  - At interpreter exit (end of the main module, before interp_free/port_exit) call
 *    `thread_shutdown(interp)` (interp/modules/mod_thread.c): it runs threading._shutdown(), which joins
 *    the non-daemon threads as CPython does. It does nothing when threading was never imported.
 *  - The host's Ctrl-C: port_linux.c's SIGINT handler only sets port_interrupt_pending(); the
 *    VM polls it in vm_eval_breaker (the GIL's drop requests set eval_breaker often enough
 *    while threads run; a lone thread needs the VM to poll it, e.g. every N back-edges).
 *  - Boot policy: gil_new() uses gil_default_policy (a name; the kernel sets it from `GIL=`),
 *    and on the host the environment variable TOLLPY_GIL overrides it.
 *
 * Locks: the Gil's own port_spin_t guards its state; it is never held while running bytecode.
 */
#ifndef INTERP_GIL_H
#define INTERP_GIL_H

#include "core/obj.h"
#include "core/state.h"

struct Gil;

/* Boot policy name ("new" unless the kernel/host sets it before interp_new). */
extern const char *gil_default_policy;

struct Gil *gil_new(void);
void gil_free(struct Gil *g);

/* Register/unregister a Python thread (allocates/frees ts->gil_data). gil_take registers lazily;
 * call gil_thread_fini before freeing a ThreadState (mod_thread.c does for its threads). */
void gil_thread_init(ThreadState *ts);
void gil_thread_fini(ThreadState *ts);
/* The thread will run no more of its own Python code (threading's bootstrap marks it before it
 * sets _is_stopped and releases the join lock; thread_main again when the function returned):
 * gil_set_policy and gil_wait_exiting_threads wait for such threads to unregister instead of
 * counting them as running (a join() returns before the thread's C exit path ends). */
void gil_thread_exiting(ThreadState *ts);
/* Called by the main thread at exit, with the GIL held: waits (GIL released) until every other
 * thread marked exiting has unregistered, then returns how many other threads are still
 * registered (threads whose Python code may still run). Whether it waits depends only on the
 * threads' states, never on how fast they are; EXIT_WAIT_HANG_GUARD_S only stops a thread that
 * hangs in its exit path (a blocking __del__) from hanging the exit, and counts it as running. */
int gil_wait_exiting_threads(Interp *in);
#define EXIT_WAIT_HANG_GUARD_S 5

void gil_take(ThreadState *ts);        /* block until ts may run bytecode */
void gil_drop(ThreadState *ts);        /* ts stops running bytecode (thread end, or before a wait) */
int  gil_held(ThreadState *ts);        /* 1 if ts holds it (always 1 under none/unsafe once taken) */
int  gil_eval_breaker(ThreadState *ts);
void gil_before_blocking(ThreadState *ts);   /* = drop + "I/O begins" (prio: I'm interactive) */
/* Stop the world, for the cycle collector (interp/runtime/gc.c). Under a policy with a lock the
 * GIL the caller holds already keeps every other thread out: returns 1 at once. Under none and
 * unsafe, parks every other Python thread of the interpreter at a safe point (its next
 * eval-breaker check, or where it would start running again after a blocking call) and returns
 * 1 once none runs; returns 0 without stopping anything if another thread is stopping the world
 * (the caller was parked meanwhile). After a 1, gil_start_world lets them go. Only the caller
 * runs in between: it must not block or wait for another thread. */
int gil_stop_world(ThreadState *ts);
void gil_start_world(ThreadState *ts);
void gil_after_blocking(ThreadState *ts);    /* = take as a thread returning from I/O */

/* Policies. gil_set_policy: 0 ok; -1 + RuntimeError if more than one Python thread exists,
 * ValueError for an unknown name. Called with the GIL held by the only thread. */
int gil_set_policy(Interp *in, const char *name);
const char *gil_policy_name(Interp *in);
int gil_policy_has_lock(Interp *in);   /* 0 for none/unsafe (sys._is_gil_enabled()) */
extern const char *const gil_policy_names[];   /* NULL-terminated */
/* Is name one of gil_policy_names? The boot paths check it before interp_new (the host's
 * TOLLPY_GIL in ports/host/host_main.c, the guest's GIL= in ports/guest/console.c): gil_new
 * falls back to "new" for an unknown name, which must never happen silently. */
bool gil_policy_known(const char *name);
/* "new, old, prio, none, unsafe": the names for error messages. */
const char *gil_policy_list(void);

/* Switch interval (new/prio), in ns; default 5 ms. Check interval (old), in ticks (instructions;
 * interp->check_interval); default 100; setting it also zeroes interp->ticker, so the new
 * interval starts at the next instruction. */
#define GIL_CHECK_INTERVAL_DEFAULT 100   /* Python 2's sys.getcheckinterval() */
uint64_t gil_get_switch_interval(Interp *in);
void gil_set_switch_interval(Interp *in, uint64_t ns);
int gil_get_check_interval(Interp *in);
void gil_set_check_interval(Interp *in, int ticks);

/* Number of registered Python threads (the main one included). */
int gil_thread_count(Interp *in);

/* ---- statistics --------------------------------------------------------------------------- */
typedef struct {
    uint32_t ident;             /* ts->ident */
    uint64_t held_ns, wait_ns;
    uint64_t acquisitions, forced_drops, drop_requests_sent;
    uint64_t io_waits;          /* gil_before_blocking calls */
    /* The mechanism, counted by gil.c whatever the policy does (tests/grade asserts these):
     * timed_wait_expiries: waits for the GIL (on g->waitq / g->waitq_int / the thread's own
     *   prio queue) that ended by their timeout, not by a wake-up (every policy's port_waitq_sleep goes through
     *   gil_impl.h's counting wrapper);
     * drop_requests_immediate / drop_requests_after_expiry: drop requests this thread sent
     *   before any timed wait of its current wait had expired / after at least one had;
     * io_takes: gil_after_blocking calls that had to take the GIL; io_takes_contended: ... that
     *   found it held; io_takes_expired: ... that saw a timed wait expire before they got it;
     *   io_takes_requested_at_once: ... that sent a drop request before any expiry;
     * max_passed: the most GIL acquisitions by other threads between this thread's release of
     *   the GIL (other than for I/O) and its next acquisition (how often it was overtaken). */
    uint64_t timed_wait_expiries, drop_requests_immediate, drop_requests_after_expiry;
    uint64_t io_takes, io_takes_contended, io_takes_expired, io_takes_requested_at_once;
    uint64_t max_passed;
} GilThreadStats;

typedef struct {
    uint64_t switches;          /* GIL taken by a thread other than the last holder */
    uint64_t acquisitions;
    uint64_t drop_requests;
    uint64_t forced_switches;   /* a holder dropped on request and another thread took over */
    uint64_t failed_wakeups;    /* old: a woken waiter found the GIL taken again */
    /* old, the ticker and the battle's price (gil_old.c, old_eval_breaker; interval_checks is
     * written by the GIL holder, the others under g->lock):
     * interval_checks: the policy's checks, i.e. calls of its eval breaker: the VM's ticker
     *   reached zero (once per check_interval ticks while more than one thread exists;
     *   a Ctrl-C or a stop request would add one each);
     * battle_rounds: checks that found a thread waiting for the GIL, released it, and re-took
     *   it before anyone else (nobody took it in between): rounds of the battle the holder won;
     * battle_wakeups: of those, the ones whose release woke a sleeping waiter (the others found
     *   it already woken by an earlier round and still on its way back); a woken waiter that
     *   finds the GIL retaken is a failed wake-up (failed_wakeups, counted by the waiter);
     * battle_ns: the holder's time inside those rounds, from just before its release to just
     *   after its re-acquire (port_time_ns): what the battle costs the thread that runs
     *   bytecode (the wake_one calls, and the GIL's lock and cache lines fought over with the
     *   woken thread). */
    uint64_t interval_checks, battle_rounds, battle_wakeups, battle_ns;
    uint64_t handoff_count, handoff_total_ns, handoff_max_ns;   /* release -> next take */
    uint64_t violations;        /* two holders at once, or (old) a thread at a tick check
                                   without the GIL: must stay 0 for lock policies */
    uint64_t corruptions;       /* unsafe: refcount corruptions detected */
    /* totals of the per-thread mechanism counters above (GilThreadStats) */
    uint64_t timed_wait_expiries, drop_requests_immediate, drop_requests_after_expiry;
    uint64_t io_takes_contended, io_takes_expired, io_takes_requested_at_once;
    /* prio (gil_prio.c): slices (takes from the CPU-bound line: the line moved on); preemptions
     * (the turn holder forced off for an interactive thread) and resumes (it took the GIL back,
     * its slice going on); futile wake-ups (a GIL waiter woken, not by its timeout, that still
     * could not take and slept again); spins that saw the release they waited for / that did
     * not (spin_for_release) */
    uint64_t prio_slices, prio_preemptions, prio_resumes, prio_futile_wakeups;
    uint64_t prio_spin_hits, prio_spin_misses;
    int nthreads;
    /* per core (GIL_MAX_CORES): time threads spent running bytecode / waiting for the GIL there
     * (the core where the take happened; idle time is the kernel's) */
    uint64_t core_run_ns[8], core_wait_ns[8];
} GilStats;
#define GIL_MAX_CORES 8
/* prio: the waiting CPU-bound threads are passed by at most this many acquisitions (interactive
 * takes, and a preempted turn holder's resumes) before the head one is boosted (count-based aging,
 * gil_prio.c); tests/grade and
 * tests/unit/test_gil.c bound GilThreadStats.max_passed with it. */
#define PRIO_AGING_PASSES 8
/* sys.setgilpolicy waits this long (ms) for a just-joined thread to finish its C exit path. */
#define SET_POLICY_GRACE_MS 50

void gil_stats(Interp *in, GilStats *out);
/* Fills up to max per-thread records of the live threads; returns how many were filled. */
int gil_thread_stats(Interp *in, GilThreadStats *out, int max);
void gil_stats_reset(Interp *in);
/* The `gil` module's stats()/threads()/reset() (interp/modules/mod_gil.c); the guest's `kernel` module
 * offers the same counters as kernel.stats()/kernel.threads()/kernel.reset_stats(). */
Obj *gil_mod_stats(Obj *self, Obj *const *args, int nargs, Obj *kwnames);
Obj *gil_mod_threads(Obj *self, Obj *const *args, int nargs, Obj *kwnames);
Obj *gil_mod_reset(Obj *self, Obj *const *args, int nargs, Obj *kwnames);

/* interp/modules/mod_thread.c: join non-daemon threads at exit (calls threading._shutdown()); an
 * exception raised while joining (Ctrl-C) is left pending. */
void thread_shutdown(Interp *in);

/* unsafe policy: true while it runs; object code may call gil_report_corruption(type name)
 * when it sees a poisoned object / refcount underflow: it prints
 * "refcount corruption detected (<type>)" once per interpreter and marks the interpreter for
 * reset (the next gil_eval_breaker raises RuntimeError in every thread). */
extern volatile bool gil_unsafe_active;
void gil_report_corruption(const char *type_name);
/* Cheap hooks for the object code, to call ONLY when gil_unsafe_active (one predictable branch
 * otherwise); the allocator (interp/core/mem.c) reaches them through mem_checks (obj.h), which
 * the policy sets while it runs:
 *   mem.c obj_free(o), before mem_free:                  poison(o)
 *   mem.c obj_dealloc(o), first line:                     check_dealloc(o) == 1: return
 *   mem.c obj_release, when the new count is negative:    refcnt_underflow(o)
 * gil_check_dealloc returns 1 (reported; do NOT free) for a double free (poisoned object), a
 * count that went back above zero while freeing, or a corrupt type pointer. */
void gil_poison(Obj *o);
int gil_check_dealloc(Obj *o);
/* After the first report, the interpreter must be gone within this many seconds even if
 * corrupted memory keeps its threads from reaching a check point (gil_unsafe.c's watchdog). */
#define UNSAFE_RESET_GRACE_S 5
void gil_unsafe_reset_deadline(void);
/* Crashes (guest, every policy; gil_unsafe.c): a fault in a thread running
 * interpreter code is contained by the kernel (port_set_fault_hook) and reported (under unsafe
 * also as "refcount corruption detected (crash: <kind> at <pc>; thread '<name>')"); the
 * interpreter is marked for reset, the thread ends (never returns to the crashed code) and
 * sleepers are woken so the main thread sees the reset (RuntimeError). */
int gil_reset_pending(Interp *in);            /* 0, or why the interpreter must go */
int gil_reset_raise(Interp *in);              /* reset pending: raise its RuntimeError, -1; else 0 */
enum { GIL_RESET_CORRUPTION = 1, GIL_RESET_CRASH = 2 };   /* gil_reset_pending's nonzero values */
void gil_fault_containment_install(void);     /* contain faults in interpreter code (any policy;
                                                  gil_unsafe.c): the guest console calls it; on the
                                                  host the port has no containment (a no-op) */
void gil_unsafe_reset_done(void);             /* the console replaced it: the watchdog stands down */
extern volatile int gil_unsafe_interactive;   /* guest: the REPL runs: the watchdog never powers off */
extern void (*volatile gil_unsafe_main_crashed)(void);   /* guest console: the main thread crashed
                                                            (runs on its reset stack; never returns) */
void gil_refcnt_underflow(Obj *o);

#endif
