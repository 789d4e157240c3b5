/*
 * interp/objects/range.c — range: start/stop/step/len held as int64 (enough for any range a program can
 * iterate; larger bounds raise OverflowError), O(1) len, indexing, slicing and `in` for ints.
 * Iteration (iter.c's range iterator) makes one int per step and nothing else.
 *
 * Called by: the VM (for loops), builtins. Locks: none.
 */
#include <stdio.h>
#include <string.h>
#include "objects/objects.h"

#define R(o) ((RangeObj *)(o))

static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0 && start < stop) return (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    if (step < 0 && start > stop) return (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1);
    return 0;
}

static Obj *range_make(Type *t, int64_t start, int64_t stop, int64_t step) {
    RangeObj *r = (RangeObj *)obj_alloc(t, sizeof(RangeObj));
    if (!r) return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return (Obj *)r;
}

Obj *range_new(intptr_t start, intptr_t stop, intptr_t step) {
    if (step == 0) return exc_raise(ValueError_t, "range() arg 3 must not be zero");
    return range_make(&range_type, start, stop, step);
}

static int arg_i64(Obj *v, int64_t *out) {
    if (IS_SMALL(v)) { *out = SMALL_VAL(v); return 0; }
    Obj *ix = NULL;
    if (!int_check(v)) {
        if (is_heap_with(v, "__index__")) ix = obj_call_method(v, "__index__", NULL, 0);
        if (!ix) {
            if (!exc_occurred())
                exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(v));
            return -1;
        }
        v = ix;
    }
    int r = int_as_i64(v, out);
    XDECREF(ix);
    if (r < 0 && exc_matches(OverflowError_t)) {
        exc_clear();
        exc_raise(OverflowError_t, "Python int too large to convert to C ssize_t");
    }
    return r;
}

static Obj *range_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("range", k) < 0) return NULL;
    if (n < 1) return exc_raise(TypeError_t, "range expected at least 1 argument, got %d", n);
    if (n > 3) return exc_raise(TypeError_t, "range expected at most 3 arguments, got %d", n);
    int64_t start = 0, stop, step = 1;
    if (n == 1) {
        if (arg_i64(a[0], &stop) < 0) return NULL;
    } else {
        if (arg_i64(a[0], &start) < 0 || arg_i64(a[1], &stop) < 0) return NULL;
        if (n == 3 && arg_i64(a[2], &step) < 0) return NULL;
        if (step == 0) return exc_raise(ValueError_t, "range() arg 3 must not be zero");
    }
    return range_make(t, start, stop, step);
}

static void range_dealloc(Obj *o) { obj_free(o); }

static Obj *range_repr(Obj *o) {
    RangeObj *r = R(o);
    char buf[96];
    if (r->step == 1) snprintf(buf, sizeof buf, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else snprintf(buf, sizeof buf, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
    return str_from_cstr(buf);
}

static intptr_t range_tp_len(Obj *o) {
    if (R(o)->len > (int64_t)INTPTR_MAX) {
        exc_raise(OverflowError_t, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (intptr_t)R(o)->len;
}

static int range_truth(Obj *o) { return R(o)->len != 0; }

static Obj *range_item(RangeObj *r, int64_t i) { return int_from_i64(r->start + i * r->step); }

static Obj *range_getitem(Obj *o, Obj *key) {
    RangeObj *r = R(o);
    if (obj_is(key, &slice_type)) {
        intptr_t len = range_tp_len(o);
        if (len < 0) return NULL;
        intptr_t start, stop, step, n;
        if (slice_indices(key, len, &start, &stop, &step, &n) < 0) return NULL;
        (void)n;
        /* the clamped stop index, not start + n * step: range(5)[10:-10] is range(5, 0), as in
         * CPython (compute_slice), though both are empty. This range holds int64 bounds: a
         * result past them (a huge slice step) is an OverflowError, not wrapped arithmetic. */
        int64_t nstart, nstep, nstop, t;
        if (__builtin_mul_overflow((int64_t)start, r->step, &t) || __builtin_add_overflow(r->start, t, &nstart) ||
            __builtin_mul_overflow(r->step, (int64_t)step, &nstep) ||
            __builtin_mul_overflow((int64_t)stop, r->step, &t) || __builtin_add_overflow(r->start, t, &nstop))
            return exc_raise(OverflowError_t, "Python int too large to convert to C ssize_t");
        return range_make(&range_type, nstart, nstop, nstep);
    }
    int64_t i;
    if (IS_SMALL(key)) i = SMALL_VAL(key);
    else if (!int_check(key) && !is_heap_with(key, "__index__"))
        return exc_raise(TypeError_t, "range indices must be integers or slices, not %s", type_name(key));
    else if (arg_i64(key, &i) < 0) {
        if (exc_matches(OverflowError_t)) { exc_clear(); return exc_raise(IndexError_t, "range object index out of range"); }
        return NULL;
    }
    if (i < 0) i += r->len;
    if (i < 0 || i >= r->len) return exc_raise(IndexError_t, "range object index out of range");
    return range_item(r, i);
}

/* 1/0 for an exact int x (as int64), -2 when x is not an int. */
static int range_has_int(RangeObj *r, Obj *x) {
    if (!IS_SMALL(x) && TYPE(x) != &int_type && TYPE(x) != &bool_type) return -2;
    int64_t v;
    if (IS_SMALL(x)) v = SMALL_VAL(x);
    else if (x == True_) v = 1;
    else if (x == False_) v = 0;
    else if (int_as_i64(x, &v) < 0) { exc_clear(); return 0; }
    if (r->step > 0) { if (v < r->start || v >= r->stop) return 0; }
    else { if (v > r->start || v <= r->stop) return 0; }
    return ((v - r->start) % r->step) == 0;
}

static int range_contains(Obj *o, Obj *x) {
    int r = range_has_int(R(o), x);
    if (r != -2) return r;
    for (int64_t i = 0; i < R(o)->len; i++) {
        Obj *v = range_item(R(o), i);
        if (!v) return -1;
        int c = obj_eq(v, x);
        DECREF(v);
        if (c) return c;
    }
    return 0;
}

static Obj *range_iter(Obj *o) { return rangeiter_new(R(o)->start, R(o)->step, R(o)->len); }

static Obj *range_compare(Obj *a, Obj *b, int op) {
    if (!obj_is(a, &range_type) || !obj_is(b, &range_type) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(NotImplemented);
    RangeObj *x = R(a), *y = R(b);
    bool eq;
    if (x->len != y->len) eq = false;
    else if (x->len == 0) eq = true;
    else if (x->start != y->start) eq = false;
    else eq = x->len == 1 || x->step == y->step;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static int range_hash(Obj *o, intptr_t *out) {
    RangeObj *r = R(o);
    Obj *len = int_from_i64(r->len), *t;
    if (!len) return -1;
    if (r->len == 0) t = tuple_pack(3, len, None, None);
    else {
        Obj *st = int_from_i64(r->start);
        if (!st) { DECREF(len); return -1; }
        if (r->len == 1) t = tuple_pack(3, len, st, None);
        else {
            Obj *sp = int_from_i64(r->step);
            t = sp ? tuple_pack(3, len, st, sp) : NULL;
            XDECREF(sp);
        }
        DECREF(st);
    }
    DECREF(len);
    if (!t) return -1;
    int rc = obj_hash(t, out);
    DECREF(t);
    return rc;
}

static Obj *range_getattr(Obj *o, Obj *name) {
    const char *n = str_data(name);
    if (!strcmp(n, "start")) return int_from_i64(R(o)->start);
    if (!strcmp(n, "stop")) return int_from_i64(R(o)->stop);
    if (!strcmp(n, "step")) return int_from_i64(R(o)->step);
    return obj_generic_getattr(o, name);
}

static Obj *range_m_index(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("range.index", k) < 0 || check_nargs("range.index", n, 1, 1) < 0) return NULL;
    RangeObj *r = R(self);
    int c = range_has_int(r, a[0]);
    if (c == 1) {
        int64_t v = IS_SMALL(a[0]) ? SMALL_VAL(a[0]) : a[0] == True_ ? 1 : a[0] == False_ ? 0 : 0;
        if (!IS_SMALL(a[0]) && a[0] != True_ && a[0] != False_ && int_as_i64(a[0], &v) < 0) return NULL;
        return int_from_i64((v - r->start) / r->step);
    }
    if (c == -2) {
        for (int64_t i = 0; i < r->len; i++) {
            Obj *v = range_item(r, i);
            if (!v) return NULL;
            int e = obj_eq(v, a[0]);
            DECREF(v);
            if (e < 0) return NULL;
            if (e) return int_from_i64(i);
        }
    }
    return exc_raise(ValueError_t, "%R is not in range", a[0]);
}

static Obj *range_m_count(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("range.count", k) < 0 || check_nargs("range.count", n, 1, 1) < 0) return NULL;
    int c = range_contains(self, a[0]);
    if (c < 0) return NULL;
    if (range_has_int(R(self), a[0]) != -2) return int_from_i64(c);
    int64_t cnt = 0;
    for (int64_t i = 0; i < R(self)->len; i++) {
        Obj *v = range_item(R(self), i);
        if (!v) return NULL;
        int e = obj_eq(v, a[0]);
        DECREF(v);
        if (e < 0) return NULL;
        cnt += e;
    }
    return int_from_i64(cnt);
}

static Obj *range_m_reversed(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    RangeObj *r = R(self);
    return rangeiter_new(r->start + (r->len - 1) * r->step, -r->step, r->len);
}

static const MethodDef range_methods[] = {
    {"index", range_m_index}, {"count", range_m_count}, {"__reversed__", range_m_reversed},
    {NULL, NULL},
};

Type range_type = {
    .base = TYPE_HEAD, .name = "range", .size = sizeof(RangeObj), .dealloc = range_dealloc,
    .repr = range_repr, .hash = range_hash, .compare = range_compare, .truth = range_truth,
    .len = range_tp_len, .getitem = range_getitem, .contains = range_contains,
    .iter = range_iter, .getattr = range_getattr, .methods = range_methods, .new_ = range_tp_new,
};
