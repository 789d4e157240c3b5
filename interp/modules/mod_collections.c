/*
 * interp/modules/mod_collections.c — the `_collections` module: the C core of collections.deque,
 * a ring buffer of references. interp/lib/collections.py subclasses it (class deque(_deque))
 * and adds the rarer methods (index, insert, remove, reverse, comparisons, repr, +, *) in
 * Python over _snapshot()/_assign().
 *
 * Layout: items[0..cap) with cap a power of two (or 0); the deque's i-th item is
 * items[(head + i) & (cap - 1)]; len items are valid references, the other slots are garbage.
 * maxlen < 0 means unbounded; a push past maxlen drops an item from the other end.
 *
 * Locks (interp/core/objlock.h): every read or write of items/cap/head and every write of len
 * holds the deque's object lock; len alone is also read unlocked (len(d), truth) as a relaxed
 * atomic. No Python code runs under the lock: a reference that leaves the deque (popped by
 * maxlen, cleared, replaced) is moved out under the lock and DECREF'd after unlocking; lookups
 * that compare (`in`) work on a tuple snapshot taken under the lock. So append, appendleft, pop,
 * popleft, rotate, clear, d[i], d[i] = v and del d[i] are atomic under every GIL policy, `none`
 * included, as CPython's deque operations are under its GIL.
 * Iteration: `state` counts the mutations that move items (every push, pop, clear, rotate,
 * deletion; not d[i] = v), as CPython's deque does; an iterator (_deque_iterator, forward or
 * reversed) remembers it and raises RuntimeError("deque mutated during iteration") when it
 * changed. The iterator reads the deque under the deque's lock, one item per step.
 *
 * Called by: interp/lib/collections.py. Locks: the deque's object lock, as above.
 */
#include <string.h>
#include "objects/objects.h"
#include "objects/module.h"
#include "core/objlock.h"

typedef struct {
    Obj base;
    Obj **items;
    intptr_t cap;       /* 0 or a power of two */
    intptr_t head;
    intptr_t len;       /* stored and loaded as a relaxed atomic (read unlocked) */
    intptr_t maxlen;    /* -1: unbounded */
    uintptr_t state;    /* mutation count, for iterators (under the lock) */
} DequeObj;

extern Type deque_core_type;

#define D(o) ((DequeObj *)(o))
#define DLEN(o) __atomic_load_n(&D(o)->len, __ATOMIC_RELAXED)
static inline void set_len(DequeObj *d, intptr_t n) { __atomic_store_n(&d->len, n, __ATOMIC_RELAXED); }
static inline Obj **slot(DequeObj *d, intptr_t i) { return &d->items[(d->head + i) & (d->cap - 1)]; }

/* Locked. Double the ring (items keep their order, head becomes 0). 0 / -1 MemoryError. */
static int grow(DequeObj *d) {
    intptr_t ncap = d->cap ? d->cap * 2 : 8;
    if ((size_t)ncap > SIZE_MAX / 4 / sizeof(Obj *)) { exc_raise_memory(); return -1; }
    Obj **n = mem_alloc((size_t)ncap * sizeof(Obj *));
    if (!n) return -1;
    for (intptr_t i = 0; i < d->len; i++) n[i] = *slot(d, i);
    mem_free(d->items);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

/* Locked. Push v (a new reference is taken) at the right or left end. *dropped gets the item
 * that maxlen pushed out of the other end (to DECREF after unlocking), or NULL. */
static int push(DequeObj *d, Obj *v, bool left, Obj **dropped) {
    *dropped = NULL;
    d->state++;
    if (d->maxlen == 0) { *dropped = NEWREF(v); return 0; }   /* nothing is kept */
    if (d->len == d->cap && grow(d) < 0) return -1;
    if (left) {
        d->head = (d->head - 1) & (d->cap - 1);
        d->items[d->head] = NEWREF(v);
    } else {
        *slot(d, d->len) = NEWREF(v);
    }
    set_len(d, d->len + 1);
    if (d->maxlen >= 0 && d->len > d->maxlen) {
        if (left) {
            *dropped = *slot(d, d->len - 1);
        } else {
            *dropped = d->items[d->head];
            d->head = (d->head + 1) & (d->cap - 1);
        }
        set_len(d, d->len - 1);
    }
    return 0;
}

/* Locked. Remove and return (the deque's reference) the right or left item; len must be > 0. */
static Obj *take(DequeObj *d, bool left) {
    Obj *v;
    d->state++;
    if (left) {
        v = d->items[d->head];
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        v = *slot(d, d->len - 1);
    }
    set_len(d, d->len - 1);
    return v;
}

static int push_obj(Obj *o, Obj *v, bool left) {
    Obj *dropped;
    obj_lock(o);
    int r = push(D(o), v, left, &dropped);
    obj_unlock(o);
    if (dropped) DECREF(dropped);
    return r;
}

/* Detach the whole ring under the lock; the caller DECREFs the n items after unlocking. */
static Obj **detach(DequeObj *d, intptr_t *n, intptr_t *cap, intptr_t *head) {
    Obj **items = d->items;
    d->state++;
    *n = d->len;
    *cap = d->cap;
    *head = d->head;
    d->items = NULL;
    d->cap = 0;
    d->head = 0;
    set_len(d, 0);
    return items;
}

static void release_ring(Obj **items, intptr_t n, intptr_t cap, intptr_t head) {
    for (intptr_t i = 0; i < n; i++) DECREF(items[(head + i) & (cap - 1)]);
    mem_free(items);
}

static void deque_clear_all(Obj *o) {
    intptr_t n, cap, head;
    obj_lock(o);
    Obj **items = detach(D(o), &n, &cap, &head);
    obj_unlock(o);
    if (items) release_ring(items, n, cap, head);
}

static void deque_dealloc(Obj *o) {
    inst_dict_clear(o);
    deque_clear_all(o);
    obj_free(o);
}

/* A tuple of the items, in order, taken under the lock (one consistent state). */
static Obj *snapshot_tuple(Obj *o) {
    obj_lock(o);
    DequeObj *d = D(o);
    Obj *t = tuple_new(d->len);
    if (t) for (intptr_t i = 0; i < d->len; i++) TUPLE_ITEMS(t)[i] = NEWREF(*slot(d, i));
    obj_unlock(o);
    return t;
}

static Obj *deque_tp_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;       /* __init__ (collections.py) fills it */
    DequeObj *d = (DequeObj *)obj_alloc(t, t->size ? t->size : sizeof(DequeObj));
    if (!d) return NULL;
    d->maxlen = -1;
    return (Obj *)d;
}

static intptr_t deque_len(Obj *o) { return DLEN(o); }

/* The index argument as a position in [0, len) of the current length, or -1 with IndexError. */
static int index_arg(Obj *key, int64_t *out) {
    if (!obj_isinstance(key, &int_type))
        return exc_raise(TypeError_t, "sequence index must be integer, not '%s'", type_name(key)), -1;
    if (int_as_i64(key, out) < 0) {
        exc_clear();
        return exc_raise(IndexError_t, "cannot fit '%s' into an index-sized integer", type_name(key)), -1;
    }
    return 0;
}

static Obj *deque_getitem(Obj *o, Obj *key) {
    int64_t i;
    if (index_arg(key, &i) < 0) return NULL;
    Obj *v = NULL;
    obj_lock(o);
    DequeObj *d = D(o);
    if (i < 0) i += d->len;
    if (i >= 0 && i < d->len) v = NEWREF(*slot(d, (intptr_t)i));
    obj_unlock(o);
    if (!v) return exc_raise(IndexError_t, "deque index out of range");
    return v;
}

static int deque_setitem(Obj *o, Obj *key, Obj *val) {
    int64_t i;
    if (index_arg(key, &i) < 0) return -1;
    Obj *old = NULL;
    obj_lock(o);
    DequeObj *d = D(o);
    if (i < 0) i += d->len;
    bool ok = i >= 0 && i < d->len;
    if (ok && val) {
        Obj **s = slot(d, (intptr_t)i);
        old = *s;
        *s = NEWREF(val);
    } else if (ok) {
        d->state++;
        old = *slot(d, (intptr_t)i);
        for (intptr_t k = (intptr_t)i; k < d->len - 1; k++) *slot(d, k) = *slot(d, k + 1);
        set_len(d, d->len - 1);
    }
    obj_unlock(o);
    if (!ok) return exc_raise(IndexError_t, "deque index out of range"), -1;
    DECREF(old);
    return 0;
}

static int deque_contains(Obj *o, Obj *v) {
    Obj *t = snapshot_tuple(o);       /* __eq__ may run Python code: compare unlocked */
    if (!t) return -1;
    int r = 0;
    for (intptr_t i = 0; i < TUPLE_LEN(t) && r == 0; i++) {
        Obj *x = TUPLE_ITEMS(t)[i];
        r = x == v ? 1 : obj_eq(x, v);
    }
    DECREF(t);
    return r;
}

/* ---- the iterator ------------------------------------------------------------------------------ */

typedef struct {
    Obj base;
    Obj *deque;         /* a strong reference */
    intptr_t index;     /* items yielded so far */
    intptr_t counter;   /* items left; 0 once exhausted or invalidated */
    uintptr_t state;    /* the deque's state when the iterator was made */
    bool reverse;
} DequeIterObj;

extern Type deque_iter_type, deque_reviter_type;

static Obj *deque_iter_new(Obj *o, bool reverse) {
    DequeIterObj *it = (DequeIterObj *)obj_alloc(reverse ? &deque_reviter_type : &deque_iter_type,
                                                 sizeof(DequeIterObj));
    if (!it) return NULL;
    it->deque = NEWREF(o);
    it->reverse = reverse;
    obj_lock(o);
    it->state = D(o)->state;
    it->counter = D(o)->len;
    obj_unlock(o);
    return (Obj *)it;
}

static Obj *deque_iter(Obj *o) { return deque_iter_new(o, false); }

/* The iterator's own fields are only touched by the thread calling next (CPython's iterators are
 * not shareable between threads either); the deque's are read under the deque's lock. */
static Obj *deque_iter_next(Obj *self) {
    DequeIterObj *it = (DequeIterObj *)self;
    Obj *o = it->deque;
    obj_lock(o);
    DequeObj *d = D(o);
    if (d->state != it->state) {       /* checked first: raises again on every later next() */
        obj_unlock(o);
        it->counter = 0;
        return exc_raise(RuntimeError_t, "deque mutated during iteration");
    }
    if (it->counter == 0) { obj_unlock(o); return NULL; }
    intptr_t i = it->reverse ? d->len - 1 - it->index : it->index;
    Obj *v = NULL;
    if (i >= 0 && i < d->len) v = NEWREF(*slot(d, i));
    obj_unlock(o);
    if (!v) { it->counter = 0; return NULL; }
    it->index++;
    it->counter--;
    return v;
}

static Obj *deque_iter_self(Obj *self) { return NEWREF(self); }

static void deque_iter_dealloc(Obj *self) {
    DECREF(((DequeIterObj *)self)->deque);
    obj_free(self);
}

static Obj *it_m_length_hint(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    return int_from_i64(((DequeIterObj *)self)->counter);
}

static Obj *it_m_next(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    Obj *v = deque_iter_next(self);
    if (!v && !exc_occurred()) exc_raise_obj((Obj *)StopIteration_t);
    return v;
}

static Obj *it_m_iter(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    return NEWREF(self);
}

static const MethodDef deque_iter_methods[] = {
    {"__length_hint__", it_m_length_hint}, {"__next__", it_m_next}, {"__iter__", it_m_iter},
    {NULL, NULL},
};

Type deque_iter_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "_collections._deque_iterator",
    .base_type = &object_type, .size = sizeof(DequeIterObj), .dealloc = deque_iter_dealloc,
    .iter = deque_iter_self, .next = deque_iter_next, .methods = deque_iter_methods,
};

Type deque_reviter_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "_collections._deque_reverse_iterator",
    .base_type = &object_type, .size = sizeof(DequeIterObj), .dealloc = deque_iter_dealloc,
    .iter = deque_iter_self, .next = deque_iter_next, .methods = deque_iter_methods,
};

/* ---- methods ------------------------------------------------------------------------------------ */

static Obj *m_append(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("append", k) < 0 || check_nargs("append", n, 1, 1) < 0) return NULL;
    return push_obj(self, a[0], false) < 0 ? NULL : none_ref();
}

static Obj *m_appendleft(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("appendleft", k) < 0 || check_nargs("appendleft", n, 1, 1) < 0) return NULL;
    return push_obj(self, a[0], true) < 0 ? NULL : none_ref();
}

static Obj *pop_end(Obj *self, int n, Obj *k, bool left) {
    const char *name = left ? "popleft" : "pop";
    if (no_kwargs(name, k) < 0 || check_nargs(name, n, 0, 0) < 0) return NULL;
    obj_lock(self);
    Obj *v = D(self)->len ? take(D(self), left) : NULL;
    obj_unlock(self);
    if (!v) return exc_raise(IndexError_t, "pop from an empty deque");
    return v;
}

static Obj *m_pop(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; return pop_end(self, n, k, false); }
static Obj *m_popleft(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; return pop_end(self, n, k, true); }

static Obj *extend_end(Obj *self, Obj *src, bool left) {
    Obj *it;
    if (src == self) {            /* d.extend(d): the items as they were */
        Obj *snap = snapshot_tuple(self);
        if (!snap) return NULL;
        it = obj_iter(snap);
        DECREF(snap);
    } else {
        it = obj_iter(src);
    }
    if (!it) return NULL;
    for (;;) {
        Obj *v = obj_next(it);
        if (!v) break;
        int r = push_obj(self, v, left);
        DECREF(v);
        if (r < 0) { DECREF(it); return NULL; }
    }
    DECREF(it);
    return exc_occurred() ? NULL : none_ref();
}

static Obj *m_extend(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("extend", k) < 0 || check_nargs("extend", n, 1, 1) < 0) return NULL;
    return extend_end(self, a[0], false);
}

static Obj *m_extendleft(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("extendleft", k) < 0 || check_nargs("extendleft", n, 1, 1) < 0) return NULL;
    return extend_end(self, a[0], true);
}

static Obj *m_clear(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (no_kwargs("clear", k) < 0 || check_nargs("clear", n, 0, 0) < 0) return NULL;
    deque_clear_all(self);
    return none_ref();
}

static Obj *m_rotate(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("rotate", k) < 0 || check_nargs("rotate", n, 0, 1) < 0) return NULL;
    int64_t r = 1;
    if (n == 1) {
        if (!obj_isinstance(a[0], &int_type))
            return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer",
                             type_name(a[0]));
        if (int_as_i64(a[0], &r) < 0) return NULL;
    }
    obj_lock(self);
    DequeObj *d = D(self);
    intptr_t len = d->len;
    d->state++;
    if (len > 1) {
        int64_t m = r % len;
        if (m < 0) m += len;
        /* right rotation by m: the last m items move to the front, no reference changes */
        for (int64_t i = 0; i < m; i++) {
            Obj *v = *slot(d, len - 1);
            d->head = (d->head - 1) & (d->cap - 1);
            d->items[d->head] = v;
        }
    }
    obj_unlock(self);
    return none_ref();
}

static Obj *m_snapshot(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    Obj *t = snapshot_tuple(self);
    if (!t) return NULL;
    Obj *l = list_from_iter(t);
    DECREF(t);
    return l;
}

/* _assign(iterable): replace the contents at once (the Python-level methods build the new
 * order over a snapshot, then swap it in). maxlen is not applied here. */
static Obj *m_assign(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("_assign", k) < 0 || check_nargs("_assign", n, 1, 1) < 0) return NULL;
    Obj *t = obj_is(a[0], &tuple_type) ? NEWREF(a[0]) : NULL;
    if (!t) {
        Obj *l = list_from_iter(a[0]);
        if (!l) return NULL;
        t = list_as_tuple(l);
        DECREF(l);
        if (!t) return NULL;
    }
    intptr_t cnt = TUPLE_LEN(t), cap = 8;
    while (cap < cnt) cap *= 2;
    Obj **items = mem_alloc((size_t)cap * sizeof(Obj *));
    if (!items) { DECREF(t); return NULL; }
    for (intptr_t i = 0; i < cnt; i++) items[i] = NEWREF(TUPLE_ITEMS(t)[i]);
    DECREF(t);
    intptr_t on, ocap, ohead;
    obj_lock(self);
    DequeObj *d = D(self);
    Obj **old = detach(d, &on, &ocap, &ohead);
    d->items = items;
    d->cap = cap;
    d->head = 0;
    set_len(d, cnt);
    obj_unlock(self);
    if (old) release_ring(old, on, ocap, ohead);
    return none_ref();
}

/* _setmaxlen(None | n >= 0), for __init__ (collections.py checks the argument). */
static Obj *m_setmaxlen(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("_setmaxlen", k) < 0 || check_nargs("_setmaxlen", n, 1, 1) < 0) return NULL;
    int64_t m = -1;
    if (a[0] != None && int_as_i64(a[0], &m) < 0) return NULL;
    obj_lock(self);
    D(self)->maxlen = (intptr_t)m;
    obj_unlock(self);
    return none_ref();
}

static Obj *m_getmaxlen(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    intptr_t m = D(self)->maxlen;    /* one word, written only by __init__ */
    return m < 0 ? none_ref() : int_from_i64(m);
}

static Obj *m_len(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    return int_from_i64(DLEN(self));
}

static Obj *m_getitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__getitem__", k) < 0 || check_nargs("__getitem__", n, 1, 1) < 0) return NULL;
    return deque_getitem(self, a[0]);
}

static Obj *m_setitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__setitem__", k) < 0 || check_nargs("__setitem__", n, 2, 2) < 0) return NULL;
    return deque_setitem(self, a[0], a[1]) < 0 ? NULL : none_ref();
}

static Obj *m_delitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__delitem__", k) < 0 || check_nargs("__delitem__", n, 1, 1) < 0) return NULL;
    return deque_setitem(self, a[0], NULL) < 0 ? NULL : none_ref();
}

static Obj *m_contains(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__contains__", k) < 0 || check_nargs("__contains__", n, 1, 1) < 0) return NULL;
    int r = deque_contains(self, a[0]);
    return r < 0 ? NULL : bool_from(r);
}

static Obj *m_iter(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    return deque_iter(self);
}

static Obj *m_reversed(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    return deque_iter_new(self, true);
}

static const MethodDef deque_methods[] = {
    {"append", m_append}, {"appendleft", m_appendleft}, {"pop", m_pop}, {"popleft", m_popleft},
    {"extend", m_extend}, {"extendleft", m_extendleft}, {"clear", m_clear}, {"rotate", m_rotate},
    {"_snapshot", m_snapshot}, {"_assign", m_assign}, {"_setmaxlen", m_setmaxlen},
    {"_getmaxlen", m_getmaxlen}, {"__len__", m_len}, {"__getitem__", m_getitem},
    {"__setitem__", m_setitem}, {"__delitem__", m_delitem}, {"__contains__", m_contains},
    {"__iter__", m_iter}, {"__reversed__", m_reversed},
    {NULL, NULL},
};

Type deque_core_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "_deque", .base_type = &object_type,
    .size = sizeof(DequeObj), .flags = TF_BASETYPE, .dealloc = deque_dealloc,
    .hash = hash_not_implemented, .len = deque_len, .getitem = deque_getitem,
    .setitem = deque_setitem, .contains = deque_contains, .iter = deque_iter,
    .methods = deque_methods, .new_ = deque_tp_new,
};

/* The type is static and shared by every interpreter (process): it is readied once, by the
 * first import or by mp_prepare_sharing (interp/mp/mp_process.c), which also makes its dict
 * immortal before a second interpreter exists; later imports only bind it. */
static int collections_init(Obj *d) {
    if (type_ready_shared(&deque_core_type) < 0) return -1;
    if (type_ready_shared(&deque_iter_type) < 0) return -1;
    if (type_ready_shared(&deque_reviter_type) < 0) return -1;
    return dict_set_s(d, "_deque", (Obj *)&deque_core_type);
}

MODULE_DEF(_collections, collections_init);
