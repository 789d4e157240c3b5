/*
 * interp/runtime/gc.c — the cycle collector: frees groups of container objects that refer to
 * each other and that nothing else refers to (reference counting alone never frees them).
 *
 * The objects it examines are the interpreter's tracked containers (interp/core/gc.h: every
 * object of a type with a traverse slot, linked by obj_alloc on its thread's list, one of
 * Interp.gc.lists). Two generations: each list's `young` ring holds the objects made since the
 * last collection, its `old` ring the survivors.
 * One collection (collect_once), in the manner of CPython's Modules/gcmodule.c:
 *  1. stop the world (gil_stop_world: nothing under a GIL, the other threads parked at a safe
 *     point under none/unsafe) and take every list's young ring (and, for a full collection, its old
 *     one) as the set;
 *  2. gc_refs = refcount of each young object; then for every reference from a young object to a
 *     young object (its type's traverse), gc_refs of the target -= 1. What is left is the number
 *     of references from outside the set: frames, C locals, the interpreter's roots, untracked
 *     or frozen objects;
 *  3. objects with gc_refs > 0 are reachable, and so is everything reachable from them (marked
 *     with an explicit stack, never C recursion); the rest is unreachable. The reachable ones go
 *     to the old ring, and the world restarts;
 *  4. the unreachable ones are held (one reference each) so that nothing frees them under us;
 *     weak references to them are cleared and their callbacks run (CPython's handle_weakrefs);
 *     their finalizers run (PEP 442: __del__ of instances, close() of suspended generators; each
 *     at most once per object, recorded in the object). A finalizer may resurrect objects (store
 *     a reference where reachable code sees it): so when any ran, nothing is freed this time;
 *     the set goes back to the young rings and gc_collect runs one more collection, in which the
 *     resurrected objects are reachable and the others, already finalized, are cleared;
 *  5. with no finalizer left, each unreachable object's clear slot drops its references, then
 *     the holds are dropped: reference counting frees the whole group, through the usual
 *     deallocation (and its trashcan, interp/core/mem.c), so deep structures cost no C stack.
 * The count of objects found unreachable is gc.collect()'s result.
 *
 * During steps 2-3, GcHead.prev of each young object holds (gc_refs << 2) | G_REACH | G_INSET
 * instead of a pointer (pointers have those two low bits clear, so an object not in the young
 * set reads as not in it); the ring is walked through `next` only and rebuilt in step 3.
 *
 * When: gc.collect() (full), and automatically when tracked allocations since the last
 * collection pass threshold 0: mem.c's gc_track sets GcState.pending and the eval breaker;
 * vm_eval_breaker calls gc_collect_pending at its next check point, where no C code of this
 * thread holds a half-built object. An automatic collection is young (the references from old
 * objects count as from outside), or full when collect() says so.
 *
 * Locks: GcState.collecting (atomic exchange) admits one collection per interpreter at a time;
 * the world is stopped for steps 1-3 only; steps 4-5 run with the world going (the unreachable
 * objects are reachable by no other thread) and may run Python code, under the GIL where there
 * is one. Ring links: each list's GcList.lock, the registry: GcState.lists_lock (core/gc.h),
 * both only while rc_atomic.
 */
#include <string.h>
#include "runtime/gc.h"
#include "runtime/class.h"
#include "core/state.h"
#include "gil/gil.h"

#define G_INSET ((uintptr_t)1)
#define G_REACH ((uintptr_t)2)
#define G_ONE ((uintptr_t)4)                        /* gc_refs == 1 */
#define G_REFS_CAP ((intptr_t)1 << 28)              /* immortal counts are capped, not shifted out */

static inline uintptr_t gword(Obj *o) { return (uintptr_t)GC_HEAD(o)->prev; }
static inline void gset(Obj *o, uintptr_t w) { GC_HEAD(o)->prev = (GcHead *)w; }

static inline void ring_init(GcHead *r) { r->next = r->prev = r; }
static inline void ring_append(GcHead *r, GcHead *h) {
    h->prev = r->prev;
    h->next = r;
    r->prev->next = h;
    r->prev = h;
}
/* Move every element of from to the end of to; from becomes empty. */
static void ring_splice(GcHead *to, GcHead *from) {
    if (from->next == from) return;
    from->next->prev = to->prev;
    to->prev->next = from->next;
    from->prev->next = to;
    to->prev = from->prev;
    ring_init(from);
}

static int visit_decref(Obj *r, void *arg) {
    (void)arg;
    if (!gc_has_head(r)) return 0;
    uintptr_t w = gword(r);
    if ((w & G_INSET) && w >= G_ONE) gset(r, w - G_ONE);
    return 0;
}

typedef struct { Obj **stack; intptr_t n; } Marker;

static int visit_reach(Obj *r, void *arg) {
    if (!gc_has_head(r)) return 0;
    uintptr_t w = gword(r);
    if ((w & G_INSET) && !(w & G_REACH)) {
        Marker *m = arg;
        gset(r, w | G_REACH);
        m->stack[m->n++] = r;               /* each object at most once: the stack holds n */
    }
    return 0;
}

/* A surviving tuple none of whose items can be part of a cycle (no item is tracked) never can
 * be either (it cannot change): it is untracked, and later collections skip it (CPython does
 * the same). gc.is_tracked then says False for it, as CPython's does. */
static bool tuple_is_atomic(Obj *t) {
    for (intptr_t i = 0; i < TUPLE_LEN(t); i++) {
        Obj *v = TUPLE_ITEMS(t)[i];
        if (v && gc_has_head(v)) return false;
    }
    return true;
}

/* Total tracked objects (not frozen): the sum of the lists' n. */
static intptr_t tracked_total(GcState *g) {
    intptr_t n = 0;
    if (rc_atomic) port_spin_lock(&g->lists_lock);
    for (GcList *l = g->lists; l; l = l->all_next) {
        gc_lock(l);
        n += l->n;
        gc_unlock(l);
    }
    if (rc_atomic) port_spin_unlock(&g->lists_lock);
    return n;
}

/* Put h (on no ring, or on a ring private to this thread) on the end of a ring of its own list,
 * under that list's lock: at=0 young, 1 old. */
static void back_to_list(GcHead *h, int old) {
    GcList *l = h->list;
    gc_lock(l);
    ring_append(old ? &l->old : &l->young, h);
    gc_unlock(l);
}

/* One collection (the file's comment, steps 1-5): of every thread's young ring, or with full of
 * the old ones too. Returns the number of unreachable objects found; *ran is set when finalizers
 * ran (then nothing was freed). The set is a ring private to this thread; each member keeps
 * GcHead.list, so it goes back to the list it came from (survivors to that list's old ring). */
static intptr_t collect_once(ThreadState *ts, bool full, int *ran) {
    GcState *g = &ts->interp->gc;
    *ran = 0;
    if (!gil_stop_world(ts)) return 0;
    GcHead young;
    ring_init(&young);
    /* Each list's lock as we take its rings: a thread still starting may be tracking on its own
     * list (the registry lock orders its attach against this walk). */
    if (rc_atomic) port_spin_lock(&g->lists_lock);
    for (GcList *l = g->lists; l; l = l->all_next) {
        gc_lock(l);
        if (full) ring_splice(&young, &l->old);
        ring_splice(&young, &l->young);
        l->count = 0;
        gc_unlock(l);
    }
    if (rc_atomic) port_spin_unlock(&g->lists_lock);
    GC_STORE(g->count, 0);
    intptr_t n = 0;
    for (GcHead *h = young.next; h != &young; h = h->next) n++;
    Obj **stack = n > 0 ? port_malloc((size_t)n * sizeof(Obj *)) : NULL;
    if (!stack) {                           /* nothing to do, or no memory to do it with */
        for (GcHead *h = young.next, *nx; h != &young; h = nx) { nx = h->next; back_to_list(h, 1); }
        gil_start_world(ts);
        return 0;
    }
    /* 2. gc_refs */
    for (GcHead *h = young.next; h != &young; h = h->next) {
        Obj *o = GC_OBJ(h);
        intptr_t rc = __atomic_load_n(&o->refcnt, __ATOMIC_RELAXED);
        if (rc > G_REFS_CAP) rc = G_REFS_CAP;
        if (rc < 0) rc = 0;
        gset(o, ((uintptr_t)rc << 2) | G_INSET);
    }
    for (GcHead *h = young.next; h != &young; h = h->next) {
        Obj *o = GC_OBJ(h);
        o->type->traverse(o, visit_decref, NULL);
    }
    /* 3. reachable from outside, and what they reach */
    Marker m = { stack, 0 };
    for (GcHead *h = young.next; h != &young; h = h->next) {
        Obj *o = GC_OBJ(h);
        uintptr_t w = gword(o);
        if (w >= G_ONE && !(w & G_REACH)) { gset(o, w | G_REACH); stack[m.n++] = o; }
    }
    while (m.n > 0) {
        Obj *o = stack[--m.n];
        o->type->traverse(o, visit_reach, &m);
    }
    GcHead unreach;
    ring_init(&unreach);
    intptr_t nu = 0;
    /* Survivors are old now, on their own list's old ring. The set holds each list's objects in
     * one run (spliced list by list), so one lock is held per run, not per object. */
    GcList *held = NULL;
    for (GcHead *h = young.next, *nx; h != &young; h = nx) {
        nx = h->next;
        Obj *o = GC_OBJ(h);
        if (!(gword(o) & G_REACH)) { ring_append(&unreach, h); stack[nu++] = o; continue; }
        GcList *l = h->list;
        if (l != held) {
            if (held) gc_unlock(held);
            gc_lock(held = l);
        }
        if (o->type == &tuple_type && tuple_is_atomic(o)) {
            h->next = h->prev = NULL;
            l->n--;
        }
        else ring_append(&l->old, h);
    }
    if (held) gc_unlock(held);
    gil_start_world(ts);
    if (nu == 0) { port_free(stack); return 0; }

    /* 4. hold them; run the finalizers. From here the world runs: the members of `unreach` are
     * reachable by no other thread, so only this one frees them (gc_untrack then unlinks each
     * from `unreach` under its own list's lock; the neighbours it writes are members too). */
    for (intptr_t i = 0; i < nu; i++) INCREF(stack[i]);
    /* As CPython's handle_weakrefs, before any finalizer: weak references to the unreachable
     * objects read None from now on, so a __del__ that resurrects its object does not bring
     * them back, and their callbacks run. (A weakref object is not tracked here, so one kept
     * only by the garbage itself still gets its callback, where CPython's does not.) */
    if (__atomic_load_n(&weakref_live, __ATOMIC_RELAXED))
        for (intptr_t i = 0; i < nu; i++)
            if (TYPE(stack[i])->flags & TF_HEAPTYPE) class_clear_weakrefs(stack[i]);
    for (intptr_t i = 0; i < nu; i++) {
        Obj *o = stack[i];
        if (o->type->finalize && o->type->finalize(o)) *ran = 1;
    }
    if (!*ran) {
        /* 5. break the references inside the group; the last DECREFs free it */
        for (intptr_t i = 0; i < nu; i++) {
            Obj *o = stack[i];
            if (o->type->clear) o->type->clear(o);
        }
    }
    /* With finalizers run: the group goes back to the young rings as it is (the next collection
     * sees who was resurrected). Without: the DECREFs below free it, each object unlinking
     * itself from `unreach`; what a clear could not free (none today) goes back as well. */
    if (*ran) {
        for (GcHead *h = unreach.next, *nx; h != &unreach; h = nx) { nx = h->next; back_to_list(h, 0); }
        ring_init(&unreach);
    }
    for (intptr_t i = 0; i < nu; i++) DECREF(stack[i]);
    for (GcHead *h = unreach.next, *nx; h != &unreach; h = nx) { nx = h->next; back_to_list(h, 1); }
    port_free(stack);
    if (!*ran) g->collected += (uint64_t)nu;
    return nu;
}

/* full: 1 a full collection, 0 a young one, -1 automatic: young, or full every threshold[1]
 * young ones once the tracked objects have grown by a quarter since the last full one
 * (CPython's rule for its oldest generation: the total work stays linear in the allocations
 * however many objects live). Decided under `collecting`, which makes young_runs ours. */
static intptr_t collect(ThreadState *ts, int full) {
    GcState *g = &ts->interp->gc;
    if (__atomic_exchange_n(&g->collecting, 1, __ATOMIC_SEQ_CST)) return 0;
    GC_STORE(g->pending, 0);
    if (full < 0) {
        intptr_t live = tracked_total(g), base = g->survivors;
        full = ++g->young_runs >= GC_LOAD(g->threshold[1]) && live > base + base / 4;
    }
    int ran;
    intptr_t n = collect_once(ts, full, &ran);
    if (ran) n = collect_once(ts, full, &ran);   /* the finalized ones, unless resurrected */
    g->collections++;
    if (full) {
        g->young_runs = 0;
        g->survivors = tracked_total(g);
    }
    __atomic_store_n(&g->collecting, 0, __ATOMIC_SEQ_CST);
    return n;
}

intptr_t gc_collect(ThreadState *ts) { return collect(ts, 1); }

void gc_collect_pending(ThreadState *ts) {
    GcState *g = &ts->interp->gc;
    if (!GC_LOAD(g->enabled)) { GC_STORE(g->pending, 0); return; }
    /* Not under `unsafe`: its threads corrupt objects on purpose, and a collection walking them
     * (or stopping a world whose threads spin in a corrupted list) hung 1 run in 6 of
     * tests/threads/unsafe/list_race.py on a loaded host. gc.collect() still collects there. */
    if (strcmp(gil_policy_name(ts->interp), "unsafe") == 0) { GC_STORE(g->pending, 0); return; }
    Obj *saved = exc_fetch();
    collect(ts, -1);
    if (saved) exc_restore(saved);
}

/* The interpreter ends (no thread of it left): its objects become untracked, its lists freed. */
static void ring_forget(GcHead *r) {
    for (GcHead *h = r->next, *nx; h != r; h = nx) {
        nx = h->next;
        h->next = h->prev = NULL;
        h->list = NULL;
    }
    ring_init(r);
}

void gc_interp_fini(Interp *in) {
    GcState *g = &in->gc;
    ring_forget(&g->frozen.old);
    for (GcList *l = g->lists, *nx; l; l = nx) {
        nx = l->all_next;
        ring_forget(&l->young);
        ring_forget(&l->old);
        port_free(l);
    }
    g->lists = g->pool = NULL;
}

/* freeze/unfreeze move objects between lists, so they change GcHead.list: with the world
 * stopped, where no other thread reads it (core/gc.h). */
static void move_ring(GcList *to, GcHead *from) {
    for (GcHead *h = from->next, *nx; h != from; h = nx) {
        nx = h->next;
        h->list = to;
        ring_append(&to->old, h);
    }
    ring_init(from);
}

void gc_freeze(ThreadState *ts) {
    GcState *g = &ts->interp->gc;
    while (!gil_stop_world(ts)) {}          /* another stopper ran meanwhile (we were parked): again */
    if (rc_atomic) port_spin_lock(&g->lists_lock);
    gc_lock(&g->frozen);
    for (GcList *l = g->lists; l; l = l->all_next) {
        gc_lock(l);
        move_ring(&g->frozen, &l->old);
        move_ring(&g->frozen, &l->young);
        g->frozen.n += l->n;
        l->n = 0;
        l->count = 0;
        gc_unlock(l);
    }
    gc_unlock(&g->frozen);
    if (rc_atomic) port_spin_unlock(&g->lists_lock);
    GC_STORE(g->count, 0);
    gil_start_world(ts);
}

/* The frozen objects go to the old ring of any one list (the first registered: they were all
 * tracked, so there is one). */
void gc_unfreeze(ThreadState *ts) {
    GcState *g = &ts->interp->gc;
    while (!gil_stop_world(ts)) {}          /* another stopper ran meanwhile (we were parked): again */
    if (rc_atomic) port_spin_lock(&g->lists_lock);
    GcList *l = g->lists;
    if (l) {
        gc_lock(&g->frozen);
        gc_lock(l);
        move_ring(l, &g->frozen.old);
        l->n += g->frozen.n;
        g->frozen.n = 0;
        gc_unlock(l);
        gc_unlock(&g->frozen);
    }
    if (rc_atomic) port_spin_unlock(&g->lists_lock);
    gil_start_world(ts);
}

Obj *gc_objects(ThreadState *ts) {
    GcState *g = &ts->interp->gc;
    Obj *l = list_new(0);
    if (!l) return NULL;
    /* Taken in two steps: a snapshot of new references with the world stopped (no allocation
     * there, so no other thread can need the stop), then the list built from it. */
    if (!gil_stop_world(ts)) { DECREF(l); return list_new(0); }
    intptr_t n = 0;
    if (rc_atomic) port_spin_lock(&g->lists_lock);
    for (GcList *gl = g->lists; gl; gl = gl->all_next) {
        gc_lock(gl);
        n += gl->n;
        gc_unlock(gl);
    }
    Obj **snap = n ? port_malloc((size_t)n * sizeof(Obj *)) : NULL;
    intptr_t k = 0;
    for (GcList *gl = g->lists; snap && gl; gl = gl->all_next) {
        gc_lock(gl);
        GcHead *rings[2] = { &gl->old, &gl->young };
        for (int r = 0; r < 2; r++)
            for (GcHead *h = rings[r]->next; h != rings[r] && k < n; h = h->next)
                if (GC_OBJ(h) != l) snap[k++] = NEWREF(GC_OBJ(h));
        gc_unlock(gl);
    }
    if (rc_atomic) port_spin_unlock(&g->lists_lock);
    gil_start_world(ts);
    if (n && !snap) { DECREF(l); return mem_error(); }
    int err = 0;
    for (intptr_t i = 0; i < k; i++) {
        if (!err && list_append(l, snap[i]) < 0) err = 1;
        DECREF(snap[i]);
    }
    port_free(snap);
    if (err) { DECREF(l); return NULL; }
    return l;
}
