/*
 * interp/runtime/builtins.c — the builtins module: the functions on objects (print, len,
 * min/max/sum/sorted, isinstance, getattr & co.), the built-in types (calling a type constructs
 * through its new_ slot), the constants and the exception classes. builtins_init fills a builtins
 * dict with these and with the functions that run or build code (exec, eval, globals, locals,
 * __import__, __build_class__: interp/runtime/builtins_code.c).
 *
 * Error messages are CPython 3.11's, word for word (tests compare them).
 *
 * Called by: the runtime when it creates an interpreter. Locks: none (GIL).
 */
#include <string.h>
#include <math.h>
#include "objects/objects.h"
#include "runtime/vm.h"
#include "objects/module.h"
#include "runtime/builtins.h"
#include "gil/gil.h"
#include "runtime/gen.h"
#include "port/port.h"

#define NOKW(name) do { if (no_kwargs(name, kw) < 0) return NULL; } while (0)
#define EXACT(name, n1) do { NOKW(name); if (check_nargs(name, n, n1, n1) < 0) return NULL; } while (0)

Obj *calliter_new(Obj *fn, Obj *sentinel);

/* ---- print / input ---------------------------------------------------------------------------- */

/* print's write of one piece to a file's bound write: `given`, or the C string `dflt` when
 * given is NULL. 0, or -1 with the exception set. */
static int print_piece(Obj *write, Obj *given, const char *dflt) {
    Obj *str = given ? NEWREF(given) : str_from_cstr(dflt);
    if (!str) return -1;
    Obj *r = obj_call1(write, str);
    DECREF(str);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Obj *bi_print(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    Obj *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    int nk = kw ? (int)TUPLE_LEN(kw) : 0;
    for (int i = 0; i < nk; i++) {
        const char *k = str_data(TUPLE_ITEMS(kw)[i]);
        Obj *v = a[n + i];
        if (!strcmp(k, "sep")) sep = v;
        else if (!strcmp(k, "end")) end = v;
        else if (!strcmp(k, "file")) file = v;
        else if (!strcmp(k, "flush")) flush = v;
        else return exc_raise(TypeError_t, "'%s' is an invalid keyword argument for print()", k);
    }
    if (sep == None) sep = NULL;
    if (end == None) end = NULL;
    if (file == None) file = NULL;
    if (sep && !str_check(sep)) return exc_raise(TypeError_t, "sep must be None or a string, not %s", type_name(sep));
    if (end && !str_check(end)) return exc_raise(TypeError_t, "end must be None or a string, not %s", type_name(end));
    /* No file=: sys.stdout, looked up now (a program may have replaced it: redirection). The
     * interpreter's own stdout stream (still sys.__stdout__) gets the whole line in one write;
     * any other file gets write() once per piece, as CPython's print: each argument's str(),
     * each sep, the end. Either way the pieces before an argument whose str() fails are out. */
    if (!file) {
        Obj *sd = ts_get()->interp->sysdict;
        Obj *out = sd ? dict_get_s(sd, "stdout") : NULL;
        if (!out) return exc_raise(RuntimeError_t, "lost sys.stdout");
        if (out == None) return none_ref();
        if (out != dict_get_s(sd, "__stdout__")) file = out;
    }
    if (file) {
        Obj *w = obj_getattr_s(file, "write");
        if (!w) return NULL;
        int rc = 0;
        for (int i = 0; i < n && rc == 0; i++) {
            if (i) rc = print_piece(w, sep, " ");
            if (rc == 0) {
                Obj *str = obj_str(a[i]);
                rc = str ? print_piece(w, str, NULL) : -1;
                XDECREF(str);
            }
        }
        if (rc == 0) rc = print_piece(w, end, "\n");
        if (rc < 0) { DECREF(w); return NULL; }
        DECREF(w);
        if (flush && flush != None) {
            int f = obj_truth(flush);
            if (f < 0) return NULL;
            if (f) {
                Obj *fl = obj_lookup_attr(file, str_intern("flush"));
                if (fl) { Obj *x = obj_call0(fl); DECREF(fl); if (!x) return NULL; DECREF(x); }
                else if (exc_occurred()) return NULL;
            }
        }
        return none_ref();
    }
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < n; i++) {
        if (i) { if (sep) sb_add(&b, str_data(sep), str_nbytes(sep)); else sb_addc(&b, ' '); }
        if (str_check(a[i]) && TYPE(a[i]) == &str_type) sb_add(&b, str_data(a[i]), str_nbytes(a[i]));
        else {
            Obj *str = obj_str(a[i]);
            if (!str) {                         /* what precedes the failing argument is out */
                Obj *e = exc_fetch();
                if (!b.oom) port_write(b.p ? b.p : "", b.n);
                sb_free(&b);
                exc_restore(e);
                return NULL;
            }
            sb_add(&b, str_data(str), str_nbytes(str));
            DECREF(str);
        }
    }
    if (end) sb_add(&b, str_data(end), str_nbytes(end));
    else sb_addc(&b, '\n');
    if (b.oom) { sb_free(&b); return exc_raise_memory(); }
    port_write(b.p ? b.p : "", b.n);
    sb_free(&b);
    return none_ref();
}

static Obj *bi_input(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("input");
    if (n > 1) return exc_raise(TypeError_t, "input expected at most 1 argument, got %d", n);
    Obj *p = NULL;
    if (n == 1 && !(p = obj_str(a[0]))) return NULL;
    StrBuf b;
    sb_init(&b);
    /* the platform's line editor, where it has one (the guest console's: prompt, echo,
     * editing); it waits for a person, so without the GIL. p stays referenced meanwhile, so its
     * bytes are ours to read. */
    ThreadState *ts = ts_get();
    char *line = NULL;
    gil_before_blocking(ts);
    long r = port_read_line(p ? str_data(p) : "", &line);
    gil_after_blocking(ts);
    if (r != PORT_LINE_NONE) {
        if (p) DECREF(p);
        if (r >= 0) {
            sb_add(&b, line, (size_t)r);
            port_free(line);
            return sb_finish(&b);
        }
        sb_free(&b);
        if (r == PORT_LINE_INTR) {
            port_interrupt_clear();
            Obj *e = exc_new(KeyboardInterrupt_t, NULL, 0);
            if (e) { exc_raise_obj(e); DECREF(e); }
            return NULL;
        }
        return exc_raise(EOFError_t, "EOF when reading a line");
    }
    if (p) {
        port_write(str_data(p), str_nbytes(p));
        DECREF(p);
    }
    bool any = false;
    static bool last_cr;      /* a serial console ends a line with CR (maybe CR LF) */
    for (;;) {
        int c = port_getc();
        if (c < 0) break;
        if (c == '\n' && last_cr) { last_cr = false; continue; }
        last_cr = c == '\r';
        any = true;
        if (c == '\n' || c == '\r') break;
        sb_addc(&b, (char)c);
    }
    if (!any) {
        sb_free(&b);
        if (port_interrupt_pending()) {
            port_interrupt_clear();
            Obj *e = exc_new(KeyboardInterrupt_t, NULL, 0);
            if (e) { exc_raise_obj(e); DECREF(e); }
            return NULL;
        }
        return exc_raise(EOFError_t, "EOF when reading a line");
    }
    if (b.n && b.p[b.n - 1] == '\r') b.n--;
    return sb_finish(&b);
}

/* ---- simple one-argument builtins ------------------------------------------------------------- */

static Obj *bi_len(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("len", 1);
    intptr_t r = obj_len(a[0]);
    if (r < 0) return NULL;
    return int_from_i64(r);
}

static Obj *bi_repr(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; EXACT("repr", 1); return obj_repr(a[0]); }

static Obj *bi_ascii(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("ascii", 1);
    return obj_ascii(a[0]);
}

static Obj *bi_id(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("id", 1);
    return int_from_u64((uint64_t)(uintptr_t)a[0]);
}

static Obj *bi_hash(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("hash", 1);
    intptr_t h;
    if (obj_hash(a[0], &h) < 0) return NULL;
    return int_from_i64(h);
}

static Obj *bi_callable(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("callable", 1);
    Type *t = TYPE(a[0]);
    if (t->call) return bool_from(1);
    if (t->flags & TF_HEAPTYPE) return bool_from(type_lookup(t, str_intern("__call__")) != NULL);
    return bool_from(0);
}

static Obj *call_dunder(Obj *o, const char *name, Obj *const *args, int n, bool *found) {
    *found = false;
    if (!(TYPE(o)->flags & TF_HEAPTYPE) || !type_lookup(TYPE(o), str_intern(name))) return NULL;
    *found = true;
    return obj_call_method(o, name, args, n);
}

static Obj *bi_abs(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("abs", 1);
    Obj *x = a[0];
    if (int_check(x) && !(TYPE(x)->flags & TF_HEAPTYPE)) return int_abs(x);
    if (obj_is(x, &float_type)) return float_new(fabs(float_val(x)));
    bool found;
    Obj *r = call_dunder(x, "__abs__", NULL, 0, &found);
    if (found) return r;
    if (int_check(x)) return int_abs(x);
    if (obj_isinstance(x, &float_type)) return float_new(fabs(float_val(x)));
    if (obj_isinstance(x, &complex_type)) return obj_call_method(x, "__abs__", NULL, 0);
    return exc_raise(TypeError_t, "bad operand type for abs(): '%s'", type_name(x));
}

static Obj *index_of(Obj *x) {
    if (int_check(x)) return NEWREF(x);
    bool found;
    Obj *r = call_dunder(x, "__index__", NULL, 0, &found);
    if (found) return r;
    return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(x));
}

static Obj *to_base(Obj *const *a, int n, Obj *kw, const char *name, int base) {
    EXACT(name, 1);
    Obj *i = index_of(a[0]);
    if (!i) return NULL;
    Obj *r = int_to_base(i, base);
    DECREF(i);
    return r;
}
static Obj *bi_hex(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; return to_base(a, n, kw, "hex", 16); }
static Obj *bi_oct(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; return to_base(a, n, kw, "oct", 8); }
static Obj *bi_bin(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; return to_base(a, n, kw, "bin", 2); }

static Obj *bi_ord(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("ord", 1);
    Obj *x = a[0];
    if (str_check(x)) {
        size_t len = str_nchars(x);
        if (len != 1) return exc_raise(TypeError_t, "ord() expected a character, but string of length %ld found", (long)len);
        uint32_t cp;
        if (str_codepoint_at(x, 0, &cp) < 0) return NULL;
        return int_from_i64(cp);
    }
    if (obj_isinstance(x, &bytes_type)) {
        if (BYTES_LEN(x) != 1) return exc_raise(TypeError_t, "ord() expected a character, but string of length %ld found", (long)BYTES_LEN(x));
        return int_from_i64((unsigned char)BYTES_DATA(x)[0]);
    }
    return exc_raise(TypeError_t, "ord() expected string of length 1, but %s found", type_name(x));
}

static Obj *bi_chr(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    EXACT("chr", 1);
    Obj *i = index_of(a[0]);
    if (!i) return NULL;
    int64_t v;
    int r = int_as_i64(i, &v);
    DECREF(i);
    if (r < 0) {
        if (exc_matches(OverflowError_t)) { exc_clear(); return exc_raise(OverflowError_t, "Python int too large to convert to C int"); }
        return NULL;
    }
    if (v < INT32_MIN || v > INT32_MAX)              /* CPython takes a C int first */
        return exc_raise(OverflowError_t, "Python int too large to convert to C int");
    if (v < 0 || v > 0x10FFFF) return exc_raise(ValueError_t, "chr() arg not in range(0x110000)");
    return str_from_codepoint((uint32_t)v);
}

static Obj *bi_format(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("format");
    if (check_nargs("format", n, 1, 2) < 0) return NULL;
    if (n == 2 && !str_check(a[1])) return exc_raise(TypeError_t, "format() argument 2 must be str, not %s", type_name(a[1]));
    return obj_format(a[0], n == 2 ? a[1] : NULL);
}

/* ---- attributes ---------------------------------------------------------------------------------- */

static int check_name(Obj *name) {
    if (!str_check(name)) {
        exc_raise(TypeError_t, "attribute name must be string, not '%s'", type_name(name));
        return -1;
    }
    return 0;
}

static Obj *bi_getattr(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("getattr");
    if (n < 2) return exc_raise(TypeError_t, "getattr expected at least 2 arguments, got %d", n);
    if (n > 3) return exc_raise(TypeError_t, "getattr expected at most 3 arguments, got %d", n);
    if (check_name(a[1]) < 0) return NULL;
    Obj *r = obj_getattr(a[0], a[1]);
    if (!r && n == 3 && exc_matches(AttributeError_t)) {
        exc_clear();
        return NEWREF(a[2]);
    }
    return r;
}

static Obj *bi_hasattr(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("hasattr");
    if (n != 2) return exc_raise(TypeError_t, "hasattr expected 2 arguments, got %d", n);
    if (check_name(a[1]) < 0) return NULL;
    Obj *r = obj_getattr(a[0], a[1]);
    if (r) { DECREF(r); return bool_from(1); }
    if (exc_matches(AttributeError_t)) { exc_clear(); return bool_from(0); }
    return NULL;
}

static Obj *bi_setattr(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("setattr");
    if (n != 3) return exc_raise(TypeError_t, "setattr expected 3 arguments, got %d", n);
    if (check_name(a[1]) < 0) return NULL;
    if (obj_setattr(a[0], a[1], a[2]) < 0) return NULL;
    return none_ref();
}

static Obj *bi_delattr(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("delattr");
    if (n != 2) return exc_raise(TypeError_t, "delattr expected 2 arguments, got %d", n);
    if (check_name(a[1]) < 0) return NULL;
    if (obj_setattr(a[0], a[1], NULL) < 0) return NULL;
    return none_ref();
}

static Obj *bi_vars(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("vars");
    if (n != 1) {
        if (n == 0) return vm_locals();
        return exc_raise(TypeError_t, "vars expected at most 1 argument, got %d", n);
    }
    Obj *d = obj_lookup_attr(a[0], str_intern("__dict__"));
    if (!d && !exc_occurred()) exc_raise(TypeError_t, "vars() argument must have __dict__ attribute");
    return d;
}

static Obj *bi_dir(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("dir");
    if (n > 1) return exc_raise(TypeError_t, "dir expected at most 1 argument, got %d", n);
    if (n == 0) {
        Obj *loc = vm_locals();
        if (!loc) return NULL;
        Obj *names = list_from_iter(loc);
        DECREF(loc);
        if (names && list_sort(names, NULL, false) < 0) CLEAR(names);
        return names;
    }
    if (TYPE(a[0])->flags & TF_HEAPTYPE) {
        Obj *m = type_lookup(TYPE(a[0]), str_intern("__dir__"));
        if (m && !obj_is(m, &builtin_fn_type)) {
            Obj *r = obj_call_method(a[0], "__dir__", NULL, 0);
            if (!r) return NULL;
            Obj *l = list_from_iter(r);
            DECREF(r);
            if (l && list_sort(l, NULL, false) < 0) CLEAR(l);
            return l;
        }
    }
    if (obj_is(a[0], &module_type)) {       /* a module: its names, as CPython's module.__dir__ */
        Obj *l = list_from_iter(module_dict(a[0]));
        if (l && list_sort(l, NULL, false) < 0) CLEAR(l);
        return l;
    }
    Obj *l = list_new(0);
    if (!l) return NULL;
    Obj *o = a[0];
    Type *t = TYPE(o);
    if (t->dictoffset) {
        Obj *d = *obj_dict_ptr(o);
        if (d && list_extend(l, d) < 0) { DECREF(l); return NULL; }
    }
    Type *start = (obj_isinstance(o, &type_type)) ? (Type *)o : t;
    intptr_t mi = 0;
    for (Type *c = start; c; c = TYPE_MRO_NEXT(start, c, mi)) {
        if (!c->dict) continue;
        intptr_t pos = 0; Obj *k, *v;
        while (dict_next(c->dict, &pos, &k, &v)) {
            int in = obj_contains(l, k);
            if (in < 0 || (!in && list_append(l, k) < 0)) { DECREF(l); return NULL; }
        }
    }
    if (list_sort(l, NULL, false) < 0) { DECREF(l); return NULL; }
    return l;
}

/* ---- isinstance / issubclass ----------------------------------------------------------------------- */

static int is_sub(Type *t, Obj *cls, const char *fname, int argn) {
    if (obj_isinstance(cls, &type_type)) return type_is_subtype(t, (Type *)cls);
    if (obj_is(cls, &tuple_type)) {
        if (c_stack_check(" in __instancecheck__") < 0) return -1;   /* nested tuples */
        for (intptr_t i = 0; i < TUPLE_LEN(cls); i++) {
            int r = is_sub(t, TUPLE_ITEMS(cls)[i], fname, argn);
            if (r) return r;
        }
        return 0;
    }
    if (!strcmp(fname, "isinstance"))
        exc_raise(TypeError_t, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    else
        exc_raise(TypeError_t, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    (void)argn;
    return -1;
}

static Obj *bi_isinstance(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("isinstance");
    if (n != 2) return exc_raise(TypeError_t, "isinstance expected 2 arguments, got %d", n);
    int r = is_sub(TYPE(a[0]), a[1], "isinstance", 2);
    return r < 0 ? NULL : bool_from(r);
}

static Obj *bi_issubclass(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("issubclass");
    if (n != 2) return exc_raise(TypeError_t, "issubclass expected 2 arguments, got %d", n);
    if (!obj_isinstance(a[0], &type_type)) return exc_raise(TypeError_t, "issubclass() arg 1 must be a class");
    int r = is_sub((Type *)a[0], a[1], "issubclass", 2);
    return r < 0 ? NULL : bool_from(r);
}

/* ---- iteration helpers -------------------------------------------------------------------------- */

static Obj *bi_iter(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("iter");
    if (n < 1) return exc_raise(TypeError_t, "iter expected at least 1 argument, got %d", n);
    if (n > 2) return exc_raise(TypeError_t, "iter expected at most 2 arguments, got %d", n);
    if (n == 1) return obj_iter(a[0]);
    Type *t = TYPE(a[0]);
    if (!t->call && !((t->flags & TF_HEAPTYPE) && type_lookup(t, str_intern("__call__"))))
        return exc_raise(TypeError_t, "iter(v, w): v must be callable");
    return calliter_new(a[0], a[1]);
}

static Obj *bi_next(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("next");
    if (n < 1) return exc_raise(TypeError_t, "next expected at least 1 argument, got %d", n);
    if (n > 2) return exc_raise(TypeError_t, "next expected at most 2 arguments, got %d", n);
    Type *t = TYPE(a[0]);
    if (!t->next && !((t->flags & TF_HEAPTYPE) && type_lookup(t, str_intern("__next__"))))
        return exc_raise(TypeError_t, "'%s' object is not an iterator", type_name(a[0]));
    /* a generator's return value and a Python __next__'s StopIteration reach the caller whole
     * (StopIteration.value); obj_next would report both as plain exhaustion */
    Obj *v, *py = NULL;
    if (t == &generator_type) v = gen_next_stop(a[0]);
    else if ((t->flags & TF_HEAPTYPE) && (py = type_lookup(t, str_intern("__next__"))) && TYPE(py) != &builtin_fn_type)
        v = obj_call1(py, a[0]);
    else v = obj_next(a[0]);
    if (v) return v;
    if (exc_occurred()) {
        if (n == 2 && exc_matches(StopIteration_t)) { exc_clear(); return NEWREF(a[1]); }
        return NULL;
    }
    if (n == 2) return NEWREF(a[1]);
    Obj *e = exc_new(StopIteration_t, NULL, 0);
    if (e) { exc_raise_obj(e); DECREF(e); }
    return NULL;
}

static Obj *bi_any_all(Obj *const *a, int n, Obj *kw, bool is_all) {
    const char *name = is_all ? "all" : "any";
    NOKW(name);
    if (check_nargs(name, n, 1, 1) < 0) return NULL;
    Obj *it = obj_iter(a[0]);
    if (!it) return NULL;
    Obj *v;
    while ((v = obj_next(it))) {
        int t = obj_truth(v);
        DECREF(v);
        if (t < 0) { DECREF(it); return NULL; }
        if (t != is_all) { DECREF(it); return bool_from(!is_all); }
    }
    DECREF(it);
    if (exc_occurred()) return NULL;
    return bool_from(is_all);
}
static Obj *bi_any(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; return bi_any_all(a, n, kw, false); }
static Obj *bi_all(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; return bi_any_all(a, n, kw, true); }

static Obj *minmax(Obj *const *a, int n, Obj *kw, bool is_max) {
    const char *name = is_max ? "max" : "min";
    Obj *key = NULL, *dflt = NULL;
    int nk = kw ? (int)TUPLE_LEN(kw) : 0;
    if (n == 0) return exc_raise(TypeError_t, "%s expected at least 1 argument, got 0", name);
    for (int i = 0; i < nk; i++) {
        const char *k = str_data(TUPLE_ITEMS(kw)[i]);
        if (!strcmp(k, "key")) key = a[n + i];
        else if (!strcmp(k, "default")) dflt = a[n + i];
        else return exc_raise(TypeError_t, "'%s' is an invalid keyword argument for %s()", k, name);
    }
    if (n == 0) return exc_raise(TypeError_t, "%s expected at least 1 argument, got 0", name);
    if (n > 1 && dflt)
        return exc_raise(TypeError_t, "Cannot specify a default for %s() with multiple positional arguments", name);
    if (key == None) key = NULL;
    Obj *it;
    if (n == 1) it = obj_iter(a[0]);
    else {
        Obj *t = tuple_new(n);
        if (!t) return NULL;
        for (int i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NEWREF(a[i]);
        it = obj_iter(t);
        DECREF(t);
    }
    if (!it) return NULL;
    Obj *best = NULL, *bestkey = NULL, *v;
    while ((v = obj_next(it))) {
        Obj *k = key ? obj_call1(key, v) : NEWREF(v);
        if (!k) { DECREF(v); goto fail; }
        if (!best) { best = v; bestkey = k; continue; }
        int c;
        if (IS_SMALL(k) && IS_SMALL(bestkey)) c = is_max ? (intptr_t)k > (intptr_t)bestkey : (intptr_t)k < (intptr_t)bestkey;
        else c = obj_compare_bool(k, bestkey, is_max ? CMP_GT : CMP_LT);
        if (c < 0) { DECREF(v); DECREF(k); goto fail; }
        if (c) { DECREF(best); DECREF(bestkey); best = v; bestkey = k; }
        else { DECREF(v); DECREF(k); }
    }
    if (exc_occurred()) goto fail;
    DECREF(it);
    XDECREF(bestkey);
    if (!best) {
        if (dflt) return NEWREF(dflt);
        return exc_raise(ValueError_t, "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    DECREF(it);
    XDECREF(best);
    XDECREF(bestkey);
    return NULL;
}
static Obj *bi_min(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; return minmax(a, n, kw, false); }
static Obj *bi_max(Obj *self, Obj *const *a, int n, Obj *kw) { (void)self; return minmax(a, n, kw, true); }

static Obj *bi_sum(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    Obj *p[2];
    if (n == 0 && !(kw && TUPLE_LEN(kw)))
        return exc_raise(TypeError_t, "sum() takes at least 1 positional argument (0 given)");
    if (args_parse("sum", a, n, kw, "iterable|start", p) < 0) return NULL;
    if (p[1] && (obj_isinstance(p[1], &str_type)))
        return exc_raise(TypeError_t, "sum() can't sum strings [use ''.join(seq) instead]");
    if (p[1] && obj_isinstance(p[1], &bytes_type))
        return exc_raise(TypeError_t, "sum() can't sum bytes [use b''.join(seq) instead]");
    Obj *it = obj_iter(p[0]);
    if (!it) return NULL;
    Obj *acc = NEWREF(p[1] ? p[1] : MK_SMALL(0));
    Obj *v;
    /* Fast path: small ints accumulate in a C integer until they don't fit. */
    while ((v = obj_next(it))) {
        Obj *r;
        if (IS_SMALL(acc) && IS_SMALL(v)) {
            intptr_t s;
            if (!__builtin_add_overflow(SMALL_VAL(acc), SMALL_VAL(v), &s) && FITS_SMALL(s)) { acc = MK_SMALL(s); continue; }
        }
        if (obj_is(acc, &float_type) && obj_is(v, &float_type)) {
            r = float_new(float_val(acc) + float_val(v));
        } else {
            r = obj_binop(acc, v, NB_ADD);
        }
        DECREF(v);
        DECREF(acc);
        acc = r;
        if (!acc) { DECREF(it); return NULL; }
    }
    DECREF(it);
    if (exc_occurred()) { DECREF(acc); return NULL; }
    return acc;
}

static Obj *bi_sorted(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    if (n != 1) return exc_raise(TypeError_t, n == 0 ? "sorted expected 1 argument, got %d" : "sorted expected 1 argument, got %d", n);
    Obj *p[2];
    if (args_parse("sort", a + 1, 0, kw, "|key,reverse", p) < 0) return NULL;
    /* args_parse above saw no positionals; keyword values follow a[0] */
    Obj *l = list_from_iter(a[0]);
    if (!l) return NULL;
    int rev = 0;
    if (p[1]) {
        if (!int_check(p[1])) { DECREF(l); return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(p[1])); }
        rev = obj_truth(p[1]);
    }
    if (list_sort(l, p[0], rev) < 0) { DECREF(l); return NULL; }
    return l;
}

/* ---- numbers -------------------------------------------------------------------------------------- */

static Obj *bi_round(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    Obj *p[2];
    if (args_parse("round", a, n, kw, "number|ndigits", p) < 0) return NULL;
    Obj *x = p[0], *nd = p[1];
    if (nd == None) nd = NULL;
    Type *t = TYPE(x);
    if (t->flags & TF_HEAPTYPE) {
        bool found;
        Obj *r = call_dunder(x, "__round__", nd ? &nd : NULL, nd ? 1 : 0, &found);
        if (found) return r;
    }
    if (nd && !int_check(nd)) {
        Obj *i = index_of(nd);
        if (!i) return NULL;
        DECREF(i);
    }
    if (int_check(x)) return int_round(x, nd);
    if (obj_isinstance(x, &float_type)) return float_round(x, nd);
    return exc_raise(TypeError_t, "type %s doesn't define __round__ method", type_name(x));
}

static Obj *bi_divmod(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("divmod");
    if (n != 2) return exc_raise(TypeError_t, "divmod expected 2 arguments, got %d", n);
    Obj *x = a[0], *y = a[1];
    bool found;
    Obj *r = call_dunder(x, "__divmod__", &y, 1, &found);
    if (found && r != NotImplemented) return r;
    if (found) DECREF(r);
    r = call_dunder(y, "__rdivmod__", &x, 1, &found);
    if (found && r != NotImplemented) return r;
    if (found) DECREF(r);
    bool nx = int_check(x) || obj_isinstance(x, &float_type), ny = int_check(y) || obj_isinstance(y, &float_type);
    if (!nx || !ny)
        return exc_raise(TypeError_t, "unsupported operand type(s) for divmod(): '%s' and '%s'", type_name(x), type_name(y));
    Obj *q = obj_binop(x, y, NB_FLOORDIV);
    if (!q) return NULL;
    Obj *m = obj_binop(x, y, NB_MOD);
    if (!m) { DECREF(q); return NULL; }
    Obj *t = tuple_new(2);
    if (!t) { DECREF(q); DECREF(m); return NULL; }
    TUPLE_ITEMS(t)[0] = q;
    TUPLE_ITEMS(t)[1] = m;
    return t;
}

static Obj *bi_pow(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    Obj *p[3];
    if (args_parse("pow", a, n, kw, "base,exp|mod", p) < 0) return NULL;
    if (!p[2] || p[2] == None) return obj_binop(p[0], p[1], NB_POW);
    return num_pow3(p[0], p[1], p[2]);
}

/* exit()/quit(): CPython's site module adds them; scripts call them. Raise SystemExit(code). */
static Obj *bi_exit(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("exit");
    if (n > 1) return exc_raise(TypeError_t, "exit expected at most 1 argument, got %d", n);
    Obj *e = exc_new(SystemExit_t, a, n);
    if (!e) return NULL;
    exc_raise_obj(e);
    DECREF(e);
    return NULL;
}

/* ---- help ------------------------------------------------------------------------------------- */
/* help(): the platform's guide (port_help_guide), else pydoc's short line; help(obj): what
 * interp/lib/pydoc.py renders for obj (signature and docstring), written to sys.stdout. */
static Obj *bi_help(Obj *self, Obj *const *a, int n, Obj *kw) {
    (void)self;
    NOKW("help");
    if (check_nargs("help", n, 0, 1) < 0) return NULL;
    if (n == 0 && port_help_guide()) return none_ref();
    Obj *mod = import_module("pydoc");
    if (!mod) return NULL;
    Obj *r = obj_call_method(mod, "help", a, n);
    DECREF(mod);
    return r;
}

/* ---- the table -------------------------------------------------------------------------------------- */

static const MethodDef builtin_fns[] = {
    {"print", bi_print}, {"input", bi_input}, {"len", bi_len}, {"repr", bi_repr},
    {"ascii", bi_ascii}, {"id", bi_id}, {"hash", bi_hash}, {"callable", bi_callable},
    {"abs", bi_abs}, {"hex", bi_hex}, {"oct", bi_oct}, {"bin", bi_bin}, {"ord", bi_ord},
    {"chr", bi_chr}, {"format", bi_format}, {"getattr", bi_getattr}, {"hasattr", bi_hasattr},
    {"setattr", bi_setattr}, {"delattr", bi_delattr}, {"vars", bi_vars}, {"dir", bi_dir},
    {"isinstance", bi_isinstance}, {"issubclass", bi_issubclass}, {"iter", bi_iter},
    {"next", bi_next}, {"any", bi_any}, {"all", bi_all}, {"min", bi_min}, {"max", bi_max},
    {"sum", bi_sum}, {"sorted", bi_sorted}, {"round", bi_round}, {"divmod", bi_divmod},
    {"pow", bi_pow}, {"exit", bi_exit}, {"quit", bi_exit},
    {"help", bi_help},
    {NULL, NULL},
};

int builtins_init(Obj *dict) {
    if (types_init() < 0) return -1;
    if (module_add_functions(dict, builtin_fns) < 0 || module_add_functions(dict, builtins_code_fns) < 0)
        return -1;
    static const struct { const char *name; Type *t; } types[] = {
        {"object", &object_type}, {"type", &type_type}, {"int", &int_type}, {"bool", &bool_type},
        {"float", &float_type}, {"complex", &complex_type}, {"str", &str_type}, {"bytes", &bytes_type},
        {"bytearray", &bytearray_type}, {"memoryview", &memoryview_type}, {"list", &list_type},
        {"tuple", &tuple_type}, {"dict", &dict_type}, {"set", &set_type},
        {"frozenset", &frozenset_type}, {"range", &range_type}, {"slice", &slice_type},
        {"enumerate", &enumerate_type}, {"zip", &zip_type}, {"map", &map_type},
        {"filter", &filter_type}, {"reversed", &reversed_type}, {"property", &property_type},
        {"staticmethod", &staticmethod_type}, {"classmethod", &classmethod_type},
        {"super", &super_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (dict_set_s(dict, types[i].name, (Obj *)types[i].t) < 0) return -1;
    if (dict_set_s(dict, "None", None) < 0 || dict_set_s(dict, "True", True_) < 0 ||
        dict_set_s(dict, "False", False_) < 0 || dict_set_s(dict, "NotImplemented", NotImplemented) < 0 ||
        dict_set_s(dict, "Ellipsis", &ellipsis_obj) < 0 || dict_set_s(dict, "__debug__", True_) < 0)
        return -1;
    return exc_add_builtins(dict);
}
