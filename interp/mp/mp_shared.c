/*
 * interp/mp/mp_shared.c — state shared between processes: Lock, RLock, Semaphore, Event, Value,
 * Array and the queue core under multiprocessing's Queue and Pipe.
 *
 * A shared cell (MpShared) lives outside every interpreter: port_malloc'd C storage with an
 * atomic reference count, a port spinlock and a wait queue. Each interpreter that sees a cell
 * holds it through a *proxy*, an ordinary object of its own heap (one per arrival: a cell sent
 * twice gives two proxies, like two unpicklings); the proxy holds one reference on the cell.
 * So no Python object is ever touched by two interpreters.
 *
 * Semaphore cells implement Lock (value 1, max 1), RLock (recursive: owner thread + count),
 * Semaphore and BoundedSemaphore. Blocking waits spin briefly (the holder is often running on
 * another core and about to release), then release the calling interpreter's GIL and sleep on
 * the cell's wait queue in slices, so a terminate() of the waiting process is noticed
 * (mp_wait_slice). Value/Array cells hold 8-byte slots read and written with atomic loads and
 * stores: `v.value += 1` is a load then a store, and loses updates when processes run in
 * parallel, exactly as the seed shows; `with v.get_lock():` makes it exact.
 *
 * Locks: each cell's spinlock guards its fields (never held across a sleep except the one
 * port_waitq_sleep releases). Refcount: atomic; the last decref frees the cell (queued
 * messages included, which drops the cells they reference).
 */
#include <string.h>
#include "mp/mp.h"
#include "runtime/vm.h"
#include "gil/gil.h"

struct MpShared {
    int kind;
    int refcnt;                        /* atomic */
    port_spin_t lk;
    port_waitq_t q;                    /* waiters: acquire, Event.wait, Queue.get */
    port_waitq_t q2;                   /* Queue.put waiting for room */
    int nwait, nwait2;                 /* sleepers on q / q2 (under lk) */
    /* MPS_SEM */
    long value, maxvalue;
    int recursive;
    uint32_t owner;
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

static MpShared *cell_new(int kind) {
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

/* ---- waiting ------------------------------------------------------------------------------- */
#define MP_WAIT_SLICE_NS (20u * 1000 * 1000)
#define MP_SPIN_NS (100u * 1000)

int mp_wait_slice(void *q, void *lk, uint64_t left) {
    uint64_t t = left < MP_WAIT_SLICE_NS ? left : MP_WAIT_SLICE_NS;
    int r = port_waitq_sleep(q, lk, t);
    ThreadState *ts = ts_get();
    if (ts && ts->interp->stop_request) return -1;
    if (r == 1 && t < left) return 0;          /* slice over, not the caller's timeout */
    return r;
}

/* After a wait that gave up: raise the right exception (stop request / Ctrl-C). Returns -1 if
 * an exception is now set. */
static int wait_failed(ThreadState *ts, int r) {
    if (r >= 0) return 0;
    if (ts->interp->stop_request) return vm_stop_raise(ts);
    if (ts == ts->interp->main_ts) {
        port_interrupt_clear();
        exc_raise(KeyboardInterrupt_t, "");
        return -1;
    }
    return 0;
}

/* timeout argument: None / negative = forever, else seconds */
static int timeout_arg(Obj *block, Obj *timeout, uint64_t *ns) {
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
static int wait_until(MpShared *s, int (*ready)(MpShared *), uint64_t ns, int on_q2) {
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

/* ---- semaphores: Lock, RLock, Semaphore, BoundedSemaphore -------------------------------------- */
static int sem_ready(MpShared *s) { return s->value > 0; }

static Obj *proxy_new(Type *t, MpShared *s) {
    ProxyObj *p = (ProxyObj *)obj_alloc(t, sizeof(ProxyObj));
    if (!p) return NULL;
    mp_shared_incref(s);
    p->sh = s;
    return &p->base;
}

/* make a cell and its proxy; the proxy owns the only reference */
static Obj *cell_proxy(Type *t, MpShared *s) {
    Obj *p = proxy_new(t, s);
    mp_shared_decref(s);
    return p;
}

static MpShared *sem_cell(long value, long maxvalue, int recursive) {
    MpShared *s = cell_new(MPS_SEM);
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
    if (s->recursive && s->count > 0 && s->owner == me) {
        s->count++;
        port_spin_unlock(&s->lk);
        return bool_from(1);
    }
    int r = wait_until(s, sem_ready, ns, 0);
    if (r == 1) {
        s->value--;
        s->owner = me;
        s->count = 1;
    }
    port_spin_unlock(&s->lk);
    if (r < 0) { wait_failed(ts, r); return NULL; }
    return bool_from(r);
}

static Obj *sem_acquire(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[2];
    if (args_parse("acquire", args, nargs, kwnames, "|block,timeout", a) < 0) return NULL;
    uint64_t ns;
    if (timeout_arg(a[0], a[1], &ns) < 0) return NULL;
    return sem_acquire_ns(SH(self), ns);
}

static Obj *sem_release(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpShared *s = SH(self);
    port_spin_lock(&s->lk);
    if (s->recursive) {
        if (s->count <= 0 || s->owner != port_thread_id()) {
            port_spin_unlock(&s->lk);
            return exc_raise(AssertionError_t, "attempt to release recursive lock not owned by thread");
        }
        if (--s->count > 0) { port_spin_unlock(&s->lk); return none_ref(); }
    } else if (s->value >= s->maxvalue) {
        port_spin_unlock(&s->lk);
        return exc_raise(ValueError_t, "semaphore or lock released too many times");
    }
    s->value++;
    s->owner = 0;
    s->count = 0;
    if (s->nwait) port_waitq_wake_one(&s->q);
    port_spin_unlock(&s->lk);
    return none_ref();
}

static Obj *sem_enter(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return sem_acquire_ns(SH(self), PORT_FOREVER);
}

static Obj *sem_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs;
    Obj *r = sem_release(self, NULL, 0, kwnames);
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
        return str_fmt("<Lock(owner=%s)>", s->value > 0 ? "None" : "SomeOtherProcess");
    if (t == &mp_rlock_type) {
        if (s->count <= 0) return str_fmt("<RLock(None, 0)>");
        return str_fmt("<RLock(%s, %ld)>", s->owner == port_thread_id() ? "MainThread" : "SomeOtherThread",
                       (long)s->count);
    }
    if (s->maxvalue < 0x7fffffffL)
        return str_fmt("<BoundedSemaphore(value=%ld, maxvalue=%ld)>", (long)s->value, (long)s->maxvalue);
    return str_fmt("<Semaphore(value=%ld)>", (long)s->value);
}

static void proxy_dealloc(Obj *o) {
    mp_shared_decref(SH(o));
    obj_free(o);
}

static const MethodDef sem_methods[] = {
    {"acquire", sem_acquire}, {"release", sem_release}, {"__enter__", sem_enter},
    {"__exit__", sem_exit}, {"get_value", sem_get_value}, {NULL, NULL},
};

Type mp_lock_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "Lock", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = proxy_dealloc, .repr = sem_repr, .methods = sem_methods,
};
Type mp_rlock_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "RLock", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = proxy_dealloc, .repr = sem_repr, .methods = sem_methods,
};
Type mp_sem_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "Semaphore", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = proxy_dealloc, .repr = sem_repr, .methods = sem_methods,
};

Obj *mp_make_lock(int recursive) {
    MpShared *s = sem_cell(1, 1, recursive);
    return s ? cell_proxy(recursive ? &mp_rlock_type : &mp_lock_type, s) : NULL;
}

Obj *mp_make_semaphore(long value, long maxvalue) {
    if (value < 0) return exc_raise(ValueError_t, "semaphore initial value must be >= 0");
    MpShared *s = sem_cell(value, maxvalue, 0);
    return s ? cell_proxy(&mp_sem_type, s) : NULL;
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
    if (timeout_arg(NULL, a[0], &ns) < 0) return NULL;
    MpShared *s = SH(self);
    ThreadState *ts = ts_get();
    port_spin_lock(&s->lk);
    int r = wait_until(s, ev_ready, ns, 0);
    port_spin_unlock(&s->lk);
    if (r < 0) { wait_failed(ts, r); return NULL; }
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
    .size = sizeof(ProxyObj), .dealloc = proxy_dealloc, .repr = ev_repr, .methods = ev_methods,
};

Obj *mp_make_event(void) {
    MpShared *s = cell_new(MPS_EVENT);
    return s ? cell_proxy(&mp_event_type, s) : NULL;
}

/* ---- Value and Array ------------------------------------------------------------------------ */
static const struct { char tc; const char *ctype; int bits; int is_signed; int is_float; } tcodes[] = {
    {'b', "c_byte", 8, 1, 0}, {'B', "c_ubyte", 8, 0, 0}, {'h', "c_short", 16, 1, 0},
    {'H', "c_ushort", 16, 0, 0}, {'i', "c_int", 32, 1, 0}, {'I', "c_uint", 32, 0, 0},
    {'l', "c_long", (int)sizeof(long) * 8, 1, 0}, {'L', "c_ulong", (int)sizeof(long) * 8, 0, 0},
    {'q', "c_longlong", 64, 1, 0}, {'Q', "c_ulonglong", 64, 0, 0},
    {'f', "c_float", 32, 1, 1}, {'d', "c_double", 64, 1, 1},
};
#define NTC ((int)(sizeof tcodes / sizeof tcodes[0]))

static int tc_index(char tc) {
    for (int i = 0; i < NTC; i++) if (tcodes[i].tc == tc) return i;
    return -1;
}

/* Convert a Python number to the slot representation of typecode tc (wrapping like ctypes). */
static int slot_from(int ti, Obj *v, int64_t *out) {
    if (tcodes[ti].is_float) {
        double d;
        if (num_as_double(v, &d) < 0) return -1;
        if (tcodes[ti].bits == 32) d = (double)(float)d;
        memcpy(out, &d, 8);
        return 0;
    }
    if (!int_check(v)) {
        exc_raise(TypeError_t, "int expected instead of %s", type_name(v));
        return -1;
    }
    int64_t x;
    if (int_as_i64(v, &x) < 0) {
        /* wrap big values modulo 2**64 like ctypes: take the low 64 bits */
        exc_clear();
        Obj *mask = int_from_u64(UINT64_MAX);
        Obj *low = mask ? obj_binop(v, mask, NB_AND) : NULL;
        XDECREF(mask);
        if (!low) return -1;
        Obj *top = int_from_i64(INT64_MAX);
        uint64_t u = 0;
        Obj *gt = top ? obj_compare(low, top, CMP_GT) : NULL;
        if (!gt) { DECREF(low); XDECREF(top); return -1; }
        int big = gt == True_;
        DECREF(gt);
        if (big) {
            Obj *m = obj_binop(low, top, NB_SUB);   /* low - INT64_MAX, in 1..2**63 */
            int64_t r;
            if (!m || int_as_i64(m, &r) < 0) { exc_clear(); r = 1; }
            XDECREF(m);
            u = (uint64_t)INT64_MAX + (uint64_t)r;
        } else {
            int64_t r;
            if (int_as_i64(low, &r) < 0) { exc_clear(); r = 0; }
            u = (uint64_t)r;
        }
        DECREF(top);
        DECREF(low);
        x = (int64_t)u;
    }
    int bits = tcodes[ti].bits;
    if (bits < 64) {
        uint64_t m = ((uint64_t)1 << bits) - 1;
        uint64_t u = (uint64_t)x & m;
        if (tcodes[ti].is_signed && (u >> (bits - 1))) x = (int64_t)(u | ~m);
        else x = (int64_t)u;
    }
    *out = x;
    return 0;
}

static Obj *slot_to(int ti, int64_t raw) {
    if (tcodes[ti].is_float) { double d; memcpy(&d, &raw, 8); return float_new(d); }
    if (!tcodes[ti].is_signed && tcodes[ti].bits == 64) return int_from_u64((uint64_t)raw);
    return int_from_i64(raw);
}

static int64_t slot_load(MpShared *s, intptr_t i) { return __atomic_load_n(&s->cells[i].i, __ATOMIC_RELAXED); }
static void slot_store(MpShared *s, intptr_t i, int64_t v) { __atomic_store_n(&s->cells[i].i, v, __ATOMIC_RELAXED); }

/* lock argument: True -> a new RLock, False -> none, a Lock/RLock proxy -> that one */
static int attach_lock(MpShared *s, Obj *lock) {
    if (!lock || lock == True_) {
        s->lock = sem_cell(1, 1, 1);
        return s->lock ? 0 : -1;
    }
    if (lock == False_) return 0;
    MpShared *l = mp_shared_of(lock);
    if (!l || l->kind != MPS_SEM) {
        exc_raise(AttributeError_t, "'%s' object has no attribute 'acquire'", type_name(lock));
        return -1;
    }
    mp_shared_incref(l);
    s->lock = l;
    return 0;
}

static MpShared *array_cell(int kind, char tc, intptr_t n) {
    if (n < 0) { exc_raise(ValueError_t, "array size must be non-negative"); return NULL; }
    if (n > (intptr_t)(MP_MAX_MESSAGE / 8)) { mem_error(); return NULL; }
    MpShared *s = cell_new(kind);
    if (!s) return NULL;
    s->tc = tc;
    s->n = n;
    s->cells = port_malloc(8 * (size_t)(n ? n : 1));
    if (!s->cells) { port_free(s); mem_error(); return NULL; }
    memset(s->cells, 0, 8 * (size_t)(n ? n : 1));
    return s;
}

static int typecode_arg(Obj *o, char *tc, int *ti) {
    if (!obj_is(o, &str_type) || str_nbytes(o) != 1 || (*ti = tc_index(str_data(o)[0])) < 0) {
        Obj *r = obj_repr(o);
        if (r) {
            exc_raise(TypeError_t, "unsupported typecode %s (use one of b B h H i I l L q Q f d)", str_data(r));
            DECREF(r);
        }
        return -1;
    }
    *tc = str_data(o)[0];
    return 0;
}

Obj *mp_make_value(Obj *typecode, Obj *init, Obj *lock) {
    char tc;
    int ti;
    if (typecode_arg(typecode, &tc, &ti) < 0) return NULL;
    MpShared *s = array_cell(MPS_VALUE, tc, 1);
    if (!s) return NULL;
    int64_t raw = 0;
    if ((init && slot_from(ti, init, &raw) < 0) || attach_lock(s, lock) < 0) {
        mp_shared_decref(s);
        return NULL;
    }
    s->cells[0].i = raw;
    return cell_proxy(&mp_value_type, s);
}

Obj *mp_make_array(Obj *typecode, Obj *size_or_init, Obj *lock) {
    char tc;
    int ti;
    if (typecode_arg(typecode, &tc, &ti) < 0) return NULL;
    Obj *items = NULL;
    intptr_t n;
    if (int_check(size_or_init)) {
        if (int_as_index(size_or_init, &n) < 0) return NULL;
    } else {
        items = list_from_iter(size_or_init);
        if (!items) return NULL;
        n = LIST_LEN(items);
    }
    MpShared *s = array_cell(MPS_ARRAY, tc, n);
    if (!s) { XDECREF(items); return NULL; }
    for (intptr_t i = 0; items && i < n; i++) {
        int64_t raw;
        if (slot_from(ti, LIST_ITEMS(items)[i], &raw) < 0) { DECREF(items); mp_shared_decref(s); return NULL; }
        s->cells[i].i = raw;
    }
    XDECREF(items);
    if (attach_lock(s, lock) < 0) { mp_shared_decref(s); return NULL; }
    return cell_proxy(&mp_array_type, s);
}

static Obj *val_get_lock(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpShared *s = SH(self);
    if (!s->lock)
        return exc_raise(AttributeError_t, "'%s' object has no attribute 'get_lock'",
                         tcodes[tc_index(s->tc)].ctype);
    MpShared *l = s->lock;
    return proxy_new(l->recursive ? &mp_rlock_type : l->maxvalue == 1 ? &mp_lock_type : &mp_sem_type, l);
}
static Obj *val_acquire(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *l = val_get_lock(self, NULL, 0, NULL);
    if (!l) return NULL;
    Obj *r = sem_acquire(l, args, nargs, kwnames);
    DECREF(l);
    return r;
}
static Obj *val_release(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *l = val_get_lock(self, NULL, 0, NULL);
    if (!l) return NULL;
    Obj *r = sem_release(l, args, nargs, kwnames);
    DECREF(l);
    return r;
}
static Obj *val_enter(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    Obj *l = val_get_lock(self, NULL, 0, NULL);
    if (!l) return NULL;
    Obj *r = sem_acquire_ns(SH(l), PORT_FOREVER);
    DECREF(l);
    return r;
}
static Obj *val_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs;
    Obj *r = val_release(self, NULL, 0, kwnames);
    if (!r) return NULL;
    DECREF(r);
    return bool_from(0);
}
static Obj *val_get_obj(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return NEWREF(self);
}

static Obj *val_getattr(Obj *self, Obj *name) {
    if (str_equal_cstr(name, "value")) {
        MpShared *s = SH(self);
        return slot_to(tc_index(s->tc), slot_load(s, 0));
    }
    return obj_generic_getattr(self, name);
}
static int val_setattr(Obj *self, Obj *name, Obj *v) {
    if (str_equal_cstr(name, "value") && v) {
        MpShared *s = SH(self);
        int64_t raw;
        if (slot_from(tc_index(s->tc), v, &raw) < 0) return -1;
        slot_store(s, 0, raw);
        return 0;
    }
    exc_raise(AttributeError_t, "'%s' object attribute '%S' is read-only", type_name(self), name);
    return -1;
}
static Obj *val_repr(Obj *self) {
    MpShared *s = SH(self);
    int ti = tc_index(s->tc);
    Obj *v = slot_to(ti, slot_load(s, 0));
    if (!v) return NULL;
    Obj *r = s->lock ? str_fmt("<Synchronized wrapper for %s(%R)>", tcodes[ti].ctype, v)
                     : str_fmt("%s(%R)", tcodes[ti].ctype, v);
    DECREF(v);
    return r;
}

static const MethodDef val_methods[] = {
    {"get_lock", val_get_lock}, {"get_obj", val_get_obj}, {"acquire", val_acquire},
    {"release", val_release}, {"__enter__", val_enter}, {"__exit__", val_exit}, {NULL, NULL},
};
Type mp_value_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "Synchronized", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = proxy_dealloc, .repr = val_repr, .methods = val_methods,
    .getattr = val_getattr, .setattr = val_setattr,
};

static intptr_t arr_len(Obj *self) { return SH(self)->n; }

static Obj *arr_list(MpShared *s, intptr_t start, intptr_t step, intptr_t n) {
    int ti = tc_index(s->tc);
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (intptr_t k = 0; k < n; k++) {
        Obj *v = slot_to(ti, slot_load(s, start + k * step));
        if (!v || list_append(l, v) < 0) { XDECREF(v); DECREF(l); return NULL; }
        DECREF(v);
    }
    return l;
}

static Obj *arr_getitem(Obj *self, Obj *key) {
    MpShared *s = SH(self);
    if (obj_is(key, &slice_type)) {
        intptr_t st, sp, step, n;
        if (slice_indices(key, s->n, &st, &sp, &step, &n) < 0) return NULL;
        return arr_list(s, st, step, n);
    }
    intptr_t i;
    if (int_as_index(key, &i) < 0) return NULL;
    if (i < 0) i += s->n;
    if (i < 0 || i >= s->n) return exc_raise(IndexError_t, "invalid index");
    return slot_to(tc_index(s->tc), slot_load(s, i));
}

static int arr_setitem(Obj *self, Obj *key, Obj *v) {
    MpShared *s = SH(self);
    int ti = tc_index(s->tc);
    if (!v) { exc_raise(TypeError_t, "Array does not support item deletion"); return -1; }
    if (obj_is(key, &slice_type)) {
        intptr_t st, sp, step, n;
        if (slice_indices(key, s->n, &st, &sp, &step, &n) < 0) return -1;
        Obj *items = list_from_iter(v);
        if (!items) return -1;
        if (LIST_LEN(items) != n) {
            DECREF(items);
            exc_raise(ValueError_t, "Can only assign sequence of same size");
            return -1;
        }
        for (intptr_t k = 0; k < n; k++) {
            int64_t raw;
            if (slot_from(ti, LIST_ITEMS(items)[k], &raw) < 0) { DECREF(items); return -1; }
            slot_store(s, st + k * step, raw);
        }
        DECREF(items);
        return 0;
    }
    intptr_t i;
    if (int_as_index(key, &i) < 0) return -1;
    if (i < 0) i += s->n;
    if (i < 0 || i >= s->n) { exc_raise(IndexError_t, "invalid index"); return -1; }
    int64_t raw;
    if (slot_from(ti, v, &raw) < 0) return -1;
    slot_store(s, i, raw);
    return 0;
}

static Obj *arr_iter(Obj *self) {
    Obj *l = arr_list(SH(self), 0, 1, SH(self)->n);
    if (!l) return NULL;
    Obj *it = obj_iter(l);
    DECREF(l);
    return it;
}

static Obj *arr_repr(Obj *self) {
    MpShared *s = SH(self);
    Obj *l = arr_list(s, 0, 1, s->n);
    if (!l) return NULL;
    Obj *r = s->lock ? str_fmt("<SynchronizedArray wrapper for %s_Array_%ld(%R)>",
                               tcodes[tc_index(s->tc)].ctype, (long)s->n, l)
                     : str_fmt("%s_Array_%ld(%R)", tcodes[tc_index(s->tc)].ctype, (long)s->n, l);
    DECREF(l);
    return r;
}

Type mp_array_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "SynchronizedArray", .base_type = &object_type,
    .size = sizeof(ProxyObj), .dealloc = proxy_dealloc, .repr = arr_repr, .methods = val_methods,
    .len = arr_len, .getitem = arr_getitem, .setitem = arr_setitem, .iter = arr_iter,
};

/* ---- the queue core (multiprocessing.Queue, Pipe's Connection) ------------------------------- */
static int q_has_item(MpShared *s) { return s->head != NULL || s->closed; }
static int q_has_room(MpShared *s) { return s->qmax <= 0 || s->qlen < s->qmax || s->closed; }

Obj *mp_make_queue(long maxsize) {
    MpShared *s = cell_new(MPS_QUEUE);
    if (!s) return NULL;
    s->qmax = maxsize;
    return cell_proxy(&mp_queue_type, s);
}

/* put(obj, block=True, timeout=None) -> True, or False when full past the timeout */
static Obj *q_put(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[3];
    if (args_parse("put", args, nargs, kwnames, "obj|block,timeout", a) < 0) return NULL;
    uint64_t ns;
    if (timeout_arg(a[1], a[2], &ns) < 0) return NULL;
    MpBuf *b = mp_encode(a[0]);         /* copy now, as CPython pickles in put() */
    if (!b) return NULL;
    MpShared *s = SH(self);
    ThreadState *ts = ts_get();
    port_spin_lock(&s->lk);
    int r = wait_until(s, q_has_room, ns, 1);
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
    if (r < 0) { wait_failed(ts, r); return NULL; }
    return bool_from(r);
}

/* get(block=True, timeout=None) -> (True, obj), or (False, None) when empty past the timeout */
static Obj *q_get(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[2];
    if (args_parse("get", args, nargs, kwnames, "|block,timeout", a) < 0) return NULL;
    uint64_t ns;
    if (timeout_arg(a[0], a[1], &ns) < 0) return NULL;
    MpShared *s = SH(self);
    ThreadState *ts = ts_get();
    port_spin_lock(&s->lk);
    int r = wait_until(s, q_has_item, ns, 0);
    MpBuf *b = NULL;
    if (r == 1 && s->head) {
        b = s->head;
        s->head = b->next;
        if (!s->head) s->tail = NULL;
        s->qlen--;
        if (s->nwait2) port_waitq_wake_one(&s->q2);
    }
    port_spin_unlock(&s->lk);
    if (r < 0) { wait_failed(ts, r); return NULL; }
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
    .size = sizeof(ProxyObj), .dealloc = proxy_dealloc, .repr = q_repr, .methods = q_methods,
};

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
    case MPS_SEM: t = s->recursive ? &mp_rlock_type : s->maxvalue == 1 ? &mp_lock_type : &mp_sem_type; break;
    case MPS_EVENT: t = &mp_event_type; break;
    case MPS_VALUE: t = &mp_value_type; break;
    case MPS_ARRAY: t = &mp_array_type; break;
    default: t = &mp_queue_type; break;
    }
    return proxy_new(t, s);
}

int mp_shared_init_types(void) {
    Type *ts[] = {&mp_lock_type, &mp_rlock_type, &mp_sem_type, &mp_event_type, &mp_value_type,
                  &mp_array_type, &mp_queue_type};
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++)
        if (!ts[i]->dict && type_ready(ts[i]) < 0) return -1;
    return 0;
}
