/*
 * interp/core/objlock.c — the striped per-object lock table (see interp/core/objlock.h), and
 * rc_atomic, the flag that turns them (and atomic reference counts, obj.h) on.
 */
#include "core/objlock.h"

/* Set by the `none` GIL policy while it runs (interp/gil/gil_none.c); read by INCREF/DECREF
 * and every obj_lock. */
volatile bool rc_atomic;

static port_spin_t stripes[OBJLOCK_STRIPES];
static volatile int ready;

static unsigned stripe_of(Obj *o) {
    uintptr_t a = (uintptr_t)o >> 4;
    a ^= a >> 7;
    a *= 0x9E3779B1u;
    return (unsigned)(a >> 8) % OBJLOCK_STRIPES;
}

void objlock_init(void) {
    if (ready) return;
    for (int i = 0; i < OBJLOCK_STRIPES; i++) port_spin_init(&stripes[i], "objlock");
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
}

/* objlock_init runs from the `none` policy's enter (one thread alive), so the lazy path below is
 * only a safety net for single-threaded callers. */
void obj_lock_slow(Obj *o) {
    if (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE)) objlock_init();
    port_spin_lock(&stripes[stripe_of(o)]);
}
void obj_unlock_slow(Obj *o) { port_spin_unlock(&stripes[stripe_of(o)]); }

void obj_lock2(Obj *a, Obj *b) {
    if (!rc_atomic) return;
    if (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE)) objlock_init();
    unsigned x = stripe_of(a), y = stripe_of(b);
    if (x == y) { port_spin_lock(&stripes[x]); return; }
    if (x > y) { unsigned t = x; x = y; y = t; }
    port_spin_lock(&stripes[x]);
    port_spin_lock(&stripes[y]);
}
void obj_unlock2(Obj *a, Obj *b) {
    if (!rc_atomic) return;
    unsigned x = stripe_of(a), y = stripe_of(b);
    port_spin_unlock(&stripes[x]);
    if (x != y) port_spin_unlock(&stripes[y]);
}
