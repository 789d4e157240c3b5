/*
 * interp/objects/weakref.c — weak references (the `weakref` type of _weakref): a reference that
 * does not keep its object alive, reads as None once the object is gone, and may call a
 * callback then.
 *
 * Objects have no spare header word, so the weak references of an object live in a side table:
 * an open-addressing hash map from the object's address to the head of a list of its weakref
 * objects (WeakRefObj.next). weakref_live counts the objects in it; a heap-type instance's
 * dealloc (runtime/class.c) calls weakref_clear_referent only while it is non-zero, so programs
 * without weak references pay one load per such dealloc. Only instances of classes made by class
 * statements and of built-in types flagged TF_WEAKREF (async generators, whose dealloc in
 * runtime/gen.c clears them the same way) may be weakly referenced (CPython also allows
 * functions, types and sets; here that is a TypeError).
 *
 * Locks: the table and every list and WeakRefObj.referent are guarded by one process-wide spin
 * lock (wr_lock; objects of all interpreters share it: their addresses are unique). Nothing
 * under it runs Python code or frees an object. The race that matters under the free-threaded
 * policy is a thread reading wr() while another drops the object's last reference: the reader
 * takes the reference only if the count is still non-zero (an atomic compare-and-swap,
 * try_incref), so it never revives an object whose dealloc has begun; the dealloc then clears
 * the referent under the lock. The same rule protects a weakref object found in a list while
 * its own count is dropping to zero (its dealloc unlinks it under the lock).
 */
#include <stdio.h>
#include <string.h>
#include "objects/objects.h"

typedef struct WeakRefObj WeakRefObj;
struct WeakRefObj {
    Obj base;
    Obj *referent;          /* borrowed; NULL once the object died (wr_lock) */
    Obj *callback;          /* owned, or NULL */
    intptr_t hash;
    bool hashed;
    WeakRefObj *next;       /* the referent's list (wr_lock) */
    WeakRefObj *cbnext;     /* the chain of callbacks to run, built by weakref_clear_referent */
};

typedef struct { Obj *key; WeakRefObj *head; } Entry;
#define TOMB ((Obj *)1)

static port_spin_t wr_lock;
static Entry *table;
static size_t cap, used;            /* used: live keys + tombstones */
volatile intptr_t weakref_live;     /* objects with weak references (read without the lock) */

void weakref_init(void) { port_spin_init(&wr_lock, "weakref"); }

static size_t slot_of(Obj *o) {
    uintptr_t h = (uintptr_t)o;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7);
}

/* The entry of o, or NULL. wr_lock held. */
static Entry *find(Obj *o) {
    if (!cap) return NULL;
    for (size_t i = slot_of(o) & (cap - 1), n = 0; n < cap; i = (i + 1) & (cap - 1), n++) {
        if (table[i].key == o) return &table[i];
        if (!table[i].key) return NULL;
    }
    return NULL;
}

/* Grow (rehash without tombstones) when 2/3 full. wr_lock held; port_malloc takes no lock of
 * ours. false: out of memory. */
static bool reserve(void) {
    if ((used + 1) * 3 < cap * 2) return true;
    size_t ncap = cap ? cap * 2 : 64;
    size_t live = 0;
    for (size_t i = 0; i < cap; i++) if (table[i].key && table[i].key != TOMB) live++;
    while ((live + 1) * 3 >= ncap * 2) ncap *= 2;
    if (live * 4 < cap && cap) ncap = cap;      /* mostly tombstones: rehash in place size */
    Entry *nt = port_malloc(ncap * sizeof(Entry));
    if (!nt) return false;
    memset(nt, 0, ncap * sizeof(Entry));
    for (size_t i = 0; i < cap; i++) {
        if (!table[i].key || table[i].key == TOMB) continue;
        size_t j = slot_of(table[i].key) & (ncap - 1);
        while (nt[j].key) j = (j + 1) & (ncap - 1);
        nt[j] = table[i];
    }
    port_free(table);
    table = nt;
    cap = ncap;
    used = live;
    return true;
}

static Entry *insert(Obj *o) {
    if (!reserve()) return NULL;
    size_t i = slot_of(o) & (cap - 1);
    while (table[i].key && table[i].key != TOMB) i = (i + 1) & (cap - 1);
    if (!table[i].key) used++;
    table[i].key = o;
    table[i].head = NULL;
    __atomic_add_fetch(&weakref_live, 1, __ATOMIC_RELAXED);
    return &table[i];
}

static void remove_entry(Entry *e) {
    e->key = TOMB;
    e->head = NULL;
    __atomic_sub_fetch(&weakref_live, 1, __ATOMIC_RELAXED);
}

/* Take a reference to o only if its count is still above zero. */
static bool try_incref(Obj *o) {
    if (!rc_atomic) {
        if (o->refcnt <= 0) return false;
        o->refcnt++;
        return true;
    }
    intptr_t c = __atomic_load_n(&o->refcnt, __ATOMIC_RELAXED);
    while (c > 0) {
        if (c >= IMMORTAL_REFCNT / 2) return true;
        if (__atomic_compare_exchange_n(&o->refcnt, &c, c + 1, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            return true;
    }
    return false;
}

/* The referent as a new reference, or NULL when it is gone. */
static Obj *referent_ref(WeakRefObj *w) {
    port_spin_lock(&wr_lock);
    Obj *o = w->referent;
    if (o && !try_incref(o)) o = NULL;
    port_spin_unlock(&wr_lock);
    return o;
}

static bool weakrefable(Obj *o) {
    Type *t = TYPE(o);
    return ((t->flags & TF_HEAPTYPE) && !obj_isinstance(o, &type_type)) || (t->flags & TF_WEAKREF);
}

Obj *weakref_new(Obj *obj, Obj *callback) {
    if (!weakrefable(obj))
        return exc_raise(TypeError_t, "cannot create weak reference to '%s' object", type_name(obj));
    if (callback == None) callback = NULL;
    WeakRefObj *w = (WeakRefObj *)obj_alloc(&weakref_type, sizeof(WeakRefObj));
    if (!w) return NULL;
    WeakRefObj *reuse = NULL;
    port_spin_lock(&wr_lock);
    Entry *e = find(obj);
    if (!e) e = insert(obj);
    if (e) {
        if (!callback) {
            /* CPython shares one callback-less reference per object */
            for (WeakRefObj *q = e->head; q; q = q->next)
                if (!q->callback && try_incref(&q->base)) { reuse = q; break; }
        }
        if (!reuse) {
            w->referent = obj;
            w->callback = callback;
            w->next = e->head;
            e->head = w;
        }
    }
    port_spin_unlock(&wr_lock);
    if (!e) { obj_free(&w->base); return mem_error(); }
    if (reuse) {
        obj_free(&w->base);         /* never shared: no other reference to it exists */
        return &reuse->base;
    }
    if (callback) INCREF(callback);
    return &w->base;
}

/* o is being deallocated: its weak references now read None. Returns the chain (through
 * cbnext, each holding a reference) of those with a callback, for the caller to run and
 * release (runtime/class.c: it may run Python code; this layer may not print its errors). */
Obj *weakref_clear_referent(Obj *o) {
    WeakRefObj *chain = NULL, **tail = &chain;
    port_spin_lock(&wr_lock);
    Entry *e = find(o);
    if (e) {
        WeakRefObj *q = e->head;
        remove_entry(e);
        while (q) {
            WeakRefObj *nx = q->next;
            q->referent = NULL;
            q->next = NULL;
            if (q->callback && try_incref(&q->base)) {
                q->cbnext = NULL;
                *tail = q;
                tail = &q->cbnext;
            }
            q = nx;
        }
    }
    port_spin_unlock(&wr_lock);
    return chain ? &chain->base : NULL;
}

Obj *weakref_chain_next(Obj *w, Obj **callback) {
    WeakRefObj *q = (WeakRefObj *)w;
    *callback = q->callback;
    return q->cbnext ? &q->cbnext->base : NULL;
}

intptr_t weakref_count(Obj *obj) {
    intptr_t n = 0;
    port_spin_lock(&wr_lock);
    Entry *e = find(obj);
    for (WeakRefObj *q = e ? e->head : NULL; q; q = q->next) n++;
    port_spin_unlock(&wr_lock);
    return n;
}

static void weakref_dealloc(Obj *o) {
    WeakRefObj *w = (WeakRefObj *)o;
    port_spin_lock(&wr_lock);
    if (w->referent) {
        Entry *e = find(w->referent);
        if (e) {
            for (WeakRefObj **pp = &e->head; *pp; pp = &(*pp)->next)
                if (*pp == w) { *pp = w->next; break; }
            if (!e->head) remove_entry(e);
        }
        w->referent = NULL;
    }
    port_spin_unlock(&wr_lock);
    CLEAR(w->callback);
    obj_free(o);
}

static Obj *weakref_call(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args;
    if (no_kwargs("weakref", kw) < 0 || check_nargs("weakref", nargs, 0, 0) < 0) return NULL;
    Obj *o = referent_ref((WeakRefObj *)self);
    return o ? o : none_ref();
}

static int weakref_hash(Obj *self, intptr_t *out) {
    WeakRefObj *w = (WeakRefObj *)self;
    if (w->hashed) { *out = w->hash; return 0; }
    Obj *o = referent_ref(w);
    if (!o) { exc_raise(TypeError_t, "weak object has gone away"); return -1; }
    intptr_t h;
    int rc = obj_hash(o, &h);
    DECREF(o);
    if (rc < 0) return -1;
    w->hash = h;
    w->hashed = true;
    *out = h;
    return 0;
}

static Obj *weakref_compare(Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !obj_isinstance(b, &weakref_type)) return NEWREF(NotImplemented);
    Obj *ra = referent_ref((WeakRefObj *)a), *rb = referent_ref((WeakRefObj *)b);
    Obj *res;
    if (ra && rb) res = obj_compare(ra, rb, op);
    else res = bool_from((a == b) == (op == CMP_EQ));
    XDECREF(ra);
    XDECREF(rb);
    return res;
}

static Obj *weakref_repr(Obj *self) {
    Obj *o = referent_ref((WeakRefObj *)self);
    char buf[200];
    if (!o) snprintf(buf, sizeof buf, "<weakref at 0x%lx; dead>", (unsigned long)(uintptr_t)self);
    else snprintf(buf, sizeof buf, "<weakref at 0x%lx; to '%.80s' at 0x%lx>", (unsigned long)(uintptr_t)self,
                  type_name(o), (unsigned long)(uintptr_t)o);
    XDECREF(o);
    return str_from_cstr(buf);
}

static Obj *weakref_getattr(Obj *self, Obj *name) {
    if (str_equal_cstr(name, "__callback__")) {
        Obj *cb = ((WeakRefObj *)self)->callback;
        return cb ? NEWREF(cb) : none_ref();
    }
    return obj_generic_getattr(self, name);
}

static Obj *weakref_tp_new(Type *t, Obj *const *args, int nargs, Obj *kw) {
    (void)t;
    Obj *a[2] = { NULL, NULL };
    if (args_parse("weakref", args, nargs, kw, "object|callback", a) < 0) return NULL;
    return weakref_new(a[0], a[1]);
}

Type weakref_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "weakref", .base_type = &object_type,
    .size = sizeof(WeakRefObj), .dealloc = weakref_dealloc, .repr = weakref_repr,
    .hash = weakref_hash, .compare = weakref_compare, .call = weakref_call,
    .getattr = weakref_getattr, .new_ = weakref_tp_new,
};
