/*
 * interp/mp/mp_sync.c — multiprocessing's Lock, RLock, Semaphore, BoundedSemaphore and Event, as
 * shared cells (mp_cell.h) reached through per-interpreter proxies.
 *
 * Semaphore cells implement Lock (value 1, max 1), RLock (recursive: holder thread + count),
 * Semaphore and BoundedSemaphore; an Event cell is a flag. Blocking waits go through
 * mp_wait_until (mp_shared.c): spin, then sleep without the GIL.
 *
 * Locks: the cell's spinlock guards value, holder, count and flag, and the wait counts; reads
 * for get_value() and is_set() are lone atomic loads.
 */
#include <string.h>
#include "mp/mp_cell.h"

/* ---- semaphores: Lock, RLock, Semaphore, BoundedSemaphore -------------------------------------- */
static int sem_ready(MpShared *s) { return s->value > 0; }

MpShared *mp_sem_cell(long value, long maxvalue, int recursive) {
    MpShared *s = mp_cell_new(MPS_SEM);
    if (!s) return NULL;
    s->value = value;
    s->maxvalue = maxvalue;
    s->recursive = recursive;
    return s;
}

static Obj *sem_acquire_ns(MpShared *s, uint64_t ns) {
    uint32_t me = port_thread_id();
    ThreadState *ts = ts_get();
    port_spin_lock(&s->lk);
    if (s->recursive && s->count > 0 && s->holder == me) {
        s->count++;
        port_spin_unlock(&s->lk);
        return bool_from(1);
    }
    int r = mp_wait_until(s, sem_ready, ns, 0);
    if (r == 1) {
        s->value--;
        s->holder = me;
        s->count = 1;
    }
    port_spin_unlock(&s->lk);
    if (r < 0) { mp_wait_failed(ts, r); return NULL; }
    return bool_from(r);
}

Obj *mp_sem_acquire(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[2];
    if (args_parse("acquire", args, nargs, kwnames, "|block,timeout", a) < 0) return NULL;
    uint64_t ns;
    if (mp_timeout_arg(a[0], a[1], &ns) < 0) return NULL;
    return sem_acquire_ns(SH(self), ns);
}

Obj *mp_sem_release(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpShared *s = SH(self);
    port_spin_lock(&s->lk);
    if (s->recursive) {
        if (s->count <= 0 || s->holder != port_thread_id()) {
            port_spin_unlock(&s->lk);
            return exc_raise(AssertionError_t, "attempt to release recursive lock not owned by thread");
        }
        if (--s->count > 0) { port_spin_unlock(&s->lk); return none_ref(); }
    } else if (s->value >= s->maxvalue) {
        port_spin_unlock(&s->lk);
        return exc_raise(ValueError_t, "semaphore or lock released too many times");
    }
    s->value++;
    s->holder = 0;
    s->count = 0;
    if (s->nwait) port_waitq_wake_one(&s->q);
    port_spin_unlock(&s->lk);
    return none_ref();
}

Obj *mp_sem_enter(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return sem_acquire_ns(SH(self), PORT_FOREVER);
}

Obj *mp_sem_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs;
    Obj *r = mp_sem_release(self, NULL, 0, kwnames);
    if (!r) return NULL;
    DECREF(r);
    return bool_from(0);
}

static Obj *sem_get_value(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(__atomic_load_n(&SH(self)->value, __ATOMIC_RELAXED));
}

static Obj *sem_repr(Obj *self) {
    MpShared *s = SH(self);
    Type *t = TYPE(self);
    if (t == &mp_lock_type)
        /* CPython's repr text (Lib/multiprocessing/synchronize.py), kept so the output matches */
        return str_fmt("<Lock(owner=%s)>", s->value > 0 ? "None" : "SomeOtherProcess");
    if (t == &mp_rlock_type) {
        if (s->count <= 0) return str_fmt("<RLock(None, 0)>");
        return str_fmt("<RLock(%s, %ld)>", s->holder == port_thread_id() ? "MainThread" : "SomeOtherThread",
                       (long)s->count);
    }
    if (s->maxvalue < 0x7fffffffL)
        return str_fmt("<BoundedSemaphore(value=%ld, maxvalue=%ld)>", (long)s->value, (long)s->maxvalue);
    return str_fmt("<Semaphore(value=%ld)>", (long)s->value);
}

static const MethodDef sem_methods[] = {
    {"acquire", mp_sem_acquire}, {"release", mp_sem_release}, {"__enter__", mp_sem_enter},
    {"__exit__", mp_sem_exit}, {"get_value", sem_get_value}, {NULL, NULL},
};

Type mp_lock_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "Lock", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = mp_proxy_dealloc, .repr = sem_repr, .methods = sem_methods,
};
Type mp_rlock_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "RLock", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = mp_proxy_dealloc, .repr = sem_repr, .methods = sem_methods,
};
Type mp_sem_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "Semaphore", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = mp_proxy_dealloc, .repr = sem_repr, .methods = sem_methods,
};

/* Lock for a value-1 max-1 cell, RLock for a recursive one, else Semaphore (BoundedSemaphore
 * included: multiprocessing.py tells them apart). */
Type *mp_sem_proxy_type(MpShared *s) {
    return s->recursive ? &mp_rlock_type : s->maxvalue == 1 ? &mp_lock_type : &mp_sem_type;
}

Obj *mp_make_lock(int recursive) {
    MpShared *s = mp_sem_cell(1, 1, recursive);
    return s ? mp_cell_proxy(mp_sem_proxy_type(s), s) : NULL;
}

Obj *mp_make_semaphore(long value, long maxvalue) {
    if (value < 0) return exc_raise(ValueError_t, "semaphore initial value must be >= 0");
    MpShared *s = mp_sem_cell(value, maxvalue, 0);
    return s ? mp_cell_proxy(&mp_sem_type, s) : NULL;
}

/* ---- Event -------------------------------------------------------------------------------- */
static int ev_ready(MpShared *s) { return s->flag; }

static Obj *ev_set(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpShared *s = SH(self);
    port_spin_lock(&s->lk);
    s->flag = 1;
    if (s->nwait) port_waitq_wake_all(&s->q);
    port_spin_unlock(&s->lk);
    return none_ref();
}
static Obj *ev_clear(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpShared *s = SH(self);
    port_spin_lock(&s->lk);
    s->flag = 0;
    port_spin_unlock(&s->lk);
    return none_ref();
}
static Obj *ev_is_set(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return bool_from(__atomic_load_n(&SH(self)->flag, __ATOMIC_ACQUIRE));
}
static Obj *ev_wait(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[1];
    if (args_parse("wait", args, nargs, kwnames, "|timeout", a) < 0) return NULL;
    uint64_t ns;
    if (mp_timeout_arg(NULL, a[0], &ns) < 0) return NULL;
    MpShared *s = SH(self);
    ThreadState *ts = ts_get();
    port_spin_lock(&s->lk);
    int r = mp_wait_until(s, ev_ready, ns, 0);
    port_spin_unlock(&s->lk);
    if (r < 0) { mp_wait_failed(ts, r); return NULL; }
    return bool_from(r);
}
static Obj *ev_repr(Obj *self) {
    return str_fmt("<Event(%s)>", SH(self)->flag ? "set" : "unset");
}
static const MethodDef ev_methods[] = {
    {"set", ev_set}, {"clear", ev_clear}, {"is_set", ev_is_set}, {"wait", ev_wait}, {NULL, NULL},
};
Type mp_event_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "Event", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = mp_proxy_dealloc, .repr = ev_repr, .methods = ev_methods,
};

Obj *mp_make_event(void) {
    MpShared *s = mp_cell_new(MPS_EVENT);
    return s ? mp_cell_proxy(&mp_event_type, s) : NULL;
}
