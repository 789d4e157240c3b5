/*
 * interp/core/objlock.h — per-object locks for the free-threaded GIL policy (`none`), PEP 703 style.
 *
 * Under `none` (rc_atomic == true) several threads run bytecode at once, so a list append, a
 * dict insert or a set add must not interleave with another mutation of the same container.
 * Each container (list, dict, set, frozenset, bytearray and their subclasses) carries its own
 * 32-bit lock word inside the object, at Type.lockoffset (PEP 703's ob_mutex): taking it writes
 * only the cache line the container's own fields live on, so threads working on their own
 * containers never touch a shared line. Any other object (a type without a lockoffset) falls back
 * to a striped table of OBJLOCK_STRIPES words, each on its own cache line, indexed by a hash of
 * the address. When rc_atomic is false (every GIL policy) the calls cost one predictable branch
 * and do nothing.
 * The lock word: 0 free, 1 held. obj_lock is one atomic exchange when free (inline); a holder
 * found there is waited for in objlock_wait (interp/core/objlock.c): spin with plain loads,
 * then yield the core (port_thread_yield) so a preempted holder on the same core can finish.
 * It does not turn interrupts off (the kernel's spinlocks do): a holder may be preempted, which
 * only makes its waiters yield. A fault contained inside a locked section (guest, ports/guest)
 * leaves that object's word held; the faulting interpreter is abandoned (gil_unsafe.c), and a
 * thread that then waits for that object stays in objlock_wait, yielding, leaked with it.
 *
 * The discipline (PEP 703's per-object locking, adapted to spinlocks):
 *  1. Lock what you touch. Every read or write of a shared container's multi-word state
 *     (list items/cap, dict and set tables, bytearray buf/cap, a list/dict/set iterator's
 *     position) holds that container's lock. The one-word length (list len, dict/set used,
 *     bytearray len) may also be read without it, as a relaxed atomic load; it is then stored
 *     with relaxed atomic stores (a plain mov on every target: free under a GIL, and no C11 data
 *     race for TSan). A container only the current thread can see (just allocated) needs no lock.
 *  2. No Python code under a lock. A lock word is not re-entrant: __eq__, __hash__, __lt__, key=, __index__, repr() and anything that may DECREF an
 *     object to zero (its dealloc may run __del__ or free another container, which locks) run
 *     unlocked. So: hash and convert arguments before locking; move removed references out under
 *     the lock and DECREF them after unlocking; allocation (mem_alloc, obj_alloc, tuple_new) is
 *     allowed under a lock (it takes no object lock).
 *  3. When Python code must run in the middle of an operation, either
 *     a) drop the lock around the call and re-validate after re-locking (dict/set lookup: the
 *        table pointer, version or entry changed -> restart), as CPython's critical sections
 *        are suspended when a thread blocks; or
 *     b) work on a snapshot taken under the lock (a tuple of the list's items, a frozenset copy
 *        of a set, an array of a dict's entries with references): list ==, count/index/`in`/
 *        remove with Python __eq__, dict ==/repr, set algebra. A reader racing with writers thus
 *        sees one consistent state or an exception CPython could raise ("changed size during
 *        iteration"), never freed memory. Builtin scalars (int, float, str, bytes, bool, None;
 *        exact types) compare without Python code, so list.count/index/remove/`in` on them run
 *        wholly under the lock and are atomic, as in 3.13t.
 *  4. At most one lock at a time, except obj_lock2(a, b) for two-object operations (x.extend(y),
 *     x + y, x == y, dict merge fast path): it takes the two words in address order (one when both
 *     are the same word), so two threads doing x.extend(y) and y.extend(x) cannot deadlock.
 *     Never call obj_lock while holding another lock (a nested word could be the held one).
 *  5. list.sort detaches the array under the lock and sorts it unlocked: concurrent readers see
 *     [] (never a half-sorted array), a writer's change makes sort raise "list modified during
 *     sort" (as CPython).
 *  6. Borrowed references are only as good as the container's stability: dict_get/dict_next hand
 *     out borrowed pointers and are safe only on dicts no other thread mutates at the time;
 *     shared-dict readers that may race use dict_get_ref (a new reference taken under the lock).
 * Cost under the GIL policies: obj_lock/obj_unlock are one predictable branch on rc_atomic; the
 * `none`-only paths (snapshots, locked scans) sit behind the same test.
 */
#ifndef INTERP_OBJLOCK_H
#define INTERP_OBJLOCK_H

#include "core/obj.h"

#define OBJLOCK_STRIPES 64

void objlock_init(void);                 /* kept for the policy's enter: nothing to set up */
void objlock_wait(uint32_t *w);          /* objlock.c: the contended path of objlock_word */
uint32_t *objlock_stripe(Obj *o);        /* objlock.c: the fallback word of a lockless type */
void obj_lock2(Obj *a, Obj *b);
void obj_unlock2(Obj *a, Obj *b);

/* The word guarding o: its own (Type.lockoffset) or its stripe. o is a heap object (never a
 * tagged small int: only containers are locked), so o->type is its type. */
static inline uint32_t *objlock_word(Obj *o) {
    size_t off = o->type->lockoffset;
    return off ? (uint32_t *)((char *)o + off) : objlock_stripe(o);
}
static inline void objlock_acquire(uint32_t *w) {
    if (__builtin_expect(__atomic_exchange_n(w, 1u, __ATOMIC_ACQUIRE) != 0, 0)) objlock_wait(w);
}
static inline void objlock_release(uint32_t *w) { __atomic_store_n(w, 0u, __ATOMIC_RELEASE); }

/* The lock state is decided once per lock/unlock pair by the caller's view of rc_atomic; policy
 * changes happen only while a single thread runs, never inside a locked section. */
static inline void obj_lock(Obj *o) { if (rc_atomic) objlock_acquire(objlock_word(o)); }
static inline void obj_unlock(Obj *o) { if (rc_atomic) objlock_release(objlock_word(o)); }
/* The former out-of-line names, for callers that lock only under `none` anyway. */
static inline void obj_lock_slow(Obj *o) { objlock_acquire(objlock_word(o)); }
static inline void obj_unlock_slow(Obj *o) { objlock_release(objlock_word(o)); }

#endif
