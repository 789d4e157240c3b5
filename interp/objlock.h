/*
 * interp/objlock.h — per-object locks for the free-threaded GIL policy (`none`), PEP 703 style.
 *
 * Under `none` (rc_atomic == true) several threads run bytecode at once, so a list append, a
 * dict insert or a set add must not interleave with another mutation of the same container.
 * Rather than a lock in every object header, a striped table of OBJLOCK_STRIPES port_spin_t is
 * indexed by a hash of the object's address: obj_lock(o) takes the stripe of o. When rc_atomic
 * is false (every GIL policy) the calls cost one predictable branch and do nothing.
 *
 * Rules for callers (objects-B's list.c / dict.c / set.c):
 *  - hold it around the mutation of the container's own memory only (len/items/table), a few
 *    dozen instructions: never call Python code (no __eq__, __hash__, DECREF that may run a
 *    __del__/dealloc chain of arbitrary depth is fine only after unlocking), never allocate via
 *    a path that could take another object lock;
 *  - at most one object lock at a time, except obj_lock2(a, b), which orders the two stripes
 *    (and takes one when both fall in the same stripe);
 *  - readers that only load one word (len) need no lock.
 */
#ifndef INTERP_OBJLOCK_H
#define INTERP_OBJLOCK_H

#include "obj.h"

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
