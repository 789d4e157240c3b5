/*
 * interp/objects/iter.c — iterator types: list (forward and reverse), tuple, range, the sequence iterator
 * for objects with __getitem__, iter(callable, sentinel), and the lazy builtins enumerate, zip,
 * map, filter and reversed. (str's iterator lives in str.c.)
 *
 * An exhausted iterator drops its reference to the underlying object and stays exhausted.
 * obj_next's convention: NULL without an exception set = exhausted.
 *
 * Called by: the VM (GET_ITER/FOR_ITER via obj_iter/obj_next), builtins. Locks: under the
 * free-threaded policy (`none`) the list iterators read the list and advance their index under the
 * list's object lock (objlock.h), so an iterator shared by threads hands out each item once; an
 * exhausted list iterator then keeps its list until it dies (dropping it would race with another
 * thread's next() reading it->seq). The other iterators are not safe to share under `none`
 * (3.13t documents the same for its iterators) but read only immutable or locked containers.
 */
#include <string.h>
#include "objects/objects.h"
#include "core/objlock.h"

static Obj *self_iter(Obj *o) { return NEWREF(o); }

/* ---- list ------------------------------------------------------------------------------------- */

typedef struct { Obj base; Obj *seq; intptr_t i; } SeqIter;

static void seqiter_dealloc(Obj *o) { CLEAR(((SeqIter *)o)->seq); obj_free(o); }

Obj *listiter_new(Obj *l, bool reversed) {
    SeqIter *it = (SeqIter *)obj_alloc(reversed ? &list_reviter_type : &list_iter_type, sizeof(SeqIter));
    if (!it) return NULL;
    it->seq = NEWREF(l);
    obj_lock(l);
    it->i = reversed ? LIST_LEN(l) - 1 : 0;
    obj_unlock(l);
    return (Obj *)it;
}

static Obj *listiter_next(Obj *o) {
    SeqIter *it = (SeqIter *)o;
    Obj *l = it->seq;
    if (!l) return NULL;
    if (!rc_atomic) {
        if (it->i < LIST_LEN(l)) return NEWREF(LIST_ITEMS(l)[it->i++]);
    } else {
        /* Free-threaded policy: another thread may be resizing the list, or sharing this
         * iterator: it->i is guarded by the list's lock; it->seq stays set (see the top). */
        obj_lock(l);
        Obj *v = it->i < LIST_LEN(l) ? NEWREF(LIST_ITEMS(l)[it->i++]) : NULL;
        if (!v) it->i = INTPTR_MAX;   /* exhausted for good, even if the list grows */
        obj_unlock(l);
        return v;
    }
    CLEAR(it->seq);
    return NULL;
}

static Obj *listreviter_next(Obj *o) {
    SeqIter *it = (SeqIter *)o;
    Obj *l = it->seq;
    if (!l) return NULL;
    if (rc_atomic) {   /* as listiter_next */
        obj_lock(l);
        Obj *v = it->i >= 0 && it->i < LIST_LEN(l) ? NEWREF(LIST_ITEMS(l)[it->i--]) : NULL;
        if (!v) it->i = -1;
        obj_unlock(l);
        return v;
    }
    if (it->i >= 0 && it->i < LIST_LEN(l)) return NEWREF(LIST_ITEMS(l)[it->i--]);
    CLEAR(it->seq);
    return NULL;
}

static Obj *listiter_hint(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    SeqIter *it = (SeqIter *)self;
    intptr_t left = 0;
    if (it->seq) {
        bool isl = TYPE(self) != &tuple_iter_type;
        if (isl) obj_lock(it->seq);
        if (TYPE(self) == &list_reviter_type) left = it->i + 1;
        else if (!isl) left = TUPLE_LEN(it->seq) - it->i;
        else left = it->i == INTPTR_MAX ? 0 : LIST_LEN(it->seq) - it->i;
        if (isl) obj_unlock(it->seq);
    }
    return int_from_i64(left < 0 ? 0 : left);
}
static const MethodDef seqiter_methods[] = { {"__length_hint__", listiter_hint}, {NULL, NULL} };

Type list_iter_type = {
    .base = TYPE_HEAD, .name = "list_iterator", .size = sizeof(SeqIter), .dealloc = seqiter_dealloc,
    .iter = self_iter, .next = listiter_next, .methods = seqiter_methods,
};
Type list_reviter_type = {
    .base = TYPE_HEAD, .name = "list_reverseiterator", .size = sizeof(SeqIter), .dealloc = seqiter_dealloc,
    .iter = self_iter, .next = listreviter_next, .methods = seqiter_methods,
};

/* ---- tuple -------------------------------------------------------------------------------------- */

Obj *tupleiter_new(Obj *t) {
    SeqIter *it = (SeqIter *)obj_alloc(&tuple_iter_type, sizeof(SeqIter));
    if (!it) return NULL;
    it->seq = NEWREF(t);
    return (Obj *)it;
}

static Obj *tupleiter_next(Obj *o) {
    SeqIter *it = (SeqIter *)o;
    Obj *t = it->seq;
    if (!t) return NULL;
    if (it->i < TUPLE_LEN(t)) return NEWREF(TUPLE_ITEMS(t)[it->i++]);
    CLEAR(it->seq);
    return NULL;
}

Type tuple_iter_type = {
    .base = TYPE_HEAD, .name = "tuple_iterator", .size = sizeof(SeqIter), .dealloc = seqiter_dealloc,
    .iter = self_iter, .next = tupleiter_next, .methods = seqiter_methods,
};

/* ---- range -------------------------------------------------------------------------------------- */

typedef struct { Obj base; int64_t next, step, left; } RangeIter;

Obj *rangeiter_new(int64_t start, int64_t step, int64_t len) {
    RangeIter *it = (RangeIter *)obj_alloc(&range_iter_type, sizeof(RangeIter));
    if (!it) return NULL;
    it->next = start;
    it->step = step;
    it->left = len;
    return (Obj *)it;
}

static Obj *rangeiter_next(Obj *o) {
    RangeIter *it = (RangeIter *)o;
    if (it->left <= 0) return NULL;
    int64_t v = it->next;
    it->left--;
    it->next += it->step;
    if (FITS_SMALL(v)) return MK_SMALL(v);
    return int_from_i64(v);
}

static Obj *rangeiter_hint(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    return int_from_i64(((RangeIter *)self)->left);
}
static const MethodDef rangeiter_methods[] = { {"__length_hint__", rangeiter_hint}, {NULL, NULL} };

Type range_iter_type = {
    .base = TYPE_HEAD, .name = "range_iterator", .size = sizeof(RangeIter),
    .iter = self_iter, .next = rangeiter_next, .methods = rangeiter_methods,
};

/* ---- objects with __getitem__ --------------------------------------------------------------------- */

Obj *seqiter_new(Obj *seq) {
    SeqIter *it = (SeqIter *)obj_alloc(&seq_iter_type, sizeof(SeqIter));
    if (!it) return NULL;
    it->seq = NEWREF(seq);
    return (Obj *)it;
}

static Obj *seqiter_next(Obj *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    Obj *idx = int_from_i64(it->i);
    if (!idx) return NULL;
    Obj *v = obj_getitem(it->seq, idx);
    DECREF(idx);
    if (v) { it->i++; return v; }
    if (exc_matches(IndexError_t) || exc_matches(StopIteration_t)) {
        exc_clear();
        CLEAR(it->seq);
    }
    return NULL;
}

Type seq_iter_type = {
    .base = TYPE_HEAD, .name = "iterator", .size = sizeof(SeqIter), .dealloc = seqiter_dealloc,
    .iter = self_iter, .next = seqiter_next,
};

/* ---- iter(callable, sentinel) --------------------------------------------------------------------- */

typedef struct { Obj base; Obj *fn, *sentinel; } CallIter;

static void calliter_dealloc(Obj *o) {
    CallIter *c = (CallIter *)o;
    CLEAR(c->fn); CLEAR(c->sentinel);
    obj_free(o);
}

static Obj *calliter_next(Obj *o) {
    CallIter *c = (CallIter *)o;
    if (!c->fn) return NULL;
    Obj *v = obj_call0(c->fn);
    if (!v) {
        if (exc_matches(StopIteration_t)) { exc_clear(); CLEAR(c->fn); }
        return NULL;
    }
    int eq = obj_eq(v, c->sentinel);
    if (eq < 0) { DECREF(v); return NULL; }
    if (eq) { DECREF(v); CLEAR(c->fn); CLEAR(c->sentinel); return NULL; }
    return v;
}

Type callable_iter_type = {
    .base = TYPE_HEAD, .name = "callable_iterator", .size = sizeof(CallIter), .dealloc = calliter_dealloc,
    .iter = self_iter, .next = calliter_next,
};

Obj *calliter_new(Obj *fn, Obj *sentinel);
Obj *calliter_new(Obj *fn, Obj *sentinel) {
    CallIter *c = (CallIter *)obj_alloc(&callable_iter_type, sizeof(CallIter));
    if (!c) return NULL;
    c->fn = NEWREF(fn);
    c->sentinel = NEWREF(sentinel);
    return (Obj *)c;
}

/* ---- enumerate ---------------------------------------------------------------------------------- */

typedef struct { Obj base; Obj *it; Obj *count; } EnumObj;

static void enum_dealloc(Obj *o) {
    EnumObj *e = (EnumObj *)o;
    CLEAR(e->it); CLEAR(e->count);
    obj_free(o);
}

static Obj *enum_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    Obj *p[2];
    if (n == 0 && !(k && TUPLE_LEN(k) > 0))
        return exc_raise(TypeError_t, "enumerate() missing required argument 'iterable'");
    if (args_parse("enumerate", a, n, k, "iterable|start", p) < 0) return NULL;
    Obj *start = MK_SMALL(0);
    if (p[1]) {
        if (!int_check(p[1]))
            return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(p[1]));
        start = p[1];
    }
    Obj *it = obj_iter(p[0]);
    if (!it) return NULL;
    EnumObj *e = (EnumObj *)obj_alloc(t, t->size);
    if (!e) { DECREF(it); return NULL; }
    e->it = it;
    e->count = NEWREF(start == True_ ? MK_SMALL(1) : start == False_ ? MK_SMALL(0) : start);
    return (Obj *)e;
}

static Obj *enum_next(Obj *o) {
    if (c_stack_check(NULL) < 0) return NULL;   /* map(f, map(f, ...)): nests in C */
    EnumObj *e = (EnumObj *)o;
    if (!e->it) return NULL;
    Obj *v = obj_next(e->it);
    if (!v) { if (!exc_occurred()) CLEAR(e->it); return NULL; }
    Obj *idx = e->count;
    Obj *nxt;
    if (IS_SMALL(idx) && SMALL_VAL(idx) < SMALL_MAX) nxt = MK_SMALL(SMALL_VAL(idx) + 1);
    else nxt = obj_binop(idx, MK_SMALL(1), NB_ADD);
    if (!nxt) { DECREF(v); return NULL; }
    e->count = nxt;
    Obj *r = tuple_new(2);
    if (!r) { DECREF(v); DECREF(idx); return NULL; }
    TUPLE_ITEMS(r)[0] = idx;   /* the old count's reference moves into the tuple */
    TUPLE_ITEMS(r)[1] = v;
    return r;
}

Type enumerate_type = {
    .base = TYPE_HEAD, .name = "enumerate", .size = sizeof(EnumObj), .flags = TF_BASETYPE,
    .dealloc = enum_dealloc, .iter = self_iter, .next = enum_next, .new_ = enum_tp_new,
};

/* ---- zip ---------------------------------------------------------------------------------------- */

typedef struct { Obj base; Obj *its; bool strict; bool done; } ZipObj;

static void zip_dealloc(Obj *o) { CLEAR(((ZipObj *)o)->its); obj_free(o); }

static Obj *zip_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    bool strict = false;
    int nk = k ? (int)TUPLE_LEN(k) : 0;
    if (nk > 1) return exc_raise(TypeError_t, "zip() takes at most 1 keyword argument (%d given)", nk);
    for (int i = 0; i < nk; i++) {
        if (!str_equal_cstr(TUPLE_ITEMS(k)[i], "strict"))
            return exc_raise(TypeError_t, "'%s' is an invalid keyword argument for zip()", str_data(TUPLE_ITEMS(k)[i]));
        int b = obj_truth(a[n + i]);
        if (b < 0) return NULL;
        strict = b;
    }
    Obj *its = tuple_new(n);
    if (!its) return NULL;
    for (int i = 0; i < n; i++) {
        Obj *it = obj_iter(a[i]);
        if (!it) {
            DECREF(its);
            return NULL;
        }
        TUPLE_ITEMS(its)[i] = it;
    }
    ZipObj *z = (ZipObj *)obj_alloc(t, t->size);
    if (!z) { DECREF(its); return NULL; }
    z->its = its;
    z->strict = strict;
    return (Obj *)z;
}

static Obj *zip_next(Obj *o) {
    if (c_stack_check(NULL) < 0) return NULL;   /* map(f, map(f, ...)): nests in C */
    ZipObj *z = (ZipObj *)o;
    intptr_t n = TUPLE_LEN(z->its);
    if (n == 0 || z->done) return NULL;
    Obj *r = tuple_new(n);
    if (!r) return NULL;
    for (intptr_t i = 0; i < n; i++) {
        Obj *v = obj_next(TUPLE_ITEMS(z->its)[i]);
        if (!v) {
            DECREF(r);
            if (exc_occurred()) return NULL;
            z->done = true;
            if (z->strict) {
                if (i > 0)
                    return exc_raise(ValueError_t, "zip() argument %ld is shorter than argument%s%ld",
                                     (long)(i + 1), i == 1 ? " " : "s 1-", (long)i);
                for (intptr_t j = 1; j < n; j++) {
                    Obj *w = obj_next(TUPLE_ITEMS(z->its)[j]);
                    if (w) {
                        DECREF(w);
                        return exc_raise(ValueError_t, "zip() argument %ld is longer than argument%s%ld",
                                         (long)(j + 1), j == 1 ? " " : "s 1-", (long)j);
                    }
                    if (exc_occurred()) return NULL;
                }
            }
            return NULL;
        }
        TUPLE_ITEMS(r)[i] = v;
    }
    return r;
}

Type zip_type = {
    .base = TYPE_HEAD, .name = "zip", .size = sizeof(ZipObj), .flags = TF_BASETYPE,
    .dealloc = zip_dealloc, .iter = self_iter, .next = zip_next, .new_ = zip_tp_new,
};

/* ---- map ---------------------------------------------------------------------------------------- */

typedef struct { Obj base; Obj *fn; Obj *its; } MapObj;

static void map_dealloc(Obj *o) {
    MapObj *m = (MapObj *)o;
    CLEAR(m->fn); CLEAR(m->its);
    obj_free(o);
}

static Obj *map_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    if (t == &map_type && no_kwargs("map", k) < 0) return NULL;
    if (n < 2) return exc_raise(TypeError_t, "map() must have at least two arguments.");
    Obj *its = tuple_new(n - 1);
    if (!its) return NULL;
    for (int i = 1; i < n; i++) {
        Obj *it = obj_iter(a[i]);
        if (!it) { DECREF(its); return NULL; }
        TUPLE_ITEMS(its)[i - 1] = it;
    }
    MapObj *m = (MapObj *)obj_alloc(t, t->size);
    if (!m) { DECREF(its); return NULL; }
    m->fn = NEWREF(a[0]);
    m->its = its;
    return (Obj *)m;
}

static Obj *map_next(Obj *o) {
    if (c_stack_check(NULL) < 0) return NULL;   /* map(f, map(f, ...)): nests in C */
    MapObj *m = (MapObj *)o;
    intptr_t n = TUPLE_LEN(m->its);
    Obj *small[8];
    Obj **args = n <= 8 ? small : mem_alloc((size_t)n * sizeof(Obj *));
    if (!args) return NULL;
    intptr_t got = 0;
    Obj *r = NULL;
    for (; got < n; got++) {
        args[got] = obj_next(TUPLE_ITEMS(m->its)[got]);
        if (!args[got]) break;
    }
    if (got == n) r = obj_call(m->fn, args, (int)n, NULL);
    for (intptr_t i = 0; i < got; i++) DECREF(args[i]);
    if (args != small) mem_free(args);
    return r;
}

Type map_type = {
    .base = TYPE_HEAD, .name = "map", .size = sizeof(MapObj), .flags = TF_BASETYPE,
    .dealloc = map_dealloc, .iter = self_iter, .next = map_next, .new_ = map_tp_new,
};

/* ---- filter ------------------------------------------------------------------------------------- */

typedef struct { Obj base; Obj *fn; Obj *it; } FilterObj;

static void filter_dealloc(Obj *o) {
    FilterObj *f = (FilterObj *)o;
    CLEAR(f->fn); CLEAR(f->it);
    obj_free(o);
}

static Obj *filter_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    if (t == &filter_type && no_kwargs("filter", k) < 0) return NULL;
    if (n != 2) return exc_raise(TypeError_t, "filter expected 2 arguments, got %d", n);
    Obj *it = obj_iter(a[1]);
    if (!it) return NULL;
    FilterObj *f = (FilterObj *)obj_alloc(t, t->size);
    if (!f) { DECREF(it); return NULL; }
    f->fn = NEWREF(a[0]);
    f->it = it;
    return (Obj *)f;
}

static Obj *filter_next(Obj *o) {
    if (c_stack_check(NULL) < 0) return NULL;   /* map(f, map(f, ...)): nests in C */
    FilterObj *f = (FilterObj *)o;
    for (;;) {
        Obj *v = obj_next(f->it);
        if (!v) return NULL;
        int ok;
        if (f->fn == None || f->fn == (Obj *)&bool_type) ok = obj_truth(v);
        else {
            Obj *r = obj_call1(f->fn, v);
            if (!r) { DECREF(v); return NULL; }
            ok = obj_truth(r);
            DECREF(r);
        }
        if (ok < 0) { DECREF(v); return NULL; }
        if (ok) return v;
        DECREF(v);
    }
}

Type filter_type = {
    .base = TYPE_HEAD, .name = "filter", .size = sizeof(FilterObj), .flags = TF_BASETYPE,
    .dealloc = filter_dealloc, .iter = self_iter, .next = filter_next, .new_ = filter_tp_new,
};

/* ---- reversed ------------------------------------------------------------------------------------- */

typedef struct { Obj base; Obj *seq; intptr_t i; } RevObj;

static void rev_dealloc(Obj *o) { CLEAR(((RevObj *)o)->seq); obj_free(o); }

static Obj *rev_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("reversed", k) < 0) return NULL;
    if (n != 1) return exc_raise(TypeError_t, "reversed expected 1 argument, got %d", n);
    Obj *seq = a[0];
    Type *st = TYPE(seq);
    if (st == &list_type) return listiter_new(seq, true);
    if (st == &range_type || (st->flags & TF_HEAPTYPE) || st == &dict_type) {
        Obj *m = obj_lookup_attr(seq, str_intern("__reversed__"));
        if (m) {
            if (m == None) { DECREF(m); goto notrev; }
            Obj *r = obj_call0(m);
            DECREF(m);
            return r;
        }
        if (exc_occurred()) return NULL;
        if (st == &dict_type) {
            Obj *l = list_from_iter(seq);
            if (!l) return NULL;
            Obj *r = listiter_new(l, true);
            DECREF(l);
            return r;
        }
    }
    if (st == &dict_type || st == &dict_keys_type || st == &dict_values_type || st == &dict_items_type) {
        Obj *l = list_from_iter(seq);
        if (!l) return NULL;
        Obj *r = listiter_new(l, true);
        DECREF(l);
        return r;
    }
    bool has_len = st->len != NULL, has_item = st->getitem != NULL;
    if (st->flags & TF_HEAPTYPE) {
        has_len = has_len || type_lookup(st, str_intern("__len__"));
        has_item = has_item || type_lookup(st, str_intern("__getitem__"));
    }
    if (!has_len || !has_item || st == &set_type || st == &frozenset_type || obj_isinstance(seq, &dict_type)) goto notrev;
    intptr_t len = obj_len(seq);
    if (len < 0) return NULL;
    RevObj *r = (RevObj *)obj_alloc(t, t->size);
    if (!r) return NULL;
    r->seq = NEWREF(seq);
    r->i = len - 1;
    return (Obj *)r;
notrev:
    return exc_raise(TypeError_t, "'%s' object is not reversible", type_name(seq));
}

static Obj *rev_next(Obj *o) {
    RevObj *r = (RevObj *)o;
    if (!r->seq || r->i < 0) { CLEAR(r->seq); return NULL; }
    Obj *idx = int_from_i64(r->i);
    if (!idx) return NULL;
    Obj *v = obj_getitem(r->seq, idx);
    DECREF(idx);
    if (v) { r->i--; return v; }
    if (exc_matches(IndexError_t) || exc_matches(StopIteration_t)) { exc_clear(); CLEAR(r->seq); }
    return NULL;
}

Type reversed_type = {
    .base = TYPE_HEAD, .name = "reversed", .size = sizeof(RevObj), .flags = TF_BASETYPE,
    .dealloc = rev_dealloc, .iter = self_iter, .next = rev_next, .new_ = rev_tp_new,
};
