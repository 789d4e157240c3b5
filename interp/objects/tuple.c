/*
 * interp/objects/tuple.c — tuple: an immutable array of references, allocated in one block with its
 * items. Also the helpers shared with list: seq_richcompare (lexicographic comparison) and
 * seq_index (index normalisation with CPython's messages).
 *
 * Called by: the VM (BUILD_TUPLE, unpacking, call arguments), everyone. Locks: none (GIL).
 */
#include <string.h>
#include "objects/objects.h"

Obj *tuple_new(intptr_t len) {
    if (len < 0) return exc_raise(SystemError_t, "negative tuple size");
    if ((size_t)len > (SIZE_MAX / 2 - sizeof(TupleObj)) / sizeof(Obj *)) return exc_raise_memory();
    TupleObj *t = (TupleObj *)obj_alloc(&tuple_type, sizeof(TupleObj) + (size_t)len * sizeof(Obj *));
    if (!t) return NULL;
    t->len = len;
    return (Obj *)t;
}

Obj *tuple_pack(int n, ...) {
    Obj *t = tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NEWREF(va_arg(ap, Obj *));
    va_end(ap);
    return t;
}

Obj *tuple_from_iter(Obj *it) {
    if (obj_is(it, &tuple_type)) return NEWREF(it);
    if (obj_is(it, &list_type)) return list_as_tuple(it);
    Obj *l = list_from_iter(it);
    if (!l) return NULL;
    Obj *t = list_as_tuple(l);
    DECREF(l);
    return t;
}

/* No clear slot: a tuple cannot refer to itself, so the other members of its cycle break it. */
static int tuple_traverse(Obj *o, VisitFn visit, void *arg) {
    TupleObj *t = (TupleObj *)o;
    for (intptr_t i = 0; i < t->len; i++) VISIT(t->items[i]);
    return 0;
}

static void tuple_dealloc(Obj *o) {
    TupleObj *t = (TupleObj *)o;
    for (intptr_t i = 0; i < t->len; i++) XDECREF(t->items[i]);
    obj_free(o);
}

static Obj *tuple_repr(Obj *o) {
    intptr_t n = TUPLE_LEN(o);
    if (n == 0) return str_from_cstr("()");
    int g = repr_enter(o);
    if (g < 0) return NULL;
    if (g > 0) return str_from_cstr("(...)");
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '(');
    for (intptr_t i = 0; i < n; i++) {
        if (i) sb_add(&b, ", ", 2);
        if (sb_add_repr(&b, TUPLE_ITEMS(o)[i]) < 0) { sb_free(&b); repr_leave(o); return NULL; }
    }
    if (n == 1) sb_addc(&b, ',');
    sb_addc(&b, ')');
    repr_leave(o);
    return sb_finish(&b);
}

/* CPython's xxHash-based tuplehash, so hash((1, 2)) and set orders match. */
static int tuple_hash(Obj *o, intptr_t *out) {
#if UINTPTR_MAX > 0xFFFFFFFFu
    const uintptr_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
#define XXROT(x) (((x) << 31) | ((x) >> 33))
#else
    const uintptr_t P1 = 2654435761UL, P2 = 2246822519UL, P5 = 374761393UL;
#define XXROT(x) (((x) << 13) | ((x) >> 19))
#endif
    uintptr_t acc = P5;
    intptr_t n = TUPLE_LEN(o);
    for (intptr_t i = 0; i < n; i++) {
        intptr_t h;
        Obj *it = TUPLE_ITEMS(o)[i];
        if (IS_SMALL(it) || TYPE(it) == &str_type) {
            if (obj_hash(it, &h) < 0) return -1;
        } else {
            /* Nested tuples recurse: guard the C stack. */
            if (rec_enter(" while calling a Python object") < 0) return -1;
            int r = obj_hash(it, &h);
            rec_leave();
            if (r < 0) return -1;
        }
        acc += (uintptr_t)h * P2;
        acc = XXROT(acc);
        acc *= P1;
    }
#undef XXROT
    acc += (uintptr_t)n ^ (P5 ^ 3527539UL);
    if (acc == (uintptr_t)-1) { *out = 1546275796; return 0; }
    *out = (intptr_t)acc;
    return 0;
}

/* Items of a list or tuple, re-read on every step (a list may change under a comparison). */
static inline Obj **seq_items(Obj *o, intptr_t *n) {
    if (obj_isinstance(o, &tuple_type)) { *n = TUPLE_LEN(o); return TUPLE_ITEMS(o); }
    *n = LIST_LEN(o);
    return LIST_ITEMS(o);
}

/* x against y as a rich compare result (cmp_result, objects.h, takes a three-way result). */
static Obj *cmp_values(intptr_t x, intptr_t y, int op) { return cmp_result(x < y ? -1 : x > y, op); }

static Obj *seq_compare_objs(Obj *a, Obj *b, int op) {
    intptr_t na, nb, i;
    for (i = 0;; i++) {
        Obj **ia = seq_items(a, &na), **ib = seq_items(b, &nb);
        if (i >= na || i >= nb) break;
        Obj *x = ia[i], *y = ib[i];
        if (x == y) continue;
        if (IS_SMALL(x) && IS_SMALL(y)) return cmp_values((intptr_t)x, (intptr_t)y, op);
        if (TYPE(x) == &str_type && TYPE(y) == &str_type) {   /* exact str: one compare */
            int c = str_compare3(x, y);
            if (c == 0) continue;
            if (op == CMP_EQ) return bool_from(0);
            if (op == CMP_NE) return bool_from(1);
            return cmp_result(c, op);
        }
        /* Items that are lists/tuples recurse here: guard the C stack (dicts guard themselves,
         * user __eq__/__lt__ go through the VM's depth check). */
        bool nested = obj_isinstance(x, &tuple_type) || obj_isinstance(x, &list_type);
        if (nested && rec_enter(" in comparison") < 0) return NULL;
        INCREF(x); INCREF(y);
        int eq = obj_eq(x, y);
        if (eq < 0) { DECREF(x); DECREF(y); if (nested) rec_leave(); return NULL; }
        if (!eq) {
            Obj *r;
            if (op == CMP_EQ) r = bool_from(0);
            else if (op == CMP_NE) r = bool_from(1);
            else r = obj_compare(x, y, op);
            DECREF(x); DECREF(y);
            if (nested) rec_leave();
            return r;
        }
        DECREF(x); DECREF(y);
        if (nested) rec_leave();
    }
    seq_items(a, &na);
    seq_items(b, &nb);
    return cmp_values(na, nb, op);
}

Obj *seq_compare(Obj *a, Obj *b, int op) { return seq_compare_objs(a, b, op); }

static Obj *tuple_compare(Obj *a, Obj *b, int op) {
    if (!obj_isinstance(b, &tuple_type)) return NEWREF(NotImplemented);
    return seq_compare_objs(a, b, op);
}

static intptr_t tuple_len(Obj *o) { return TUPLE_LEN(o); }

int seq_index(Obj *key, intptr_t len, intptr_t *out, const char *what) {
    intptr_t i;
    if (IS_SMALL(key)) i = SMALL_VAL(key);
    else if (int_check(key)) {
        if (int_as_index_ovf(key, &i, INDEX_OVF_INDEXERROR) < 0) return -1;
    } else {
        Obj *ix = is_heap_with(key, "__index__") ? obj_call_method(key, "__index__", NULL, 0) : NULL;
        if (!ix) {
            if (!exc_occurred())
                exc_raise(TypeError_t, "%s indices must be integers or slices, not %s", what, type_name(key));
            return -1;
        }
        int r = int_as_index_ovf(ix, &i, INDEX_OVF_INDEXERROR);
        DECREF(ix);
        if (r < 0) return -1;
    }
    if (i < 0) i += len;
    *out = i;
    return 0;
}

bool is_heap_with(Obj *o, const char *dunder) {
    Type *t = TYPE(o);
    return (t->flags & TF_HEAPTYPE) && type_lookup(t, str_intern(dunder)) != NULL;
}

Obj *tuple_getslice(Obj *t, Obj *slice) {
    intptr_t start, stop, step, n;
    if (slice_indices(slice, TUPLE_LEN(t), &start, &stop, &step, &n) < 0) return NULL;
    if (step == 1 && n == TUPLE_LEN(t) && obj_is(t, &tuple_type)) return NEWREF(t);
    Obj *r = tuple_new(n);
    if (!r) return NULL;
    for (intptr_t i = 0, j = start; i < n; i++, j += step) TUPLE_ITEMS(r)[i] = NEWREF(TUPLE_ITEMS(t)[j]);
    return r;
}

static Obj *tuple_getitem(Obj *o, Obj *key) {
    if (IS_SMALL(key)) {
        intptr_t i = SMALL_VAL(key);
        if (i < 0) i += TUPLE_LEN(o);
        if ((uintptr_t)i >= (uintptr_t)TUPLE_LEN(o)) return exc_raise(IndexError_t, "tuple index out of range");
        return NEWREF(TUPLE_ITEMS(o)[i]);
    }
    if (obj_is(key, &slice_type)) return tuple_getslice(o, key);
    intptr_t i;
    if (seq_index(key, TUPLE_LEN(o), &i, "tuple") < 0) return NULL;
    if (i < 0 || i >= TUPLE_LEN(o)) return exc_raise(IndexError_t, "tuple index out of range");
    return NEWREF(TUPLE_ITEMS(o)[i]);
}

static int tuple_contains(Obj *o, Obj *v) {
    for (intptr_t i = 0; i < TUPLE_LEN(o); i++) {
        int r = obj_eq(TUPLE_ITEMS(o)[i], v);
        if (r) return r;
    }
    return 0;
}

static Obj *tuple_iter(Obj *o) { return tupleiter_new(o); }

static Obj *tuple_add(Obj *a, Obj *b) {
    if (!obj_isinstance(a, &tuple_type)) return NEWREF(NotImplemented);
    if (!obj_isinstance(b, &tuple_type)) {
        if (is_heap_with(b, "__radd__")) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can only concatenate tuple (not \"%s\") to tuple", type_name(b));
    }
    intptr_t na = TUPLE_LEN(a), nb = TUPLE_LEN(b);
    if (nb == 0 && obj_is(a, &tuple_type)) return NEWREF(a);
    if (na == 0 && obj_is(b, &tuple_type)) return NEWREF(b);
    Obj *r = tuple_new(na + nb);
    if (!r) return NULL;
    for (intptr_t i = 0; i < na; i++) TUPLE_ITEMS(r)[i] = NEWREF(TUPLE_ITEMS(a)[i]);
    for (intptr_t i = 0; i < nb; i++) TUPLE_ITEMS(r)[na + i] = NEWREF(TUPLE_ITEMS(b)[i]);
    return r;
}

/* seq * n for tuple and list: n from an int-like, or NotImplemented. */
int seq_repeat_count(Obj *n, intptr_t *out) {
    if (IS_SMALL(n)) { *out = SMALL_VAL(n); return 1; }
    if (!int_check(n)) return 0;
    if (int_as_index(n, out) < 0) {
        if (exc_matches(OverflowError_t)) {
            exc_clear();
            exc_raise(OverflowError_t, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    return 1;
}

static Obj *tuple_mul(Obj *a, Obj *b) {
    Obj *seq = a, *num = b;
    if (!obj_isinstance(seq, &tuple_type)) { seq = b; num = a; }
    if (!obj_isinstance(seq, &tuple_type)) return NEWREF(NotImplemented);
    intptr_t n;
    int r = seq_repeat_count(num, &n);
    if (r < 0) return NULL;
    if (r == 0) {
        if (is_heap_with(num, seq == a ? "__rmul__" : "__mul__")) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can't multiply sequence by non-int of type '%s'", type_name(num));
    }
    intptr_t len = TUPLE_LEN(seq);
    if (n <= 0 || len == 0) return tuple_new(0);
    if (n == 1 && obj_is(seq, &tuple_type)) return NEWREF(seq);
    if (len > INTPTR_MAX / n) return exc_raise_memory();
    Obj *t = tuple_new(len * n);
    if (!t) return NULL;
    for (intptr_t k = 0, j = 0; k < n; k++)
        for (intptr_t i = 0; i < len; i++) TUPLE_ITEMS(t)[j++] = NEWREF(TUPLE_ITEMS(seq)[i]);
    return t;
}

static Obj *tuple_tp_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    if (no_kwargs("tuple", kwnames) < 0) return NULL;
    if (nargs > 1) return exc_raise(TypeError_t, "tuple expected at most 1 argument, got %d", nargs);
    Obj *r = nargs == 0 ? tuple_new(0) : tuple_from_iter(args[0]);
    if (!r || t == &tuple_type) return r;
    /* a subclass's instance: the same layout with the subclass as its type (TF_VARSIZE: no dict) */
    intptr_t n = TUPLE_LEN(r);
    TupleObj *o = (TupleObj *)obj_alloc(t, sizeof(TupleObj) + (size_t)n * sizeof(Obj *));
    if (!o) { DECREF(r); return NULL; }
    o->len = n;
    for (intptr_t i = 0; i < n; i++) o->items[i] = NEWREF(TUPLE_ITEMS(r)[i]);
    DECREF(r);
    return (Obj *)o;
}

/* Parse optional start/stop for index(): CPython clamps them like slice indices. */
int index_bounds(const char *fname, Obj *const *args, int nargs, intptr_t len, intptr_t *lo, intptr_t *hi) {
    *lo = 0;
    *hi = len;
    for (int k = 1; k < nargs && k < 3; k++) {
        intptr_t v;
        if (args[k] == None) continue;
        if (!int_check(args[k])) {
            exc_raise(TypeError_t, "slice indices must be integers or have an __index__ method");
            return -1;
        }
        if (int_as_index(args[k], &v) < 0) {
            exc_clear();
            v = int_sign(args[k]) < 0 ? -INTPTR_MAX : INTPTR_MAX;
        }
        if (v < 0) { v += len; if (v < 0) v = 0; }
        if (k == 1) *lo = v; else *hi = v;
    }
    (void)fname;
    return 0;
}

static Obj *tuple_m_index(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (no_kwargs("tuple.index", kw) < 0 || check_nargs("index", nargs, 1, 3) < 0) return NULL;
    intptr_t lo, hi;
    if (index_bounds("index", args, nargs, TUPLE_LEN(self), &lo, &hi) < 0) return NULL;
    for (intptr_t i = lo; i < hi && i < TUPLE_LEN(self); i++) {
        int r = obj_eq(TUPLE_ITEMS(self)[i], args[0]);
        if (r < 0) return NULL;
        if (r) return int_from_i64(i);
    }
    return exc_raise(ValueError_t, "tuple.index(x): x not in tuple");
}

static Obj *tuple_m_count(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (no_kwargs("tuple.count", kw) < 0 || check_nargs("tuple.count", nargs, 1, 1) < 0) return NULL;
    intptr_t c = 0;
    for (intptr_t i = 0; i < TUPLE_LEN(self); i++) {
        int r = obj_eq(TUPLE_ITEMS(self)[i], args[0]);
        if (r < 0) return NULL;
        c += r;
    }
    return int_from_i64(c);
}

static Obj *tuple_m_getitem(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (no_kwargs("__getitem__", kw) < 0 || check_nargs("__getitem__", nargs, 1, 1) < 0) return NULL;
    return tuple_getitem(self, args[0]);
}
static Obj *tuple_m_len(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return int_from_i64(TUPLE_LEN(self)); }

static const MethodDef tuple_methods[] = {
    {"index", tuple_m_index},
    {"count", tuple_m_count},
    {"__getitem__", tuple_m_getitem},
    {"__len__", tuple_m_len},
    {NULL, NULL},
};

Type tuple_type = {
    .base = TYPE_HEAD, .name = "tuple", .size = sizeof(TupleObj), .dealloc = tuple_dealloc,
    .flags = TF_BASETYPE | TF_VARSIZE,
    .repr = tuple_repr, .hash = tuple_hash, .compare = tuple_compare, .len = tuple_len,
    .getitem = tuple_getitem, .contains = tuple_contains, .iter = tuple_iter,
    .nb = {[NB_ADD] = tuple_add, [NB_MUL] = tuple_mul}, .methods = tuple_methods,
    .new_ = tuple_tp_new, .traverse = tuple_traverse,
};
