/*
 * interp/core/state.h — one interpreter (Interp) and one Python thread (ThreadState).
 *
 * There are no hidden globals: everything an interpreter owns hangs off its Interp, so several
 * interpreters can live at once (multiprocessing: one Interp per process, each with its own GIL).
 * Process-wide read-only things (built-in types, interned strings, None/True/False) are shared.
 * A ThreadState belongs to one kernel/pthread thread and is found with ts_get() (port_tls_get).
 *
 * Created and freed by interp/runtime/interp.c (interp_new, ts_new); ts_get() is in
 * interp/core/state.c; each field's comment names the file that uses it.
 */
#ifndef INTERP_STATE_H
#define INTERP_STATE_H

#include "core/obj.h"
#include "core/gc.h"

struct Frame;
struct Gil;

struct Interp {
    Obj *modules;              /* dict: name -> module */
    Obj *builtins;             /* dict of the builtins module */
    Obj *sysdict;              /* dict of the sys module */
    size_t mem_used;           /* bytes accounted by mem_alloc, the threads' reserves included (atomic; mem.c) */
    size_t mem_limit;          /* MemoryError past this */
    int recursion_limit;       /* RecursionError past this depth */
    struct Gil *gil;           /* the interpreter's GIL (interp/gil/gil.c) */
    int id;                    /* 0 for the main interpreter, then per process */
    int exit_status;           /* set by SystemExit at top level */
    /* Eval breaker: nonzero asks the VM to call vm_eval_breaker() at its next check point
     * (backward jumps and calls). Set by the GIL (drop request), the console (Ctrl-C), thread
     * stop requests. */
    volatile int eval_breaker;
    /* The `old` GIL policy's ticker, Python 2's _Py_Ticker and _Py_CheckInterval (Python/ceval.c
     * of 2.x): while check_every_instruction is set (gil_old.c sets it while more than one
     * Python thread exists), the VM decrements `ticker` inline at every instruction but the few
     * Python 2 did not count (vm.c, OLD_NO_TICK_OPS), and when it reaches zero reloads it with
     * `check_interval` and calls vm_eval_breaker (interp/runtime/vm.c, L_tick_zero): the policy
     * runs once per check_interval ticks. `ticker` and `check_interval` are touched only by the
     * thread holding the GIL (sys.setcheckinterval runs with the GIL held), so they are plain
     * ints; the holder that takes the GIL next goes on with the same count, as Python 2's one
     * global did. check_every_instruction is written under the GIL's own spinlock by threads
     * that register or leave (gil_old_threads_changed: a starting thread before its first take,
     * a finishing one after its last drop), while the holder reads it: relaxed atomic loads and
     * stores on both sides. A holder that reads it late only starts or stops ticking one check
     * point later; it never decides whether the GIL is held. */
    volatile int check_every_instruction;
    int ticker;
    int check_interval;        /* >= 1; GIL_CHECK_INTERVAL_DEFAULT (gil.h) at interp_new */
    /* runtime additions */
    ThreadState *main_ts;      /* the thread that created the interpreter (gets KeyboardInterrupt) */
    Obj *argv;                 /* list for sys.argv */
    /* multiprocessing (interp/mp/mp_process.c): a stop request from Process.terminate() makes
     * vm_eval_breaker raise SystemExit in every thread of this interpreter; mp is the MpProc
     * this interpreter runs as (NULL for the main interpreter). Atomic accesses only
     * (vm_request_stop, interp_stop_requested). */
    volatile int stop_request;
    void *mp;
    /* The MemoryError raised when even building one fails (interp/objects/exc.c): one per
     * interpreter, since raising it writes its traceback and context. */
    Obj *memerr;
    /* Set by multiprocessing for a child interpreter: called by the `unsafe` policy's fault
     * containment (interp/gil/gil_unsafe.c) when the child's own thread crashed, so that only
     * this process ends and its parent's join() sees exitcode 1. NULL otherwise. */
    void (*on_child_crash)(Interp *in);
    /* console (ports/guest/repl.c): Ctrl-C / soft reset stop every thread but the main
     * one: while stop_threads is nonzero, each other thread gets ONE SystemExit at its next check
     * point (ts->stop_seen records the generation), so its finally/with blocks still run. */
    volatile int stop_threads;
    /* the cycle collector's tracked objects and knobs (interp/core/gc.h, interp/runtime/gc.c) */
    GcState gc;
};

/* Process.terminate() asked this interpreter to stop (vm_request_stop writes it from another
 * thread; every thread of the interpreter polls it). */
static inline int interp_stop_requested(Interp *in) {
    return __atomic_load_n(&in->stop_request, __ATOMIC_ACQUIRE);
}

/* Child interpreters alive (interp/core/state.c): written by interp/mp/mp_process.c, read by the
 * `none` GIL policy. Atomic accesses only. */
extern int interp_live_children;

void mem_ts_release(ThreadState *ts);   /* mem.c: free the thread's small-block cache; frees after it bypass the cache */
void mem_credit_return(ThreadState *ts); /* mem.c: give the thread's accounting reserve back (thread exit, interp alive) */
size_t mem_interp_used(Interp *in);     /* mem.c: in->mem_used less the calling thread's reserve */
#define METH_CACHE_N 64     /* power of two */
#define GLOB_CACHE_N 64     /* power of two */
#define MC_NCLASS 17        /* size classes 1..16: blocks of 16*c bytes (header included) */
struct ThreadState {
    Interp *interp;
    Obj *import_waiting;       /* the module whose init by another thread this one waits for (import.c) */
    Obj *exc;                  /* the pending exception (an instance), or NULL */
    Obj *handled;              /* the exception the innermost frame's except block handles (PUSH_EXC_INFO/POP_EXCEPT), or NULL */
    /* While a generator runs, the exception its resumer was handling (borrowed: the resumer's
     * gen_send_ex holds that reference until the generator yields or ends), or NULL. As CPython's
     * gi_exc_state.previous_item link, flattened: the resumer cannot change its own handled
     * exception while the generator runs, so the chain's topmost one is all the lookup needs. */
    Obj *handled_outer;
    struct Frame *frame;       /* innermost running frame */
    int depth;                 /* Python call depth, for RecursionError */
    uint32_t ident;            /* port_thread_id() */
    void *gil_data;            /* per-thread GIL bookkeeping (interp/gil/gil*.c) */
    /* runtime additions */
    void *frame_chunk;         /* frame arena (interp/runtime/frame.c): current chunk */
    void *frame_spare;         /* one empty chunk kept to avoid thrashing at a chunk edge */
    int c_depth;               /* C re-entries of vm_eval (counted; the C stack bounds them) */
    Obj *repr_active;          /* object.c: list of containers whose repr is running ([...] guard) */
    Obj *trash;                /* mem.c obj_dealloc: dead objects queued past TRASH_DEPTH (linked via refcnt) */
    int trash_depth;           /* mem.c obj_dealloc: nesting of deallocations on this thread */
    struct GcList *gc_list;    /* mem.c gc_track: this thread's tracked objects (core/gc.h) */
    int stop_seen;             /* console: last stop_threads generation acted upon */
    /* mem.c: per-thread cache of freed small blocks, by 16-byte size class (see mem.c) */
    void *mc_head[MC_NCLASS];
    size_t mc_bytes;           /* bytes held in mc_head (bounded by mem.c's MC_BUDGET) */
    int mc_off;                /* set by mem_ts_release: frees go straight to port_free */
    size_t mem_credit;         /* mem.c: bytes charged to interp, not yet used by this thread (its reserve) */
    /* vm.c LOAD_METHOD: methods of built-in (non-heap) types by (type, interned name); their
     * dicts never change after start-up except for additions, so hits stay valid (borrowed). */
    struct { Type *type; Obj *name; Obj *value; } meth_cache[METH_CACHE_N];
    /* dict.c dict_get_shared under `none` (LOAD_GLOBAL, module attributes): (dict, second dict or
     * NULL, name) -> value, valid while the dicts' write versions are unchanged; only immortal
     * dicts and values are entered (runtime/share.c), so an entry never points at freed memory
     * and needs no lock. */
    struct { Obj *g, *b, *name, *value; uint32_t gver, bver; } glob_cache[GLOB_CACHE_N];
    /* Nothing hot of the next heap block shares this one's last cache line (another thread's
     * ThreadState may follow it in memory). */
    char pad_end[64];
};

/* The exception being handled as sys.exc_info(), bare `raise` and implicit __context__ see it
 * (CPython's _PyErr_GetTopmostException): the innermost frame's own, else, inside a generator
 * with none of its own, its resumer's. Borrowed; NULL when none. */
static inline Obj *ts_handled_top(ThreadState *ts) {
    if (ts->handled && ts->handled != None) return ts->handled;
    return ts->handled_outer;
}

#endif
