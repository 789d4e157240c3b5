/*
 * interp/objects/list.c — list: a growable array of references (over-allocated like CPython's, so
 * append is amortised O(1)), its methods, slicing with steps, and a stable merge sort.
 *
 * Invariant: items[0..len) are valid references; capacity cap >= len. Any call out to Python
 * code (__eq__, __lt__, key=) may change the list, so loops re-read len/items after each call.
 * sort() detaches the items while it runs ("list modified during sort").
 * Free-threaded policy (`none`, rules in objlock.h): every read or write of len/items/cap that
 * is more than one word holds the list's object lock; DECREFs of removed items happen after
 * unlocking. Mutators (append, insert, extend from a list/tuple, pop, remove, clear, reverse,
 * *=, item and slice assignment/deletion) are atomic. Readers copy what they need under the lock:
 * l[i], l[a:b], copy(), tuple(l), list(l), l + m, l * n and comparisons work on a snapshot;
 * count/index/`in`/remove compare under the lock when every comparison is between builtin
 * scalars (no Python code can run), else over a snapshot (remove then re-checks that the prefix
 * it scanned is unchanged before removing, or rescans). sort() empties the list while it runs,
 * as CPython does: concurrent readers see [], writers make sort raise "list modified during
 * sort". Extend from an arbitrary iterator appends item by item (not atomic, as in 3.13t).
 *
 * Called by: the VM (BUILD_LIST, LIST_APPEND, LIST_EXTEND), everyone. Locks: none (GIL).
 */
#include <string.h>
#include "objects/objects.h"
#include "core/objlock.h"

#define L(o) ((ListObj *)(o))
/* len is read without the lock (len(l), loop bounds, a first look before locking), so under
 * `none` every store and every load of it is a relaxed atomic: one plain mov on every target, no
 * cost under a GIL, and no data race in the C11 sense (TSan-clean). items/cap are touched only
 * under the lock (or by the only thread that can see the list). */
#define LEN(o) __atomic_load_n(&L(o)->len, __ATOMIC_RELAXED)
static inline void set_len(ListObj *l, intptr_t n) { __atomic_store_n(&l->len, n, __ATOMIC_RELAXED); }

static int list_resize(Obj *o, intptr_t newlen) {
    ListObj *l = L(o);
    if (newlen <= l->cap && newlen >= l->cap / 2) { set_len(l, newlen); return 0; }
    intptr_t cap = newlen + (newlen >> 3) + (newlen < 9 ? 3 : 6);
    if (newlen == 0) {
        mem_free(l->items);
        l->items = NULL;
        l->cap = 0;
        set_len(l, 0);
        return 0;
    }
    if ((size_t)cap > SIZE_MAX / 2 / sizeof(Obj *)) { exc_raise_memory(); return -1; }
    Obj **p = mem_realloc(l->items, (size_t)cap * sizeof(Obj *));
    if (!p && cap) return -1;
    l->items = p;
    l->cap = cap;
    set_len(l, newlen);
    return 0;
}

static ListObj *list_alloc(Type *t, intptr_t len) {
    if (len < 0 || (size_t)len > SIZE_MAX / 2 / sizeof(Obj *)) { exc_raise_memory(); return NULL; }
    ListObj *l = (ListObj *)obj_alloc(t, t->size ? t->size : sizeof(ListObj));
    if (!l) return NULL;
    if (len) {
        l->items = mem_alloc((size_t)len * sizeof(Obj *));
        if (!l->items) { DECREF((Obj *)l); return NULL; }
        memset(l->items, 0, (size_t)len * sizeof(Obj *));
    }
    l->len = len;
    l->cap = len;
    return l;
}

Obj *list_new(intptr_t len) { return (Obj *)list_alloc(&list_type, len); }

int list_append(Obj *o, Obj *v) {
    ListObj *l = L(o);
    obj_lock(o);
    if (l->len < l->cap) {
        l->items[l->len] = NEWREF(v);
        set_len(l, l->len + 1);
        obj_unlock(o);
        return 0;
    }
    intptr_t n = l->len;
    if (list_resize(o, n + 1) < 0) { obj_unlock(o); return -1; }
    l->items[n] = NEWREF(v);
    obj_unlock(o);
    return 0;
}

int list_insert(Obj *o, intptr_t i, Obj *v) {
    obj_lock(o);
    intptr_t n = LEN(o);
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    if (list_resize(o, n + 1) < 0) { obj_unlock(o); return -1; }
    Obj **it = LIST_ITEMS(o);
    memmove(&it[i + 1], &it[i], (size_t)(n - i) * sizeof(Obj *));
    it[i] = NEWREF(v);
    obj_unlock(o);
    return 0;
}

int list_extend(Obj *o, Obj *src) {
    if (obj_is(src, &list_type) || obj_is(src, &tuple_type)) {
        bool isl = obj_is(src, &list_type);
        if (isl) obj_lock2(o, src); else obj_lock(o);   /* two-object section, stripes in order */
        intptr_t m = LEN(o);
        intptr_t n = isl ? LEN(src) : TUPLE_LEN(src);
        int r = n ? list_resize(o, m + n) : 0;
        if (r == 0) {
            /* src may be o itself: its items pointer may have moved, so read it after the resize. */
            Obj **s = isl ? LIST_ITEMS(src) : TUPLE_ITEMS(src);
            for (intptr_t i = 0; i < n; i++) LIST_ITEMS(o)[m + i] = NEWREF(s[i]);
        }
        if (isl) obj_unlock2(o, src); else obj_unlock(o);
        return r;
    }
    Obj *it = obj_iter(src);
    if (!it) return -1;
    for (;;) {
        Obj *v = obj_next(it);
        if (!v) break;
        int r = list_append(o, v);
        DECREF(v);
        if (r < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    return exc_occurred() ? -1 : 0;
}

Obj *list_from_iter(Obj *src) {
    Obj *l = list_new(0);
    if (!l) return NULL;
    if (list_extend(l, src) < 0) { DECREF(l); return NULL; }
    return l;
}

/* A snapshot of l's items as a tuple (allocated under l's lock: one consistent state). */
Obj *list_as_tuple(Obj *l) {
    obj_lock(l);
    intptr_t n = LEN(l);
    Obj *t = tuple_new(n);
    if (t) for (intptr_t i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NEWREF(LIST_ITEMS(l)[i]);
    obj_unlock(l);
    return t;
}

/* Equality between these runs no Python code and takes no lock, so it may run under a list's
 * lock (exact builtin scalars only: a subclass may define __eq__). */
static inline bool eq_is_native(Obj *x) {
    if (IS_SMALL(x)) return true;
    Type *t = x->type;
    return t == &int_type || t == &str_type || t == &float_type || t == &bool_type ||
           t == &none_type || t == &bytes_type;
}

/* Under `none`: the first index in [lo, hi) whose item == v, compared under o's lock.
 * Returns the index, -1 for none, -2 if some comparison could run Python code (the caller then
 * works on a snapshot). With count != NULL, counts the matches instead (returns 0). */
static intptr_t scan_native_locked(Obj *o, Obj *v, intptr_t lo, intptr_t hi, intptr_t *count) {
    if (!eq_is_native(v)) return -2;
    intptr_t r = -1, c = 0;
    obj_lock(o);
    if (hi > LEN(o)) hi = LEN(o);
    for (intptr_t i = lo; i < hi; i++) {
        Obj *x = LIST_ITEMS(o)[i];
        if (!eq_is_native(x)) { r = -2; break; }
        if (x == v || obj_eq(x, v) == 1) {
            if (!count) { r = i; break; }
            c++;
        }
    }
    obj_unlock(o);
    if (count && r != -2) { *count = c; r = 0; }
    return r;
}

static void list_clear_items(Obj *o) {
    ListObj *l = L(o);
    obj_lock(o);
    Obj **items = l->items;
    intptr_t n = l->len;
    l->items = NULL;
    l->cap = 0;
    set_len(l, 0);
    obj_unlock(o);
    if (!items) return;
    while (--n >= 0) XDECREF(items[n]);
    mem_free(items);
}

/* The cycle collector (interp/runtime/gc.c) calls these with the world stopped / on an
 * unreachable list: no other thread touches the items. */
static int list_traverse(Obj *o, VisitFn visit, void *arg) {
    ListObj *l = L(o);
    for (intptr_t i = 0; i < l->len; i++) VISIT(l->items[i]);
    return 0;
}

static void list_clear(Obj *o) { list_clear_items(o); }

static void list_dealloc(Obj *o) {
    inst_dict_clear(o);
    list_clear_items(o);
    obj_free(o);
}

/* items[i] as a new reference, or NULL when i is past the end (taken under the object lock, so
 * a concurrent resize under the free-threaded policy cannot pull the array away). */
static inline Obj *item_ref(Obj *o, intptr_t i) {
    if (!rc_atomic) return i < LEN(o) ? NEWREF(LIST_ITEMS(o)[i]) : NULL;
    obj_lock(o);
    Obj *v = i < LEN(o) ? NEWREF(LIST_ITEMS(o)[i]) : NULL;
    obj_unlock(o);
    return v;
}

static Obj *list_repr(Obj *o) {
    if (LEN(o) == 0) return str_from_cstr("[]");
    int g = repr_enter(o);
    if (g < 0) return NULL;
    if (g > 0) return str_from_cstr("[...]");
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '[');
    for (intptr_t i = 0; i < LEN(o); i++) {
        Obj *v = item_ref(o, i);
        if (!v) break;
        if (i) sb_add(&b, ", ", 2);
        int r = sb_add_repr(&b, v);
        DECREF(v);
        if (r < 0) { sb_free(&b); repr_leave(o); return NULL; }
    }
    sb_addc(&b, ']');
    repr_leave(o);
    return sb_finish(&b);
}

static Obj *list_compare(Obj *a, Obj *b, int op) {
    if (!obj_isinstance(a, &list_type) || !obj_isinstance(b, &list_type)) return NEWREF(NotImplemented);
    if (rc_atomic) {
        /* Compare snapshots of both, taken together (two-object section, stripes in order). */
        obj_lock2(a, b);
        intptr_t na = LEN(a), nb = LEN(b);
        Obj *ta = tuple_new(na), *tb = ta ? tuple_new(nb) : NULL;
        if (ta && tb) {
            for (intptr_t i = 0; i < na; i++) TUPLE_ITEMS(ta)[i] = NEWREF(LIST_ITEMS(a)[i]);
            for (intptr_t i = 0; i < nb; i++) TUPLE_ITEMS(tb)[i] = NEWREF(LIST_ITEMS(b)[i]);
        } else if (ta) {
            TUPLE_LEN(ta) = 0;   /* released below, outside the lock */
        }
        obj_unlock2(a, b);
        Obj *r = NULL;
        if (ta && tb) r = (op == CMP_EQ || op == CMP_NE) && na != nb ? bool_from(op == CMP_NE) : seq_compare(ta, tb, op);
        XDECREF(ta);
        XDECREF(tb);
        return r;
    }
    if ((op == CMP_EQ || op == CMP_NE) && LEN(a) != LEN(b)) return bool_from(op == CMP_NE);
    return seq_compare(a, b, op);
}

static intptr_t list_len(Obj *o) { return LEN(o); }

/* o[lo:hi] clamped to o's length at the moment of the copy (allocated under the lock, so the
 * copy is one consistent state of o). */
Obj *list_getslice_raw(Obj *o, intptr_t lo, intptr_t hi) {
    if (lo < 0) lo = 0;
    obj_lock(o);
    if (hi > LEN(o)) hi = LEN(o);
    if (hi < lo) hi = lo;
    ListObj *r = list_alloc(&list_type, hi - lo);
    if (r) for (intptr_t i = lo; i < hi; i++) r->items[i - lo] = NEWREF(LIST_ITEMS(o)[i]);
    obj_unlock(o);
    return (Obj *)r;
}

/* Resolve a slice against o's current length and return with o's lock held. slice_indices may
 * call __index__ (Python code), so it runs unlocked; if the length changed meanwhile (another
 * thread, `none` only) it is resolved again. */
static int slice_locked(Obj *o, Obj *key, intptr_t *start, intptr_t *stop, intptr_t *step, intptr_t *n) {
    for (;;) {
        intptr_t len = __atomic_load_n(&L(o)->len, __ATOMIC_RELAXED);
        if (slice_indices(key, len, start, stop, step, n) < 0) return -1;
        obj_lock(o);
        if (LEN(o) == len) return 0;
        obj_unlock(o);
    }
}

static Obj *list_getitem(Obj *o, Obj *key) {
    intptr_t i;
    if (IS_SMALL(key)) {
        i = SMALL_VAL(key);
        if (i < 0) i += LEN(o);
    } else if (obj_is(key, &slice_type)) {
        intptr_t start, stop, step, n;
        if (slice_locked(o, key, &start, &stop, &step, &n) < 0) return NULL;
        if (step == 1) { obj_unlock(o); return list_getslice_raw(o, start, stop); }
        ListObj *r = list_alloc(&list_type, n);
        intptr_t k = 0;
        if (r) for (intptr_t j = start; k < n && j >= 0 && j < LEN(o); k++, j += step) r->items[k] = NEWREF(LIST_ITEMS(o)[j]);
        obj_unlock(o);
        if (r) r->len = k;
        return (Obj *)r;
    } else if (seq_index(key, LEN(o), &i, "list") < 0) {
        return NULL;
    }
    obj_lock(o);
    if ((uintptr_t)i >= (uintptr_t)LEN(o)) {
        obj_unlock(o);
        return exc_raise(IndexError_t, "list index out of range");
    }
    Obj *v = NEWREF(LIST_ITEMS(o)[i]);
    obj_unlock(o);
    return v;
}

/* l[lo:hi] = items (n of them, borrowed; never l's own items, nor another list's: callers pass a
 * private copy or a tuple). Takes o's lock; the replaced items are released after unlocking. */
static int list_ass_slice(Obj *o, intptr_t lo, intptr_t hi, Obj *const *src, intptr_t n) {
    obj_lock(o);
    intptr_t len = LEN(o);
    if (lo < 0) lo = 0; else if (lo > len) lo = len;
    if (hi < lo) hi = lo; else if (hi > len) hi = len;
    intptr_t d = hi - lo;
    Obj **old = NULL;
    if (d) {
        old = mem_alloc((size_t)d * sizeof(Obj *));
        if (!old) { obj_unlock(o); return -1; }
        memcpy(old, &LIST_ITEMS(o)[lo], (size_t)d * sizeof(Obj *));
    }
    if (n > d) {
        if (list_resize(o, len + n - d) < 0) {
            obj_unlock(o);
            mem_free(old);
            return -1;
        }
        memmove(&LIST_ITEMS(o)[hi + n - d], &LIST_ITEMS(o)[hi], (size_t)(len - hi) * sizeof(Obj *));
    } else if (n < d) {
        memmove(&LIST_ITEMS(o)[lo + n], &LIST_ITEMS(o)[hi], (size_t)(len - hi) * sizeof(Obj *));
        list_resize(o, len + n - d);
    }
    for (intptr_t i = 0; i < n; i++) LIST_ITEMS(o)[lo + i] = NEWREF(src[i]);
    obj_unlock(o);
    for (intptr_t i = 0; i < d; i++) DECREF(old[i]);
    mem_free(old);
    return 0;
}

static int list_setitem(Obj *o, Obj *key, Obj *val) {
    intptr_t i;
    if (obj_is(key, &slice_type)) {
        intptr_t start, stop, step, n;
        if (!val) {
            if (slice_locked(o, key, &start, &stop, &step, &n) < 0) return -1;
            if (step == 1) { obj_unlock(o); return list_ass_slice(o, start, stop, NULL, 0); }
            if (n == 0) { obj_unlock(o); return 0; }
            if (step < 0) { start = start + step * (n - 1); step = -step; }
            Obj **it = LIST_ITEMS(o);
            Obj **dead = mem_alloc((size_t)n * sizeof(Obj *));
            if (!dead) { obj_unlock(o); return -1; }
            intptr_t w = start, k = 0, len = LEN(o);
            for (intptr_t r = start; r < len; r++) {
                if (k < n && r == start + k * step) { dead[k++] = it[r]; continue; }
                it[w++] = it[r];
            }
            list_resize(o, len - n);
            obj_unlock(o);
            for (intptr_t j = 0; j < n; j++) DECREF(dead[j]);
            mem_free(dead);
            return 0;
        }
        /* Materialise the right side first (it may be l itself; under `none` any list may change
         * meanwhile, so every list is copied). */
        Obj *seq = (obj_is(val, &list_type) && val != o && !rc_atomic) || obj_is(val, &tuple_type) ? NEWREF(val) : list_from_iter(val);
        if (!seq) {
            if (exc_matches(TypeError_t)) {
                /* step is not computed yet (slice_locked runs after the copy): read it from the
                 * slice object, as CPython does (None and 1 are a plain slice). */
                Obj *st = ((SliceObj *)key)->step;
                int plain = st == None || (IS_SMALL(st) && SMALL_VAL(st) == 1);
                exc_clear();
                exc_raise(TypeError_t, plain ? "can only assign an iterable" : "must assign iterable to extended slice");
            }
            return -1;
        }
        Obj **src = obj_is(seq, &tuple_type) ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
        intptr_t m = obj_is(seq, &tuple_type) ? TUPLE_LEN(seq) : LEN(seq);
        if (slice_locked(o, key, &start, &stop, &step, &n) < 0) { DECREF(seq); return -1; }
        int r = 0;
        if (step == 1) {
            obj_unlock(o);
            r = list_ass_slice(o, start, stop, src, m);
        } else if (m != n) {
            obj_unlock(o);
            exc_raise(ValueError_t, "attempt to assign sequence of size %ld to extended slice of size %ld", (long)m, (long)n);
            r = -1;
        } else {
            Obj **old = n ? mem_alloc((size_t)n * sizeof(Obj *)) : NULL;
            if (n && !old) r = -1;
            else for (intptr_t k = 0, j = start; k < n; k++, j += step) {
                old[k] = LIST_ITEMS(o)[j];
                LIST_ITEMS(o)[j] = NEWREF(src[k]);
            }
            obj_unlock(o);
            for (intptr_t k = 0; r == 0 && k < n; k++) DECREF(old[k]);
            mem_free(old);
        }
        DECREF(seq);
        return r;
    }
    if (IS_SMALL(key)) {
        i = SMALL_VAL(key);
        if (i < 0) i += LEN(o);
    } else if (seq_index(key, LEN(o), &i, "list") < 0) return -1;
    obj_lock(o);
    if ((uintptr_t)i >= (uintptr_t)LEN(o)) {
        obj_unlock(o);
        exc_raise(IndexError_t, "list assignment index out of range");
        return -1;
    }
    Obj *old = LIST_ITEMS(o)[i];
    if (val) {
        LIST_ITEMS(o)[i] = NEWREF(val);
    } else {
        memmove(&LIST_ITEMS(o)[i], &LIST_ITEMS(o)[i + 1], (size_t)(LEN(o) - i - 1) * sizeof(Obj *));
        list_resize(o, LEN(o) - 1);
    }
    obj_unlock(o);
    DECREF(old);
    return 0;
}

/* Under `none`, the scans below that call __eq__ run over a snapshot tuple: its items cannot be
 * freed or moved under them, and the answer is that of one consistent state of the list. */
static int tuple_find(Obj *t, Obj *v, intptr_t lo, intptr_t hi, intptr_t *where, intptr_t *count) {
    if (hi > TUPLE_LEN(t)) hi = TUPLE_LEN(t);
    for (intptr_t i = lo; i < hi; i++) {
        Obj *x = TUPLE_ITEMS(t)[i];
        int r = x == v ? 1 : obj_eq(x, v);
        if (r < 0) return -1;
        if (r && !count) { *where = i; return 1; }
        if (r) ++*count;
    }
    return 0;
}

static int list_contains(Obj *o, Obj *v) {
    if (rc_atomic) {
        intptr_t r = scan_native_locked(o, v, 0, INTPTR_MAX, NULL);
        if (r != -2) return r >= 0;
        Obj *t = list_as_tuple(o);
        if (!t) return -1;
        intptr_t where;
        int f = tuple_find(t, v, 0, INTPTR_MAX, &where, NULL);
        DECREF(t);
        return f;
    }
    for (intptr_t i = 0; i < LEN(o); i++) {
        Obj *x = item_ref(o, i);
        if (!x) break;
        if (x == v) { DECREF(x); return 1; }
        int r = obj_eq(x, v);
        DECREF(x);
        if (r) return r;
    }
    return 0;
}

static Obj *list_iter(Obj *o) { return listiter_new(o, false); }

static Obj *list_add(Obj *a, Obj *b) {
    if (!obj_isinstance(a, &list_type)) return NEWREF(NotImplemented);
    if (!obj_isinstance(b, &list_type)) {
        if (is_heap_with(b, "__radd__")) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can only concatenate list (not \"%s\") to list", type_name(b));
    }
    obj_lock2(a, b);   /* both operands as of one moment */
    intptr_t na = LEN(a), nb = LEN(b);
    ListObj *r = list_alloc(&list_type, na + nb);
    if (r) {
        for (intptr_t i = 0; i < na; i++) r->items[i] = NEWREF(LIST_ITEMS(a)[i]);
        for (intptr_t i = 0; i < nb; i++) r->items[na + i] = NEWREF(LIST_ITEMS(b)[i]);
    }
    obj_unlock2(a, b);
    return (Obj *)r;
}

static Obj *list_mul(Obj *a, Obj *b) {
    Obj *seq = a, *num = b;
    if (!obj_isinstance(seq, &list_type)) { seq = b; num = a; }
    if (!obj_isinstance(seq, &list_type)) return NEWREF(NotImplemented);
    intptr_t n;
    int rc = seq_repeat_count(num, &n);
    if (rc < 0) return NULL;
    if (rc == 0) {
        if (is_heap_with(num, seq == a ? "__rmul__" : "__mul__")) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can't multiply sequence by non-int of type '%s'", type_name(num));
    }
    if (n <= 0) return list_new(0);
    obj_lock(seq);
    intptr_t len = LEN(seq);
    ListObj *r;
    if (len == 0) r = list_alloc(&list_type, 0);
    else if (len > INTPTR_MAX / 8 / n) r = (ListObj *)exc_raise_memory();
    else r = list_alloc(&list_type, len * n);
    if (r)
        for (intptr_t k = 0, j = 0; k < n; k++)
            for (intptr_t i = 0; i < len; i++) r->items[j++] = NEWREF(LIST_ITEMS(seq)[i]);
    obj_unlock(seq);
    return (Obj *)r;
}

static Obj *list_tp_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    if (t != &list_type) return (Obj *)list_alloc(t, 0);   /* a subclass: __init__ fills it */
    if (no_kwargs("list", kwnames) < 0) return NULL;
    if (nargs > 1) return exc_raise(TypeError_t, "list expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return list_new(0);
    return list_from_iter(args[0]);
}

/* ---- sort: stable merge sort over (key, value) pairs ------------------------------------------- */

static inline int sort_lt(Obj *a, Obj *b) {
    if (IS_SMALL(a) && IS_SMALL(b)) return (intptr_t)a < (intptr_t)b;
    return obj_compare_bool(a, b, CMP_LT);
}

/* Merge keys[lo..mid) and keys[mid..hi) (vals in parallel if non-NULL) through tmp buffers.
 * On error the arrays stay a permutation of their input. */
static int merge(Obj **k, Obj **v, Obj **tk, Obj **tv, intptr_t lo, intptr_t mid, intptr_t hi) {
    intptr_t i = lo, j = mid, o = lo;
    int err = 0;
    while (i < mid && j < hi) {
        int lt = err ? 0 : sort_lt(k[j], k[i]);
        if (lt < 0) { err = 1; lt = 0; }
        if (lt) { tk[o] = k[j]; if (v) tv[o] = v[j]; o++; j++; }
        else { tk[o] = k[i]; if (v) tv[o] = v[i]; o++; i++; }
    }
    while (i < mid) { tk[o] = k[i]; if (v) tv[o] = v[i]; o++; i++; }
    while (j < hi) { tk[o] = k[j]; if (v) tv[o] = v[j]; o++; j++; }
    memcpy(&k[lo], &tk[lo], (size_t)(hi - lo) * sizeof(Obj *));
    if (v) memcpy(&v[lo], &tv[lo], (size_t)(hi - lo) * sizeof(Obj *));
    return err ? -1 : 0;
}

static int msort(Obj **k, Obj **v, intptr_t n) {
    const intptr_t RUN = 16;
    /* Insertion sort on runs (binary-free, stable). */
    for (intptr_t lo = 0; lo < n; lo += RUN) {
        intptr_t hi = lo + RUN < n ? lo + RUN : n;
        for (intptr_t i = lo + 1; i < hi; i++) {
            Obj *x = k[i], *xv = v ? v[i] : NULL;
            intptr_t j = i;
            while (j > lo) {
                int lt = sort_lt(x, k[j - 1]);
                if (lt < 0) { k[j] = x; if (v) v[j] = xv; return -1; }
                if (!lt) break;
                k[j] = k[j - 1];
                if (v) v[j] = v[j - 1];
                j--;
            }
            k[j] = x;
            if (v) v[j] = xv;
        }
    }
    if (n <= RUN) return 0;
    Obj **tk = mem_alloc((size_t)n * sizeof(Obj *) * (v ? 2 : 1));
    if (!tk) return -1;
    Obj **tv = v ? tk + n : NULL;
    for (intptr_t w = RUN; w < n; w *= 2) {
        for (intptr_t lo = 0; lo + w < n; lo += 2 * w) {
            intptr_t mid = lo + w, hi = lo + 2 * w < n ? lo + 2 * w : n;
            int lt = sort_lt(k[mid], k[mid - 1]);   /* already in order? */
            if (lt < 0 || (lt && merge(k, v, tk, tv, lo, mid, hi) < 0)) { mem_free(tk); return -1; }
        }
    }
    mem_free(tk);
    return 0;
}

static void reverse_items(Obj **p, intptr_t n) {
    for (intptr_t i = 0, j = n - 1; i < j; i++, j--) { Obj *t = p[i]; p[i] = p[j]; p[j] = t; }
}

int list_sort(Obj *o, Obj *key, bool reverse) {
    ListObj *l = L(o);
    /* Detach the items under the lock: while key= and __lt__ run, readers see [] (never a
     * half-sorted array) and a writer's change is detected below. */
    obj_lock(o);
    Obj **items = l->items;
    intptr_t n = l->len, cap = l->cap;
    l->items = NULL;
    l->cap = 0;
    set_len(l, 0);
    obj_unlock(o);
    Obj **keys = items;
    int err = 0;
    if (key && key != None && n > 0) {
        keys = mem_alloc((size_t)n * sizeof(Obj *));
        if (!keys) err = -1;
        else {
            for (intptr_t i = 0; i < n; i++) {
                keys[i] = obj_call1(key, items[i]);
                if (!keys[i]) {
                    for (intptr_t j = 0; j < i; j++) DECREF(keys[j]);
                    mem_free(keys);
                    keys = items;
                    err = -1;
                    break;
                }
            }
        }
    }
    if (!err && n > 1) {
        Obj **vals = keys != items ? items : NULL;
        if (reverse) { reverse_items(keys, n); if (vals) reverse_items(vals, n); }
        err = msort(keys, vals, n);
        if (reverse) { reverse_items(keys, n); if (vals) reverse_items(vals, n); }
    }
    if (keys != items) {
        for (intptr_t i = 0; i < n; i++) DECREF(keys[i]);
        mem_free(keys);
    }
    /* Re-attach under the lock; whatever others put in meanwhile is released after unlocking. */
    obj_lock(o);
    Obj **added = l->items;
    intptr_t nadded = l->len;
    bool modified = added != NULL || nadded != 0;
    l->items = items;
    set_len(l, n);
    l->cap = cap;
    obj_unlock(o);
    if (added) {
        while (--nadded >= 0) XDECREF(added[nadded]);
        mem_free(added);
    }
    if (modified && !err) {
        exc_raise(ValueError_t, "list modified during sort");
        err = -1;
    }
    return err ? -1 : 0;
}

/* ---- methods -------------------------------------------------------------------------------- */

static Obj *list_m_append(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list.append", k) < 0 || check_nargs("list.append", n, 1, 1) < 0) return NULL;
    if (list_append(self, a[0]) < 0) return NULL;
    return none_ref();
}

static Obj *list_m_extend(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list.extend", k) < 0 || check_nargs("list.extend", n, 1, 1) < 0) return NULL;
    if (list_extend(self, a[0]) < 0) return NULL;
    return none_ref();
}

static Obj *list_m_insert(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list.insert", k) < 0) return NULL;
    if (n != 2) return exc_raise(TypeError_t, "insert expected 2 arguments, got %d", n);
    intptr_t i;
    if (IS_SMALL(a[0])) i = SMALL_VAL(a[0]);
    else if (!int_check(a[0])) return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
    else if (int_as_index_ovf(a[0], &i, INDEX_OVF_SSIZE) < 0) return NULL;
    if (list_insert(self, i, a[1]) < 0) return NULL;
    return none_ref();
}

static Obj *list_m_pop(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list.pop", k) < 0 || check_nargs("pop", n, 0, 1) < 0) return NULL;
    intptr_t len = LEN(self), i = len - 1;
    if (n == 1) {
        if (IS_SMALL(a[0])) i = SMALL_VAL(a[0]);
        else if (!int_check(a[0])) return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
        else if (int_as_index_ovf(a[0], &i, INDEX_OVF_SSIZE) < 0) return NULL;
        if (i < 0) i += len;
    }
    obj_lock(self);
    if (LEN(self) != len) {   /* another thread changed it (free-threaded policy): re-resolve */
        if (n == 0) i = LEN(self) - 1;
        else if (i >= LEN(self)) i = -1;
        len = LEN(self);
    }
    if (len == 0) { obj_unlock(self); return exc_raise(IndexError_t, "pop from empty list"); }
    if (i < 0 || i >= len) { obj_unlock(self); return exc_raise(IndexError_t, "pop index out of range"); }
    Obj *v = LIST_ITEMS(self)[i];
    memmove(&LIST_ITEMS(self)[i], &LIST_ITEMS(self)[i + 1], (size_t)(len - i - 1) * sizeof(Obj *));
    list_resize(self, len - 1);
    obj_unlock(self);
    return v;
}

static Obj *list_m_remove(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list.remove", k) < 0 || check_nargs("list.remove", n, 1, 1) < 0) return NULL;
    if (rc_atomic) {
        for (;;) {
            /* Builtin scalars: find and remove in one locked section. */
            if (eq_is_native(a[0])) {
                obj_lock(self);
                intptr_t i = -1, len = LEN(self);
                bool native = true;
                for (intptr_t j = 0; j < len; j++) {
                    Obj *x = LIST_ITEMS(self)[j];
                    if (!eq_is_native(x)) { native = false; break; }
                    if (x == a[0] || obj_eq(x, a[0]) == 1) { i = j; break; }
                }
                Obj *v = NULL;
                if (native && i >= 0) {
                    v = LIST_ITEMS(self)[i];
                    memmove(&LIST_ITEMS(self)[i], &LIST_ITEMS(self)[i + 1], (size_t)(len - i - 1) * sizeof(Obj *));
                    list_resize(self, len - 1);
                }
                obj_unlock(self);
                if (native) {
                    if (!v) break;
                    DECREF(v);
                    return none_ref();
                }
            }
            /* __eq__ may run Python code: scan a snapshot unlocked, then remove item i only if
             * items[0..i] are still the ones scanned (so i is still the first equal item);
             * otherwise another thread changed that prefix: scan again. */
            Obj *t = list_as_tuple(self);
            if (!t) return NULL;
            intptr_t i = -1;
            int f = tuple_find(t, a[0], 0, INTPTR_MAX, &i, NULL);
            if (f <= 0) { DECREF(t); if (f < 0) return NULL; break; }
            Obj *v = NULL;
            obj_lock(self);
            intptr_t len = LEN(self);
            bool same = i < len;
            for (intptr_t j = 0; same && j <= i; j++) same = LIST_ITEMS(self)[j] == TUPLE_ITEMS(t)[j];
            if (same) {
                v = LIST_ITEMS(self)[i];
                memmove(&LIST_ITEMS(self)[i], &LIST_ITEMS(self)[i + 1], (size_t)(len - i - 1) * sizeof(Obj *));
                list_resize(self, len - 1);
            }
            obj_unlock(self);
            DECREF(t);
            if (same) { DECREF(v); return none_ref(); }
        }
        return exc_raise(ValueError_t, "list.remove(x): x not in list");
    }
    for (intptr_t i = 0; i < LEN(self); i++) {
        obj_lock(self);
        if (i >= LEN(self)) { obj_unlock(self); break; }
        Obj *x = NEWREF(LIST_ITEMS(self)[i]);
        obj_unlock(self);
        int r = obj_eq(x, a[0]);
        DECREF(x);
        if (r < 0) return NULL;
        if (r) {
            Obj *v = NULL;
            obj_lock(self);
            if (i < LEN(self)) {
                v = LIST_ITEMS(self)[i];
                memmove(&LIST_ITEMS(self)[i], &LIST_ITEMS(self)[i + 1], (size_t)(LEN(self) - i - 1) * sizeof(Obj *));
                list_resize(self, LEN(self) - 1);
            }
            obj_unlock(self);
            XDECREF(v);
            return none_ref();
        }
    }
    return exc_raise(ValueError_t, "list.remove(x): x not in list");
}

static Obj *list_m_index(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list.index", k) < 0 || check_nargs("index", n, 1, 3) < 0) return NULL;
    intptr_t lo, hi;
    if (index_bounds("index", a, n, LEN(self), &lo, &hi) < 0) return NULL;
    if (rc_atomic) {
        intptr_t r = scan_native_locked(self, a[0], lo, hi, NULL);
        if (r >= 0) return int_from_i64(r);
        if (r == -2) {
            Obj *t = list_as_tuple(self);
            if (!t) return NULL;
            int f = tuple_find(t, a[0], lo, hi, &r, NULL);
            DECREF(t);
            if (f < 0) return NULL;
            if (f) return int_from_i64(r);
        }
        return exc_raise(ValueError_t, "%R is not in list", a[0]);
    }
    for (intptr_t i = lo; i < hi && i < LEN(self); i++) {
        Obj *x = item_ref(self, i);
        if (!x) break;
        int r = obj_eq(x, a[0]);
        DECREF(x);
        if (r < 0) return NULL;
        if (r) return int_from_i64(i);
    }
    return exc_raise(ValueError_t, "%R is not in list", a[0]);
}

static Obj *list_m_count(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list.count", k) < 0 || check_nargs("list.count", n, 1, 1) < 0) return NULL;
    intptr_t c = 0;
    if (rc_atomic) {
        if (scan_native_locked(self, a[0], 0, INTPTR_MAX, &c) == 0) return int_from_i64(c);
        Obj *t = list_as_tuple(self);
        if (!t) return NULL;
        intptr_t where;
        c = 0;
        int f = tuple_find(t, a[0], 0, INTPTR_MAX, &where, &c);
        DECREF(t);
        return f < 0 ? NULL : int_from_i64(c);
    }
    for (intptr_t i = 0; i < LEN(self); i++) {
        Obj *x = item_ref(self, i);
        if (!x) break;
        int r = obj_eq(x, a[0]);
        DECREF(x);
        if (r < 0) return NULL;
        c += r;
    }
    return int_from_i64(c);
}

static Obj *list_m_sort(Obj *self, Obj *const *a, int n, Obj *k) {
    Obj *p[2];
    if (n > 0) return exc_raise(TypeError_t, "sort() takes no positional arguments");
    if (args_parse("sort", a, n, k, "|$key,reverse", p) < 0) return NULL;
    int rev = 0;
    if (p[1]) {
        if (!int_check(p[1]))
            return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(p[1]));
        rev = obj_truth(p[1]);
        if (rev < 0) return NULL;
    }
    if (list_sort(self, p[0], rev) < 0) return NULL;
    return none_ref();
}

static Obj *list_m_reverse(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("list.reverse", k) < 0 || check_nargs("list.reverse", n, 0, 0) < 0) return NULL;
    obj_lock(self);
    reverse_items(LIST_ITEMS(self), LEN(self));
    obj_unlock(self);
    return none_ref();
}

static Obj *list_m_copy(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("list.copy", k) < 0 || check_nargs("list.copy", n, 0, 0) < 0) return NULL;
    return list_getslice_raw(self, 0, LEN(self));
}

static Obj *list_m_clear(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("list.clear", k) < 0 || check_nargs("list.clear", n, 0, 0) < 0) return NULL;
    list_clear_items(self);
    return none_ref();
}

static Obj *list_m_init(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("list", k) < 0) return NULL;
    if (n > 1) return exc_raise(TypeError_t, "list expected at most 1 argument, got %d", n);
    list_clear_items(self);
    if (n == 1 && list_extend(self, a[0]) < 0) return NULL;
    return none_ref();
}

static Obj *list_m_iadd(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__iadd__", k) < 0 || check_nargs("__iadd__", n, 1, 1) < 0) return NULL;
    if (list_extend(self, a[0]) < 0) return NULL;
    return NEWREF(self);
}

static Obj *list_m_imul(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__imul__", k) < 0 || check_nargs("__imul__", n, 1, 1) < 0) return NULL;
    intptr_t c;
    int rc = seq_repeat_count(a[0], &c);
    if (rc < 0) return NULL;
    if (rc == 0) return exc_raise(TypeError_t, "can't multiply sequence by non-int of type '%s'", type_name(a[0]));
    if (c <= 0) { list_clear_items(self); return NEWREF(self); }
    obj_lock(self);
    intptr_t len = LEN(self);
    int err = 0;
    if (len > 0 && len > INTPTR_MAX / 8 / c) { exc_raise_memory(); err = -1; }
    else if (len > 0) err = list_resize(self, len * c);
    if (len > 0 && err == 0)
        for (intptr_t r = 1; r < c; r++)
            for (intptr_t i = 0; i < len; i++) LIST_ITEMS(self)[r * len + i] = NEWREF(LIST_ITEMS(self)[i]);
    obj_unlock(self);
    return err ? NULL : NEWREF(self);
}

static Obj *list_m_getitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__getitem__", k) < 0 || check_nargs("__getitem__", n, 1, 1) < 0) return NULL;
    return list_getitem(self, a[0]);
}
static Obj *list_m_setitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__setitem__", k) < 0 || check_nargs("__setitem__", n, 2, 2) < 0) return NULL;
    if (list_setitem(self, a[0], a[1]) < 0) return NULL;
    return none_ref();
}
static Obj *list_m_delitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__delitem__", k) < 0 || check_nargs("__delitem__", n, 1, 1) < 0) return NULL;
    if (list_setitem(self, a[0], NULL) < 0) return NULL;
    return none_ref();
}
static Obj *list_m_len(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return int_from_i64(LEN(self)); }
static Obj *list_m_contains(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__contains__", k) < 0 || check_nargs("__contains__", n, 1, 1) < 0) return NULL;
    int r = list_contains(self, a[0]);
    return r < 0 ? NULL : bool_from(r);
}
static Obj *list_m_iter(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return listiter_new(self, false); }
static Obj *list_m_reversed(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return listiter_new(self, true); }

static const MethodDef list_methods[] = {
    {"append", list_m_append}, {"extend", list_m_extend}, {"insert", list_m_insert},
    {"pop", list_m_pop}, {"remove", list_m_remove}, {"index", list_m_index},
    {"count", list_m_count}, {"sort", list_m_sort}, {"reverse", list_m_reverse},
    {"copy", list_m_copy}, {"clear", list_m_clear}, {"__init__", list_m_init},
    {"__iadd__", list_m_iadd}, {"__imul__", list_m_imul}, {"__getitem__", list_m_getitem},
    {"__setitem__", list_m_setitem}, {"__delitem__", list_m_delitem}, {"__len__", list_m_len},
    {"__contains__", list_m_contains}, {"__iter__", list_m_iter}, {"__reversed__", list_m_reversed},
    {NULL, NULL},
};

Type list_type = {
    .base = TYPE_HEAD, .name = "list", .size = sizeof(ListObj), .flags = TF_BASETYPE,
    .dealloc = list_dealloc, .repr = list_repr, .hash = hash_not_implemented,
    .compare = list_compare, .len = list_len, .getitem = list_getitem, .setitem = list_setitem,
    .contains = list_contains, .iter = list_iter,
    .nb = {[NB_ADD] = list_add, [NB_MUL] = list_mul}, .methods = list_methods, .new_ = list_tp_new,
    .traverse = list_traverse, .clear = list_clear,
};
