/*
 * interp/objects/memoryview.c — memoryview: a window onto the bytes of a bytes or bytearray
 * object, format 'B' (unsigned bytes), one dimension. Indexing gives ints, slicing gives a new
 * view onto the same memory (any step), writes go through to a bytearray; len, tobytes, tolist,
 * hex, release, `with`, readonly, nbytes, obj, ==, hash (read-only views only), iteration.
 * An instance of a class with __buffer__ (PEP 688) is viewed through the memoryview that method
 * returns (interp/lib/array.py: an 'B'/'b' array's bytearray).
 *
 * The view holds a reference to the object and an export on it (bytes.c's bytearray_export):
 * while any view is unreleased the bytearray refuses to change size with BufferError, so the
 * pointer p and length n the view took stay valid for the view's lifetime — under every GIL
 * policy, `none` included, whatever other threads do to the bytearray. Byte reads and writes
 * through a view of a bytearray take the bytearray's object lock, like the bytearray's own item
 * access. The view's own fields (start, step, len, released) are set at creation; `released`
 * changes once, under the underlying object's lock (two threads releasing the same view drop
 * one export, not two).
 */
#include <string.h>
#include "core/obj.h"
#include "objects/objects.h"
#include "core/objlock.h"

typedef struct {
    Obj base;
    Obj *obj;              /* the bytes or bytearray (owned reference; kept after release for .obj errors) */
    char *p;               /* its buffer, as exported */
    intptr_t start, step, len;   /* the bytes p[start + i*step] for i in range(len) */
    bool readonly;
    bool released;
    intptr_t hash;         /* -1 until computed */
} MemView;

#define MV(o) ((MemView *)(o))

static bool is_ba(Obj *o) { return obj_isinstance(o, &bytearray_type); }

/* `released` is written once under the object's lock and read without it on the fast paths:
 * atomic loads and stores, so a racing reader sees either value (and then, under the lock,
 * mv_lock decides). */
static bool is_released(Obj *o) { return __atomic_load_n(&MV(o)->released, __ATOMIC_ACQUIRE); }


static Obj *mv_make(Obj *obj, char *p, intptr_t start, intptr_t step, intptr_t len, bool ro)
{
    MemView *m = (MemView *)obj_alloc(&memoryview_type, sizeof(MemView));
    if (!m) return NULL;
    m->obj = NEWREF(obj);
    m->p = p;
    m->start = start; m->step = step; m->len = len;
    m->readonly = ro;
    m->hash = -1;
    return (Obj *)m;
}

static Obj *mv_new(Type *t, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)t;
    Obj *a[1];
    if (args_parse("memoryview", args, nargs, kwnames, "object", a) < 0) return NULL;
    Obj *o = a[0];
    if (!IS_SMALL(o) && obj_isinstance(o, &memoryview_type)) {
        if (is_released(o)) return exc_raise(ValueError_t, "operation forbidden on released memoryview object");
        char *p; size_t n;
        bytearray_export(MV(o)->obj, &p, &n);
        Obj *r = mv_make(MV(o)->obj, p, MV(o)->start, MV(o)->step, MV(o)->len, MV(o)->readonly);
        if (!r) bytearray_unexport(MV(o)->obj);
        return r;
    }
    if (!IS_SMALL(o) && (TYPE(o)->flags & TF_HEAPTYPE) && !obj_isinstance(o, &bytes_type) && !is_ba(o)) {
        /* a class's __buffer__(flags) gives the view (PEP 688's Python-level buffer protocol;
         * array.array exports its bytearray this way): it must return a memoryview */
        Obj *m = type_lookup(TYPE(o), str_intern("__buffer__"));
        if (m) {
            Obj *flags = int_from_i64(0);
            if (!flags) return NULL;
            Obj *r = obj_call_method(o, "__buffer__", &flags, 1);
            DECREF(flags);
            if (r && (IS_SMALL(r) || !obj_isinstance(r, &memoryview_type))) {
                exc_raise(TypeError_t, "__buffer__ returned non-memoryview object");
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    if (!obj_isinstance(o, &bytes_type) && !is_ba(o))
        return exc_raise(TypeError_t, "memoryview: a bytes-like object is required, not '%s'", type_name(o));
    char *p; size_t n;
    bytearray_export(o, &p, &n);
    Obj *r = mv_make(o, p, 0, 1, (intptr_t)n, !is_ba(o));
    if (!r) bytearray_unexport(o);
    return r;
}

static int check_live(Obj *o)
{
    if (is_released(o)) {
        exc_raise(ValueError_t, "operation forbidden on released memoryview object");
        return -1;
    }
    return 0;
}

/* Every access to the bytes takes the underlying object's lock and checks `released` under
 * it: a release in another thread sets the flag under the same lock before dropping the export,
 * and a resize needs the export dropped, so while the lock is held and the flag is clear, p is
 * the live buffer. Returns -1 (ValueError, lock not held) if released. */
static int mv_lock(Obj *o)
{
    obj_lock(MV(o)->obj);
    if (is_released(o)) {
        obj_unlock(MV(o)->obj);
        return check_live(o);
    }
    return 0;
}

Obj *memoryview_tobytes(Obj *o)
{
    MemView *m = MV(o);
    if (check_live(o) < 0) return NULL;
    Obj *b = bytes_new(NULL, (size_t)m->len);
    if (!b) return NULL;
    char *dst = BYTES_DATA(b);
    if (mv_lock(o) < 0) { DECREF(b); return NULL; }
    if (m->step == 1) { if (m->len) memcpy(dst, m->p + m->start, (size_t)m->len); }
    else for (intptr_t i = 0; i < m->len; i++) dst[i] = m->p[m->start + i * m->step];
    obj_unlock(m->obj);
    return b;
}

/* A writable view's length, for file readinto (mod_fileio.c): -1 with TypeError if o is
 * read-only, ValueError if released. */
intptr_t memoryview_writable_len(Obj *o)
{
    if (check_live(o) < 0) return -1;
    if (MV(o)->readonly) { exc_raise(TypeError_t, "readinto() argument must be read-write bytes-like object, not memoryview"); return -1; }
    return MV(o)->len;
}

/* Copy n bytes (n <= the view's length) into the view from its first byte, under the object's
 * lock: the caller filled src without the lock (file I/O may drop the GIL and sleep), so a
 * release in between is seen here (ValueError) rather than writing through a stale pointer. */
int memoryview_store(Obj *o, const char *src, size_t n)
{
    MemView *m = MV(o);
    if (mv_lock(o) < 0) return -1;
    if ((intptr_t)n > m->len) n = (size_t)m->len;
    if (m->step == 1) { if (n) memcpy(m->p + m->start, src, n); }
    else for (size_t i = 0; i < n; i++) m->p[m->start + (intptr_t)i * m->step] = src[i];
    obj_unlock(m->obj);
    return 0;
}

static void mv_release_now(Obj *o)
{
    MemView *m = MV(o);
    Obj *obj = m->obj;
    bool drop = false;
    obj_lock(obj);
    if (!is_released(o)) { __atomic_store_n(&m->released, true, __ATOMIC_RELEASE); drop = true; }
    obj_unlock(obj);
    if (drop) bytearray_unexport(obj);
}

static void mv_dealloc(Obj *o)
{
    mv_release_now(o);
    DECREF(MV(o)->obj);
    obj_free(o);
}

static Obj *mv_repr(Obj *o)
{
    return str_fmt(is_released(o) ? "<released memory at %p>" : "<memory at %p>", (void *)o);
}

static intptr_t mv_len(Obj *o)
{
    if (check_live(o) < 0) return -1;
    return MV(o)->len;
}

static Obj *mv_getitem(Obj *o, Obj *key)
{
    MemView *m = MV(o);
    if (check_live(o) < 0) return NULL;
    if (int_check(key)) {
        intptr_t i;
        if (int_as_index_ovf(key, &i, INDEX_OVF_INDEXERROR) < 0) return NULL;
        if (i < 0) i += m->len;
        if (i < 0 || i >= m->len) return exc_raise(IndexError_t, "index out of bounds on dimension 1");
        if (mv_lock(o) < 0) return NULL;
        int c = (unsigned char)m->p[m->start + i * m->step];
        obj_unlock(m->obj);
        return MK_SMALL(c);
    }
    if (TYPE(key) == &slice_type) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, m->len, &start, &stop, &step, &len) < 0) return NULL;
        char *p; size_t n;
        bytearray_export(m->obj, &p, &n);
        Obj *r = mv_make(m->obj, p, m->start + start * m->step, m->step * step, len, m->readonly);
        if (!r) bytearray_unexport(m->obj);
        return r;
    }
    if (key == &ellipsis_obj) return NEWREF(o);
    if (TYPE(key) == &tuple_type) return exc_raise(TypeError_t, "memoryview: invalid slice key");
    return exc_raise(TypeError_t, "memoryview: invalid slice key");
}

static int mv_setitem(Obj *o, Obj *key, Obj *val)
{
    MemView *m = MV(o);
    if (check_live(o) < 0) return -1;
    if (m->readonly) { exc_raise(TypeError_t, "cannot modify read-only memory"); return -1; }
    if (!val) { exc_raise(TypeError_t, "cannot delete memory"); return -1; }
    if (int_check(key)) {
        intptr_t i, c;
        if (int_as_index_ovf(key, &i, INDEX_OVF_INDEXERROR) < 0) return -1;
        if (i < 0) i += m->len;
        if (i < 0 || i >= m->len) { exc_raise(IndexError_t, "index out of bounds on dimension 1"); return -1; }
        if (!int_check(val)) { exc_raise(TypeError_t, "memoryview: invalid type for format 'B'"); return -1; }
        if (int_as_index_ovf(val, &c, INDEX_OVF_CLAMP) < 0) return -1;
        if (c < 0 || c > 255) { exc_raise(ValueError_t, "memoryview: invalid value for format 'B'"); return -1; }
        if (mv_lock(o) < 0) return -1;
        m->p[m->start + i * m->step] = (char)c;
        obj_unlock(m->obj);
        return 0;
    }
    if (TYPE(key) != &slice_type) { exc_raise(TypeError_t, "memoryview: invalid slice key"); return -1; }
    intptr_t start, stop, step, len;
    if (slice_indices(key, m->len, &start, &stop, &step, &len) < 0) return -1;
    Obj *src;
    if (obj_isinstance(val, &bytes_type)) src = NEWREF(val);
    else if (is_ba(val)) src = obj_call1((Obj *)&bytes_type, val);
    else if (!IS_SMALL(val) && obj_isinstance(val, &memoryview_type)) src = memoryview_tobytes(val);
    else { exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(val)); return -1; }
    if (!src) return -1;
    if ((intptr_t)BYTES_LEN(src) != len) {
        DECREF(src);
        exc_raise(ValueError_t, "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    if (mv_lock(o) < 0) { DECREF(src); return -1; }
    for (intptr_t i = 0; i < len; i++) m->p[m->start + (start + i * step) * m->step] = BYTES_DATA(src)[i];
    obj_unlock(m->obj);
    DECREF(src);
    return 0;
}

static Obj *mv_compare(Obj *a, Obj *b, int op)
{
    if (op != CMP_EQ && op != CMP_NE) return NEWREF(NotImplemented);
    if (a == b) return bool_from(op == CMP_EQ);
    Obj *x = NULL, *y = NULL;
    if (is_released(a) || (obj_isinstance(b, &memoryview_type) && is_released(b)))
        return bool_from(op == CMP_NE);
    x = memoryview_tobytes(a);
    if (!x) return NULL;
    if (obj_isinstance(b, &memoryview_type)) y = memoryview_tobytes(b);
    else if (obj_isinstance(b, &bytes_type)) y = NEWREF(b);
    else if (is_ba(b)) y = obj_call1((Obj *)&bytes_type, b);
    else { DECREF(x); return NEWREF(NotImplemented); }
    if (!y) { DECREF(x); return NULL; }
    int eq = BYTES_LEN(x) == BYTES_LEN(y) && memcmp(BYTES_DATA(x), BYTES_DATA(y), BYTES_LEN(x)) == 0;
    DECREF(x); DECREF(y);
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static int mv_hash(Obj *o, intptr_t *out)
{
    if (MV(o)->hash != -1) { *out = MV(o)->hash; return 0; }
    if (check_live(o) < 0) return -1;
    if (!MV(o)->readonly) { exc_raise(ValueError_t, "cannot hash writable memoryview object"); return -1; }
    Obj *b = memoryview_tobytes(o);
    if (!b) return -1;
    int r = obj_hash(b, out);   /* equal views and bytes hash alike, as in CPython */
    DECREF(b);
    if (r == 0) MV(o)->hash = *out;
    return r;
}

static Obj *mv_iter(Obj *o)
{
    if (check_live(o) < 0) return NULL;
    return seqiter_new(o);
}

/* ---- methods and attributes ------------------------------------------------------------------- */
static Obj *m_tobytes(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[1];
    if (args_parse("tobytes", args, nargs, kw, "|order", a) < 0) return NULL;
    return memoryview_tobytes(self);
}

static Obj *m_tolist(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args;
    if (no_kwargs("tolist", kw) < 0 || check_nargs("tolist", nargs, 0, 0) < 0) return NULL;
    Obj *b = memoryview_tobytes(self);
    if (!b) return NULL;
    Obj *l = list_new(0);
    for (size_t i = 0; l && i < BYTES_LEN(b); i++) {
        if (list_append(l, MK_SMALL((unsigned char)BYTES_DATA(b)[i])) < 0) CLEAR(l);
    }
    DECREF(b);
    return l;
}

static Obj *m_hex(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *b = memoryview_tobytes(self);
    if (!b) return NULL;
    Obj *r = obj_call_method(b, "hex", args, nargs);
    (void)kw;
    DECREF(b);
    return r;
}

static Obj *m_release(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args;
    if (no_kwargs("release", kw) < 0 || check_nargs("release", nargs, 0, 0) < 0) return NULL;
    mv_release_now(self);
    return none_ref();
}

static Obj *m_enter(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args; (void)nargs; (void)kw;
    if (check_live(self) < 0) return NULL;
    return NEWREF(self);
}

static Obj *m_exit(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args; (void)nargs; (void)kw;
    mv_release_now(self);
    return bool_from(0);
}

static Obj *m_toreadonly(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args;
    if (no_kwargs("toreadonly", kw) < 0 || check_nargs("toreadonly", nargs, 0, 0) < 0) return NULL;
    Obj *r = mv_new(&memoryview_type, &self, 1, NULL);
    if (r) MV(r)->readonly = true;
    return r;
}

static Obj *mv_getattr(Obj *o, Obj *name)
{
    MemView *m = MV(o);
    const char *n = str_data(name);
    bool field = !strcmp(n, "readonly") || !strcmp(n, "nbytes") || !strcmp(n, "itemsize") ||
                 !strcmp(n, "format") || !strcmp(n, "ndim") || !strcmp(n, "shape") ||
                 !strcmp(n, "strides") || !strcmp(n, "obj") || !strcmp(n, "contiguous") ||
                 !strcmp(n, "c_contiguous") || !strcmp(n, "f_contiguous") || !strcmp(n, "suboffsets");
    if (field && check_live(o) < 0) return NULL;
    if (!strcmp(n, "readonly")) return bool_from(m->readonly);
    if (!strcmp(n, "nbytes")) return int_from_i64(m->len);
    if (!strcmp(n, "itemsize") || !strcmp(n, "ndim")) return MK_SMALL(1);
    if (!strcmp(n, "format")) return str_from_cstr("B");
    if (!strcmp(n, "shape")) return tuple_pack(1, MK_SMALL(m->len));
    if (!strcmp(n, "strides")) return tuple_pack(1, MK_SMALL(m->step));
    if (!strcmp(n, "suboffsets")) return tuple_new(0);
    if (!strcmp(n, "obj")) return NEWREF(m->obj);
    if (field) return bool_from(m->step == 1 || m->len <= 1);
    return obj_generic_getattr(o, name);
}

static const MethodDef mv_methods[] = {
    { "tobytes", m_tobytes }, { "tolist", m_tolist }, { "hex", m_hex }, { "release", m_release },
    { "toreadonly", m_toreadonly }, { "__enter__", m_enter }, { "__exit__", m_exit },
    { NULL, NULL },
};

Type memoryview_type = {
    .base = TYPE_HEAD,
    .name = "memoryview",
    .size = sizeof(MemView),
    .dealloc = mv_dealloc,
    .repr = mv_repr,
    .hash = mv_hash,
    .compare = mv_compare,
    .len = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .iter = mv_iter,
    .getattr = mv_getattr,
    .methods = mv_methods,
    .new_ = mv_new,
};
