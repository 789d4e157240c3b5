/*
 * interp/core/gc.h — tracking of container objects for the cycle collector.
 *
 * Reference counting frees everything except reference cycles. To find those, every object of a
 * type with a `traverse` slot (a "container": list, dict, tuple, set, instances of classes,
 * functions, cells, bound methods, generators, exceptions, modules...) carries a GcHead just
 * *before* its Obj header and is linked, while alive, into its interpreter's list of tracked
 * objects (Interp.gc.live). The collector (interp/runtime/gc.c) walks that list; the design and
 * its locking are told in docs/design/gc.md.
 *
 * The invariant every file relies on: a heap object has a GcHead if and only if its type had a
 * traverse slot when obj_alloc made it (obj_alloc adds it, obj_free takes it off). Objects that
 * are not made by obj_alloc (the static types, None, the preallocated MemoryError) are immortal,
 * and gc_has_head() excludes immortal objects, so the collector never reads before a static one.
 * Types never change traverse after their first instance exists.
 *
 * Memory: 2 pointers per container object (16 bytes on the host, 8 on the 32-bit guest);
 * objects of other types (int, float, str, bytes, range...) pay nothing.
 *
 * Locks: gc_list_lock (mem.c, one per process) guards the links of every live/frozen ring and
 * their counters, and is taken only while rc_atomic is set (the free-threaded policies, where
 * several threads allocate at once, perhaps of several interpreters); under a GIL the GIL guards
 * them. Objects shared between interpreters are made immortal (interp/mp/mp_process.c), so a
 * thread of another interpreter never unlinks one of ours.
 */
#ifndef INTERP_GC_H
#define INTERP_GC_H

#include "core/obj.h"

typedef struct GcHead {
    struct GcHead *next, *prev;    /* both NULL: has a head but is not tracked */
} GcHead;

#define GC_HEAD(o) ((GcHead *)(o) - 1)
#define GC_OBJ(h) ((Obj *)((GcHead *)(h) + 1))

typedef struct GcState {
    GcHead live;                   /* sentinel of the young tracked objects (a ring): new ones */
    GcHead old;                    /* survivors of a collection: examined by full ones only */
    GcHead frozen;                 /* gc.freeze(): tracked but never examined */
    intptr_t count;                /* tracked allocations minus frees since the last collection */
    intptr_t live_n;               /* objects on `live` and `old` now */
    intptr_t frozen_n;
    intptr_t survivors;            /* live_n after the last full collection */
    int young_runs;                /* young collections since the last full one */
    int threshold[3];              /* gc.set_threshold; [0] drives automatic collection */
    volatile int enabled;          /* gc.enable / gc.disable */
    volatile int collecting;       /* one collection at a time per interpreter (atomic) */
    volatile int pending;          /* an automatic collection is due at the next check point */
    uint64_t collections, collected, uncollectable;
} GcState;

/* The knobs (threshold, enabled, pending, count for get_count) are read by every allocating
 * thread as hints, written by the gc module and the collector: relaxed atomics, plain movs. */
#define GC_LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define GC_STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

void gc_state_init(GcState *g);       /* mem.c; at interp_new */
void gc_list_lock(void);              /* mem.c: gc_list_lock, a no-op unless rc_atomic */
void gc_list_unlock(void);

/* True when o (any value) carries a GcHead the collector may read. */
static inline bool gc_has_head(Obj *o) {
    return !IS_SMALL(o) && o->type->traverse && !RC_IS_IMMORTAL(o);
}
static inline bool gc_is_tracked(Obj *o) { return gc_has_head(o) && GC_HEAD(o)->next != NULL; }

/* mem.c: link o into / out of the current interpreter's live list. gc_untrack on an untracked
 * object does nothing. Used by obj_alloc/obj_dealloc/obj_free and a resurrecting __del__. */
void gc_track(Obj *o);
void gc_untrack(Obj *o);

#endif
