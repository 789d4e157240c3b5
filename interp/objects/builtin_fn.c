/*
 * interp/objects/builtin_fn.c — C functions as Python objects: builtin_fn_type
 * (builtin_function_or_method), bound to a self or an unbound method of a built-in type
 * (interp/objects/builtin_fn.h says which is which).
 *
 * Called by: type_ready (every MethodDef becomes one), modules and the builtins (module
 * functions), descr_get (binding an unbound method to an instance). Callers hold the GIL;
 * nothing here locks.
 */
#include "objects/builtin_fn.h"

Obj *builtin_fn_new(const char *name, MethFn fn, Obj *self) {
    BuiltinFnObj *f = (BuiltinFnObj *)obj_alloc(&builtin_fn_type, sizeof(BuiltinFnObj));
    if (!f) return NULL;
    f->name = name;
    f->fn = fn;
    f->self = self;
    XINCREF(self);
    return &f->base;
}

Obj *builtin_method_new(const char *name, MethFn fn, Type *cls) {
    BuiltinFnObj *f = (BuiltinFnObj *)builtin_fn_new(name, fn, NULL);
    if (f) f->cls = cls;
    return &f->base;
}

static void builtin_fn_dealloc(Obj *o) {
    BuiltinFnObj *f = (BuiltinFnObj *)o;
    XDECREF(f->self);
    obj_free(o);
}

static Obj *builtin_fn_call(Obj *o, Obj *const *args, int nargs, Obj *kwnames) {
    BuiltinFnObj *f = (BuiltinFnObj *)o;
    if (f->cls) {
        if (nargs < 1)
            return exc_raise(TypeError_t, "unbound method %s.%s() needs an argument",
                             f->cls->name, f->name);
        if (!obj_isinstance(args[0], f->cls))
            return exc_raise(TypeError_t, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                             f->name, f->cls->name, args[0]);
        return f->fn(args[0], args + 1, nargs - 1, kwnames);
    }
    return f->fn(f->self, args, nargs, kwnames);
}

static Obj *builtin_fn_repr(Obj *o) {
    BuiltinFnObj *f = (BuiltinFnObj *)o;
    if (f->cls) return str_fmt("<method '%s' of '%s' objects>", f->name, f->cls->name);
    if (f->self && !obj_is(f->self, &module_type))
        return str_fmt("<built-in method %s of %T object at %p>", f->name, f->self, (void *)f->self);
    return str_fmt("<built-in function %s>", f->name);
}

static Obj *builtin_fn_getattr(Obj *o, Obj *name) {
    BuiltinFnObj *f = (BuiltinFnObj *)o;
    if (str_equal_cstr(name, "__name__") || str_equal_cstr(name, "__qualname__"))
        return str_from_cstr(f->name);
    if (str_equal_cstr(name, "__self__")) return NEWREF(f->self ? f->self : None);
    return obj_generic_getattr(o, name);
}

/* Found in a class's dict: an unbound method binds to an instance of its cls; a function with
 * a self (a class method of a built-in type, dict.fromkeys) or a module function does not bind. */
static Obj *builtin_fn_descr_get(Obj *descr, Obj *obj, Type *cls) {
    (void)cls;
    BuiltinFnObj *b = (BuiltinFnObj *)descr;
    if (obj && b->cls && obj_isinstance(obj, b->cls)) return builtin_fn_new(b->name, b->fn, obj);
    return NEWREF(descr);
}

Type builtin_fn_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "builtin_function_or_method",
    .size = sizeof(BuiltinFnObj),
    .dealloc = builtin_fn_dealloc,
    .repr = builtin_fn_repr,
    .call = builtin_fn_call,
    .getattr = builtin_fn_getattr,
    .descr_get = builtin_fn_descr_get,
};
