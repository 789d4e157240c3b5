/*
 * interp/mp/mp_shared.c — the shared cell under every multiprocessing synchronisation and data
 * object: its lifetime (atomic reference count), the per-interpreter proxies that point at it, and
 * the waiting every blocking operation uses. The cell kinds are in mp_sync.c (Lock, RLock,
 * Semaphore, Event), mp_value.c (Value, Array) and mp_queue.c (the queue core); the layout is in
 * mp_cell.h.
 *
 * A cell lives outside every interpreter; each interpreter that sees a cell holds it through a
 * *proxy*, an ordinary object of its own heap (one per arrival: a cell sent twice gives two
 * proxies, like two unpicklings); the proxy holds one reference on the cell. So no Python object
 * is ever touched by two interpreters.
 *
 * Blocking waits spin briefly (the holder is often running on another core and about to
 * release), then release the calling interpreter's GIL and sleep on the cell's wait queue in
 * slices, so a terminate() of the waiting process is noticed (mp_wait_slice).
 *
 * Locks: each cell's spinlock guards its fields (never held across a sleep except the one
 * port_waitq_sleep releases). Refcount: atomic; the last decref frees the cell (queued
 * messages included, which drops the cells they reference).
 */
#include <string.h>
#include "mp/mp_cell.h"
#include "runtime/vm.h"
#include "gil/gil.h"

MpShared *mp_cell_new(int kind) {
    MpShared *s = port_malloc(sizeof *s);
    if (!s) { mem_error(); return NULL; }
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->refcnt = 1;
    port_spin_init(&s->lk, "mp_shared");
    port_waitq_init(&s->q, "mp_shared");
    port_waitq_init(&s->q2, "mp_shared2");
    return s;
}

void mp_shared_incref(MpShared *s) { __atomic_fetch_add(&s->refcnt, 1, __ATOMIC_RELAXED); }

void mp_shared_decref(MpShared *s) {
    if (__atomic_sub_fetch(&s->refcnt, 1, __ATOMIC_ACQ_REL) != 0) return;
    MpBuf *b = s->head;
    while (b) { MpBuf *nx = b->next; mp_buf_free(b); b = nx; }
    if (s->lock) mp_shared_decref(s->lock);
    port_free(s->cells);
    port_free(s);
}

int mp_shared_kind(MpShared *s) { return s->kind; }

/* ---- proxies -------------------------------------------------------------------------------- */
Obj *mp_proxy_new(Type *t, MpShared *s) {
    ProxyObj *p = (ProxyObj *)obj_alloc(t, sizeof(ProxyObj));
    if (!p) return NULL;
    mp_shared_incref(s);
    p->sh = s;
    return &p->base;
}

/* make a cell and its proxy; the proxy owns the only reference */
Obj *mp_cell_proxy(Type *t, MpShared *s) {
    Obj *p = mp_proxy_new(t, s);
    mp_shared_decref(s);
    return p;
}

void mp_proxy_dealloc(Obj *o) {
    mp_shared_decref(SH(o));
    obj_free(o);
}

/* ---- waiting ------------------------------------------------------------------------------- */
#define MP_WAIT_SLICE_NS (20u * 1000 * 1000)
#define MP_SPIN_NS (100u * 1000)

int mp_wait_slice(void *q, void *lk, uint64_t left) {
    uint64_t t = left < MP_WAIT_SLICE_NS ? left : MP_WAIT_SLICE_NS;
    int r = port_waitq_sleep(q, lk, t);
    ThreadState *ts = ts_get();
    if (ts && interp_stop_requested(ts->interp)) return -1;
    if (r == 1 && t < left) return 0;          /* slice over, not the caller's timeout */
    return r;
}

/* After a wait that gave up: raise the right exception (stop request / Ctrl-C). Returns -1 if
 * an exception is now set. */
int mp_wait_failed(ThreadState *ts, int r) {
    if (r >= 0) return 0;
    if (interp_stop_requested(ts->interp)) return vm_stop_raise(ts);
    if (ts == ts->interp->main_ts) {
        port_interrupt_clear();
        exc_raise(KeyboardInterrupt_t, "");
        return -1;
    }
    return 0;
}

/* timeout argument: None / negative = forever, else seconds */
int mp_timeout_arg(Obj *block, Obj *timeout, uint64_t *ns) {
    int b = 1;
    if (block) { b = obj_truth(block); if (b < 0) return -1; }
    if (!b) { *ns = 0; return 0; }
    if (!timeout || timeout == None) { *ns = PORT_FOREVER; return 0; }
    double d;
    if (num_as_double(timeout, &d) < 0) return -1;
    *ns = d <= 0 ? 0 : d > 1e9 ? PORT_FOREVER : (uint64_t)(d * 1e9);
    return 0;
}

/* Wait under s->lk (held on entry and exit) until ready(s) or the timeout; 1 ready, 0 timed
 * out, -1 stop/interrupt. Spins briefly with the GIL held, then sleeps without it. */
int mp_wait_until(MpShared *s, int (*ready)(MpShared *), uint64_t ns, int on_q2) {
    if (ready(s)) return 1;
    if (ns == 0) return 0;
    uint64_t start = port_time_ns();
    /* Spin first, keeping the GIL: the holder is usually another process on another core in a
     * short critical section, and a sleep + cross-core wake-up costs ~100 us in the guest. */
    port_spin_unlock(&s->lk);
    for (int i = 1;; i++) {
        /* poll without the cell's spinlock (a racy hint), take it only to claim */
        for (volatile int k = 0; k < 16; k++) { }
        __atomic_thread_fence(__ATOMIC_ACQUIRE);     /* re-read the cell every round */
        if (ready(s)) {
            port_spin_lock(&s->lk);
            if (ready(s)) return 1;
            port_spin_unlock(&s->lk);
        }
        if ((i & 7) == 0) {
            uint64_t el = port_time_ns() - start;
            if (el > (s->kind == MPS_SEM ? MP_SPIN_NS : MP_SPIN_NS / 5)) break;
            if (ns != PORT_FOREVER && el >= ns) break;
        }
    }
    ThreadState *ts = ts_get();
    int r;
again:
    gil_before_blocking(ts);
    port_spin_lock(&s->lk);
    r = 1;
    while (!ready(s)) {
        uint64_t left = PORT_FOREVER;
        if (ns != PORT_FOREVER) {
            uint64_t el = port_time_ns() - start;
            if (el >= ns) { r = 0; break; }
            left = ns - el;
        }
        if (on_q2) s->nwait2++; else s->nwait++;
        int w = mp_wait_slice(on_q2 ? &s->q2 : &s->q, &s->lk, left);
        if (on_q2) s->nwait2--; else s->nwait--;
        if (w < 0) { r = -1; break; }
    }
    /* the GIL must be taken without holding the cell's spinlock; the state may change in
     * between, so check again afterwards and go back to waiting if another thread won */
    port_spin_unlock(&s->lk);
    gil_after_blocking(ts);
    port_spin_lock(&s->lk);
    if (r >= 0 && ready(s)) return 1;
    if (r == 1) { port_spin_unlock(&s->lk); goto again; }
    return r;
}

/* ---- generic ------------------------------------------------------------------------------ */
MpShared *mp_shared_of(Obj *o) {
    if (IS_SMALL(o)) return NULL;
    Type *t = o->type;
    if (t == &mp_lock_type || t == &mp_rlock_type || t == &mp_sem_type || t == &mp_event_type ||
        t == &mp_value_type || t == &mp_array_type || t == &mp_queue_type)
        return SH(o);
    return NULL;
}

Obj *mp_shared_proxy(MpShared *s) {
    Type *t;
    switch (s->kind) {
    case MPS_SEM: t = mp_sem_proxy_type(s); break;
    case MPS_EVENT: t = &mp_event_type; break;
    case MPS_VALUE: t = &mp_value_type; break;
    case MPS_ARRAY: t = &mp_array_type; break;
    default: t = &mp_queue_type; break;
    }
    return mp_proxy_new(t, s);
}

int mp_shared_init_types(void) {
    Type *ts[] = {&mp_lock_type, &mp_rlock_type, &mp_sem_type, &mp_event_type, &mp_value_type,
                  &mp_array_type, &mp_queue_type};
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++)
        if (type_ready_shared(ts[i]) < 0) return -1;
    return 0;
}
