/*
 * interp/mp/mp_cell.h — private to interp/mp/: the layout of a shared cell (MpShared) and of the
 * proxy objects that point at it, and the helpers the cell kinds share (mp_shared.c: lifetime,
 * proxies, waiting; mp_sync.c: the semaphore operations Value/Array's lock uses).
 *
 * A shared cell lives outside every interpreter: port_malloc'd C storage with an atomic reference
 * count, a port spinlock and two wait queues. Each interpreter that sees a cell holds it through a
 * proxy, an ordinary object of its own heap; the proxy holds one reference on the cell.
 *
 * Locks: `lk` (a port spinlock) guards every field below except `refcnt` (atomic) and the
 * fields fixed at creation (kind, tc, n, the cells pointer, lock, qmax). It is never held across
 * a sleep except the one port_waitq_sleep releases, and never while taking the GIL. Value/Array
 * slots are read and written with atomic loads and stores, not under lk.
 */
#ifndef INTERP_MP_CELL_H
#define INTERP_MP_CELL_H

#include "mp/mp.h"

struct MpShared {
    int kind;
    int refcnt;                        /* atomic */
    port_spin_t lk;                    /* guards the fields below (see the top of this file) */
    port_waitq_t q;                    /* waiters: acquire, Event.wait, Queue.get */
    port_waitq_t q2;                   /* Queue.put waiting for room */
    int nwait, nwait2;                 /* sleepers on q / q2 (under lk) */
    /* MPS_SEM */
    long value, maxvalue;
    int recursive;
    uint32_t holder;
    long count;
    /* MPS_EVENT */
    int flag;
    /* MPS_VALUE / MPS_ARRAY */
    char tc;
    intptr_t n;
    union { int64_t i; double d; } *cells;
    MpShared *lock;                    /* held; NULL for lock=False */
    /* MPS_QUEUE */
    MpBuf *head, *tail;
    long qlen, qmax;
    int closed;
};

typedef struct { Obj base; MpShared *sh; } ProxyObj;
#define SH(o) (((ProxyObj *)(o))->sh)

/* ---- lifetime and proxies (mp_shared.c) -------------------------------------------------------- */
MpShared *mp_cell_new(int kind);       /* refcnt 1; NULL + MemoryError */
Obj *mp_proxy_new(Type *t, MpShared *s);   /* a new proxy holding a new reference on s */
Obj *mp_cell_proxy(Type *t, MpShared *s);  /* a proxy for a fresh cell: takes over its reference */
void mp_proxy_dealloc(Obj *o);         /* every proxy type's dealloc */

/* ---- waiting (mp_shared.c) --------------------------------------------------------------------- */
/* block/timeout arguments: None / negative = forever, else seconds; block false = poll. */
int mp_timeout_arg(Obj *block, Obj *timeout, uint64_t *ns);
/* Wait under s->lk (held on entry and exit) until ready(s) or the timeout; 1 ready, 0 timed
 * out, -1 stop/interrupt. Sleeps on q2 when on_q2, else on q. */
int mp_wait_until(MpShared *s, int (*ready)(MpShared *), uint64_t ns, int on_q2);
/* After mp_wait_until returned -1: raise the right exception (stop request / Ctrl-C). */
int mp_wait_failed(ThreadState *ts, int r);

/* ---- semaphores (mp_sync.c), also the lock of Value/Array ------------------------------------- */
MpShared *mp_sem_cell(long value, long maxvalue, int recursive);
Type *mp_sem_proxy_type(MpShared *s);  /* Lock, RLock or Semaphore */
/* The Lock/RLock/Semaphore methods (self: a semaphore proxy); Value/Array forward to them. */
Obj *mp_sem_acquire(Obj *self, Obj *const *args, int nargs, Obj *kwnames);
Obj *mp_sem_release(Obj *self, Obj *const *args, int nargs, Obj *kwnames);
Obj *mp_sem_enter(Obj *self, Obj *const *args, int nargs, Obj *kwnames);
Obj *mp_sem_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames);

#endif
