/*
 * interp/core/objlock.h — per-object locks for the free-threaded GIL policy (`none`), PEP 703 style.
 *
 * Under `none` (rc_atomic == true) several threads run bytecode at once, so a list append, a
 * dict insert or a set add must not interleave with another mutation of the same container.
 * Rather than a lock in every object header, a striped table of OBJLOCK_STRIPES port_spin_t is
 * indexed by a hash of the object's address: obj_lock(o) takes the stripe of o. When rc_atomic
 * is false (every GIL policy) the calls cost one predictable branch and do nothing.
 *
 * The discipline (PEP 703's per-object locking, adapted to spinlocks):
 *  1. Lock what you touch. Every read or write of a shared container's multi-word state
 *     (list items/cap, dict and set tables, bytearray buf/cap, a list/dict/set iterator's
 *     position) holds that container's lock. The one-word length (list len, dict/set used,
 *     bytearray len) may also be read without it, as a relaxed atomic load; it is then stored
 *     with relaxed atomic stores (a plain mov on every target: free under a GIL, and no C11 data
 *     race for TSan). A container only the current thread can see (just allocated) needs no lock.
 *  2. No Python code under a lock. A stripe is a spinlock (interrupts off in the guest) and is not
 *     re-entrant: __eq__, __hash__, __lt__, key=, __index__, repr() and anything that may DECREF an
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
 *     x + y, x == y, dict merge fast path): it takes the two stripes in index order (one when both
 *     fall in the same stripe), so two threads doing x.extend(y) and y.extend(x) cannot deadlock.
 *     Never call obj_lock while holding another lock (a nested stripe could be the held one).
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

void objlock_init(void);                 /* called once (lazily by the first obj_lock) */
void obj_lock_slow(Obj *o);
void obj_unlock_slow(Obj *o);
void obj_lock2(Obj *a, Obj *b);
void obj_unlock2(Obj *a, Obj *b);

/* The lock state is decided once per lock/unlock pair by the caller's view of rc_atomic; policy
 * changes happen only while a single thread runs, never inside a locked section. */
static inline void obj_lock(Obj *o) { if (rc_atomic) obj_lock_slow(o); }
static inline void obj_unlock(Obj *o) { if (rc_atomic) obj_unlock_slow(o); }

#endif
