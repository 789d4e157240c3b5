/*
 * interp/objects/dict.c — dict: CPython's compact, insertion-ordered hash table. An index table of
 * int32 slots (open addressing with perturbed probing) points into a dense entries array, so
 * iteration follows insertion order and the table stays small. Also the keys/values/items views
 * and their iterators.
 *
 * Hot path: globals and attribute dicts are keyed by interned strs, so a lookup compares the key
 * pointer first and only falls back to __eq__ when two different objects have the same hash.
 * __eq__ may run Python code that changes the dict; the lookup then restarts (as CPython).
 *
 * Invariants: used <= nentries <= usable(size); entries[0..nentries) hold live entries and holes
 * (key NULL) left by deletion; index slots are EMPTY, DUMMY or an entry number.
 *
 * Free-threaded policy (`none`, rc_atomic; rules in objlock.h): every access to the table holds
 * the dict's object lock. The key's hash is computed before locking (__hash__ is Python code);
 * when lookup must call __eq__ it drops the lock around the call and re-validates afterwards (the
 * same restart as for a mutating __eq__ above), as CPython's critical sections are suspended
 * when a thread blocks. Values and keys displaced by set/del/pop are DECREF'd after unlocking.
 * Readers that call Python code per entry (==, repr, values `in`, update from a dict) work on a
 * snapshot of the entries taken under the lock; iterators step under the lock and hand out new
 * references, raising RuntimeError on a concurrent size change as under the GIL. dict_get and
 * dict_next return borrowed references: safe only for dicts no other thread mutates at the time
 * (callers that may race use dict_get_ref).
 *
 * Called by: the VM (globals, BUILD_MAP, kwargs), class.c (attribute dicts), everyone.
 * Locks: the dict's object lock under `none` only; nothing under a GIL.
 */
#include <string.h>
#include "objects/objects.h"
#include "core/objlock.h"

#define EMPTY (-1)
#define DUMMY (-2)
#define MINSIZE 8
#define USABLE(n) (((n) << 1) / 3)

typedef struct { intptr_t hash; Obj *key; Obj *value; } DEntry;
typedef struct {
    Obj base;
    intptr_t used;          /* live entries */
    intptr_t nentries;      /* entries in use, holes included */
    intptr_t size;          /* index slots, a power of two (0 = nothing allocated yet) */
    int32_t *indices;
    DEntry *entries;        /* USABLE(size) of them */
    uint32_t version;       /* bumped on every insertion or deletion */
} DictObj;

#define D(o) ((DictObj *)(o))
/* used is read without the lock (len(d), a first look before locking), so every store and load
 * of it is a relaxed atomic: a plain mov on every target, and no C11 data race under `none`. The
 * rest of the table is touched only under the lock (or by the only thread that can see it). */
#define USED(d) __atomic_load_n(&(d)->used, __ATOMIC_RELAXED)
static inline void used_set(DictObj *d, intptr_t n) { __atomic_store_n(&d->used, n, __ATOMIC_RELAXED); }
static inline void used_add(DictObj *d, intptr_t n) { used_set(d, d->used + n); }   /* under the lock */

/* A key's hash with the common cases inline: small ints (identity-ish, as CPython's int hash for
 * values below 2**60) and strs (cached in the str). */
static inline int key_hash(Obj *k, intptr_t *h) {
    if (IS_SMALL(k)) {
        intptr_t v = SMALL_VAL(k);
        if (v > -((intptr_t)1 << (SMALL_BITS > 61 ? 60 : SMALL_BITS - 1)) && v != -1 &&
            v < ((intptr_t)1 << (SMALL_BITS > 61 ? 60 : SMALL_BITS - 1))) {
            *h = v;
            return 0;
        }
    } else if (k->type == &str_type) {
        return str_type.hash(k, h);
    }
    return obj_hash(k, h);
}

static int dict_alloc_table(DictObj *d, intptr_t size) {
    int32_t *ix = mem_alloc((size_t)size * sizeof(int32_t));
    if (!ix) return -1;
    DEntry *en = mem_alloc((size_t)USABLE(size) * sizeof(DEntry));
    if (!en) { mem_free(ix); return -1; }
    memset(ix, 0xff, (size_t)size * sizeof(int32_t));
    d->indices = ix;
    d->entries = en;
    d->size = size;
    return 0;
}

Obj *dict_new(void) {
    DictObj *d = (DictObj *)obj_alloc(&dict_type, sizeof(DictObj));
    return (Obj *)d;
}

static Obj *dict_alloc_type(Type *t) {
    return obj_alloc(t, t->size ? t->size : sizeof(DictObj));
}

/* Find key: returns the entry number or -1 (not found); *slot gets the index slot where it was
 * found or where it would be inserted. -2 = error (exception set). */
static intptr_t lookup(DictObj *d, Obj *key, intptr_t hash, intptr_t *slot) {
restart:
    if (!d->size) { if (slot) *slot = -1; return -1; }
    size_t mask = (size_t)d->size - 1, i = (size_t)hash & mask, perturb = (size_t)hash;
    intptr_t freeslot = -1;
    for (;;) {
        int32_t ix = d->indices[i];
        if (ix == EMPTY) {
            if (slot) *slot = freeslot >= 0 ? freeslot : (intptr_t)i;
            return -1;
        }
        if (ix == DUMMY) {
            if (freeslot < 0) freeslot = (intptr_t)i;
        } else {
            DEntry *e = &d->entries[ix];
            if (e->key == key) { if (slot) *slot = (intptr_t)i; return ix; }
            if (e->hash == hash && e->key) {
                Obj *sk = e->key;
                if (TYPE(sk) == &str_type && TYPE(key) == &str_type) {
                    if (str_nbytes(sk) == str_nbytes(key) && !memcmp(str_data(sk), str_data(key), str_nbytes(key))) {
                        if (slot) *slot = (intptr_t)i;
                        return ix;
                    }
                } else {
                    DEntry *before = d->entries;
                    uint32_t ver = d->version;
                    INCREF(sk);
                    /* `none`: the caller holds d's lock; __eq__ is Python code, so it runs
                     * unlocked and the checks below catch any change made meanwhile. */
                    if (rc_atomic) obj_unlock((Obj *)d);
                    int c = obj_eq(sk, key);
                    DECREF(sk);
                    if (rc_atomic) obj_lock((Obj *)d);
                    if (c < 0) return -2;
                    if (before != d->entries || ver != d->version || e->key != sk) goto restart;
                    if (c) { if (slot) *slot = (intptr_t)i; return ix; }
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static int dict_resize(DictObj *d, intptr_t minused) {
    intptr_t size = MINSIZE;
    while (USABLE(size) <= minused) size <<= 1;
    int32_t *oix = d->indices;
    DEntry *oen = d->entries;
    intptr_t on = d->nentries;
    if (dict_alloc_table(d, size) < 0) { d->indices = oix; d->entries = oen; return -1; }
    intptr_t j = 0;
    size_t mask = (size_t)size - 1;
    for (intptr_t k = 0; k < on; k++) {
        if (!oen[k].key) continue;
        d->entries[j] = oen[k];
        size_t i = (size_t)oen[k].hash & mask, perturb = (size_t)oen[k].hash;
        while (d->indices[i] != EMPTY) { perturb >>= 5; i = (i * 5 + perturb + 1) & mask; }
        d->indices[i] = (int32_t)j;
        j++;
    }
    d->nentries = j;
    mem_free(oix);
    mem_free(oen);
    return 0;
}

/* Under `none` every key's lookup takes the lock (lookup drops it around __eq__). */
static inline bool lock_key(Obj *k) { (void)k; return rc_atomic; }

/* Insert or replace with a known hash; key and val borrowed. A replaced value is handed back in
 * *old (the caller DECREFs it, after unlocking) or DECREF'd here when old is NULL. */
static int insert_ex(DictObj *d, Obj *key, intptr_t hash, Obj *val, Obj **old) {
    intptr_t slot;
    intptr_t ix = lookup(d, key, hash, &slot);
    if (ix == -2) return -1;
    if (ix >= 0) {
        Obj *prev = d->entries[ix].value;
        d->entries[ix].value = NEWREF(val);
        if (old) *old = prev; else DECREF(prev);
        return 0;
    }
    if (!d->size || d->nentries >= USABLE(d->size)) {
        if (dict_resize(d, USED(d) * 3 + 1) < 0) return -1;
        lookup(d, key, hash, &slot);   /* cannot fail: the key is known absent; finds an empty slot */
    }
    /* A DUMMY slot may be reused only if the probe found one before an EMPTY. */
    d->indices[slot] = (int32_t)d->nentries;
    DEntry *e = &d->entries[d->nentries++];
    e->hash = hash;
    e->key = NEWREF(key);
    e->value = NEWREF(val);
    used_add(d, 1);
    d->version++;
    return 0;
}

static int insert(DictObj *d, Obj *key, intptr_t hash, Obj *val) { return insert_ex(d, key, hash, val, NULL); }

Obj *dict_get(Obj *o, Obj *key) {
    DictObj *d = D(o);
    intptr_t h;
    if (key_hash(key, &h) < 0) return NULL;
    if (lock_key(key)) {
        obj_lock(o);
        intptr_t ix = lookup(d, key, h, NULL);
        Obj *v = ix >= 0 ? d->entries[ix].value : NULL;
        obj_unlock(o);
        return v;
    }
    intptr_t ix = lookup(d, key, h, NULL);
    return ix >= 0 ? d->entries[ix].value : NULL;
}

/* d[key] as a new reference, or NULL (missing: no exception; error: exception set). */
Obj *dict_get_ref(Obj *o, Obj *key) {
    intptr_t h;
    if (key_hash(key, &h) < 0) return NULL;
    obj_lock(o);
    intptr_t ix = lookup(D(o), key, h, NULL);
    Obj *v = ix >= 0 ? NEWREF(D(o)->entries[ix].value) : NULL;
    obj_unlock(o);
    return v;
}

/* `none`: the live entries of o (new references to key and value), copied under o's lock; *n of
 * them; release with entries_release. NULL with *n == 0 when empty; NULL with *n < 0 on error. */
static DEntry *entries_snapshot(Obj *o, intptr_t *n) {
    DictObj *d = D(o);
    obj_lock(o);
    intptr_t k = 0, used = USED(d);
    DEntry *s = used ? mem_alloc((size_t)used * sizeof(DEntry)) : NULL;
    if (s)
        for (intptr_t i = 0; i < d->nentries && k < used; i++) {
            if (!d->entries[i].key) continue;
            s[k] = d->entries[i];
            INCREF(s[k].key);
            INCREF(s[k].value);
            k++;
        }
    obj_unlock(o);
    *n = used && !s ? -1 : k;
    return s;
}
static void entries_release(DEntry *s, intptr_t n) {
    for (intptr_t i = 0; i < n; i++) { DECREF(s[i].key); DECREF(s[i].value); }
    mem_free(s);
}

Obj *dict_get_s(Obj *d, const char *key) {
    Obj *k = str_intern(key);
    if (!k) return NULL;
    return dict_get(d, k);
}

int dict_set(Obj *o, Obj *key, Obj *val) {
    intptr_t h;
    if (key_hash(key, &h) < 0) return -1;
    if (lock_key(key)) {
        Obj *old = NULL;
        obj_lock(o);
        int r = insert_ex(D(o), key, h, val, &old);
        obj_unlock(o);
        XDECREF(old);
        return r;
    }
    return insert(D(o), key, h, val);
}

int dict_set_s(Obj *d, const char *key, Obj *val) {
    Obj *k = str_intern(key);
    if (!k) return -1;
    return dict_set(d, k, val);
}

static void raise_key_error(Obj *key) {
    Obj *e = exc_new(KeyError_t, &key, 1);
    if (e) { exc_raise_obj(e); DECREF(e); }
}

/* Unlink the entry at index slot `slot`/entry `ix`; its key and value (references) go to *k, *v. */
static void unlink_entry(DictObj *d, intptr_t slot, intptr_t ix, Obj **k, Obj **v) {
    DEntry *e = &d->entries[ix];
    *k = e->key;
    *v = e->value;
    e->key = NULL;
    e->value = NULL;
    d->indices[slot] = DUMMY;
    used_add(d, -1);
    d->version++;
}

/* The entry for key unlinked from the table (under the object lock when the key allows it):
 * 1 found (*k, *v new references), 0 missing, -1 error. */
static int take_entry(Obj *o, Obj *key, Obj **k, Obj **v) {
    DictObj *d = D(o);
    intptr_t h, slot, ix;
    if (key_hash(key, &h) < 0) return -1;
    bool lk = lock_key(key);
    if (lk) obj_lock(o);
    ix = lookup(d, key, h, &slot);
    if (ix >= 0) unlink_entry(d, slot, ix, k, v);
    if (lk) obj_unlock(o);
    return ix == -2 ? -1 : ix >= 0;
}

int dict_del(Obj *o, Obj *key) {
    Obj *k, *v;
    int r = take_entry(o, key, &k, &v);
    if (r < 0) return -1;
    if (r == 0) { raise_key_error(key); return -1; }
    DECREF(k);
    DECREF(v);
    return 0;
}

Obj *dict_pop(Obj *o, Obj *key, Obj *dflt) {
    Obj *k, *v;
    int r = take_entry(o, key, &k, &v);
    if (r < 0) return NULL;
    if (r == 0) {
        if (dflt) return NEWREF(dflt);
        raise_key_error(key);
        return NULL;
    }
    DECREF(k);
    return v;
}

intptr_t dict_len(Obj *d) { return USED(D(d)); }

bool dict_next(Obj *o, intptr_t *pos, Obj **k, Obj **v) {
    DictObj *d = D(o);
    intptr_t i = *pos;
    while (i < d->nentries && !d->entries[i].key) i++;
    if (i >= d->nentries) { *pos = i; return false; }
    if (k) *k = d->entries[i].key;
    if (v) *v = d->entries[i].value;
    *pos = i + 1;
    return true;
}

static void dict_clear_all(DictObj *d) {
    obj_lock((Obj *)d);
    int32_t *ix = d->indices;
    DEntry *en = d->entries;
    intptr_t n = d->nentries;
    d->indices = NULL;
    d->entries = NULL;
    d->size = d->nentries = 0;
    used_set(d, 0);
    d->version++;
    obj_unlock((Obj *)d);
    for (intptr_t i = 0; i < n; i++) {
        if (en[i].key) { DECREF(en[i].key); DECREF(en[i].value); }
    }
    mem_free(ix);
    mem_free(en);
}

/* `none`: insert s's entries one by one from a snapshot (each insertion atomic, __eq__ unlocked). */
static int merge_snapshot(DictObj *d, DictObj *s, bool override) {
    intptr_t n;
    DEntry *e = entries_snapshot((Obj *)s, &n);
    if (n < 0) return -1;
    int r = 0;
    for (intptr_t i = 0; i < n && r == 0; i++) {
        Obj *old = NULL;
        obj_lock((Obj *)d);
        if (!override) {
            intptr_t ix = lookup(d, e[i].key, e[i].hash, NULL);
            if (ix == -2) r = -1;
            else if (ix < 0) r = insert_ex(d, e[i].key, e[i].hash, e[i].value, &old);
        } else r = insert_ex(d, e[i].key, e[i].hash, e[i].value, &old);
        obj_unlock((Obj *)d);
        XDECREF(old);
    }
    entries_release(e, n);
    return r;
}

/* d (empty, no table) becomes an exact copy of s's table, which has no deleted entries
 * (USED(s) == s->nentries). 0, or -1 with MemoryError. Under `none` both locks are held. */
static int dict_copy_table(DictObj *d, DictObj *s) {
    if (dict_alloc_table(d, s->size) < 0) return -1;
    memcpy(d->indices, s->indices, (size_t)s->size * sizeof(int32_t));
    for (intptr_t i = 0; i < s->nentries; i++) {
        d->entries[i] = s->entries[i];
        INCREF(s->entries[i].key);
        INCREF(s->entries[i].value);
    }
    d->nentries = s->nentries;
    used_set(d, s->nentries);
    d->version++;
    return 0;
}

static int dict_merge_dict(DictObj *d, DictObj *s, bool override) {
    if ((Obj *)d == (Obj *)s) return 0;
    if (rc_atomic) {
        /* Fast path (an exact copy of the table into an empty dict) under both locks. */
        bool done = false;
        obj_lock2((Obj *)d, (Obj *)s);
        if (USED(d) == 0 && d->nentries == 0 && !d->size && override && USED(s) == s->nentries && s->size &&
            dict_copy_table(d, s) == 0)
            done = true;
        obj_unlock2((Obj *)d, (Obj *)s);
        return done ? 0 : merge_snapshot(d, s, override);
    }
    if (USED(d) == 0 && override && USED(s) == s->nentries && s->size)
        return dict_copy_table(d, s);   /* fast path: an exact copy of the table */
    if (USABLE(d->size) < USED(d) + USED(s) && dict_resize(d, (USED(d) + USED(s)) * 3 / 2 + 1) < 0) return -1;
    for (intptr_t i = 0; i < s->nentries; i++) {
        DEntry e = s->entries[i];
        if (!e.key) continue;
        INCREF(e.key); INCREF(e.value);
        int r = 0;
        if (!override) {
            intptr_t ix = lookup(d, e.key, e.hash, NULL);
            if (ix == -2) r = -1;
            else if (ix < 0) r = insert(d, e.key, e.hash, e.value);
        } else r = insert(d, e.key, e.hash, e.value);
        DECREF(e.key); DECREF(e.value);
        if (r < 0) return -1;
    }
    return 0;
}

Obj *dict_copy(Obj *o) {
    Obj *r = dict_new();
    if (!r) return NULL;
    if (dict_merge_dict(D(r), D(o), true) < 0) { DECREF(r); return NULL; }
    return r;
}

static int update_from_keys(Obj *d, Obj *src, Obj *keysfn) {
    Obj *keys = obj_call0(keysfn);
    if (!keys) return -1;
    Obj *it = obj_iter(keys);
    DECREF(keys);
    if (!it) return -1;
    Obj *k;
    while ((k = obj_next(it))) {
        Obj *v = obj_getitem(src, k);
        int r = v ? dict_set(d, k, v) : -1;
        XDECREF(v);
        DECREF(k);
        if (r < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    return exc_occurred() ? -1 : 0;
}

static int update_from_pairs(Obj *d, Obj *src) {
    Obj *it = obj_iter(src);
    if (!it) return -1;
    Obj *item;
    intptr_t n = 0;
    while ((item = obj_next(it))) {
        Obj *pair = NULL;
        if (obj_is(item, &list_type) && rc_atomic) pair = list_as_tuple(item);   /* `none`: a shared list may change */
        else if (obj_is(item, &tuple_type) || obj_is(item, &list_type)) pair = NEWREF(item);
        else {
            Obj *pi = obj_iter(item);
            if (pi) { DECREF(pi); pair = tuple_from_iter(item); }
            else if (exc_matches(TypeError_t)) {
                exc_clear();
                exc_raise(TypeError_t, "cannot convert dictionary update sequence element #%ld to a sequence", (long)n);
            }
        }
        DECREF(item);
        if (!pair) { DECREF(it); return -1; }
        intptr_t len = obj_is(pair, &list_type) ? LIST_LEN(pair) : TUPLE_LEN(pair);
        Obj **p = obj_is(pair, &list_type) ? LIST_ITEMS(pair) : TUPLE_ITEMS(pair);
        if (len != 2) {
            exc_raise(ValueError_t, "dictionary update sequence element #%ld has length %ld; 2 is required", (long)n, (long)len);
            DECREF(pair); DECREF(it);
            return -1;
        }
        int r = dict_set(d, p[0], p[1]);
        DECREF(pair);
        if (r < 0) { DECREF(it); return -1; }
        n++;
    }
    DECREF(it);
    return exc_occurred() ? -1 : 0;
}

int dict_update(Obj *d, Obj *src) {
    if (obj_isinstance(src, &dict_type)) return dict_merge_dict(D(d), D(src), true);
    Obj *keysfn = obj_lookup_attr(src, str_intern("keys"));
    if (keysfn) {
        int r = update_from_keys(d, src, keysfn);
        DECREF(keysfn);
        return r;
    }
    if (exc_occurred()) return -1;
    return update_from_pairs(d, src);
}

int dict_merge(Obj *d, Obj *src, bool dup_check, const char *fname) {
    if (obj_isinstance(src, &dict_type) && !dup_check) return dict_merge_dict(D(d), D(src), true);
    Obj *keysfn = NULL;
    if (!obj_isinstance(src, &dict_type)) {
        keysfn = obj_lookup_attr(src, str_intern("keys"));
        if (!keysfn) {
            if (exc_occurred()) return -1;
            if (fname) exc_raise(TypeError_t, "%s() argument after ** must be a mapping, not %s", fname, type_name(src));
            else exc_raise(TypeError_t, "'%s' object is not a mapping", type_name(src));
            return -1;
        }
    }
    if (!dup_check) {
        int r = update_from_keys(d, src, keysfn);
        DECREF(keysfn);
        return r;
    }
    Obj *keys = keysfn ? obj_call0(keysfn) : list_new(0);
    XDECREF(keysfn);
    if (!keys) return -1;
    if (!keysfn) {
        intptr_t pos = 0; Obj *k, *v;
        while (dict_next(src, &pos, &k, &v)) if (list_append(keys, k) < 0) { DECREF(keys); return -1; }
    }
    Obj *it = obj_iter(keys);
    DECREF(keys);
    if (!it) return -1;
    Obj *k;
    while ((k = obj_next(it))) {
        Obj *have = dict_get(d, k);
        if (have) {
            if (str_check(k))
                exc_raise(TypeError_t, "%s() got multiple values for keyword argument '%s'", fname ? fname : "function", str_data(k));
            else
                exc_raise(TypeError_t, "keywords must be strings");
            DECREF(k); DECREF(it);
            return -1;
        }
        Obj *v = obj_getitem(src, k);
        int r = v ? dict_set(d, k, v) : -1;
        XDECREF(v);
        DECREF(k);
        if (r < 0) { DECREF(it); return -1; }
    }
    DECREF(it);
    return exc_occurred() ? -1 : 0;
}

/* ---- type slots -------------------------------------------------------------------------------- */

/* The cycle collector's slots (interp/runtime/gc.c): it runs them with the world stopped or on
 * an unreachable dict, so the entries cannot move under the walk. */
static int dict_traverse(Obj *o, VisitFn visit, void *arg) {
    DictObj *d = D(o);
    DEntry *en = d->entries;
    for (intptr_t i = 0; en && i < d->nentries; i++) {
        if (en[i].key) { VISIT(en[i].key); VISIT(en[i].value); }
    }
    return 0;
}

static void dict_gc_clear(Obj *o) { dict_clear_all(D(o)); }

static void dict_dealloc(Obj *o) {
    inst_dict_clear(o);
    dict_clear_all(D(o));
    obj_free(o);
}

static Obj *dict_repr(Obj *o) {
    DictObj *d = D(o);
    if (USED(d) == 0) return str_from_cstr("{}");
    int g = repr_enter(o);
    if (g < 0) return NULL;
    if (g > 0) return str_from_cstr("{...}");
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, '{');
    bool first = true;
    if (rc_atomic) {   /* `none`: repr a snapshot (repr() of an entry is Python code) */
        intptr_t n;
        DEntry *e = entries_snapshot(o, &n);
        int r = n < 0 ? -1 : 0;
        for (intptr_t i = 0; i < n && r >= 0; i++) {
            if (i) sb_add(&b, ", ", 2);
            r = sb_add_repr(&b, e[i].key);
            if (r >= 0) { sb_add(&b, ": ", 2); r = sb_add_repr(&b, e[i].value); }
        }
        if (n > 0) entries_release(e, n);
        if (r < 0) { sb_free(&b); repr_leave(o); return NULL; }
        sb_addc(&b, '}');
        repr_leave(o);
        return sb_finish(&b);
    }
    for (intptr_t i = 0; i < d->nentries; i++) {
        DEntry *e = &d->entries[i];
        if (!e->key) continue;
        Obj *k = NEWREF(e->key), *v = NEWREF(e->value);
        if (!first) sb_add(&b, ", ", 2);
        first = false;
        int r = sb_add_repr(&b, k);
        if (r >= 0) { sb_add(&b, ": ", 2); r = sb_add_repr(&b, v); }
        DECREF(k); DECREF(v);
        if (r < 0) { sb_free(&b); repr_leave(o); return NULL; }
    }
    sb_addc(&b, '}');
    repr_leave(o);
    return sb_finish(&b);
}

static int dict_equal(DictObj *x, DictObj *y) {
    if (rc_atomic) {
        /* `none`: x's entries from a snapshot; each is looked up in y under y's lock and the
         * values compared unlocked. */
        intptr_t n;
        DEntry *e = entries_snapshot((Obj *)x, &n);
        if (n < 0) return -1;
        obj_lock((Obj *)y);
        int eq = n == USED(y);
        obj_unlock((Obj *)y);
        for (intptr_t i = 0; i < n && eq > 0; i++) {
            obj_lock((Obj *)y);
            intptr_t ix = lookup(y, e[i].key, e[i].hash, NULL);
            Obj *w = ix >= 0 ? NEWREF(y->entries[ix].value) : NULL;
            obj_unlock((Obj *)y);
            if (ix == -2) eq = -1;
            else if (!w) eq = 0;
            else { eq = obj_eq(e[i].value, w); DECREF(w); }
        }
        entries_release(e, n);
        return eq;
    }
    if (USED(x) != USED(y)) return 0;
    for (intptr_t i = 0; i < x->nentries; i++) {
        DEntry *e = &x->entries[i];
        if (!e->key) continue;
        Obj *k = NEWREF(e->key), *v = NEWREF(e->value);
        intptr_t ix = lookup(y, k, e->hash, NULL);
        int eq;
        if (ix == -2) eq = -1;
        else if (ix < 0) eq = 0;
        else {
            Obj *w = NEWREF(y->entries[ix].value);
            eq = obj_eq(v, w);
            DECREF(w);
        }
        DECREF(k); DECREF(v);
        if (eq <= 0) return eq;
    }
    return 1;
}

static Obj *dict_compare(Obj *a, Obj *b, int op) {
    if (!obj_isinstance(a, &dict_type) || !obj_isinstance(b, &dict_type) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(NotImplemented);
    /* Values that are dicts recurse through obj_eq: guard the C stack. */
    if (rec_enter(" in comparison") < 0) return NULL;
    int eq = dict_equal(D(a), D(b));
    rec_leave();
    if (eq < 0) return NULL;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static intptr_t dict_tp_len(Obj *o) { return USED(D(o)); }

static Obj *dict_subscript(Obj *o, Obj *key) {
    intptr_t h;
    if (key_hash(key, &h) < 0) return NULL;
    if (lock_key(key)) {
        obj_lock(o);
        intptr_t ix = lookup(D(o), key, h, NULL);
        Obj *v = ix >= 0 ? NEWREF(D(o)->entries[ix].value) : NULL;
        obj_unlock(o);
        if (v) return v;
    } else {
        intptr_t ix = lookup(D(o), key, h, NULL);
        if (ix == -2) return NULL;
        if (ix >= 0) return NEWREF(D(o)->entries[ix].value);
    }
    if (TYPE(o) != &dict_type && (TYPE(o)->flags & TF_HEAPTYPE)) {
        Obj *m = type_lookup(TYPE(o), str_intern("__missing__"));
        if (m) return obj_call_method(o, "__missing__", &key, 1);
    }
    raise_key_error(key);
    return NULL;
}

static int dict_ass_sub(Obj *o, Obj *key, Obj *val) {
    if (val) return dict_set(o, key, val);
    return dict_del(o, key);
}

static int dict_contains(Obj *o, Obj *key) {
    intptr_t h;
    if (key_hash(key, &h) < 0) return -1;
    obj_lock(o);
    intptr_t ix = lookup(D(o), key, h, NULL);
    obj_unlock(o);
    return ix == -2 ? -1 : ix >= 0;
}

/* ---- iterators and views ------------------------------------------------------------------------- */

typedef struct { Obj base; Obj *dict; intptr_t pos, used, left; } DictIter;
typedef struct { Obj base; Obj *dict; } DictView;

static Obj *dictiter_new(Obj *d, Type *t) {
    DictIter *it = (DictIter *)obj_alloc(t, sizeof(DictIter));
    if (!it) return NULL;
    it->dict = NEWREF(d);
    obj_lock(d);
    it->used = USED(D(d));
    it->left = USED(D(d));
    obj_unlock(d);
    return (Obj *)it;
}

static void dictiter_dealloc(Obj *o) {
    CLEAR(((DictIter *)o)->dict);
    obj_free(o);
}

static Obj *self_iter(Obj *o) { return NEWREF(o); }

/* The next live entry, or NULL (exhausted, or RuntimeError on a size change). Under `none` the
 * caller holds the dict's lock (it also guards pos/used/left), and an exhausted iterator keeps
 * its dict (left = -1) rather than racing another thread's step on it->dict. */
static DEntry *dictiter_step(DictIter *it) {
    if (!it->dict || it->left < 0) return NULL;
    DictObj *d = D(it->dict);
    if (USED(d) != it->used) {
        it->used = -1;
        exc_raise(RuntimeError_t, "dictionary changed size during iteration");
        return NULL;
    }
    while (it->pos < d->nentries && !d->entries[it->pos].key) it->pos++;
    if (it->pos >= d->nentries || it->left <= 0) {
        if (it->left > 0 && it->pos >= d->nentries) {
            exc_raise(RuntimeError_t, "dictionary keys changed during iteration");
            it->left = 0;
            return NULL;
        }
        if (rc_atomic) it->left = -1;
        else CLEAR(it->dict);
        return NULL;
    }
    it->left--;
    return &d->entries[it->pos++];
}

/* One step under the dict's lock (`none`): the key and value as new references, or 0. */
static int dictiter_step_ref(Obj *o, Obj **k, Obj **v) {
    Obj *d = ((DictIter *)o)->dict;
    if (!rc_atomic || !d) {
        DEntry *e = dictiter_step((DictIter *)o);
        if (!e) return 0;
        *k = NEWREF(e->key);
        *v = NEWREF(e->value);
        return 1;
    }
    obj_lock(d);
    DEntry *e = dictiter_step((DictIter *)o);
    if (e) { *k = NEWREF(e->key); *v = NEWREF(e->value); }
    obj_unlock(d);
    return e != NULL;
}
static Obj *dict_keyiter_next(Obj *o) {
    Obj *k, *v;
    if (!dictiter_step_ref(o, &k, &v)) return NULL;
    DECREF(v);
    return k;
}
static Obj *dict_valueiter_next(Obj *o) {
    Obj *k, *v;
    if (!dictiter_step_ref(o, &k, &v)) return NULL;
    DECREF(k);
    return v;
}
static Obj *dict_itemiter_next(Obj *o) {
    Obj *k, *v;
    if (!dictiter_step_ref(o, &k, &v)) return NULL;
    Obj *r = tuple_pack(2, k, v);
    DECREF(k);
    DECREF(v);
    return r;
}
static Obj *dictiter_length_hint(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    DictIter *it = (DictIter *)self;
    return int_from_i64(it->dict && it->used == USED(D(it->dict)) ? it->left : 0);
}
static const MethodDef dictiter_methods[] = { {"__length_hint__", dictiter_length_hint}, {NULL, NULL} };

Type dict_keyiter_type = {
    .base = TYPE_HEAD, .name = "dict_keyiterator", .size = sizeof(DictIter), .dealloc = dictiter_dealloc,
    .iter = self_iter, .next = dict_keyiter_next, .methods = dictiter_methods,
};
Type dict_valueiter_type = {
    .base = TYPE_HEAD, .name = "dict_valueiterator", .size = sizeof(DictIter), .dealloc = dictiter_dealloc,
    .iter = self_iter, .next = dict_valueiter_next, .methods = dictiter_methods,
};
Type dict_itemiter_type = {
    .base = TYPE_HEAD, .name = "dict_itemiterator", .size = sizeof(DictIter), .dealloc = dictiter_dealloc,
    .iter = self_iter, .next = dict_itemiter_next, .methods = dictiter_methods,
};

static Obj *dict_iter(Obj *o) { return dictiter_new(o, &dict_keyiter_type); }

static Obj *view_new(Obj *d, Type *t) {
    DictView *v = (DictView *)obj_alloc(t, sizeof(DictView));
    if (!v) return NULL;
    v->dict = NEWREF(d);
    return (Obj *)v;
}
static void view_dealloc(Obj *o) { CLEAR(((DictView *)o)->dict); obj_free(o); }
static intptr_t view_len(Obj *o) { return USED(D(((DictView *)o)->dict)); }
static Obj *keys_iter(Obj *o) { return dictiter_new(((DictView *)o)->dict, &dict_keyiter_type); }
static Obj *values_iter(Obj *o) { return dictiter_new(((DictView *)o)->dict, &dict_valueiter_type); }
static Obj *items_iter(Obj *o) { return dictiter_new(((DictView *)o)->dict, &dict_itemiter_type); }

static Obj *view_repr(Obj *o) {
    int g = repr_enter(o);
    if (g < 0) return NULL;
    if (g > 0) return str_from_cstr("...");
    Obj *l = list_from_iter(o);
    Obj *r = l ? str_fmt("%s(%R)", TYPE(o)->name, l) : NULL;
    XDECREF(l);
    repr_leave(o);
    return r;
}

static int keys_contains(Obj *o, Obj *k) { return dict_contains(((DictView *)o)->dict, k); }
static int items_contains(Obj *o, Obj *kv) {
    if (!obj_is(kv, &tuple_type) || TUPLE_LEN(kv) != 2) return 0;
    Obj *v = dict_get_ref(((DictView *)o)->dict, TUPLE_ITEMS(kv)[0]);
    if (!v) return exc_occurred() ? -1 : 0;
    int r = obj_eq(v, TUPLE_ITEMS(kv)[1]);
    DECREF(v);
    return r;
}
static int values_contains(Obj *o, Obj *x) {
    Obj *d = ((DictView *)o)->dict;
    if (rc_atomic) {   /* `none`: compare against a snapshot, unlocked */
        intptr_t n;
        DEntry *e = entries_snapshot(d, &n);
        int r = n < 0 ? -1 : 0;
        for (intptr_t i = 0; i < n && r == 0; i++) r = obj_eq(e[i].value, x);
        if (n > 0) entries_release(e, n);
        return r;
    }
    intptr_t pos = 0; Obj *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        INCREF(v);
        int r = obj_eq(v, x);
        DECREF(v);
        if (r) return r;
    }
    return 0;
}

/* Set-like operations on keys/items views: build a set and use its operators. */
static Obj *view_setop(Obj *a, Obj *b, int op) {
    Obj *sa = set_new(a);
    if (!sa) return NULL;
    Obj *r = obj_binop(sa, b, op);
    DECREF(sa);
    return r;
}
static Obj *view_and(Obj *a, Obj *b) { return view_setop(a, b, NB_AND); }
static Obj *view_or(Obj *a, Obj *b) { return view_setop(a, b, NB_OR); }
static Obj *view_sub(Obj *a, Obj *b) { return view_setop(a, b, NB_SUB); }
static Obj *view_xor(Obj *a, Obj *b) { return view_setop(a, b, NB_XOR); }

static Obj *view_compare(Obj *a, Obj *b, int op) {
    if (!set_check(b) && !obj_is(b, &dict_keys_type) && !obj_is(b, &dict_items_type)) return NEWREF(NotImplemented);
    Obj *sa = set_new(a);
    if (!sa) return NULL;
    Obj *sb = set_check(b) ? NEWREF(b) : set_new(b);
    if (!sb) { DECREF(sa); return NULL; }
    Obj *r = obj_compare(sa, sb, op);
    DECREF(sa); DECREF(sb);
    return r;
}

Type dict_keys_type = {
    .base = TYPE_HEAD, .name = "dict_keys", .size = sizeof(DictView), .dealloc = view_dealloc,
    .repr = view_repr, .len = view_len, .contains = keys_contains, .iter = keys_iter,
    .hash = hash_not_implemented, .compare = view_compare,
    .nb = {[NB_AND] = view_and, [NB_OR] = view_or, [NB_SUB] = view_sub, [NB_XOR] = view_xor},
};
Type dict_values_type = {
    .base = TYPE_HEAD, .name = "dict_values", .size = sizeof(DictView), .dealloc = view_dealloc,
    .repr = view_repr, .len = view_len, .contains = values_contains, .iter = values_iter,
};
Type dict_items_type = {
    .base = TYPE_HEAD, .name = "dict_items", .size = sizeof(DictView), .dealloc = view_dealloc,
    .repr = view_repr, .len = view_len, .contains = items_contains, .iter = items_iter,
    .hash = hash_not_implemented, .compare = view_compare,
    .nb = {[NB_AND] = view_and, [NB_OR] = view_or, [NB_SUB] = view_sub, [NB_XOR] = view_xor},
};

/* ---- methods --------------------------------------------------------------------------------- */

#define NOARGS(fname) do { (void)a; if (no_kwargs(fname, k) < 0 || check_nargs(fname, n, 0, 0) < 0) return NULL; } while (0)

static Obj *dict_m_keys(Obj *self, Obj *const *a, int n, Obj *k) { NOARGS("dict.keys"); return view_new(self, &dict_keys_type); }
static Obj *dict_m_values(Obj *self, Obj *const *a, int n, Obj *k) { NOARGS("dict.values"); return view_new(self, &dict_values_type); }
static Obj *dict_m_items(Obj *self, Obj *const *a, int n, Obj *k) { NOARGS("dict.items"); return view_new(self, &dict_items_type); }
static Obj *dict_m_copy(Obj *self, Obj *const *a, int n, Obj *k) { NOARGS("dict.copy"); return dict_copy(self); }
static Obj *dict_m_clear(Obj *self, Obj *const *a, int n, Obj *k) { NOARGS("dict.clear"); dict_clear_all(D(self)); return none_ref(); }

static Obj *dict_m_get(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("dict.get", k) < 0) return NULL;
    if (n < 1 || n > 2) return exc_raise(TypeError_t, n < 1 ? "get expected at least 1 argument, got %d" : "get expected at most 2 arguments, got %d", n);
    intptr_t h;
    if (key_hash(a[0], &h) < 0) return NULL;
    bool lk = lock_key(a[0]);
    if (lk) obj_lock(self);
    intptr_t ix = lookup(D(self), a[0], h, NULL);
    Obj *v = ix >= 0 ? NEWREF(D(self)->entries[ix].value) : NULL;
    if (lk) obj_unlock(self);
    if (v) return v;
    if (exc_occurred()) return NULL;
    return NEWREF(n == 2 ? a[1] : None);
}

static Obj *dict_m_setdefault(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("dict.setdefault", k) < 0) return NULL;
    if (n < 1 || n > 2) return exc_raise(TypeError_t, n < 1 ? "setdefault expected at least 1 argument, got %d" : "setdefault expected at most 2 arguments, got %d", n);
    Obj *d = n == 2 ? a[1] : None;
    if (rc_atomic) {   /* `none`: look up and insert in one locked section */
        intptr_t h;
        if (key_hash(a[0], &h) < 0) return NULL;
        obj_lock(self);
        intptr_t ix = lookup(D(self), a[0], h, NULL);
        Obj *v = ix >= 0 ? NEWREF(D(self)->entries[ix].value) : NULL;
        int r = ix == -1 ? insert_ex(D(self), a[0], h, d, NULL) : 0;   /* absent: nothing replaced */
        obj_unlock(self);
        if (ix == -2 || r < 0) return NULL;
        return v ? v : NEWREF(d);
    }
    Obj *v = dict_get(self, a[0]);
    if (v) return NEWREF(v);
    if (exc_occurred()) return NULL;
    if (dict_set(self, a[0], d) < 0) return NULL;
    return NEWREF(d);
}

static Obj *dict_m_pop(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("dict.pop", k) < 0) return NULL;
    if (n < 1 || n > 2) return exc_raise(TypeError_t, n < 1 ? "pop expected at least 1 argument, got %d" : "pop expected at most 2 arguments, got %d", n);
    return dict_pop(self, a[0], n == 2 ? a[1] : NULL);
}

static Obj *dict_m_popitem(Obj *self, Obj *const *a, int n, Obj *k) {
    NOARGS("dict.popitem");
    DictObj *d = D(self);
    obj_lock(self);
    if (USED(d) == 0) { obj_unlock(self); return exc_raise(KeyError_t, "popitem(): dictionary is empty"); }
    intptr_t i = d->nentries - 1;
    while (i >= 0 && !d->entries[i].key) i--;
    DEntry *e = &d->entries[i];
    /* find its index slot */
    size_t mask = (size_t)d->size - 1, j = (size_t)e->hash & mask, perturb = (size_t)e->hash;
    while (d->indices[j] != (int32_t)i) { perturb >>= 5; j = (j * 5 + perturb + 1) & mask; }
    Obj *ek, *ev;
    unlink_entry(d, (intptr_t)j, i, &ek, &ev);
    d->nentries = i;
    obj_unlock(self);
    Obj *r = tuple_pack(2, ek, ev);
    DECREF(ek);
    DECREF(ev);
    return r;
}

static int update_common(Obj *self, Obj *const *a, int n, Obj *k, const char *fname) {
    if (n > 1) { exc_raise(TypeError_t, "%s expected at most 1 argument, got %d", fname, n); return -1; }
    if (n == 1 && dict_update(self, a[0]) < 0) return -1;
    int nk = k ? (int)TUPLE_LEN(k) : 0;
    for (int i = 0; i < nk; i++)
        if (dict_set(self, TUPLE_ITEMS(k)[i], a[n + i]) < 0) return -1;
    return 0;
}

static Obj *dict_m_update(Obj *self, Obj *const *a, int n, Obj *k) {
    if (update_common(self, a, n, k, "update") < 0) return NULL;
    return none_ref();
}

static Obj *dict_m_init(Obj *self, Obj *const *a, int n, Obj *k) {
    if (update_common(self, a, n, k, "dict") < 0) return NULL;
    return none_ref();
}

static Obj *dict_fromkeys(Obj *cls, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("dict.fromkeys", k) < 0) return NULL;
    if (n < 1 || n > 2) return exc_raise(TypeError_t, n < 1 ? "fromkeys expected at least 1 argument, got %d" : "fromkeys expected at most 2 arguments, got %d", n);
    Obj *d = obj_call0(cls);
    if (!d) return NULL;
    Obj *v = n == 2 ? a[1] : None;
    Obj *it = obj_iter(a[0]);
    if (!it) { DECREF(d); return NULL; }
    Obj *key;
    while ((key = obj_next(it))) {
        int r = obj_setitem(d, key, v);
        DECREF(key);
        if (r < 0) { DECREF(it); DECREF(d); return NULL; }
    }
    DECREF(it);
    if (exc_occurred()) { DECREF(d); return NULL; }
    return d;
}

static Obj *dict_m_getitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__getitem__", k) < 0 || check_nargs("__getitem__", n, 1, 1) < 0) return NULL;
    return dict_subscript(self, a[0]);
}
static Obj *dict_m_setitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__setitem__", k) < 0 || check_nargs("__setitem__", n, 2, 2) < 0) return NULL;
    return dict_set(self, a[0], a[1]) < 0 ? NULL : none_ref();
}
static Obj *dict_m_delitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__delitem__", k) < 0 || check_nargs("__delitem__", n, 1, 1) < 0) return NULL;
    return dict_del(self, a[0]) < 0 ? NULL : none_ref();
}
static Obj *dict_m_contains(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__contains__", k) < 0 || check_nargs("__contains__", n, 1, 1) < 0) return NULL;
    int r = dict_contains(self, a[0]);
    return r < 0 ? NULL : bool_from(r);
}
static Obj *dict_m_len(Obj *self, Obj *const *a, int n, Obj *k) { NOARGS("__len__"); return int_from_i64(USED(D(self))); }
static Obj *dict_m_iter(Obj *self, Obj *const *a, int n, Obj *k) { NOARGS("__iter__"); return dict_iter(self); }
static Obj *dict_m_ior(Obj *self, Obj *const *a, int n, Obj *k) {
    if (no_kwargs("__ior__", k) < 0 || check_nargs("__ior__", n, 1, 1) < 0) return NULL;
    if (dict_update(self, a[0]) < 0) return NULL;
    return NEWREF(self);
}

static Obj *dict_or(Obj *a, Obj *b) {
    if (!obj_isinstance(a, &dict_type) || !obj_isinstance(b, &dict_type)) return NEWREF(NotImplemented);
    Obj *r = dict_copy(a);
    if (!r) return NULL;
    if (dict_merge_dict(D(r), D(b), true) < 0) { DECREF(r); return NULL; }
    return r;
}

static Obj *dict_tp_new(Type *t, Obj *const *a, int n, Obj *k) {
    Obj *d = dict_alloc_type(t);
    if (!d || t != &dict_type) return d;   /* a subclass: __init__ fills it */
    if (update_common(d, a, n, k, "dict") < 0) { DECREF(d); return NULL; }
    return d;
}

static const MethodDef dict_methods[] = {
    {"keys", dict_m_keys}, {"values", dict_m_values}, {"items", dict_m_items},
    {"get", dict_m_get}, {"setdefault", dict_m_setdefault}, {"pop", dict_m_pop},
    {"popitem", dict_m_popitem}, {"update", dict_m_update}, {"copy", dict_m_copy},
    {"clear", dict_m_clear}, {"__init__", dict_m_init}, {"__getitem__", dict_m_getitem},
    {"__setitem__", dict_m_setitem}, {"__delitem__", dict_m_delitem},
    {"__contains__", dict_m_contains}, {"__len__", dict_m_len}, {"__iter__", dict_m_iter},
    {"__ior__", dict_m_ior},
    {NULL, NULL},
};

Type dict_type = {
    .base = TYPE_HEAD, .name = "dict", .size = sizeof(DictObj), .flags = TF_BASETYPE,
    .dealloc = dict_dealloc, .repr = dict_repr, .hash = hash_not_implemented,
    .compare = dict_compare, .len = dict_tp_len, .getitem = dict_subscript,
    .setitem = dict_ass_sub, .contains = dict_contains, .iter = dict_iter,
    .nb = {[NB_OR] = dict_or}, .methods = dict_methods, .new_ = dict_tp_new,
    .traverse = dict_traverse, .clear = dict_gc_clear,
};

/* dict.fromkeys is a class method: a plain builtin_fn bound to the class (see obj.h). Added by
 * builtins_init's call to dict_add_classmethods, after type_ready. */
int dict_add_classmethods(void) {
    Obj *f = builtin_fn_new("fromkeys", dict_fromkeys, (Obj *)&dict_type);
    if (!f) return -1;
    int r = dict_set_s(dict_type.dict, "fromkeys", f);
    DECREF(f);
    return r;
}
