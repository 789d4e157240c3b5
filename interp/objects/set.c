/*
 * interp/objects/set.c — set and frozenset: CPython's open-addressing table (hash & mask, then up to
 * LINEAR_PROBES neighbours, then perturbed jumps), with the same sizes and resize rule, so a set
 * of small ints iterates (and prints) in the same order as CPython's.
 *
 * Invariants: an entry is unused (key NULL), dummy (key == DUMMY, left by a deletion) or active;
 * fill counts active + dummy, used counts active; fill*5 < mask*3 after every insertion.
 * Lookups may call __eq__ (Python code) which can mutate the set: they restart then.
 *
 * Free-threaded policy (`none`, rules in objlock.h): every table access holds the set's object
 * lock; lookkey/add_entry drop it around __eq__ (Python code) and restart if the table changed
 * meanwhile. Operations that walk another set (algebra, comparison, repr, update from a set) walk
 * a frozenset copy of it taken under its lock (set_pin), or an array of its entries (set_merge);
 * elements removed by discard/pop/clear are DECREF'd after unlocking; an iterator steps under the
 * lock and, exhausted, keeps its set (left = -1) instead of racing another thread on it->set.
 *
 * Called by: the VM (BUILD_SET, SET_ADD, SET_UPDATE), builtins, dict views. Locks: the set's
 * object lock under `none` only.
 */
#include <string.h>
#include "objects/objects.h"
#include "core/objlock.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
/* The perturbation runs on 64 bits even on the 32-bit guest (hash sign-extended), so sets of
 * small ints, negative ones included, iterate in the order 64-bit CPython prints. */
#define PERTURB_T uint64_t
#define PERTURB_INIT(h) ((uint64_t)(int64_t)(h))

typedef struct { Obj *key; intptr_t hash; } SEntry;
typedef struct {
    Obj base;
    intptr_t fill, used, mask, finger;
    SEntry *table;          /* == small while mask == MINSIZE - 1 */
    intptr_t hash;          /* frozenset: cached hash, -1 until computed */
    uint32_t lock;          /* the object lock (objlock.h, Type.lockoffset) */
    SEntry small[MINSIZE];
} SetObj;

#define S(o) ((SetObj *)(o))
/* used is read without the lock (len(s), size checks before locking), so every store and load
 * of it is a relaxed atomic: a plain mov on every target, and no C11 data race under `none`. */
#define USED(so) __atomic_load_n(&(so)->used, __ATOMIC_RELAXED)
static inline void used_set(SetObj *so, intptr_t n) { __atomic_store_n(&so->used, n, __ATOMIC_RELAXED); }

static Obj dummy_obj = STATIC_OBJ(object_type);
#define DUMMY (&dummy_obj)

bool set_check(Obj *o) {
    return obj_isinstance(o, &set_type) || obj_isinstance(o, &frozenset_type);
}

static Obj *set_alloc(Type *t) {
    SetObj *s = (SetObj *)obj_alloc(t, t->size ? t->size : sizeof(SetObj));
    if (!s) return NULL;
    s->mask = MINSIZE - 1;
    s->table = s->small;
    s->hash = -1;
    return (Obj *)s;
}

static inline int hash_of(Obj *k, intptr_t *h) {
    if (IS_SMALL(k)) {
        intptr_t v = SMALL_VAL(k);
        if (v != -1 && v < ((intptr_t)1 << (SMALL_BITS > 61 ? 60 : SMALL_BITS - 1)) &&
            v > -((intptr_t)1 << (SMALL_BITS > 61 ? 60 : SMALL_BITS - 1))) { *h = v; return 0; }
    }
    return obj_hash(k, h);
}

static inline int keys_equal(Obj *a, Obj *b) {
    if (TYPE(a) == &str_type && TYPE(b) == &str_type)
        return str_nbytes(a) == str_nbytes(b) && !memcmp(str_data(a), str_data(b), str_nbytes(a));
    return -2;
}

/* Returns the active entry holding key, or NULL (not found, *err 0) / NULL with *err -1. */
static SEntry *lookkey(SetObj *so, Obj *key, intptr_t hash, int *err) {
    *err = 0;
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask;
    PERTURB_T perturb = PERTURB_INIT(hash);
    for (;;) {
        SEntry *e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL) return NULL;
            if (e->hash == hash && e->key != DUMMY) {
                Obj *sk = e->key;
                if (sk == key) return e;
                int c = keys_equal(sk, key);
                if (c == -2) {
                    SEntry *table = so->table;
                    INCREF(sk);
                    if (rc_atomic) obj_unlock((Obj *)so);   /* caller holds it; see the top */
                    c = obj_eq(sk, key);
                    DECREF(sk);
                    if (rc_atomic) obj_lock((Obj *)so);
                    if (c < 0) { *err = -1; return NULL; }
                    if (table != so->table || e->key != sk) goto restart;
                    mask = (size_t)so->mask;
                }
                if (c > 0) return e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
}

static void insert_clean(SEntry *table, size_t mask, Obj *key, intptr_t hash) {
    PERTURB_T perturb = PERTURB_INIT(hash);
    size_t i = (size_t)hash & mask;
    for (;;) {
        SEntry *e = &table[i];
        if (!e->key) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static int table_resize(SetObj *so, intptr_t minused) {
    size_t newsize = MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    SEntry *old = so->table;
    size_t oldmask = (size_t)so->mask;
    SEntry smallcopy[MINSIZE];
    bool oldsmall = old == so->small;
    if (oldsmall) { memcpy(smallcopy, so->small, sizeof smallcopy); old = smallcopy; }
    SEntry *nt;
    if (newsize == MINSIZE) {
        nt = so->small;
    } else {
        nt = mem_alloc(newsize * sizeof(SEntry));
        if (!nt) return -1;
    }
    memset(nt, 0, newsize * sizeof(SEntry));
    so->mask = (intptr_t)newsize - 1;
    so->table = nt;
    for (size_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != DUMMY) insert_clean(nt, newsize - 1, old[i].key, old[i].hash);
    so->fill = USED(so);
    if (!oldsmall) mem_free(old);
    return 0;
}

/* Add key (borrowed) with its hash. */
static int add_entry(SetObj *so, Obj *key, intptr_t hash) {
    INCREF(key);
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask;
    PERTURB_T perturb = PERTURB_INIT(hash);
    SEntry *freeslot = NULL, *e;
    for (;;) {
        e = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && e->key == NULL) goto found_unused_or_dummy;
            if (e->hash == hash && e->key != DUMMY) {
                Obj *sk = e->key;
                if (sk == key) goto found_active;
                int c = keys_equal(sk, key);
                if (c == -2) {
                    SEntry *table = so->table;
                    INCREF(sk);
                    if (rc_atomic) obj_unlock((Obj *)so);   /* caller holds it; see the top */
                    c = obj_eq(sk, key);
                    DECREF(sk);
                    if (rc_atomic) obj_lock((Obj *)so);
                    if (c < 0) { DECREF(key); return -1; }
                    if (table != so->table || e->key != sk) goto restart;
                    mask = (size_t)so->mask;
                }
                if (c > 0) goto found_active;
            } else if (e->hash == -1 && e->key == DUMMY && !freeslot) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + (size_t)perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        used_set(so, USED(so) + 1);
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    used_set(so, USED(so) + 1);
    e->key = key;
    e->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return table_resize(so, USED(so) > 50000 ? USED(so) * 2 : USED(so) * 4);
found_active:
    DECREF(key);
    return 0;
}

/* Under `none` every element's lookup takes the lock (lookkey drops it around __eq__). */
static inline bool lock_key(Obj *k) { (void)k; return rc_atomic; }

/* add_entry / lookkey under so's lock (no-ops for the lock under a GIL). */
static int set_add_h(SetObj *so, Obj *key, intptr_t h) {
    obj_lock((Obj *)so);
    int r = add_entry(so, key, h);
    obj_unlock((Obj *)so);
    return r;
}
static int set_has(SetObj *so, Obj *key, intptr_t h) {
    int err;
    obj_lock((Obj *)so);
    SEntry *e = lookkey(so, key, h, &err);
    obj_unlock((Obj *)so);
    return err ? -1 : e != NULL;
}

int set_add(Obj *s, Obj *key) {
    intptr_t h;
    if (hash_of(key, &h) < 0) return -1;
    if (lock_key(key)) {
        obj_lock(s);
        int r = add_entry(S(s), key, h);
        obj_unlock(s);
        return r;
    }
    return add_entry(S(s), key, h);
}

int set_contains(Obj *s, Obj *key) {
    intptr_t h;
    if (hash_of(key, &h) < 0) return -1;
    int err;
    bool lk = lock_key(key);
    if (lk) obj_lock(s);
    SEntry *e = lookkey(S(s), key, h, &err);
    if (lk) obj_unlock(s);
    return err ? -1 : e != NULL;
}

static int discard_entry(SetObj *so, Obj *key, intptr_t hash) {
    int err;
    obj_lock((Obj *)so);
    SEntry *e = lookkey(so, key, hash, &err);
    Obj *old = NULL;
    if (e) {
        old = e->key;
        e->key = DUMMY;
        e->hash = -1;
        used_set(so, USED(so) - 1);
    }
    obj_unlock((Obj *)so);
    if (err) return -1;
    if (!old) return 0;
    DECREF(old);
    return 1;
}

int set_discard_key(Obj *s, Obj *key) {
    intptr_t h;
    if (hash_of(key, &h) < 0) return -1;
    if (lock_key(key)) {
        int err;
        obj_lock(s);
        SEntry *e = lookkey(S(s), key, h, &err);
        Obj *old = NULL;
        if (e) {
            old = e->key;
            e->key = DUMMY;
            e->hash = -1;
            used_set(S(s), USED(S(s)) - 1);
        }
        obj_unlock(s);
        if (err) return -1;
        XDECREF(old);
        return old != NULL;
    }
    return discard_entry(S(s), key, h);
}

static bool set_next(SetObj *so, intptr_t *pos, SEntry **out) {
    intptr_t i = *pos;
    while (i <= so->mask && (!so->table[i].key || so->table[i].key == DUMMY)) i++;
    *pos = i + 1;
    if (i > so->mask) return false;
    *out = &so->table[i];
    return true;
}

static int set_merge(SetObj *so, SetObj *other) {
    if (so == other) return 0;
    if (rc_atomic) {
        /* `none`: other's entries copied under its lock, then added one by one under so's. */
        obj_lock((Obj *)other);
        intptr_t n = 0, used = USED(other);
        SEntry *c = used ? mem_alloc((size_t)used * sizeof(SEntry)) : NULL;
        if (c)
            for (intptr_t i = 0; i <= other->mask && n < used; i++) {
                Obj *k = other->table[i].key;
                if (k && k != DUMMY) { c[n].key = NEWREF(k); c[n].hash = other->table[i].hash; n++; }
            }
        obj_unlock((Obj *)other);
        if (used && !c) return -1;
        int r = 0;
        for (intptr_t i = 0; i < n; i++) {
            if (r == 0) r = set_add_h(so, c[i].key, c[i].hash);
            DECREF(c[i].key);
        }
        mem_free(c);
        return r;
    }
    if (USED(other) == 0) return 0;
    if ((so->fill + USED(other)) * 5 >= so->mask * 3)
        if (table_resize(so, (USED(so) + USED(other)) * 2) < 0) return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == USED(other)) {
        for (intptr_t i = 0; i <= other->mask; i++) {
            Obj *k = other->table[i].key;
            if (k) { so->table[i].key = NEWREF(k); so->table[i].hash = other->table[i].hash; }
        }
        so->fill = other->fill;
        used_set(so, USED(other));
        return 0;
    }
    if (so->fill == 0) {
        so->fill = USED(other);
        used_set(so, USED(other));
        for (intptr_t i = 0; i <= other->mask; i++) {
            Obj *k = other->table[i].key;
            if (k && k != DUMMY) insert_clean(so->table, (size_t)so->mask, NEWREF(k), other->table[i].hash);
        }
        return 0;
    }
    for (intptr_t i = 0; i <= other->mask; i++) {
        SEntry *e = &other->table[i];
        if (e->key && e->key != DUMMY && add_entry(so, e->key, e->hash) < 0) return -1;
    }
    return 0;
}

int set_update(Obj *s, Obj *other) {
    SetObj *so = S(s);
    if (set_check(other)) return set_merge(so, S(other));
    if (obj_is(other, &dict_type)) {
        if (!rc_atomic) {   /* `none`: the generic path below (the dict's iterator locks) */
            intptr_t n = dict_len(other);
            if ((so->fill + n) * 5 >= so->mask * 3 && table_resize(so, (USED(so) + n) * 2) < 0) return -1;
            intptr_t pos = 0; Obj *k, *v;
            while (dict_next(other, &pos, &k, &v)) if (set_add(s, k) < 0) return -1;
            return 0;
        }
    }
    Obj *it = obj_iter(other);
    if (!it) return -1;
    Obj *k;
    while ((k = obj_next(it))) {
        int r = set_add(s, k);
        DECREF(k);
        if (r < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    return exc_occurred() ? -1 : 0;
}

static Obj *make_new_set(Type *t, Obj *iterable) {
    Obj *s = set_alloc(t);
    if (!s) return NULL;
    if (iterable && set_update(s, iterable) < 0) { DECREF(s); return NULL; }
    return s;
}

/* Results of operations are plain set/frozenset even for subclasses (as CPython). */
static Type *basetype(Obj *o) { return obj_isinstance(o, &frozenset_type) ? &frozenset_type : &set_type; }

Obj *set_new(Obj *iterable) { return make_new_set(&set_type, iterable); }

/* Something to walk with set_next: o itself, or under `none` (o a mutable set another thread
 * may change) a frozenset copy of it, taken under its lock by set_merge. New reference. */
static Obj *set_pin(Obj *o) {
    if (!rc_atomic || obj_isinstance(o, &frozenset_type)) return NEWREF(o);
    return make_new_set(&frozenset_type, o);
}
Obj *set_copy_as(Type *t, Obj *s) { return make_new_set(t, s); }

static void set_clear_all(SetObj *so) {
    obj_lock((Obj *)so);
    SEntry *t = so->table;
    intptr_t mask = so->mask;
    bool small = t == so->small;
    SEntry copy[MINSIZE];
    if (small) { memcpy(copy, so->small, sizeof copy); t = copy; }
    so->table = so->small;
    memset(so->small, 0, sizeof so->small);
    so->mask = MINSIZE - 1;
    so->fill = 0;
    used_set(so, 0);
    obj_unlock((Obj *)so);
    for (intptr_t i = 0; i <= mask; i++)
        if (t[i].key && t[i].key != DUMMY) DECREF(t[i].key);
    if (!small) mem_free(t);
}

Obj *set_pop_any(Obj *s) {
    SetObj *so = S(s);
    obj_lock(s);
    if (USED(so) == 0) { obj_unlock(s); return exc_raise(KeyError_t, "pop from an empty set"); }
    SEntry *e = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (!e->key || e->key == DUMMY) {
        e++;
        if (e > limit) e = so->table;
    }
    Obj *k = e->key;
    e->key = DUMMY;
    e->hash = -1;
    used_set(so, USED(so) - 1);
    so->finger = e - so->table + 1;
    obj_unlock(s);
    return k;
}

/* ---- slots ------------------------------------------------------------------------------------- */

/* The cycle collector's slots (interp/runtime/gc.c): the world is stopped, or the set is
 * unreachable, while they run. */
static int set_traverse(Obj *o, VisitFn visit, void *arg) {
    SetObj *so = S(o);
    SEntry *t = so->table;
    for (intptr_t i = 0; i <= so->mask; i++)
        if (t[i].key && t[i].key != DUMMY) VISIT(t[i].key);
    return 0;
}

static void set_gc_clear(Obj *o) { set_clear_all(S(o)); }

static void set_dealloc(Obj *o) {
    inst_dict_clear(o);
    set_clear_all(S(o));
    obj_free(o);
}

static Obj *set_repr(Obj *o) {
    SetObj *so = S(o);
    Type *t = TYPE(o);
    bool plain = t == &set_type;
    if (USED(so) == 0) return str_fmt("%s()", t->name);
    int g = repr_enter(o);
    if (g < 0) return NULL;
    if (g > 0) return str_fmt("%s(...)", t->name);
    StrBuf b;
    sb_init(&b);
    if (!plain) { sb_adds(&b, t->name); sb_addc(&b, '('); }
    sb_addc(&b, '{');
    intptr_t pos = 0;
    SEntry *e;
    bool first = true;
    Obj *keys = list_new(0);
    if (!keys) { sb_free(&b); repr_leave(o); return NULL; }
    Obj *pin = set_pin(o);
    if (!pin) goto fail;
    while (set_next(S(pin), &pos, &e)) if (list_append(keys, e->key) < 0) { DECREF(pin); goto fail; }
    DECREF(pin);
    for (intptr_t i = 0; i < LIST_LEN(keys); i++) {
        if (!first) sb_add(&b, ", ", 2);
        first = false;
        if (sb_add_repr(&b, LIST_ITEMS(keys)[i]) < 0) goto fail;
    }
    DECREF(keys);
    sb_addc(&b, '}');
    if (!plain) sb_addc(&b, ')');
    repr_leave(o);
    return sb_finish(&b);
fail:
    DECREF(keys);
    sb_free(&b);
    repr_leave(o);
    return NULL;
}

static intptr_t set_len(Obj *o) { return USED(S(o)); }

static int set_tp_contains(Obj *o, Obj *k) {
    int r = set_contains(o, k);
    if (r < 0 && set_check(k) && exc_matches(TypeError_t)) {
        /* `{1} in set_of_frozensets`: look the set up as a frozenset, as CPython does. */
        exc_clear();
        Obj *f = make_new_set(&frozenset_type, k);
        if (!f) return -1;
        r = set_contains(o, f);
        DECREF(f);
    }
    return r;
}

static inline uintptr_t shuffle_bits(uintptr_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static int frozenset_hash(Obj *o, intptr_t *out) {
    SetObj *so = S(o);
    if (so->hash != -1) { *out = so->hash; return 0; }
    uintptr_t h = 0;
    for (intptr_t i = 0; i <= so->mask; i++) h ^= shuffle_bits((uintptr_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1) h ^= shuffle_bits(0);
    if ((so->fill - USED(so)) & 1) h ^= shuffle_bits((uintptr_t)-1);
    h ^= ((uintptr_t)USED(so) + 1) * 1927868237UL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923UL;
    if (h == (uintptr_t)-1) h = 590923713UL;
    so->hash = (intptr_t)h;
    *out = (intptr_t)h;
    return 0;
}

/* ---- iterator ------------------------------------------------------------------------------------ */

typedef struct { Obj base; Obj *set; intptr_t pos, used, left; } SetIter;

static void setiter_dealloc(Obj *o) { CLEAR(((SetIter *)o)->set); obj_free(o); }
static Obj *setiter_self(Obj *o) { return NEWREF(o); }
static Obj *setiter_next(Obj *o) {
    SetIter *it = (SetIter *)o;
    if (!it->set || it->left < 0) return NULL;
    SetObj *so = S(it->set);
    obj_lock(it->set);   /* `none`: guards the table and pos/used/left */
    if (USED(so) != it->used) {
        it->used = -1;
        obj_unlock(it->set);
        return exc_raise(RuntimeError_t, "Set changed size during iteration");
    }
    SEntry *e;
    Obj *k = NULL;
    if (set_next(so, &it->pos, &e)) { it->left--; k = NEWREF(e->key); }
    else if (rc_atomic) it->left = -1;   /* exhausted; it->set stays (see the top) */
    obj_unlock(it->set);
    if (!k && !rc_atomic) CLEAR(it->set);
    return k;
}
static Obj *setiter_length_hint(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    SetIter *it = (SetIter *)self;
    return int_from_i64(it->set && it->used == USED(S(it->set)) ? it->left : 0);
}
static const MethodDef setiter_methods[] = { {"__length_hint__", setiter_length_hint}, {NULL, NULL} };
Type set_iter_type = {
    .base = TYPE_HEAD, .name = "set_iterator", .size = sizeof(SetIter), .dealloc = setiter_dealloc,
    .iter = setiter_self, .next = setiter_next, .methods = setiter_methods,
};

static Obj *set_iter(Obj *o) {
    SetIter *it = (SetIter *)obj_alloc(&set_iter_type, sizeof(SetIter));
    if (!it) return NULL;
    it->set = NEWREF(o);
    obj_lock(o);
    it->used = it->left = USED(S(o));
    obj_unlock(o);
    return (Obj *)it;
}

/* ---- algebra ------------------------------------------------------------------------------------- */

static Obj *set_intersection(Obj *so, Obj *other) {
    if (so == other) return make_new_set(basetype(so), so);
    Obj *result = set_alloc(basetype(so));
    if (!result) return NULL;
    if (set_check(other)) {
        Obj *big = so, *smallset = other;
        if (USED(S(other)) > USED(S(so))) { big = other; smallset = so; }
        Obj *pin = set_pin(smallset);
        if (!pin) { DECREF(result); return NULL; }
        intptr_t pos = 0;
        SEntry *e;
        while (set_next(S(pin), &pos, &e)) {
            Obj *k = NEWREF(e->key);
            intptr_t h = e->hash;
            int f = set_has(S(big), k, h);
            int r = f < 0 ? -1 : (f ? set_add_h(S(result), k, h) : 0);
            DECREF(k);
            if (r < 0) { DECREF(pin); DECREF(result); return NULL; }
        }
        DECREF(pin);
        return result;
    }
    Obj *it = obj_iter(other);
    if (!it) { DECREF(result); return NULL; }
    Obj *k;
    while ((k = obj_next(it))) {
        intptr_t h;
        int err = 0, r = hash_of(k, &h);
        if (r == 0) {
            int f = set_has(S(so), k, h);
            r = f < 0 ? -1 : (f ? set_add_h(S(result), k, h) : 0);
        }
        (void)err;
        DECREF(k);
        if (r < 0) { DECREF(it); DECREF(result); return NULL; }
    }
    DECREF(it);
    if (exc_occurred()) { DECREF(result); return NULL; }
    return result;
}

static int difference_update(Obj *so, Obj *other) {
    if (so == other) { set_clear_all(S(so)); return 0; }
    if (set_check(other)) {
        Obj *pin = set_pin(other);
        if (!pin) return -1;
        intptr_t pos = 0;
        SEntry *e;
        while (set_next(S(pin), &pos, &e)) {
            Obj *k = NEWREF(e->key);
            int r = discard_entry(S(so), k, e->hash);
            DECREF(k);
            if (r < 0) { DECREF(pin); return -1; }
        }
        DECREF(pin);
        return 0;
    }
    Obj *it = obj_iter(other);
    if (!it) return -1;
    Obj *k;
    while ((k = obj_next(it))) {
        int r = set_discard_key(so, k);
        DECREF(k);
        if (r < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    return exc_occurred() ? -1 : 0;
}

static Obj *set_difference(Obj *so, Obj *other) {
    intptr_t osize;
    if (set_check(other)) osize = USED(S(other));
    else if (obj_is(other, &dict_type)) osize = dict_len(other);
    else osize = -1;
    if (osize < 0 || (USED(S(so)) >> 2) > osize) {
        Obj *r = make_new_set(basetype(so), so);
        if (!r) return NULL;
        if (difference_update(r, other) < 0) { DECREF(r); return NULL; }
        return r;
    }
    Obj *result = set_alloc(basetype(so));
    if (!result) return NULL;
    Obj *pin = set_pin(so);
    if (!pin) { DECREF(result); return NULL; }
    intptr_t pos = 0;
    SEntry *e;
    while (set_next(S(pin), &pos, &e)) {
        Obj *k = NEWREF(e->key);
        intptr_t h = e->hash;
        int c;
        if (set_check(other)) {
            c = set_has(S(other), k, h);
        } else {
            Obj *v = dict_get_ref(other, k);
            c = v != NULL;
            XDECREF(v);
            if (!c && exc_occurred()) c = -1;
        }
        int r = c < 0 ? -1 : (c == 0 ? set_add_h(S(result), k, h) : 0);
        DECREF(k);
        if (r < 0) { DECREF(pin); DECREF(result); return NULL; }
    }
    DECREF(pin);
    return result;
}

static int symdiff_update(Obj *so, Obj *other) {
    if (so == other) { set_clear_all(S(so)); return 0; }
    Obj *os = set_check(other) ? set_pin(other) : make_new_set(basetype(so), other);
    if (!os) return -1;
    intptr_t pos = 0;
    SEntry *e;
    while (set_next(S(os), &pos, &e)) {
        /* Read both before discard_entry: its __eq__ calls may run Python code, which under a GIL
         * lets other threads in (and under any policy may itself mutate os, a set the caller
         * shares: set_pin pins a set only under `none`); a resize then frees the table e
         * points into. */
        Obj *k = NEWREF(e->key);
        intptr_t h = e->hash;
        int r = discard_entry(S(so), k, h);
        if (r == 0) r = set_add_h(S(so), k, h);
        DECREF(k);
        if (r < 0) { DECREF(os); return -1; }
    }
    DECREF(os);
    return 0;
}

static Obj *set_symdiff(Obj *so, Obj *other) {
    Obj *r = make_new_set(basetype(so), other);
    if (!r) return NULL;
    if (symdiff_update(r, so) < 0) { DECREF(r); return NULL; }
    return r;
}

static Obj *set_union(Obj *so, Obj *other) {
    Obj *r = make_new_set(basetype(so), so);
    if (!r) return NULL;
    if (set_update(r, other) < 0) { DECREF(r); return NULL; }
    return r;
}

/* 1/0/-1: every element of a is in b (b a set). */
static int is_subset(Obj *a, Obj *b) {
    Obj *pin = set_pin(a);
    if (!pin) return -1;
    int r = 1;
    if (USED(S(pin)) > USED(S(b))) r = 0;
    intptr_t pos = 0;
    SEntry *e;
    while (r == 1 && set_next(S(pin), &pos, &e)) {
        Obj *k = NEWREF(e->key);
        r = set_has(S(b), k, e->hash);
        DECREF(k);
    }
    DECREF(pin);
    return r;
}

static Obj *set_or(Obj *a, Obj *b) {
    if (!set_check(a) || !set_check(b)) return NEWREF(NotImplemented);
    return set_union(a, b);
}
static Obj *set_and(Obj *a, Obj *b) {
    if (!set_check(a) || !set_check(b)) return NEWREF(NotImplemented);
    return set_intersection(a, b);
}
static Obj *set_sub(Obj *a, Obj *b) {
    if (!set_check(a) || !set_check(b)) return NEWREF(NotImplemented);
    return set_difference(a, b);
}
static Obj *set_xor(Obj *a, Obj *b) {
    if (!set_check(a) || !set_check(b)) return NEWREF(NotImplemented);
    return set_symdiff(a, b);
}

static Obj *set_compare(Obj *a, Obj *b, int op) {
    if (!set_check(a) || !set_check(b)) return NEWREF(NotImplemented);
    if (rc_atomic && a != b && !(obj_isinstance(a, &frozenset_type) && obj_isinstance(b, &frozenset_type))) {
        /* `none`: compare frozen copies, so both sizes and contents are of one moment each. */
        Obj *pa = set_pin(a), *pb = pa ? set_pin(b) : NULL;
        Obj *r = pb ? set_compare(pa, pb, op) : NULL;
        XDECREF(pa);
        XDECREF(pb);
        return r;
    }
    intptr_t na = USED(S(a)), nb = USED(S(b));
    int r;
    switch (op) {
    case CMP_EQ: r = na == nb ? is_subset(a, b) : 0; break;
    case CMP_NE: r = na == nb ? is_subset(a, b) : 0; if (r >= 0) r = !r; break;
    case CMP_LE: r = is_subset(a, b); break;
    case CMP_GE: r = is_subset(b, a); break;
    case CMP_LT: r = na < nb ? is_subset(a, b) : 0; break;
    default: r = na > nb ? is_subset(b, a) : 0; break;
    }
    return r < 0 ? NULL : bool_from(r);
}

/* ---- methods ------------------------------------------------------------------------------------- */

/* "set.add" / "frozenset.copy": CPython names methods by their defining type in messages. */
static const char *qname(Obj *self, const char *m, char *buf, size_t n) {
    const char *t = basetype(self)->name;
    size_t lt = strlen(t), lm = strlen(m);
    if (lt + lm + 2 > n) return m;
    memcpy(buf, t, lt);
    buf[lt] = '.';
    memcpy(buf + lt + 1, m, lm + 1);
    return buf;
}
#define QN(m) (strchr((m), '.') ? (m) : qname(self, (m), qbuf, sizeof qbuf))
#define ONEARG(fname) do { char qbuf[64]; if (no_kwargs(QN(fname), k) < 0 || check_nargs(QN(fname), n, 1, 1) < 0) return NULL; } while (0)
#define NOARG(fname) do { char qbuf[64]; (void)a; if (no_kwargs(QN(fname), k) < 0 || check_nargs(QN(fname), n, 0, 0) < 0) return NULL; } while (0)

static Obj *set_m_add(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("set.add");
    return set_add(self, a[0]) < 0 ? NULL : none_ref();
}
static Obj *set_m_remove(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("set.remove");
    int r = set_discard_key(self, a[0]);
    if (r < 0) return NULL;
    if (r == 0) {
        Obj *e = exc_new(KeyError_t, a, 1);
        if (e) { exc_raise_obj(e); DECREF(e); }
        return NULL;
    }
    return none_ref();
}
static Obj *set_m_discard(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("set.discard");
    return set_discard_key(self, a[0]) < 0 ? NULL : none_ref();
}
static Obj *set_m_pop(Obj *self, Obj *const *a, int n, Obj *k) { NOARG("set.pop"); return set_pop_any(self); }
static Obj *set_m_clear(Obj *self, Obj *const *a, int n, Obj *k) { NOARG("set.clear"); set_clear_all(S(self)); return none_ref(); }
static Obj *set_m_copy(Obj *self, Obj *const *a, int n, Obj *k) {
    NOARG("copy");
    if (obj_is(self, &frozenset_type)) return NEWREF(self);
    return make_new_set(basetype(self), self);
}
static Obj *set_m_update(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("set.update", k) < 0) return NULL;
    for (int i = 0; i < n; i++) if (set_update(self, a[i]) < 0) return NULL;
    return none_ref();
}
static Obj *set_m_union(Obj *self, Obj *const *a, int n, Obj *k) {
    { char qbuf[64]; if (no_kwargs(QN("union"), k) < 0) return NULL; }
    Obj *r = make_new_set(basetype(self), self);
    if (!r) return NULL;
    for (int i = 0; i < n; i++) if (set_update(r, a[i]) < 0) { DECREF(r); return NULL; }
    return r;
}
static Obj *set_m_intersection(Obj *self, Obj *const *a, int n, Obj *k) {
    { char qbuf[64]; if (no_kwargs(QN("intersection"), k) < 0) return NULL; }
    if (n == 0) return make_new_set(basetype(self), self);
    Obj *r = NEWREF(self);
    for (int i = 0; i < n; i++) {
        Obj *t = set_intersection(r, a[i]);
        DECREF(r);
        if (!t) return NULL;
        r = t;
    }
    return r;
}
static Obj *set_m_intersection_update(Obj *self, Obj *const *a, int n, Obj *k) {
    Obj *r = set_m_intersection(self, a, n, k);
    if (!r) return NULL;
    set_clear_all(S(self));
    int rc = set_merge(S(self), S(r));
    DECREF(r);
    return rc < 0 ? NULL : none_ref();
}
static Obj *set_m_difference(Obj *self, Obj *const *a, int n, Obj *k) {
    { char qbuf[64]; if (no_kwargs(QN("difference"), k) < 0) return NULL; }
    if (n == 0) return make_new_set(basetype(self), self);
    Obj *r = set_difference(self, a[0]);
    for (int i = 1; r && i < n; i++) if (difference_update(r, a[i]) < 0) CLEAR(r);
    return r;
}
static Obj *set_m_difference_update(Obj *self, Obj *const *a, int n, Obj *k) {
    { char qbuf[64]; if (no_kwargs(QN("difference_update"), k) < 0) return NULL; }
    for (int i = 0; i < n; i++) if (difference_update(self, a[i]) < 0) return NULL;
    return none_ref();
}
static Obj *set_m_symdiff(Obj *self, Obj *const *a, int n, Obj *k) { ONEARG("symmetric_difference"); return set_symdiff(self, a[0]); }
static Obj *set_m_symdiff_update(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("symmetric_difference_update");
    return symdiff_update(self, a[0]) < 0 ? NULL : none_ref();
}
static Obj *as_set(Obj *o) { return set_check(o) ? NEWREF(o) : make_new_set(&set_type, o); }
static Obj *set_m_issubset(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("issubset");
    Obj *o = as_set(a[0]);
    if (!o) return NULL;
    int r = is_subset(self, o);
    DECREF(o);
    return r < 0 ? NULL : bool_from(r);
}
static Obj *set_m_issuperset(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("issuperset");
    Obj *o = as_set(a[0]);
    if (!o) return NULL;
    int r = is_subset(o, self);
    DECREF(o);
    return r < 0 ? NULL : bool_from(r);
}
static Obj *set_m_isdisjoint(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("isdisjoint");
    Obj *i = set_check(a[0]) ? set_intersection(self, a[0]) : NULL;
    if (!i) {
        Obj *o = as_set(a[0]);
        if (!o) return NULL;
        i = set_intersection(self, o);
        DECREF(o);
        if (!i) return NULL;
    }
    int r = USED(S(i)) == 0;
    DECREF(i);
    return bool_from(r);
}
static Obj *inplace(Obj *self, Obj *other, int which) {
    if (!set_check(other)) return NEWREF(NotImplemented);
    int r;
    if (which == 0) r = set_update(self, other);
    else if (which == 1) r = difference_update(self, other);
    else if (which == 2) r = symdiff_update(self, other);
    else {
        Obj *t = set_intersection(self, other);
        if (!t) return NULL;
        set_clear_all(S(self));
        r = set_merge(S(self), S(t));
        DECREF(t);
    }
    return r < 0 ? NULL : NEWREF(self);
}
static Obj *set_m_ior(Obj *self, Obj *const *a, int n, Obj *k) { ONEARG("__ior__"); return inplace(self, a[0], 0); }
static Obj *set_m_isub(Obj *self, Obj *const *a, int n, Obj *k) { ONEARG("__isub__"); return inplace(self, a[0], 1); }
static Obj *set_m_ixor(Obj *self, Obj *const *a, int n, Obj *k) { ONEARG("__ixor__"); return inplace(self, a[0], 2); }
static Obj *set_m_iand(Obj *self, Obj *const *a, int n, Obj *k) { ONEARG("__iand__"); return inplace(self, a[0], 3); }
static Obj *set_m_contains(Obj *self, Obj *const *a, int n, Obj *k) {
    ONEARG("__contains__");
    int r = set_tp_contains(self, a[0]);
    return r < 0 ? NULL : bool_from(r);
}
static Obj *set_m_len(Obj *self, Obj *const *a, int n, Obj *k) { NOARG("__len__"); return int_from_i64(USED(S(self))); }
static Obj *set_m_iter(Obj *self, Obj *const *a, int n, Obj *k) { NOARG("__iter__"); return set_iter(self); }
static Obj *set_m_init(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("set", k) < 0) return NULL;
    if (n > 1) return exc_raise(TypeError_t, "set expected at most 1 argument, got %d", n);
    set_clear_all(S(self));
    if (n == 1 && set_update(self, a[0]) < 0) return NULL;
    return none_ref();
}

static const MethodDef set_methods[] = {
    {"add", set_m_add}, {"remove", set_m_remove}, {"discard", set_m_discard}, {"pop", set_m_pop},
    {"clear", set_m_clear}, {"copy", set_m_copy}, {"update", set_m_update}, {"union", set_m_union},
    {"intersection", set_m_intersection}, {"intersection_update", set_m_intersection_update},
    {"difference", set_m_difference}, {"difference_update", set_m_difference_update},
    {"symmetric_difference", set_m_symdiff}, {"symmetric_difference_update", set_m_symdiff_update},
    {"issubset", set_m_issubset}, {"issuperset", set_m_issuperset}, {"isdisjoint", set_m_isdisjoint},
    {"__ior__", set_m_ior}, {"__isub__", set_m_isub}, {"__ixor__", set_m_ixor}, {"__iand__", set_m_iand},
    {"__contains__", set_m_contains}, {"__len__", set_m_len}, {"__iter__", set_m_iter},
    {"__init__", set_m_init},
    {NULL, NULL},
};

static const MethodDef frozenset_methods[] = {
    {"copy", set_m_copy}, {"union", set_m_union}, {"intersection", set_m_intersection},
    {"difference", set_m_difference}, {"symmetric_difference", set_m_symdiff},
    {"issubset", set_m_issubset}, {"issuperset", set_m_issuperset}, {"isdisjoint", set_m_isdisjoint},
    {"__contains__", set_m_contains}, {"__len__", set_m_len}, {"__iter__", set_m_iter},
    {NULL, NULL},
};

static Obj *set_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    if (t != &set_type) return set_alloc(t);     /* a subclass: __init__ fills it */
    if (no_kwargs("set", k) < 0) return NULL;
    if (n > 1) return exc_raise(TypeError_t, "set expected at most 1 argument, got %d", n);
    return make_new_set(t, n ? a[0] : NULL);
}

static Obj *frozenset_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    if (t == &frozenset_type && no_kwargs("frozenset", k) < 0) return NULL;
    if (n > 1) return exc_raise(TypeError_t, "frozenset expected at most 1 argument, got %d", n);
    if (t == &frozenset_type && n == 1 && obj_is(a[0], &frozenset_type)) return NEWREF(a[0]);
    return make_new_set(t, n ? a[0] : NULL);
}

Type set_type = {
    .base = TYPE_HEAD, .name = "set", .size = sizeof(SetObj), .flags = TF_BASETYPE,
    .lockoffset = offsetof(SetObj, lock),
    .dealloc = set_dealloc, .repr = set_repr, .hash = hash_not_implemented, .compare = set_compare,
    .len = set_len, .contains = set_tp_contains, .iter = set_iter,
    .nb = {[NB_OR] = set_or, [NB_AND] = set_and, [NB_SUB] = set_sub, [NB_XOR] = set_xor},
    .methods = set_methods, .new_ = set_tp_new, .traverse = set_traverse, .clear = set_gc_clear,
};

Type frozenset_type = {
    .base = TYPE_HEAD, .name = "frozenset", .size = sizeof(SetObj), .flags = TF_BASETYPE,
    .lockoffset = offsetof(SetObj, lock),
    .dealloc = set_dealloc, .repr = set_repr, .hash = frozenset_hash, .compare = set_compare,
    .len = set_len, .contains = set_tp_contains, .iter = set_iter,
    .nb = {[NB_OR] = set_or, [NB_AND] = set_and, [NB_SUB] = set_sub, [NB_XOR] = set_xor},
    .methods = frozenset_methods, .new_ = frozenset_tp_new, .traverse = set_traverse,
    .clear = set_gc_clear,
};
