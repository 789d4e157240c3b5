/*
 * interp/mp/mp_value.c — multiprocessing's Value and Array: shared cells (mp_cell.h) of 8-byte
 * slots with a ctypes-like typecode, and an optional lock (a semaphore cell, mp_sync.c).
 *
 * Slots are read and written with atomic loads and stores: `v.value += 1` is a load then a
 * store, and loses updates when processes run in parallel, as in CPython; `with v.get_lock():`
 * makes it exact.
 *
 * Locks: none of its own; the slots are atomic, and the fields are fixed at creation. The
 * attached lock is the program's, not the cell's.
 */
#include <string.h>
#include "mp/mp_cell.h"

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
        s->lock = mp_sem_cell(1, 1, 1);
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
    MpShared *s = mp_cell_new(kind);
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
    return mp_cell_proxy(&mp_value_type, s);
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
    return mp_cell_proxy(&mp_array_type, s);
}

static Obj *val_get_lock(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpShared *s = SH(self);
    if (!s->lock)
        return exc_raise(AttributeError_t, "'%s' object has no attribute 'get_lock'",
                         tcodes[tc_index(s->tc)].ctype);
    MpShared *l = s->lock;
    return mp_proxy_new(mp_sem_proxy_type(l), l);
}
/* One of the lock's methods (mp_sync.c) applied to the Value/Array's lock. */
static Obj *val_on_lock(Obj *self, MethFn fn, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *l = val_get_lock(self, NULL, 0, NULL);
    if (!l) return NULL;
    Obj *r = fn(l, args, nargs, kwnames);
    DECREF(l);
    return r;
}
static Obj *val_acquire(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    return val_on_lock(self, mp_sem_acquire, args, nargs, kwnames);
}
static Obj *val_release(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    return val_on_lock(self, mp_sem_release, args, nargs, kwnames);
}
static Obj *val_enter(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    return val_on_lock(self, mp_sem_enter, args, nargs, kwnames);
}
static Obj *val_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    return val_on_lock(self, mp_sem_exit, args, nargs, kwnames);
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
    .size = sizeof(ProxyObj), .dealloc = mp_proxy_dealloc, .repr = val_repr, .methods = val_methods,
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
    .size = sizeof(ProxyObj), .dealloc = mp_proxy_dealloc, .repr = arr_repr, .methods = val_methods,
    .len = arr_len, .getitem = arr_getitem, .setitem = arr_setitem, .iter = arr_iter,
};
