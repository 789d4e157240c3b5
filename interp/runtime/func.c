/*
 * interp/runtime/func.c — function objects and cells (closures).
 *
 * function_type's call slot is vm_call_function (interp/runtime/call.c): argument binding happens
 * there, next to the frame it fills; its descr_get slot makes the bound method when a function
 * is found in a class through an instance (descr_get, interp/objects/attr.c). Built-in functions
 * and bound methods are the object layer's (interp/objects/builtin_fn.c, descr.c). Everything
 * here is small glue: constructors, dealloc, repr, attributes. Callers hold the GIL; nothing
 * here locks.
 */
#include <string.h>
#include "runtime/func.h"
#include "bytecode/code.h"
#include "core/state.h"
#include "runtime/vm.h"

/* ---- cells ---------------------------------------------------------------------------------------- */
Obj *cell_new(Obj *v) {
    CellObj *c = (CellObj *)obj_alloc(&cell_type, sizeof(CellObj));
    if (!c) return NULL;
    c->ref = v;
    XINCREF(v);
    return &c->base;
}

static void cell_dealloc(Obj *o) {
    XDECREF(((CellObj *)o)->ref);
    obj_free(o);
}

/* The cycle collector's slots (interp/runtime/gc.c); an empty cell is a valid cell. */
static int cell_traverse(Obj *o, VisitFn visit, void *arg) { VISIT(((CellObj *)o)->ref); return 0; }
static void cell_clear(Obj *o) { CLEAR(((CellObj *)o)->ref); }

static Obj *cell_repr(Obj *o) {
    CellObj *c = (CellObj *)o;
    if (!c->ref) return str_fmt("<cell at %p: empty>", (void *)o);
    return str_fmt("<cell at %p: %T object at %p>", (void *)o, c->ref, (void *)c->ref);
}

Type cell_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "cell",
    .size = sizeof(CellObj),
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .traverse = cell_traverse,
    .clear = cell_clear,
};

/* ---- functions ------------------------------------------------------------------------------------ */
Obj *func_new(Obj *code, Obj *globals, Obj *qualname) {
    FuncObj *f = (FuncObj *)obj_alloc(&function_type, sizeof(FuncObj));
    if (!f) return NULL;
    f->code = NEWREF(code);
    f->globals = NEWREF(globals);
    ThreadState *ts = ts_get();
    Obj *b = dict_get_s(globals, "__builtins__");
    if (!b || !obj_is(b, &dict_type)) b = ts->interp->builtins;
    f->builtins = NEWREF(b);
    f->name = NEWREF(CODE(code)->name);
    f->qualname = NEWREF(qualname ? qualname : CODE(code)->qualname);
    Obj *mod = dict_get_s(globals, "__name__");
    f->module = mod ? NEWREF(mod) : NULL;
    return &f->base;
}

/* The cycle collector's slots (interp/runtime/gc.c). clear drops only the fields that may be
 * NULL (code, globals, builtins and the names stay: the function stays valid); the usual cycle,
 * function -> globals -> function, is broken by clearing the globals dict. */
static int func_traverse(Obj *o, VisitFn visit, void *arg) {
    FuncObj *f = (FuncObj *)o;
    VISIT(f->code); VISIT(f->globals); VISIT(f->builtins); VISIT(f->name); VISIT(f->qualname);
    VISIT(f->defaults); VISIT(f->kwdefaults); VISIT(f->closure); VISIT(f->dict); VISIT(f->doc);
    VISIT(f->module);
    return 0;
}

static void func_clear(Obj *o) {
    FuncObj *f = (FuncObj *)o;
    CLEAR(f->defaults);
    CLEAR(f->kwdefaults);
    CLEAR(f->closure);
    CLEAR(f->dict);
    CLEAR(f->doc);
    CLEAR(f->module);
}

static void func_dealloc(Obj *o) {
    FuncObj *f = (FuncObj *)o;
    DECREF(f->code);
    DECREF(f->globals);
    DECREF(f->builtins);
    DECREF(f->name);
    DECREF(f->qualname);
    XDECREF(f->defaults);
    XDECREF(f->kwdefaults);
    XDECREF(f->closure);
    XDECREF(f->dict);
    XDECREF(f->doc);
    XDECREF(f->module);
    obj_free(o);
}

static Obj *func_repr(Obj *o) {
    FuncObj *f = (FuncObj *)o;
    return str_fmt("<function %S at %p>", f->qualname, (void *)o);
}

static Obj *func_getattr(Obj *o, Obj *name) {
    FuncObj *f = (FuncObj *)o;
    const char *n = str_data(name);
    if (n[0] == '_' && n[1] == '_') {
        if (!strcmp(n, "__name__")) return NEWREF(f->name);
        if (!strcmp(n, "__qualname__")) return NEWREF(f->qualname);
        if (!strcmp(n, "__doc__")) return NEWREF(f->doc ? f->doc : None);
        if (!strcmp(n, "__module__")) return NEWREF(f->module ? f->module : None);
        if (!strcmp(n, "__code__")) return NEWREF(f->code);
        if (!strcmp(n, "__globals__")) return NEWREF(f->globals);
        if (!strcmp(n, "__defaults__")) return NEWREF(f->defaults ? f->defaults : None);
        if (!strcmp(n, "__kwdefaults__")) return NEWREF(f->kwdefaults ? f->kwdefaults : None);
        if (!strcmp(n, "__closure__")) return NEWREF(f->closure ? f->closure : None);
        if (!strcmp(n, "__dict__")) {
            if (!f->dict && !(f->dict = dict_new())) return NULL;
            return NEWREF(f->dict);
        }
    }
    if (f->dict) {
        Obj *v = dict_get(f->dict, name);
        if (v) return NEWREF(v);
    }
    return obj_generic_getattr(o, name);
}

static int func_setattr(Obj *o, Obj *name, Obj *val) {
    FuncObj *f = (FuncObj *)o;
    const char *n = str_data(name);
    if (!strcmp(n, "__name__") || !strcmp(n, "__qualname__")) {
        if (!val || !str_check(val)) { exc_raise(TypeError_t, "%s must be set to a string object", n); return -1; }
        Obj **slot = n[2] == 'n' ? &f->name : &f->qualname;
        Obj *old = *slot;
        *slot = NEWREF(val);
        DECREF(old);
        return 0;
    }
    if (!strcmp(n, "__globals__") || !strcmp(n, "__closure__") || !strcmp(n, "__builtins__")) {
        exc_raise(AttributeError_t, "readonly attribute");
        return -1;
    }
    if (!strcmp(n, "__doc__")) { Obj *old = f->doc; f->doc = val ? NEWREF(val) : NULL; XDECREF(old); return 0; }
    if (!strcmp(n, "__module__")) { Obj *old = f->module; f->module = val ? NEWREF(val) : NULL; XDECREF(old); return 0; }
    if (!f->dict && !(f->dict = dict_new())) return -1;
    if (!val) {
        if (dict_del(f->dict, name) < 0) {
            exc_clear();
            exc_raise(AttributeError_t, "'function' object has no attribute '%S'", name);
            return -1;
        }
        return 0;
    }
    return dict_set(f->dict, name, val);
}

/* Found in a class's dict: through an instance, a bound method; on the class, the function. */
static Obj *func_descr_get(Obj *descr, Obj *obj, Type *cls) {
    (void)cls;
    return obj ? method_new(descr, obj) : NEWREF(descr);
}

/* types.FunctionType(code, globals, name=None, argdefs=None, closure=None): a function
 * running code with globals (the ordinary way is `def`; this is how code objects from compile()
 * or f.__code__ become callable again). */
static Obj *func_tp_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    (void)t;
    Obj *a[5];
    if (args_parse("function", args, nargs, kwnames, "code|globals|name|argdefs|closure", a) < 0) return NULL;
    if (!obj_is(a[0], &code_type))
        return exc_raise(TypeError_t, "function() argument 'code' must be code, not %T", a[0]);
    if (!a[1] || !obj_is(a[1], &dict_type))
        return exc_raise(TypeError_t, "function() argument 'globals' must be dict, not %s",
                         a[1] ? type_name(a[1]) : "nothing");
    Obj *name = a[2] && a[2] != None ? a[2] : NULL;
    if (name && !str_check(name)) return exc_raise(TypeError_t, "arg 3 (name) must be None or string");
    Obj *defs = a[3] && a[3] != None ? a[3] : NULL;
    if (defs && !obj_is(defs, &tuple_type)) return exc_raise(TypeError_t, "arg 4 (defaults) must be None or tuple");
    Obj *clo = a[4] && a[4] != None ? a[4] : NULL;
    if (clo && !obj_is(clo, &tuple_type)) return exc_raise(TypeError_t, "arg 5 (closure) must be tuple");
    int nfree = CODE(a[0])->nfrees;
    if (nfree && !clo) return exc_raise(TypeError_t, "arg 5 (closure) must be tuple");
    intptr_t nclo = clo ? TUPLE_LEN(clo) : 0;
    if (nfree != nclo)
        return exc_raise(ValueError_t, "%S requires closure of length %d, not %d", CODE(a[0])->name, nfree, (int)nclo);
    for (intptr_t i = 0; i < nclo; i++)
        if (!obj_is(TUPLE_ITEMS(clo)[i], &cell_type))
            return exc_raise(TypeError_t, "arg 5 (closure) expected cell, found %T", TUPLE_ITEMS(clo)[i]);
    FuncObj *f = (FuncObj *)func_new(a[0], a[1], name);
    if (!f) return NULL;
    if (name) { Obj *old = f->name; f->name = NEWREF(name); DECREF(old); }
    f->defaults = defs ? NEWREF(defs) : NULL;
    f->closure = clo ? NEWREF(clo) : NULL;
    return &f->base;
}

Type function_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "function",
    .size = sizeof(FuncObj),
    .dealloc = func_dealloc,
    .repr = func_repr,
    .call = vm_call_function,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .descr_get = func_descr_get,
    .new_ = func_tp_new,
    .traverse = func_traverse,
    .clear = func_clear,
};
