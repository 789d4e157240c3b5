/*
 * interp/mp/mp_copy.c — deep copy of plain data between interpreters, pickling style.
 *
 * The sender encodes a value into an MpBuf: bytes in port_malloc'd memory that belongs to no
 * interpreter (neither heap limit is charged, neither GIL protects it); the receiver decodes it
 * into fresh objects of its own. Objects themselves never cross: their refcounts are plain
 * increments under two different GILs.
 *
 * What crosses (as pickle would carry it): None, bool, int (big ints as decimal text), float,
 * str, bytes, bytearray, tuple, list, dict, set, frozenset; shared cells (mp_shared.c) by
 * reference (the buffer holds a reference on each); top-level functions and classes and the
 * built-ins *by name* (module + name, looked up again in the receiver: `__main__` there is the
 * child's re-run `__mp_main__`); exception instances (class by name + args); objects with an
 * `__mp_reduce__()` method returning (callable, args) (multiprocessing.py's Queue, Connection);
 * instances of plain classes (heap classes down to object) as class by name + their __dict__,
 * rebuilt with object.__new__ (no __init__ call), as pickle does. Anything else raises TypeError("cannot pickle 'generator' object"), naming the type.
 *
 * Format: one tag byte per value, little-endian fixed-width integers, u32 lengths.
 * Locks: none (the caller holds its interpreter's GIL; the buffer is private until queued).
 */
#include <string.h>
#include "mp/mp.h"
#include "objects/module.h"
#include "runtime/func.h"

#define MP_MAX_DEPTH 200

static int buf_grow(MpBuf *b, size_t extra) {
    if (b->n + extra <= b->cap) return 0;
    if (b->n + extra > MP_MAX_MESSAGE) {
        exc_raise(ValueError_t, "message too large to send between processes (limit %ld bytes)",
                  (long)MP_MAX_MESSAGE);
        return -1;
    }
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->n + extra) cap *= 2;
    uint8_t *p = port_realloc(b->p, cap);
    if (!p) { mem_error(); return -1; }
    b->p = p;
    b->cap = cap;
    return 0;
}

static int put(MpBuf *b, const void *p, size_t n) {
    if (buf_grow(b, n) < 0) return -1;
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}
static int put_u8(MpBuf *b, uint8_t c) { return put(b, &c, 1); }
static int put_u32(MpBuf *b, uint32_t v) { return put(b, &v, 4); }
static int put_bytes(MpBuf *b, char tag, const char *p, size_t n) {
    if (n > 0xffffffffu) { exc_raise(ValueError_t, "object too large to send"); return -1; }
    if (put_u8(b, (uint8_t)tag) < 0 || put_u32(b, (uint32_t)n) < 0) return -1;
    return put(b, p, n);
}

static int add_shared(MpBuf *b, MpShared *s) {
    if (b->nshared == b->capshared) {
        int cap = b->capshared ? b->capshared * 2 : 4;
        MpShared **a = port_realloc(b->shared, sizeof(MpShared *) * (size_t)cap);
        if (!a) { mem_error(); return -1; }
        b->shared = a;
        b->capshared = cap;
    }
    mp_shared_incref(s);
    b->shared[b->nshared] = s;
    return b->nshared++;
}

void mp_buf_free(MpBuf *b) {
    if (!b) return;
    for (int i = 0; i < b->nshared; i++) mp_shared_decref(b->shared[i]);
    port_free(b->shared);
    port_free(b->p);
    port_free(b);
}

static Obj *cannot(Obj *v) {
    return exc_raise(TypeError_t, "cannot pickle '%s' object", type_name(v));
}

/* Module name and top-level name a function/class is found under, or -1 (error set). */
static int global_name(Obj *v, Obj **mod, Obj **name) {
    Interp *in = ts_get()->interp;
    *mod = *name = NULL;
    Type *t = TYPE(v);
    if (t == &function_type) {
        FuncObj *f = (FuncObj *)v;
        Obj *m = f->module;
        if (!m || !obj_is(m, &str_type)) m = dict_get_s(f->globals, "__name__");
        if (!m || !obj_is(m, &str_type) || !f->qualname) { cannot(v); return -1; }
        const char *q = str_data(f->qualname);
        if (strchr(q, '.') || strchr(q, '<')) {
            exc_raise(TypeError_t, "Can't pickle <function %s>: only top-level functions can be "
                      "sent to another process (it is looked up by name in %s)", q, str_data(m));
            return -1;
        }
        *mod = NEWREF(m);
        *name = NEWREF(f->qualname);
        return 0;
    }
    if (t == &type_type || type_is_subtype(t, &type_type)) {
        Type *c = (Type *)v;
        Obj *m = (c->flags & TF_HEAPTYPE) && c->dict ? dict_get_s(c->dict, "__module__") : NULL;
        if (!m) {
            if (dict_get_s(in->builtins, c->name) != v) { cannot(v); return -1; }
            *mod = str_from_cstr("builtins");
        } else {
            if (!obj_is(m, &str_type)) { cannot(v); return -1; }
            *mod = NEWREF(m);
        }
        *name = str_from_cstr(c->name);
        if (!*mod || !*name) { CLEAR(*mod); CLEAR(*name); return -1; }
        return 0;
    }
    if (t == &builtin_fn_type) {
        BuiltinFnObj *f = (BuiltinFnObj *)v;
        if (f->self || f->cls || dict_get_s(in->builtins, f->name) != v) { cannot(v); return -1; }
        *mod = str_from_cstr("builtins");
        *name = str_from_cstr(f->name);
        if (!*mod || !*name) { CLEAR(*mod); CLEAR(*name); return -1; }
        return 0;
    }
    cannot(v);
    return -1;
}

static int put_global(MpBuf *b, Obj *v) {
    Obj *mod, *name;
    if (global_name(v, &mod, &name) < 0) return -1;
    int r = put_u8(b, 'G');
    if (r == 0) r = put_bytes(b, 'c', str_data(mod), str_nbytes(mod));
    if (r == 0) r = put_bytes(b, 'c', str_data(name), str_nbytes(name));
    DECREF(mod);
    DECREF(name);
    return r;
}

static int enc(MpBuf *b, Obj *v, int depth);

static int enc_seq(MpBuf *b, char tag, Obj *const *items, intptr_t n, int depth) {
    if (put_u8(b, (uint8_t)tag) < 0 || put_u32(b, (uint32_t)n) < 0) return -1;
    for (intptr_t i = 0; i < n; i++)
        if (enc(b, items[i], depth + 1) < 0) return -1;
    return 0;
}

static int enc_iterable(MpBuf *b, char tag, Obj *v, int depth) {
    Obj *l = list_from_iter(v);
    if (!l) return -1;
    int r = enc_seq(b, tag, LIST_ITEMS(l), LIST_LEN(l), depth);
    DECREF(l);
    return r;
}

static int enc(MpBuf *b, Obj *v, int depth) {
    if (depth > MP_MAX_DEPTH) {
        exc_raise(RecursionError_t, "maximum recursion depth exceeded while pickling an object");
        return -1;
    }
    if (c_stack_check(" while pickling an object") < 0) return -1;   /* the caller may be deep */
    if (v == None) return put_u8(b, 'N');
    if (v == True_) return put_u8(b, 'T');
    if (v == False_) return put_u8(b, 'F');
    Type *t = TYPE(v);
    if (t == &int_type) {
        int64_t x;
        if (int_as_i64(v, &x) == 0) {
            if (put_u8(b, 'i') < 0) return -1;
            return put(b, &x, 8);
        }
        exc_clear();
        Obj *s = int_to_base(v, 16);
        if (!s) return -1;
        int r = put_bytes(b, 'I', str_data(s), str_nbytes(s));
        DECREF(s);
        return r;
    }
    if (t == &float_type) {
        double d = float_val(v);
        if (put_u8(b, 'f') < 0) return -1;
        return put(b, &d, 8);
    }
    if (t == &str_type) return put_bytes(b, 's', str_data(v), str_nbytes(v));
    if (t == &bytes_type) return put_bytes(b, 'b', BYTES_DATA(v), BYTES_LEN(v));
    if (t == &bytearray_type) {
        const char *p;
        size_t n;
        if (!bytes_like(v, &p, &n)) { cannot(v); return -1; }
        return put_bytes(b, 'y', p, n);
    }
    if (t == &tuple_type) return enc_seq(b, 't', TUPLE_ITEMS(v), TUPLE_LEN(v), depth);
    if (t == &list_type) {
        /* a snapshot: the list may not change under us (we hold the GIL), but encode items of
         * a copy so a __mp_reduce__ called inside cannot shrink it */
        Obj *c = list_as_tuple(v);
        if (!c) return -1;
        int r = enc_seq(b, 'l', TUPLE_ITEMS(c), TUPLE_LEN(c), depth);
        DECREF(c);
        return r;
    }
    if (t == &dict_type) {
        intptr_t n = dict_len(v), pos = 0, i = 0;
        Obj *items = tuple_new(n * 2);
        if (!items) return -1;
        Obj *k, *x;
        while (i < n && dict_next(v, &pos, &k, &x)) {
            TUPLE_ITEMS(items)[2 * i] = NEWREF(k);
            TUPLE_ITEMS(items)[2 * i + 1] = NEWREF(x);
            i++;
        }
        for (; i < n; i++) { TUPLE_ITEMS(items)[2 * i] = none_ref(); TUPLE_ITEMS(items)[2 * i + 1] = none_ref(); }
        int r = put_u8(b, 'd') < 0 || put_u32(b, (uint32_t)n) < 0 ? -1 : 0;
        for (intptr_t j = 0; r == 0 && j < 2 * n; j++) r = enc(b, TUPLE_ITEMS(items)[j], depth + 1);
        DECREF(items);
        return r;
    }
    if (t == &set_type) return enc_iterable(b, 'e', v, depth);
    if (t == &frozenset_type) return enc_iterable(b, 'z', v, depth);
    MpShared *sh = mp_shared_of(v);
    if (sh) {
        int ix = add_shared(b, sh);
        if (ix < 0) return -1;
        if (put_u8(b, 'S') < 0) return -1;
        uint8_t kind = (uint8_t)(t == &mp_lock_type ? 0 : t == &mp_rlock_type ? 1 : 2);
        return put_u32(b, (uint32_t)ix) < 0 ? -1 : put_u8(b, kind);
    }
    if (t == &function_type || t == &builtin_fn_type || t == &type_type || type_is_subtype(t, &type_type))
        return put_global(b, v);
    if (t->flags & TF_EXCEPTION) {
        ExcObj *e = (ExcObj *)v;
        if (put_u8(b, 'E') < 0 || put_global(b, (Obj *)t) < 0) return -1;
        Obj *args = e->args ? e->args : NULL;
        size_t mark = b->n;
        int ns = b->nshared;
        if (args && enc(b, args, depth + 1) == 0) return 0;
        /* unpicklable args: send str(exc) instead, as a message */
        exc_clear();
        b->n = mark;
        while (b->nshared > ns) mp_shared_decref(b->shared[--b->nshared]);
        Obj *s = obj_str(v);
        if (!s) return -1;
        int r = put_u8(b, 't') < 0 || put_u32(b, 1) < 0 ? -1 : put_bytes(b, 's', str_data(s), str_nbytes(s));
        DECREF(s);
        return r;
    }
    if (t->flags & TF_HEAPTYPE) {
        Obj *red = obj_lookup_attr(v, str_intern("__mp_reduce__"));
        if (red) {
            Obj *rv = obj_call0(red);
            DECREF(red);
            if (!rv) return -1;
            if (!obj_is(rv, &tuple_type) || TUPLE_LEN(rv) != 2 || !obj_is(TUPLE_ITEMS(rv)[1], &tuple_type)) {
                DECREF(rv);
                exc_raise(TypeError_t, "__mp_reduce__ must return (callable, args)");
                return -1;
            }
            int r = put_u8(b, 'R');
            if (r == 0) r = put_global(b, TUPLE_ITEMS(rv)[0]);
            if (r == 0) r = enc(b, TUPLE_ITEMS(rv)[1], depth + 1);
            DECREF(rv);
            return r;
        }
        if (exc_occurred()) return -1;
        /* a plain instance (heap classes down to object): class by name + its __dict__ */
        Type *bt = t;
        while (bt && bt != &object_type && (bt->flags & TF_HEAPTYPE)) bt = bt->base_type;
        if (bt == &object_type && t->dictoffset) {
            Obj *d = *(Obj **)((char *)v + t->dictoffset);
            if (put_u8(b, 'O') < 0 || put_global(b, (Obj *)t) < 0) return -1;
            if (d && obj_is(d, &dict_type)) return enc(b, d, depth + 1);
            return put_u8(b, 'N');
        }
    }
    cannot(v);
    return -1;
}

MpBuf *mp_encode(Obj *v) {
    MpBuf *b = port_malloc(sizeof *b);
    if (!b) { mem_error(); return NULL; }
    memset(b, 0, sizeof *b);
    if (enc(b, v, 0) < 0) { mp_buf_free(b); return NULL; }
    return b;
}

/* ---- decoding ------------------------------------------------------------------------------- */
typedef struct { const MpBuf *b; size_t pos; } Rd;

static int get(Rd *r, void *out, size_t n) {
    if (r->pos + n > r->b->n) { exc_raise(ValueError_t, "corrupt multiprocessing message"); return -1; }
    memcpy(out, r->b->p + r->pos, n);
    r->pos += n;
    return 0;
}

static int get_len(Rd *r, uint32_t *n, const char **p) {
    if (get(r, n, 4) < 0) return -1;
    if (r->pos + *n > r->b->n) { exc_raise(ValueError_t, "corrupt multiprocessing message"); return -1; }
    *p = (const char *)r->b->p + r->pos;
    r->pos += *n;
    return 0;
}

static Obj *dec(Rd *r);

/* the module a pickled global lives in, as seen by this interpreter (borrowed dict) */
static Obj *module_dict_for(const char *name, size_t n) {
    Interp *in = ts_get()->interp;
    if (n == 8 && !memcmp(name, "builtins", 8)) return in->builtins;
    Obj *ms = str_new(name, n);
    if (!ms) return NULL;
    if (!strcmp(str_data(ms), "__mp_main__")) { DECREF(ms); ms = str_from_cstr("__main__"); if (!ms) return NULL; }
    Obj *m = dict_get(in->modules, ms);
    if (m) {
        DECREF(ms);
        return obj_is(m, &module_type) ? module_dict(m) : NULL;
    }
    if (!strcmp(str_data(ms), "__main__")) {
        DECREF(ms);
        return exc_raise(AttributeError_t, "Can't get attribute: no __main__ module in this process");
    }
    m = import_module_obj(ms);
    DECREF(ms);
    if (!m) return NULL;
    Obj *d = module_dict(m);
    DECREF(m);      /* sys.modules keeps it */
    return d;
}

static Obj *dec_global(Rd *r) {
    uint8_t tag;
    uint32_t mn, nn;
    const char *mp, *np;
    if (get(r, &tag, 1) < 0 || get(r, &tag, 1) < 0 || get_len(r, &mn, &mp) < 0) return NULL;
    if (get(r, &tag, 1) < 0 || get_len(r, &nn, &np) < 0) return NULL;
    Obj *d = module_dict_for(mp, mn);
    if (!d) return NULL;
    Obj *name = str_new(np, nn);
    if (!name) return NULL;
    Obj *v = dict_get(d, name);
    if (!v) {
        Obj *mname = str_new(mp, mn);
        if (!exc_occurred())
            exc_raise(AttributeError_t, "Can't get attribute '%S' on <module '%S'>", name,
                      mname ? mname : name);
        XDECREF(mname);
        DECREF(name);
        return NULL;
    }
    DECREF(name);
    return NEWREF(v);
}

static Obj *dec_items(Rd *r, uint32_t n) {
    Obj *t = tuple_new(n);
    if (!t) return NULL;
    for (uint32_t i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NULL;
    for (uint32_t i = 0; i < n; i++) {
        Obj *x = dec(r);
        if (!x) {
            for (uint32_t j = i; j < n; j++) TUPLE_ITEMS(t)[j] = none_ref();
            DECREF(t);
            return NULL;
        }
        TUPLE_ITEMS(t)[i] = x;
    }
    return t;
}

static Obj *dec(Rd *r) {
    if (c_stack_check(" while unpickling an object") < 0) return NULL;
    uint8_t tag;
    if (get(r, &tag, 1) < 0) return NULL;
    uint32_t n;
    const char *p;
    switch (tag) {
    case 'N': return none_ref();
    case 'T': return bool_from(1);
    case 'F': return bool_from(0);
    case 'i': { int64_t x; if (get(r, &x, 8) < 0) return NULL; return int_from_i64(x); }
    case 'I': {
        if (get_len(r, &n, &p) < 0) return NULL;
        return int_from_str(p, n, 0);       /* "0x..." / "-0x..." from int_to_base(v, 16) */
    }
    case 'f': { double d; if (get(r, &d, 8) < 0) return NULL; return float_new(d); }
    case 's': if (get_len(r, &n, &p) < 0) return NULL; return str_new(p, n);
    case 'b': if (get_len(r, &n, &p) < 0) return NULL; return bytes_new(p, n);
    case 'y': {
        if (get_len(r, &n, &p) < 0) return NULL;
        Obj *bs = bytes_new(p, n);
        if (!bs) return NULL;
        Obj *ba = obj_call1((Obj *)&bytearray_type, bs);
        DECREF(bs);
        return ba;
    }
    case 't': if (get(r, &n, 4) < 0) return NULL; return dec_items(r, n);
    case 'l': case 'e': case 'z': {
        if (get(r, &n, 4) < 0) return NULL;
        Obj *t = dec_items(r, n);
        if (!t) return NULL;
        Obj *res = tag == 'l' ? list_from_iter(t) : set_new(t);
        DECREF(t);
        if (res && tag == 'z') {
            Obj *fz = obj_call1((Obj *)&frozenset_type, res);
            DECREF(res);
            res = fz;
        }
        return res;
    }
    case 'd': {
        if (get(r, &n, 4) < 0) return NULL;
        Obj *d = dict_new();
        if (!d) return NULL;
        for (uint32_t i = 0; i < n; i++) {
            Obj *k = dec(r);
            Obj *v = k ? dec(r) : NULL;
            if (!v || dict_set(d, k, v) < 0) { XDECREF(k); XDECREF(v); DECREF(d); return NULL; }
            DECREF(k);
            DECREF(v);
        }
        return d;
    }
    case 'S': {
        uint8_t kind;
        if (get(r, &n, 4) < 0 || get(r, &kind, 1) < 0) return NULL;
        if ((int)n >= r->b->nshared) return exc_raise(ValueError_t, "corrupt multiprocessing message");
        return mp_shared_proxy(r->b->shared[n]);
    }
    case 'G': r->pos--; return dec_global(r);
    case 'E': {
        r->pos++;   /* the 'G' tag of the class */
        r->pos--;
        Obj *cls = dec_global(r);
        if (!cls) return NULL;
        Obj *args = dec(r);
        if (!args) { DECREF(cls); return NULL; }
        Obj *e = obj_call(cls, TUPLE_ITEMS(args), (int)TUPLE_LEN(args), NULL);
        DECREF(cls);
        DECREF(args);
        return e;
    }
    case 'O': {
        Obj *cls = dec_global(r);
        if (!cls) return NULL;
        Obj *state = dec(r);
        if (!state) { DECREF(cls); return NULL; }
        Obj *newf = object_type.dict ? dict_get_s(object_type.dict, "__new__") : NULL;
        Obj *o = newf && TYPE(cls) == &type_type ? obj_call(newf, &cls, 1, NULL)
                      : exc_raise(TypeError_t, "cannot rebuild an instance of %R", cls);
        if (o && obj_is(state, &dict_type)) {
            intptr_t pos = 0;
            Obj *k, *x;
            while (dict_next(state, &pos, &k, &x))
                if (obj_setattr(o, k, x) < 0) { CLEAR(o); break; }
        }
        DECREF(cls);
        DECREF(state);
        return o;
    }
    case 'R': {
        Obj *fn = dec_global(r);
        if (!fn) return NULL;
        Obj *args = dec(r);
        if (!args) { DECREF(fn); return NULL; }
        Obj *v = obj_call(fn, TUPLE_ITEMS(args), (int)TUPLE_LEN(args), NULL);
        DECREF(fn);
        DECREF(args);
        return v;
    }
    default:
        return exc_raise(ValueError_t, "corrupt multiprocessing message (tag %d)", (int)tag);
    }
}

Obj *mp_decode(const MpBuf *b) {
    Rd r = {b, 0};
    return dec(&r);
}
