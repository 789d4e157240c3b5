/*
 * interp/runtime/builtins_code.c — the builtins that run or build code and so need the VM:
 * exec, eval, globals, locals, __import__, open (by import of _fileio), and __build_class__ (what a `class` statement calls:
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

static Obj *b_build_class(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    (void)kwnames;   /* metaclass= and class keywords are not supported: ignored */
    if (nargs < 2) return exc_raise(TypeError_t, "__build_class__: not enough arguments");
    Obj *func = args[0], *name = args[1];
    if (!obj_is(func, &function_type)) return exc_raise(TypeError_t, "__build_class__: func must be a function");
    if (!str_check(name)) return exc_raise(TypeError_t, "__build_class__: name is not a string");
    Obj *bases = tuple_new(nargs - 2);
    if (!bases) return NULL;
    for (int i = 2; i < nargs; i++) TUPLE_ITEMS(bases)[i - 2] = NEWREF(args[i]);
    Obj *ns = dict_new();
    if (!ns) { DECREF(bases); return NULL; }
    FuncObj *fn = (FuncObj *)func;
    Obj *modname = dict_get_s(fn->globals, "__name__");
    if ((modname && dict_set_s(ns, "__module__", modname) < 0) ||
        dict_set_s(ns, "__qualname__", CODE(fn->code)->qualname) < 0) {
        DECREF(ns); DECREF(bases);
        return NULL;
    }
    Obj *cell = vm_run_class_body(func, ns);
    if (!cell) { DECREF(ns); DECREF(bases); return NULL; }
    Obj *cls = class_new(name, bases, ns);
    DECREF(ns);
    DECREF(bases);
    if (cls && obj_is(cell, &cell_type)) {
        CellObj *c = (CellObj *)cell;
        Obj *old = c->ref;
        c->ref = NEWREF(cls);
        XDECREF(old);
    }
    DECREF(cell);
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

static Obj *run_string(const char *fname, Obj *const *args, int nargs, Obj *kwnames, int mode) {
    Obj *a[3] = { NULL, NULL, NULL };
    if (args_parse(fname, args, nargs, kwnames, "source|globals|locals", a) < 0) return NULL;
    Obj *g = a[1] && a[1] != None ? a[1] : NULL;
    Obj *l = a[2] && a[2] != None ? a[2] : NULL;
    if (g && !obj_is(g, &dict_type))
        return exc_raise(TypeError_t, "%s() globals must be a dict, not %T", fname, g);
    Obj *code;
    if (obj_is(a[0], &code_type)) code = NEWREF(a[0]);
    else if (str_check(a[0])) {
        const char *s = str_data(a[0]);
        size_t n = str_nbytes(a[0]);
        if (mode == IC_EVAL) while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
        code = interp_compile(s, n, "<string>", mode);
        if (!code) return NULL;
    } else if (obj_is(a[0], &bytes_type)) {
        code = interp_compile(BYTES_DATA(a[0]), BYTES_LEN(a[0]), "<string>", mode);
        if (!code) return NULL;
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
    {"exec", b_exec}, {"eval", b_eval}, {"__import__", b_import}, {"open", b_open},
    {NULL, NULL},
};
