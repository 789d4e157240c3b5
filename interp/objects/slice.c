/*
 * interp/objects/slice.c — slice objects (a[i:j:k]) and slice_indices, CPython's PySlice_GetIndicesEx:
 * None defaults, negative indices counted from the end, clamping to the sequence.
 *
 * Called by: the VM (BUILD_SLICE), list/tuple/str/bytes/range getitem. Locks: none.
 */
#include <string.h>
#include "objects/objects.h"

Obj *slice_new(Obj *start, Obj *stop, Obj *step) {
    SliceObj *s = (SliceObj *)obj_alloc(&slice_type, sizeof(SliceObj));
    if (!s) return NULL;
    s->start = NEWREF(start ? start : None);
    s->stop = NEWREF(stop ? stop : None);
    s->step = NEWREF(step ? step : None);
    return (Obj *)s;
}

/* An index for a slice bound: clamps huge ints (as CPython's _PyEval_SliceIndex). */
static int slice_index(Obj *v, intptr_t *out) {
    if (IS_SMALL(v)) { *out = SMALL_VAL(v); return 0; }
    Obj *ix = NULL;
    if (!int_check(v)) {
        if (is_heap_with(v, "__index__")) ix = obj_call_method(v, "__index__", NULL, 0);
        if (!ix) {
            if (!exc_occurred())
                exc_raise(TypeError_t, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
        v = ix;
    }
    if (int_as_index(v, out) < 0) {
        if (!exc_matches(OverflowError_t)) { XDECREF(ix); return -1; }
        exc_clear();
        *out = int_sign(v) < 0 ? -INTPTR_MAX : INTPTR_MAX;
    }
    XDECREF(ix);
    return 0;
}

int slice_indices(Obj *slice, intptr_t length, intptr_t *start, intptr_t *stop, intptr_t *step,
                  intptr_t *slicelen) {
    SliceObj *s = (SliceObj *)slice;
    intptr_t st = 1, a, b;
    if (s->step != None) {
        if (slice_index(s->step, &st) < 0) return -1;
        if (st == 0) { exc_raise(ValueError_t, "slice step cannot be zero"); return -1; }
        if (st < -INTPTR_MAX) st = -INTPTR_MAX;
    }
    if (s->start == None) a = st < 0 ? INTPTR_MAX : 0;
    else if (slice_index(s->start, &a) < 0) return -1;
    if (s->stop == None) b = st < 0 ? INTPTR_MIN : INTPTR_MAX;
    else if (slice_index(s->stop, &b) < 0) return -1;
    if (a < 0) { a += length; if (a < 0) a = st < 0 ? -1 : 0; }
    else if (a >= length) a = st < 0 ? length - 1 : length;
    if (b < 0) { b += length; if (b < 0) b = st < 0 ? -1 : 0; }
    else if (b >= length) b = st < 0 ? length - 1 : length;
    intptr_t n = 0;
    if (st < 0) { if (b < a) n = (a - b - 1) / (-st) + 1; }
    else if (a < b) n = (b - a - 1) / st + 1;
    *start = a; *stop = b; *step = st; *slicelen = n;
    return 0;
}

static void slice_dealloc(Obj *o) {
    SliceObj *s = (SliceObj *)o;
    CLEAR(s->start); CLEAR(s->stop); CLEAR(s->step);
    obj_free(o);
}

static Obj *slice_repr(Obj *o) {
    SliceObj *s = (SliceObj *)o;
    return str_fmt("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Obj *slice_getattr(Obj *o, Obj *name) {
    SliceObj *s = (SliceObj *)o;
    const char *n = str_data(name);
    if (!strcmp(n, "start")) return NEWREF(s->start);
    if (!strcmp(n, "stop")) return NEWREF(s->stop);
    if (!strcmp(n, "step")) return NEWREF(s->step);
    return obj_generic_getattr(o, name);
}

static Obj *slice_compare(Obj *a, Obj *b, int op) {
    if (!obj_is(a, &slice_type) || !obj_is(b, &slice_type)) return NEWREF(NotImplemented);
    SliceObj *x = (SliceObj *)a, *y = (SliceObj *)b;
    Obj *ta = tuple_pack(3, x->start, x->stop, x->step);
    Obj *tb = ta ? tuple_pack(3, y->start, y->stop, y->step) : NULL;
    Obj *r = tb ? obj_compare(ta, tb, op) : NULL;
    XDECREF(ta); XDECREF(tb);
    return r;
}

static Obj *slice_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    (void)t;
    if (no_kwargs("slice", k) < 0) return NULL;
    if (n < 1) return exc_raise(TypeError_t, "slice expected at least 1 argument, got %d", n);
    if (n > 3) return exc_raise(TypeError_t, "slice expected at most 3 arguments, got %d", n);
    if (n == 1) return slice_new(None, a[0], None);
    return slice_new(a[0], a[1], n == 3 ? a[2] : None);
}

static Obj *slice_m_indices(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("slice.indices", k) < 0 || check_nargs("slice.indices", n, 1, 1) < 0) return NULL;
    intptr_t len, start, stop, step, sl;
    if (!int_check(a[0])) return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
    if (int_as_index(a[0], &len) < 0) return NULL;
    if (len < 0) return exc_raise(ValueError_t, "length should not be negative");
    if (slice_indices(self, len, &start, &stop, &step, &sl) < 0) return NULL;
    Obj *x = int_from_i64(start), *y = int_from_i64(stop), *z = int_from_i64(step);
    Obj *r = (x && y && z) ? tuple_pack(3, x, y, z) : NULL;
    XDECREF(x); XDECREF(y); XDECREF(z);
    return r;
}

static const MethodDef slice_methods[] = { {"indices", slice_m_indices}, {NULL, NULL} };

Type slice_type = {
    .base = TYPE_HEAD, .name = "slice", .size = sizeof(SliceObj), .dealloc = slice_dealloc,
    .repr = slice_repr, .hash = hash_not_implemented, .compare = slice_compare,
    .getattr = slice_getattr, .methods = slice_methods, .new_ = slice_tp_new,
};
