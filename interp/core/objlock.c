/*
 * interp/core/objlock.c — the contended path of the per-object lock words and the striped
 * fallback table (see interp/core/objlock.h), and rc_atomic, the flag that turns them (and
 * atomic reference counts, obj.h) on.
 * Locks: none of its own; the words are the locks.
 */
#include "core/objlock.h"

/* Set by the `none` GIL policy while it runs (interp/gil/gil_none.c); read by INCREF/DECREF
 * and every obj_lock. */
volatile bool rc_atomic;
/* Atomic reference counts (obj.h): set by _thread.start_new_thread while rc_atomic is set,
 * cleared with rc_atomic (gil_none.c, gil_unsafe.c). */
volatile bool rc_shared;

/* One word per cache line: a thread locking one stripe never invalidates another's line. */
#define OBJLOCK_LINE 64
static struct { uint32_t w; char pad[OBJLOCK_LINE - sizeof(uint32_t)]; }
    stripes[OBJLOCK_STRIPES] __attribute__((aligned(OBJLOCK_LINE)));

static unsigned stripe_of(Obj *o) {
    uintptr_t a = (uintptr_t)o >> 4;
    a ^= a >> 7;
    a *= 0x9E3779B1u;
    return (unsigned)(a >> 8) % OBJLOCK_STRIPES;
}

uint32_t *objlock_stripe(Obj *o) { return &stripes[stripe_of(o)].w; }

void objlock_init(void) {}

/* The word was held: test-and-test-and-set. Spin on plain (relaxed) loads, which stay in this
 * core's cache until the holder's release store, then try the exchange again; after a while,
 * give the core away each round: the holder may be preempted on this very core (one CPU, or
 * more threads than cores), and only yielding lets it reach its release. */
void objlock_wait(uint32_t *w) {
    unsigned spins = 0;
    for (;;) {
        while (__atomic_load_n(w, __ATOMIC_RELAXED) != 0) {
            if (++spins >= 64) { spins = 0; port_thread_yield(); }
#if defined(__x86_64__) || defined(__i386__)
            else __builtin_ia32_pause();
#endif
        }
        if (__atomic_exchange_n(w, 1u, __ATOMIC_ACQUIRE) == 0) return;
    }
}

/* Two objects: their words in address order (one when both are the same word), so x.extend(y)
 * and y.extend(x) in two threads cannot deadlock. */
void obj_lock2(Obj *a, Obj *b) {
    if (!rc_atomic) return;
    uint32_t *x = objlock_word(a), *y = objlock_word(b);
    if (x == y) { objlock_acquire(x); return; }
    if ((uintptr_t)x > (uintptr_t)y) { uint32_t *t = x; x = y; y = t; }
    objlock_acquire(x);
    objlock_acquire(y);
}
void obj_unlock2(Obj *a, Obj *b) {
    if (!rc_atomic) return;
    uint32_t *x = objlock_word(a), *y = objlock_word(b);
    objlock_release(x);
    if (x != y) objlock_release(y);
}
