/*
 * interp/core/gc.h — tracking of container objects for the cycle collector.
 *
 * Reference counting frees everything except reference cycles. To find those, every object of a
 * type with a `traverse` slot (a "container": list, dict, tuple, set, instances of classes,
 * functions, cells, bound methods, generators, exceptions, modules...) carries a GcHead just
 * *before* its Obj header and is linked, while alive, into the list of tracked objects of the
 * thread that made it (ThreadState.gc_list, one of Interp.gc.lists). The collector
 * (interp/runtime/gc.c) stops the world and walks every list; the design and its locking are
 * told in docs/design/gc.md.
 *
 * The invariant every file relies on: a heap object has a GcHead if and only if its type had a
 * traverse slot when obj_alloc made it (obj_alloc adds it, obj_free takes it off). Objects that
 * are not made by obj_alloc (the static types, None, the preallocated MemoryError) are immortal,
 * and gc_has_head() excludes immortal objects, so the collector never reads before a static one.
 * Types never change traverse after their first instance exists.
 *
 * Memory: 3 pointers per container object (24 bytes on the host, 12 on the 32-bit guest);
 * objects of other types (int, float, str, bytes, range...) pay nothing.
 *
 * Lists: each thread owns a GcList (ThreadState.gc_list, taken from its interpreter's registry at
 * its first tracked allocation) and links what it allocates there; GcHead.list names the GcList
 * whose lock guards the object's two links. Locks (only while rc_atomic, the free-threaded
 * policies; under a GIL the GIL guards everything and the lock calls are skipped):
 *  - GcList.lock guards that list's two rings, n and count, and the links of every object whose
 *    GcHead.list is that list. The list's thread takes it on every track and untrack of its own
 *    objects: uncontended, on a cache line no other thread writes, unless another thread frees one
 *    of its objects (then that thread takes the same lock: correct, and the rare case).
 *  - GcHead.list changes only with the world stopped (gc.freeze/unfreeze) or by the one thread
 *    that can see the object (track at allocation, a resurrecting __del__), so an untracking
 *    thread may read it without a lock and then take that list's lock.
 *  - A GcList lives as long as its interpreter: a thread that ends returns its list, objects and
 *    all, to the registry's pool (GcState.pool), and the next new thread takes it over. So a
 *    GcHead.list never dangles while its object is alive, whichever threads have ended.
 *  - GcState.lists_lock guards the registry (lists, pool): taken at a thread's first tracked
 *    allocation, its end, and by the collector's walks.
 * Objects shared between interpreters are made immortal (interp/mp/mp_process.c), so a thread of
 * another interpreter never unlinks one of ours.
 */
#ifndef INTERP_GC_H
#define INTERP_GC_H

#include "core/obj.h"

typedef struct GcList GcList;

typedef struct GcHead {
    struct GcHead *next, *prev;    /* both NULL: has a head but is not tracked */
    GcList *list;                  /* whose lock guards next/prev (NULL: never tracked) */
} GcHead;

#define GC_HEAD(o) ((GcHead *)(o) - 1)
#define GC_OBJ(h) ((Obj *)((GcHead *)(h) + 1))

/* One thread's tracked objects (or the frozen ones). Guarded by lock while rc_atomic. */
struct GcList {
    GcHead young;                  /* sentinel of the objects tracked since the last collection */
    GcHead old;                    /* survivors of a collection: examined by full ones only */
    intptr_t n;                    /* objects on young and old now */
    intptr_t count;                /* rc_atomic: tracks minus untracks not yet added to GcState.count */
    GcList *all_next;              /* GcState.lists: every list of the interpreter */
    GcList *pool_next;             /* GcState.pool: lists of ended threads, free to take */
    port_spin_t lock;
};

typedef struct GcState {
    GcList *lists;                 /* every thread list, ever (lists_lock) */
    GcList *pool;                  /* those no thread owns now (lists_lock) */
    port_spin_t lists_lock;
    GcList frozen;                 /* gc.freeze(): tracked but never examined (its `old` ring) */
    intptr_t count;                /* tracked allocations minus frees since the last collection
                                    * (under rc_atomic: added by each list in batches) */
    intptr_t survivors;            /* tracked objects after the last full collection */
    int young_runs;                /* young collections since the last full one */
    int threshold[3];              /* gc.set_threshold; [0] drives automatic collection */
    volatile int enabled;          /* gc.enable / gc.disable */
    int debug_flags;               /* gc.set_debug, kept for gc.get_debug: the collector prints nothing */
    volatile int collecting;       /* one collection at a time per interpreter (atomic) */
    volatile int pending;          /* an automatic collection is due at the next check point */
    uint64_t collections, collected, uncollectable;
} GcState;

/* The knobs (threshold, enabled, pending, count for get_count) are read by every allocating
 * thread as hints, written by the gc module and the collector: relaxed atomics, plain movs. */
#define GC_LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define GC_STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

void gc_state_init(GcState *g);       /* mem.c; at interp_new */
void gc_ts_release(ThreadState *ts);  /* mem.c; at ts_free: the thread's list goes to the pool */
void gc_lock(GcList *l);              /* mem.c: l->lock, a no-op unless rc_atomic */
void gc_unlock(GcList *l);

/* True when o (any value) carries a GcHead the collector may read. */
static inline bool gc_has_head(Obj *o) {
    return !IS_SMALL(o) && o->type->traverse && !RC_IS_IMMORTAL(o);
}
static inline bool gc_is_tracked(Obj *o) { return gc_has_head(o) && GC_HEAD(o)->next != NULL; }

/* mem.c: link o into the current thread's young ring / out of whichever ring it is on. gc_untrack on an untracked
 * object does nothing. Used by obj_alloc/obj_dealloc/obj_free and a resurrecting __del__. */
void gc_track(Obj *o);
void gc_untrack(Obj *o);

#endif
