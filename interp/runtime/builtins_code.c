/*
 * interp/runtime/builtins_code.c — the builtins that run or build code and so need the VM:
 * exec, eval, compile, globals, locals, __import__, open (by import of _fileio), and __build_class__ (what a `class` statement calls:
 * it runs the class body through vm_run_class_body and fills the body's __class__ cell for
 * super()). builtins_init (interp/runtime/builtins.c) adds them from builtins_code_fns.
 * Called by: Python code, with the GIL held. Locks: none of its own.
 */
#include <string.h>
#include "runtime/builtins.h"
#include "core/state.h"
#include "runtime/vm.h"
#include "runtime/func.h"
#include "runtime/class.h"
#include "objects/module.h"
#include "runtime/interp.h"
#include "bytecode/code.h"
#include "runtime/call.h"

/* __build_class__(func, name, *bases, metaclass=M, **kw): as CPython's builtin___build_class__:
 * the metaclass is M (or type) made the most derived of the bases' metaclasses; its __prepare__
 * gives the namespace (a dict here: the class body stores into it with dict operations); the body
 * runs; then metaclass(name, bases, ns, **kw) makes the class, and the body's __class__ cell is
 * filled for super(). */
static Obj *b_build_class(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    if (nargs < 2) return exc_raise(TypeError_t, "__build_class__: not enough arguments");
    Obj *func = args[0], *name = args[1];
    if (!obj_is(func, &function_type)) return exc_raise(TypeError_t, "__build_class__: func must be a function");
    if (!str_check(name)) return exc_raise(TypeError_t, "__build_class__: name is not a string");
    int nk = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    Obj *meta = NULL, *kw = NULL, *bases = NULL, *ns = NULL, *cls = NULL;
    bool explicit_meta = false;
    if (nk) {
        if (!(kw = dict_new())) return NULL;
        for (int i = 0; i < nk; i++) {
            Obj *k = TUPLE_ITEMS(kwnames)[i], *v = args[nargs + i];
            if (str_equal_cstr(k, "metaclass")) { meta = v; explicit_meta = true; continue; }
            if (dict_set(kw, k, v) < 0) goto out;
        }
    }
    bases = tuple_new(nargs - 2);
    if (!bases) goto out;
    for (int i = 2; i < nargs; i++) TUPLE_ITEMS(bases)[i - 2] = NEWREF(args[i]);
    if (!meta) meta = nargs > 2 ? (Obj *)TYPE(args[2]) : (Obj *)&type_type;
    if (obj_isinstance(meta, &type_type)) {
        Type *w = class_calculate_meta((Type *)meta, bases);
        if (!w) goto out;
        meta = (Obj *)w;
    }
    (void)explicit_meta;
    INCREF(meta);
    /* the namespace: meta.__prepare__(name, bases, **kw) when it has one */
    Obj *prep = obj_lookup_attr(meta, str_intern("__prepare__"));
    if (prep) {
        Obj *pa = tuple_pack(2, name, bases);
        ns = pa ? vm_call_ex(prep, pa, kw) : NULL;
        XDECREF(pa);
        DECREF(prep);
        if (!ns) goto out_meta;
        if (!obj_isinstance(ns, &dict_type)) {
            exc_raise(TypeError_t, "%s.__prepare__() must return a mapping, not %s",
                      obj_isinstance(meta, &type_type) ? ((Type *)meta)->name : "<metaclass>", type_name(ns));
            goto out_meta;
        }
    } else {
        if (exc_occurred()) goto out_meta;
        if (!(ns = dict_new())) goto out_meta;
    }
    FuncObj *fn = (FuncObj *)func;
    Obj *modname = dict_get_s(fn->globals, "__name__");
    if ((modname && dict_set_s(ns, "__module__", modname) < 0) ||
        dict_set_s(ns, "__qualname__", CODE(fn->code)->qualname) < 0)
        goto out_meta;
    Obj *cell = vm_run_class_body(func, ns);
    if (!cell) goto out_meta;
    Obj *margs = tuple_pack(3, name, bases, ns);
    cls = margs ? vm_call_ex(meta, margs, kw) : NULL;
    XDECREF(margs);
    if (cls && obj_is(cell, &cell_type)) {
        CellObj *c = (CellObj *)cell;
        Obj *old = c->ref;
        c->ref = NEWREF(cls);
        XDECREF(old);
    }
    DECREF(cell);
out_meta:
    DECREF(meta);
out:
    XDECREF(ns);
    XDECREF(bases);
    XDECREF(kw);
    return cls;
}

static Obj *b_globals(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)kw;
    if (nargs) return exc_raise(TypeError_t, "globals() takes no arguments (%d given)", nargs);
    Obj *g = vm_globals();
    return g ? NEWREF(g) : dict_new();
}

static Obj *b_locals(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)kw;
    if (nargs) return exc_raise(TypeError_t, "locals() takes no arguments (%d given)", nargs);
    return vm_locals();
}

/* Source given as bytes, bytearray or memoryview: 1 and a bytes copy in *out (a copy, since
 * another thread may resize a bytearray while it compiles), 0 when o is none of them (or -1
 * reported as 0 with an exception set: the caller checks exc_occurred). */
static int source_bytes(Obj *o, Obj **out) {
    if (obj_is(o, &bytes_type)) { *out = NEWREF(o); return 1; }
    if (!obj_isinstance(o, &bytearray_type) && !obj_isinstance(o, &memoryview_type)) return 0;
    *out = obj_call1((Obj *)&bytes_type, o);
    return *out != NULL;
}

static Obj *run_string(const char *fname, Obj *const *args, int nargs, Obj *kwnames, int mode) {
    Obj *a[3] = { NULL, NULL, NULL };
    if (args_parse(fname, args, nargs, kwnames, "source|globals|locals", a) < 0) return NULL;
    Obj *g = a[1] && a[1] != None ? a[1] : NULL;
    Obj *l = a[2] && a[2] != None ? a[2] : NULL;
    if (g && !obj_is(g, &dict_type))
        return exc_raise(TypeError_t, "%s() globals must be a dict, not %T", fname, g);
    Obj *code, *src;
    if (obj_is(a[0], &code_type)) code = NEWREF(a[0]);
    else if (str_check(a[0])) {
        const char *s = str_data(a[0]);
        size_t n = str_nbytes(a[0]);
        if (mode == IC_EVAL) while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
        code = interp_compile(s, n, "<string>", mode);
        if (!code) return NULL;
    } else if (source_bytes(a[0], &src)) {
        code = interp_compile(BYTES_DATA(src), BYTES_LEN(src), "<string>", mode);
        DECREF(src);
        if (!code) return NULL;
    } else if (exc_occurred()) {
        return NULL;
    } else {
        return exc_raise(TypeError_t, "%s() arg 1 must be a string, bytes or code object", fname);
    }
    Obj *gd;
    if (g) {
        gd = NEWREF(g);
        if (!dict_get_s(gd, "__builtins__") && dict_set_s(gd, "__builtins__", ts_get()->interp->builtins) < 0) {
            DECREF(gd); DECREF(code);
            return NULL;
        }
    } else {
        Obj *cg = vm_globals();
        gd = cg ? NEWREF(cg) : dict_new();
        if (!gd) { DECREF(code); return NULL; }
    }
    Obj *ld = l;
    Obj *tmp = NULL;
    if (!ld && !g) {
        /* current locals: the frame's dict for module/class code, a snapshot for functions */
        tmp = vm_locals();
        if (!tmp) { DECREF(gd); DECREF(code); return NULL; }
        ld = tmp;
    }
    Obj *r = vm_run_code(code, gd, ld ? ld : gd);
    XDECREF(tmp);
    DECREF(gd);
    DECREF(code);
    if (!r) return NULL;
    if (mode == IC_EXEC) { DECREF(r); return none_ref(); }
    return r;
}

static Obj *b_exec(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    return run_string("exec", args, nargs, kw, IC_EXEC);
}

static Obj *b_eval(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    return run_string("eval", args, nargs, kw, IC_EVAL);
}

/* compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1): a code object that
 * exec() and eval() run. flags and optimize are accepted and ignored (no __future__ features,
 * no optimisation levels here). */
static Obj *b_compile(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    Obj *a[7] = { NULL };
    if (args_parse("compile", args, nargs, kw, "source|filename|mode|flags|dont_inherit|optimize|_feature_version", a) < 0)
        return NULL;
    if (!a[1] || !a[2]) {
        return exc_raise(TypeError_t, "compile() missing required argument '%s' (pos %d)",
                         !a[1] ? "filename" : "mode", !a[1] ? 2 : 3);
    }
    if (!str_check(a[1]) && !obj_is(a[1], &bytes_type))
        return exc_raise(TypeError_t, "compile() argument 'filename' must be str, bytes or os.PathLike, not %T", a[1]);
    if (!str_check(a[2])) return exc_raise(TypeError_t, "compile() argument 'mode' must be str, not %T", a[2]);
    int mode;
    if (str_equal_cstr(a[2], "exec")) mode = IC_EXEC;
    else if (str_equal_cstr(a[2], "eval")) mode = IC_EVAL;
    else if (str_equal_cstr(a[2], "single")) mode = IC_SINGLE;
    else return exc_raise(ValueError_t, "compile() mode must be 'exec', 'eval' or 'single'");
    if (a[3] && !int_check(a[3])) return exc_raise(TypeError_t, "'%T' object cannot be interpreted as an integer", a[3]);
    Obj *fn = str_check(a[1]) ? NEWREF(a[1]) : str_new(BYTES_DATA(a[1]), BYTES_LEN(a[1]));
    if (!fn) return NULL;
    Obj *code, *src;
    if (str_check(a[0])) {
        code = interp_compile(str_data(a[0]), str_nbytes(a[0]), str_data(fn), mode);
    } else if (source_bytes(a[0], &src)) {
        code = interp_compile(BYTES_DATA(src), BYTES_LEN(src), str_data(fn), mode);
        DECREF(src);
    } else {
        code = exc_occurred() ? NULL
             : exc_raise(TypeError_t, "compile() arg 1 must be a string, bytes or AST object");
    }
    DECREF(fn);
    return code;
}

static Obj *b_import(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self;
    Obj *a[5] = { NULL, NULL, NULL, NULL, NULL };
    if (args_parse("__import__", args, nargs, kw, "name|globals|locals|fromlist|level", a) < 0) return NULL;
    if (!str_check(a[0])) return exc_raise(TypeError_t, "__import__() argument 1 must be str, not %T", a[0]);
    return import_module_obj(a[0]);
}

/* open(): the file objects live in the `_fileio` module (interp/modules/mod_fileio.c), a layer
 * above; builtins reach it by import, by name, as CPython's builtins reach io.open. */
static Obj *b_open(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *m = import_module("_fileio");
    if (!m) return NULL;
    Obj *fn = obj_getattr_s(m, "open");
    DECREF(m);
    if (!fn) return NULL;
    Obj *r = obj_call(fn, args, nargs, kwnames);
    DECREF(fn);
    return r;
}

const MethodDef builtins_code_fns[] = {
    {"__build_class__", b_build_class}, {"globals", b_globals}, {"locals", b_locals},
    {"exec", b_exec}, {"eval", b_eval}, {"compile", b_compile}, {"__import__", b_import},
    {"open", b_open},
    {NULL, NULL},
};
