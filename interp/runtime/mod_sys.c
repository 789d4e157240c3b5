/*
 * interp/runtime/mod_sys.c — the sys module: argv, exit, implementation, version, recursion limit,
 * maxsize, maxunicode, float_info, int_info, stdin/stdout/stderr (text streams on the console, each with a bytes
 * .buffer), getsizeof, getdefaultencoding, modules, exc_info, and the GIL's knobs:
 *   setswitchinterval(s) / getswitchinterval()    new/prio switch interval (default 0.005)
 *   setcheckinterval(n) / getcheckinterval()      old policy ticks (default 100)
 *   setgilpolicy(name) / getgilpolicy()           new old prio none unsafe; RuntimeError when
 *                                                 more than one thread runs
 *   _is_gil_enabled()                             False under none/unsafe
 * Called by: interp_new (sys_init), then Python code, with the GIL held. Locks: none of its own;
 * the GIL knobs take the GIL's own spinlock (inside interp/gil/gil.c). stderr goes through
 * port_write_err (interp/port/port.h).
 */
#include <float.h>
#include <string.h>
#include "core/state.h"
#include "objects/module.h"
#include "gil/gil.h"
#include "runtime/traceback.h"

/* ---- stdin / stdout / stderr and their .buffer ------------------------------------------------ */
/* Text streams (TextIOWrapper) write str; their .buffer (BufferedWriter/BufferedReader) writes
 * bytes. stdin reads lines through the builtin input() (the platform's line reader: the guest
 * console's editor, the host's stdin), so it and input() never read past each other. */
typedef struct { Obj base; int fd; Obj *buffer; } StreamObj;

static Obj *stream_write(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "write() takes exactly one argument (%d given)", nargs);
    if (((StreamObj *)self)->fd == 0) return exc_raise(OSError_t, "not writable");
    if (!str_check(args[0])) return exc_raise(TypeError_t, "write() argument must be str, not %T", args[0]);
    if (((StreamObj *)self)->fd == 2) tb_write_err(str_data(args[0]), str_nbytes(args[0]));
    else port_write(str_data(args[0]), str_nbytes(args[0]));
    return int_from_i64((int64_t)str_nchars(args[0]));
}

/* writelines(iterable): write() of each item, in order; TypeError at the first non-str */
static Obj *stream_writelines(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "writelines() takes exactly one argument (%d given)", nargs);
    Obj *it = obj_iter(args[0]);
    if (!it) return NULL;
    Obj *item;
    while ((item = obj_next(it))) {
        Obj *r = stream_write(self, &item, 1, NULL);
        DECREF(item);
        if (!r) { DECREF(it); return NULL; }
        DECREF(r);
    }
    DECREF(it);
    return exc_occurred() ? NULL : none_ref();
}

static Obj *raw_write(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "write() takes exactly one argument (%d given)", nargs);
    if (((StreamObj *)self)->fd == 0) return exc_raise(OSError_t, "not writable");
    Obj *x = args[0];
    if (!obj_isinstance(x, &bytes_type) && !obj_isinstance(x, &bytearray_type) && !obj_isinstance(x, &memoryview_type))
        return exc_raise(TypeError_t, "a bytes-like object is required, not '%T'", x);
    Obj *b = obj_call1((Obj *)&bytes_type, x);
    if (!b) return NULL;
    if (((StreamObj *)self)->fd == 2) tb_write_err(BYTES_DATA(b), BYTES_LEN(b));
    else port_write(BYTES_DATA(b), BYTES_LEN(b));
    Obj *n = int_from_i64((int64_t)BYTES_LEN(b));
    DECREF(b);
    return n;
}

/* One line with its "\n", or "" at the end of input. */
static Obj *stdin_line(void) {
    Obj *input = dict_get_s(ts_get()->interp->builtins, "input");
    if (!input) return exc_raise(RuntimeError_t, "lost builtins.input");
    Obj *l = obj_call0(input);
    if (!l) {
        if (!exc_matches(EOFError_t)) return NULL;
        exc_clear();
        return str_from_cstr("");
    }
    Obj *r = str_fmt("%S\n", l);
    DECREF(l);
    return r;
}

static Obj *stream_readline(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args; (void)nargs; (void)kw;
    if (((StreamObj *)self)->fd != 0) return exc_raise(OSError_t, "not readable");
    return stdin_line();
}

static Obj *stream_read(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args; (void)nargs; (void)kw;
    if (((StreamObj *)self)->fd != 0) return exc_raise(OSError_t, "not readable");
    StrBuf b;
    sb_init(&b);
    for (;;) {
        Obj *l = stdin_line();
        if (!l) { sb_free(&b); return NULL; }
        size_t n = str_nbytes(l);
        sb_add(&b, str_data(l), n);
        DECREF(l);
        if (!n) break;
    }
    return sb_finish(&b);
}

static Obj *stream_fileno(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args; (void)nargs; (void)kw;
    return MK_SMALL(((StreamObj *)self)->fd);
}

static Obj *stream_isatty(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)nargs; (void)kw;
    return bool_from(0);
}

static Obj *stream_getattr(Obj *o, Obj *name) {
    StreamObj *st = (StreamObj *)o;
    if (st->buffer && str_equal_cstr(name, "buffer")) return NEWREF(st->buffer);
    if (str_equal_cstr(name, "encoding") && st->buffer) return str_from_cstr("utf-8");
    if (str_equal_cstr(name, "name"))
        return str_from_cstr(st->fd == 0 ? "<stdin>" : st->fd == 1 ? "<stdout>" : "<stderr>");
    return obj_generic_getattr(o, name);
}

static Obj *stream_flush(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)nargs; (void)kw;
    return none_ref();
}

static const char *const stream_names[] = { "stdin", "stdout", "stderr" };

static Obj *stream_repr(Obj *o) {
    int fd = ((StreamObj *)o)->fd;
    return str_fmt("<_io.TextIOWrapper name='<%s>' mode='%s' encoding='utf-8'>", stream_names[fd], fd ? "w" : "r");
}

static Obj *raw_repr(Obj *o) {
    int fd = ((StreamObj *)o)->fd;
    return str_fmt("<_io.%s name='<%s>'>", fd ? "BufferedWriter" : "BufferedReader", stream_names[fd]);
}

static const MethodDef stream_methods[] = {
    { "write", stream_write }, { "writelines", stream_writelines }, { "flush", stream_flush }, { "readline", stream_readline },
    { "read", stream_read }, { "fileno", stream_fileno }, { "isatty", stream_isatty }, { NULL, NULL },
};
static const MethodDef raw_methods[] = {
    { "write", raw_write }, { "flush", stream_flush }, { "fileno", stream_fileno },
    { "isatty", stream_isatty }, { NULL, NULL },
};

static Type stream_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "TextIOWrapper", .size = sizeof(StreamObj),
    .repr = stream_repr, .methods = stream_methods, .getattr = stream_getattr,
};
static Type raw_stream_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "BufferedWriter", .size = sizeof(StreamObj),
    .repr = raw_repr, .methods = raw_methods, .getattr = stream_getattr,
};
static StreamObj stdin_raw = { { IMMORTAL_REFCNT, &raw_stream_type }, 0, NULL };
static StreamObj stdout_raw = { { IMMORTAL_REFCNT, &raw_stream_type }, 1, NULL };
static StreamObj stderr_raw = { { IMMORTAL_REFCNT, &raw_stream_type }, 2, NULL };
static StreamObj stdin_obj = { { IMMORTAL_REFCNT, &stream_type }, 0, &stdin_raw.base };
static StreamObj stdout_obj = { { IMMORTAL_REFCNT, &stream_type }, 1, &stdout_raw.base };
static StreamObj stderr_obj = { { IMMORTAL_REFCNT, &stream_type }, 2, &stderr_raw.base };

/* ---- sys.version_info and sys.implementation --------------------------------------------------- */
/* version_info is a tuple with named fields (CPython's struct sequence): it compares, indexes
 * and slices as the tuple, and .major etc. read the items. */
static const char *const vi_fields[] = { "major", "minor", "micro", "releaselevel", "serial" };

static Obj *vi_getattr(Obj *o, Obj *name) {
    for (int i = 0; i < 5; i++)
        if (str_equal_cstr(name, vi_fields[i])) return NEWREF(TUPLE_ITEMS(o)[i]);
    return obj_generic_getattr(o, name);
}

static Obj *vi_repr(Obj *o) {
    StrBuf b;
    sb_init(&b);
    sb_adds(&b, "sys.version_info(");
    for (int i = 0; i < 5; i++) sb_printf(&b, "%s%s=%R", i ? ", " : "", vi_fields[i], TUPLE_ITEMS(o)[i]);
    sb_addc(&b, ')');
    return sb_finish(&b);
}

static Type version_info_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "version_info", .base_type = &tuple_type,
    .size = sizeof(TupleObj), .repr = vi_repr, .getattr = vi_getattr,
};

static Obj *version_info_new(void) {
    Obj *lvl = str_from_cstr("final");
    if (!lvl) return NULL;
    TupleObj *t = (TupleObj *)obj_alloc(&version_info_type, sizeof(TupleObj) + 5 * sizeof(Obj *));
    if (!t) { DECREF(lvl); return NULL; }
    t->len = 5;
    t->items[0] = MK_SMALL(3); t->items[1] = MK_SMALL(11); t->items[2] = MK_SMALL(0);
    t->items[3] = lvl; t->items[4] = MK_SMALL(0);
    return &t->base;
}

/* sys.float_info and sys.int_info: read-only tuples with named fields, as version_info. One
 * table of field names per type; the values are this build's (float_info is IEEE 754 binary64,
 * as CPython's on every platform it runs on; int_info describes tollpy's own 32-bit digits). */
typedef struct { const char *repr_name; int n; const char *const *fields; } SeqDesc;

static const char *const fi_fields[] = { "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                         "dig", "mant_dig", "epsilon", "radix", "rounds" };
static const char *const ii_fields[] = { "bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                         "str_digits_check_threshold" };
static const char *const ah_fields[] = { "firstiter", "finalizer" };
static const SeqDesc fi_desc = { "sys.float_info", 11, fi_fields };
static const SeqDesc ii_desc = { "sys.int_info", 4, ii_fields };
static const SeqDesc ah_desc = { "asyncgen_hooks", 2, ah_fields };

static Type float_info_type, int_info_type, asyncgen_hooks_type;

static const SeqDesc *seq_desc(Obj *o) {
    return TYPE(o) == &float_info_type ? &fi_desc : TYPE(o) == &int_info_type ? &ii_desc : &ah_desc;
}

static Obj *seq_getattr(Obj *o, Obj *name) {
    const SeqDesc *d = seq_desc(o);
    for (int i = 0; i < d->n; i++)
        if (str_equal_cstr(name, d->fields[i])) return NEWREF(TUPLE_ITEMS(o)[i]);
    return obj_generic_getattr(o, name);
}

static Obj *seq_repr(Obj *o) {
    const SeqDesc *d = seq_desc(o);
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "%s(", d->repr_name);
    for (int i = 0; i < d->n; i++) sb_printf(&b, "%s%s=%R", i ? ", " : "", d->fields[i], TUPLE_ITEMS(o)[i]);
    sb_addc(&b, ')');
    return sb_finish(&b);
}

static Type float_info_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "float_info", .base_type = &tuple_type,
    .size = sizeof(TupleObj), .repr = seq_repr, .getattr = seq_getattr,
};
static Type int_info_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "int_info", .base_type = &tuple_type,
    .size = sizeof(TupleObj), .repr = seq_repr, .getattr = seq_getattr,
};
static Type asyncgen_hooks_type = {     /* sys.get_asyncgen_hooks()'s result */
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "asyncgen_hooks", .base_type = &tuple_type,
    .size = sizeof(TupleObj), .repr = seq_repr, .getattr = seq_getattr,
};

/* items: new references, all stolen (NULL items: fails, releasing the others) */
static Obj *seq_new(Type *t, int n, Obj **items) {
    TupleObj *o = NULL;
    bool ok = true;
    for (int i = 0; i < n; i++) ok = ok && items[i];
    if (ok) o = (TupleObj *)obj_alloc(t, sizeof(TupleObj) + (size_t)n * sizeof(Obj *));
    if (!o) {
        for (int i = 0; i < n; i++) XDECREF(items[i]);
        return NULL;
    }
    o->len = n;
    for (int i = 0; i < n; i++) o->items[i] = items[i];
    return &o->base;
}

static Obj *float_info_new(void) {
    Obj *v[11] = { float_new(DBL_MAX), int_from_i64(DBL_MAX_EXP), int_from_i64(DBL_MAX_10_EXP),
                   float_new(DBL_MIN), int_from_i64(DBL_MIN_EXP), int_from_i64(DBL_MIN_10_EXP),
                   int_from_i64(DBL_DIG), int_from_i64(DBL_MANT_DIG), float_new(DBL_EPSILON),
                   int_from_i64(FLT_RADIX), int_from_i64(1) };
    return seq_new(&float_info_type, 11, v);
}

static Obj *int_info_new(void) {
    Obj *v[4] = { int_from_i64(32), int_from_i64(4), int_from_i64(4300), int_from_i64(640) };
    return seq_new(&int_info_type, 4, v);
}

/* sys.implementation is a namespace: attributes in a dict, shown as namespace(name=..., ...). */
typedef struct { Obj base; Obj *dict; } NamespaceObj;

static void ns_dealloc(Obj *o) { CLEAR(((NamespaceObj *)o)->dict); obj_free(o); }

static Obj *ns_repr(Obj *o) {
    StrBuf b;
    sb_init(&b);
    sb_adds(&b, "namespace(");
    intptr_t pos = 0;
    Obj *k, *v;
    bool first = true;
    while (dict_next(((NamespaceObj *)o)->dict, &pos, &k, &v)) {
        sb_printf(&b, "%s%S=", first ? "" : ", ", k);
        if (sb_add_repr(&b, v) < 0) { sb_free(&b); return NULL; }
        first = false;
    }
    sb_addc(&b, ')');
    return sb_finish(&b);
}

static Type namespace_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "types.SimpleNamespace", .size = sizeof(NamespaceObj),
    .dictoffset = offsetof(NamespaceObj, dict), .dealloc = ns_dealloc, .repr = ns_repr,
};

/* ---- functions ---------------------------------------------------------------------------------- */
static Obj *sys_exit(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    if (kw || nargs > 1) return exc_raise(TypeError_t, "exit expected at most 1 argument, got %d", nargs);
    Obj *e = exc_new(SystemExit_t, args, nargs);
    if (!e) return NULL;
    exc_restore(e);
    return NULL;
}

static Obj *sys_getrecursionlimit(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)nargs; (void)kw;
    return int_from_i64(ts_get()->interp->recursion_limit);
}

static Obj *sys_setrecursionlimit(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "setrecursionlimit() takes exactly one argument (%d given)", nargs);
    if (!int_check(args[0])) return exc_raise(TypeError_t, "'%T' object cannot be interpreted as an integer", args[0]);
    int64_t v;
    if (int_as_i64(args[0], &v) < 0) return NULL;
    if (v < 1) return exc_raise(ValueError_t, "recursion limit must be greater or equal than 1");
    ThreadState *ts = ts_get();
    if (v <= ts->depth)
        return exc_raise(RecursionError_t, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                         (int)v, ts->depth);
    if (v > 1000000) v = 1000000;
    ts->interp->recursion_limit = (int)v;
    return none_ref();
}

static Obj *sys_exc_info(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)nargs; (void)kw;
    Obj *h = ts_handled_top(ts_get());
    /* exc.c only ever makes BaseException instances the handled exception; the check keeps a
     * future slip from reading an int's fields as a traceback */
    if (!h || h == None || !obj_isinstance(h, BaseException_t)) return tuple_pack(3, None, None, None);
    Obj *tb = ((ExcObj *)h)->traceback;
    return tuple_pack(3, (Obj *)TYPE(h), h, tb ? tb : None);
}

static Obj *sys_exception(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)nargs; (void)kw;
    Obj *h = ts_handled_top(ts_get());
    return NEWREF(h ? h : None);
}

static Obj *sys_intern(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    if (nargs != 1 || kw || !str_check(args[0])) return exc_raise(TypeError_t, "intern() argument must be str");
    return str_intern_obj(args[0]);
}

static Obj *sys_getrefcount(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)kw;
    if (nargs != 1) return exc_raise(TypeError_t, "getrefcount() takes exactly one argument");
    if (IS_SMALL(args[0]) || args[0]->refcnt >= IMMORTAL_REFCNT / 2) return int_from_i64(1000000000);
    return int_from_i64((int64_t)args[0]->refcnt + 1);
}

/* sys.getsizeof(obj[, default]): obj.__sizeof__() for a class that defines it, else the
 * instance's fixed size plus what its variable part holds (items, characters, bytes). The
 * numbers are this interpreter's, not CPython's (programs compare them only with each other). */
static Obj *sys_getsizeof(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    Obj *a[2];
    if (args_parse("getsizeof", args, nargs, kw, "object|default", a) < 0) return NULL;
    Obj *o = a[0];
    Type *t = TYPE(o);
    if (t->flags & TF_HEAPTYPE) {
        Obj *m = obj_lookup_attr(o, str_intern("__sizeof__"));
        if (!m && exc_occurred()) return NULL;
        if (m) {
            Obj *r = obj_call0(m);
            DECREF(m);
            if (!r) {
                if (a[1]) { exc_clear(); return NEWREF(a[1]); }
                return NULL;
            }
            if (!int_check(r)) { DECREF(r); return exc_raise(TypeError_t, "an integer is required"); }
            if (int_sign(r) < 0) { DECREF(r); return exc_raise(ValueError_t, "__sizeof__() should return >= 0"); }
            return r;
        }
    }
    size_t n = IS_SMALL(o) ? sizeof(Obj) + sizeof(intptr_t) : t->size;
    if (obj_isinstance(o, &list_type)) n += sizeof(Obj *) * (size_t)((ListObj *)o)->cap;
    else if (obj_isinstance(o, &tuple_type)) n += sizeof(Obj *) * (size_t)TUPLE_LEN(o);
    else if (str_check(o)) n += str_nbytes(o) + 1;
    else if (obj_isinstance(o, &bytes_type)) n += BYTES_LEN(o) + 1;
    else if (obj_isinstance(o, &dict_type) || obj_isinstance(o, &set_type) || obj_isinstance(o, &frozenset_type) ||
             obj_isinstance(o, &bytearray_type)) {
        intptr_t len = obj_len(o);
        if (len < 0) return NULL;
        n += (size_t)len * 3 * sizeof(Obj *);
    }
    return int_from_u64((uint64_t)n);
}

/* ---- the GIL's knobs (interp/gil/gil.h) ---------------------------------------------------------- */
static Interp *cur(void) { return ts_get()->interp; }

static Obj *sys_setswitchinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    double d;
    if (args_parse("setswitchinterval", a, n, k, "interval", v) < 0) return NULL;
    if (num_as_double(v[0], &d) < 0) return NULL;
    if (!(d > 0)) return exc_raise(ValueError_t, "switch interval must be strictly positive");
    gil_set_switch_interval(cur(), (uint64_t)(d * 1e9));
    return none_ref();
}
static Obj *sys_getswitchinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return float_new((double)gil_get_switch_interval(cur()) / 1e9);
}
static Obj *sys_setcheckinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    int64_t t;
    if (args_parse("setcheckinterval", a, n, k, "n", v) < 0) return NULL;
    if (int_as_i64(v[0], &t) < 0) return NULL;
    if (t < 1) t = 1;
    if (t > 1000000000) t = 1000000000;
    gil_set_check_interval(cur(), (int)t);
    return none_ref();
}
static Obj *sys_getcheckinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_i64(gil_get_check_interval(cur()));
}
static Obj *sys_setgilpolicy(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    if (args_parse("setgilpolicy", a, n, k, "name", v) < 0) return NULL;
    if (!obj_isinstance(v[0], &str_type)) return exc_raise(TypeError_t, "policy name must be a str");
    if (gil_set_policy(cur(), str_data(v[0])) < 0) return NULL;
    return none_ref();
}
static Obj *sys_getgilpolicy(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return str_from_cstr(gil_policy_name(cur()));
}
static Obj *sys_is_gil_enabled(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return bool_from(gil_policy_has_lock(cur()));
}

static Obj *sys_getdefaultencoding(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)k;
    if (n) return exc_raise(TypeError_t, "getdefaultencoding() takes no arguments (%d given)", n);
    return str_from_cstr("utf-8");
}

/* The async generator hooks (PEP 525), kept in the sys dict of the interpreter as
 * _asyncgen_firstiter / _asyncgen_finalizer (not per thread: asyncio's finalizer looks up the
 * loop running in the calling thread itself). gen.c calls the finalizer for an async generator
 * dropped unfinished. */
static Obj *sys_set_asyncgen_hooks(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[2];
    if (args_parse("set_asyncgen_hooks", a, n, k, "|firstiter|finalizer", v) < 0) return NULL;
    const char *names[2] = { "_asyncgen_firstiter", "_asyncgen_finalizer" };
    for (int i = 0; i < 2; i++) {
        if (!v[i]) continue;
        if (v[i] != None && !TYPE(v[i])->call && !(TYPE(v[i])->flags & TF_HEAPTYPE))
            return exc_raise(TypeError_t, "callable %s expected, got %s", i ? "finalizer" : "firstiter", type_name(v[i]));
        if (dict_set_s(cur()->sysdict, names[i], v[i]) < 0) return NULL;
    }
    return none_ref();
}
static Obj *sys_get_asyncgen_hooks(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    Obj *f = dict_get_s(cur()->sysdict, "_asyncgen_firstiter"), *z = dict_get_s(cur()->sysdict, "_asyncgen_finalizer");
    Obj *v[2] = { NEWREF(f ? f : None), NEWREF(z ? z : None) };
    return seq_new(&asyncgen_hooks_type, 2, v);
}

static const MethodDef sys_fns[] = {
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks}, {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
    {"exit", sys_exit}, {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit}, {"exc_info", sys_exc_info},
    {"exception", sys_exception}, {"intern", sys_intern}, {"getrefcount", sys_getrefcount},
    {"setswitchinterval", sys_setswitchinterval}, {"getswitchinterval", sys_getswitchinterval},
    {"setcheckinterval", sys_setcheckinterval}, {"getcheckinterval", sys_getcheckinterval},
    {"setgilpolicy", sys_setgilpolicy}, {"getgilpolicy", sys_getgilpolicy},
    {"_is_gil_enabled", sys_is_gil_enabled}, {"getsizeof", sys_getsizeof},
    {"getdefaultencoding", sys_getdefaultencoding},
    {NULL, NULL},
};

static int set_new_ref(Obj *d, const char *name, Obj *v) {
    if (!v) return -1;
    int r = dict_set_s(d, name, v);
    DECREF(v);
    return r;
}

int sys_init(Interp *in, Obj *d) {
    /* readied by the first interpreter; a child of multiprocessing finds them ready */
    Type *own[] = { &stream_type, &raw_stream_type, &version_info_type, &namespace_type, &float_info_type,
                    &int_info_type, &asyncgen_hooks_type };
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (type_ready_shared(own[i]) < 0) return -1;
    if (module_add_functions(d, sys_fns) < 0) return -1;
    if (!in->argv) {
        in->argv = list_new(0);
        if (!in->argv) return -1;
        Obj *e = str_from_cstr("");
        if (!e || list_append(in->argv, e) < 0) { XDECREF(e); return -1; }
        DECREF(e);
    }
    if (dict_set_s(d, "argv", in->argv) < 0) return -1;
    if (dict_set_s(d, "modules", in->modules) < 0) return -1;
    if (dict_set_s(d, "stdout", &stdout_obj.base) < 0 || dict_set_s(d, "stderr", &stderr_obj.base) < 0 ||
        dict_set_s(d, "__stdout__", &stdout_obj.base) < 0 || dict_set_s(d, "__stderr__", &stderr_obj.base) < 0 ||
        dict_set_s(d, "stdin", &stdin_obj.base) < 0 || dict_set_s(d, "__stdin__", &stdin_obj.base) < 0)
        return -1;
    if (set_new_ref(d, "maxunicode", int_from_i64(0x10FFFF)) < 0) return -1;
    if (set_new_ref(d, "maxsize", int_from_i64((int64_t)INTPTR_MAX)) < 0) return -1;
    if (set_new_ref(d, "version", str_from_cstr("3.11.0 (tollpy, Tollbooth)")) < 0) return -1;
    Obj *vt = version_info_new();
    if (set_new_ref(d, "version_info", vt) < 0) return -1;
    if (set_new_ref(d, "platform", str_from_cstr(port_platform()->name)) < 0) return -1;
    if (set_new_ref(d, "byteorder", str_from_cstr("little")) < 0) return -1;
    if (set_new_ref(d, "float_info", float_info_new()) < 0) return -1;
    if (set_new_ref(d, "int_info", int_info_new()) < 0) return -1;
    if (set_new_ref(d, "path", list_new(0)) < 0) return -1;
    /* sys.implementation: a namespace with .name, .cache_tag, .version, .hexversion */
    NamespaceObj *impl = (NamespaceObj *)obj_alloc(&namespace_type, sizeof(NamespaceObj));
    if (!impl) return -1;
    Obj *idict = impl->dict = dict_new();
    if (!idict || set_new_ref(idict, "name", str_from_cstr("tollpy")) < 0 ||
        set_new_ref(idict, "cache_tag", str_from_cstr("tollpy-311")) < 0 ||
        dict_set_s(idict, "version", vt) < 0 ||
        set_new_ref(idict, "hexversion", int_from_i64(0x030B00F0)) < 0) {
        DECREF(&impl->base);
        return -1;
    }
    if (set_new_ref(d, "hexversion", int_from_i64(0x030B00F0)) < 0) return -1;
    return set_new_ref(d, "implementation", &impl->base);
}
