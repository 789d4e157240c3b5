/*
 * interp/mp/mp_queue.c — the queue core under multiprocessing's Queue and Pipe's Connection: a
 * shared cell (mp_cell.h) holding a FIFO of MpBuf messages (mp_copy.c), copied in put() and
 * decoded in get(), with an optional bound and a closed flag.
 *
 * Locks: the cell's spinlock guards head, tail, qlen, closed and the wait counts; getters wait
 * on q, putters waiting for room on q2. qsize() is a lone atomic load.
 */
#include <string.h>
#include "mp/mp_cell.h"

/* ---- the queue core (multiprocessing.Queue, Pipe's Connection) ------------------------------- */
static int q_has_item(MpShared *s) { return s->head != NULL || s->closed; }
static int q_has_room(MpShared *s) { return s->qmax <= 0 || s->qlen < s->qmax || s->closed; }

Obj *mp_make_queue(long maxsize) {
    MpShared *s = mp_cell_new(MPS_QUEUE);
    if (!s) return NULL;
    s->qmax = maxsize;
    return mp_cell_proxy(&mp_queue_type, s);
}

/* put(obj, block=True, timeout=None) -> True, or False when full past the timeout */
static Obj *q_put(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[3];
    if (args_parse("put", args, nargs, kwnames, "obj|block,timeout", a) < 0) return NULL;
    uint64_t ns;
    if (mp_timeout_arg(a[1], a[2], &ns) < 0) return NULL;
    MpBuf *b = mp_encode(a[0]);         /* copy now, as CPython pickles in put() */
    if (!b) return NULL;
    MpShared *s = SH(self);
    ThreadState *ts = ts_get();
    port_spin_lock(&s->lk);
    int r = mp_wait_until(s, q_has_room, ns, 1);
    if (r == 1 && s->closed) {
        port_spin_unlock(&s->lk);
        mp_buf_free(b);
        return exc_raise(ValueError_t, "Queue is closed");
    }
    if (r == 1) {
        b->next = NULL;
        if (s->tail) s->tail->next = b; else s->head = b;
        s->tail = b;
        s->qlen++;
        if (s->nwait) port_waitq_wake_one(&s->q);
        b = NULL;
    }
    port_spin_unlock(&s->lk);
    if (b) mp_buf_free(b);
    if (r < 0) { mp_wait_failed(ts, r); return NULL; }
    return bool_from(r);
}

/* get(block=True, timeout=None) -> (True, obj), or (False, None) when empty past the timeout */
static Obj *q_get(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[2];
    if (args_parse("get", args, nargs, kwnames, "|block,timeout", a) < 0) return NULL;
    uint64_t ns;
    if (mp_timeout_arg(a[0], a[1], &ns) < 0) return NULL;
    MpShared *s = SH(self);
    ThreadState *ts = ts_get();
    port_spin_lock(&s->lk);
    int r = mp_wait_until(s, q_has_item, ns, 0);
    MpBuf *b = NULL;
    if (r == 1 && s->head) {
        b = s->head;
        s->head = b->next;
        if (!s->head) s->tail = NULL;
        s->qlen--;
        if (s->nwait2) port_waitq_wake_one(&s->q2);
    }
    port_spin_unlock(&s->lk);
    if (r < 0) { mp_wait_failed(ts, r); return NULL; }
    if (!b) {
        if (r == 1) return exc_raise(EOFError_t, "");     /* closed and drained */
        return tuple_pack(2, False_, None);
    }
    Obj *v = mp_decode(b);
    mp_buf_free(b);
    if (!v) return NULL;
    Obj *t = tuple_pack(2, True_, v);
    DECREF(v);
    return t;
}

static Obj *q_qsize(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(__atomic_load_n(&SH(self)->qlen, __ATOMIC_RELAXED));
}
static Obj *q_maxsize(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(SH(self)->qmax);
}
/* close(): no more puts; getters drain what is queued, then get EOFError */
static Obj *q_close(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpShared *s = SH(self);
    port_spin_lock(&s->lk);
    s->closed = 1;
    port_waitq_wake_all(&s->q);
    port_waitq_wake_all(&s->q2);
    port_spin_unlock(&s->lk);
    return none_ref();
}
static Obj *q_closed(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return bool_from(SH(self)->closed);
}
static Obj *q_repr(Obj *self) { return str_fmt("<_multiprocessing.QueueCore size=%ld>", (long)SH(self)->qlen); }

static const MethodDef q_methods[] = {
    {"put", q_put}, {"get", q_get}, {"qsize", q_qsize}, {"maxsize", q_maxsize},
    {"close", q_close}, {"closed", q_closed}, {NULL, NULL},
};
Type mp_queue_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "QueueCore", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = mp_proxy_dealloc, .repr = q_repr, .methods = q_methods,
};
