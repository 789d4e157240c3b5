/*
 * interp/runtime/func.c — function objects, cells, bound methods and C function objects.
 *
 * function_type's call slot is vm_call_function (interp/runtime/call.c): argument binding happens
 * there, next to the frame it fills. Everything here is small glue: constructors, dealloc, repr, and
 * descr_get, the one place that says how something found in a class binds to an instance.
 * Callers hold the GIL; nothing here locks.
 */
#include <string.h>
#include "runtime/func.h"
#include "bytecode/code.h"
#include "core/state.h"
#include "runtime/class.h"
#include "runtime/vm.h"

/* ---- builtin_fn -------------------------------------------------------------------------------- */
Obj *builtin_fn_new(const char *name, MethFn fn, Obj *self) {
    BuiltinFnObj *f = (BuiltinFnObj *)obj_alloc(&builtin_fn_type, sizeof(BuiltinFnObj));
    if (!f) return NULL;
    f->name = name;
    f->fn = fn;
    f->self = self;
    XINCREF(self);
    return &f->base;
}

Obj *builtin_method_new(const char *name, MethFn fn, Type *owner) {
    BuiltinFnObj *f = (BuiltinFnObj *)builtin_fn_new(name, fn, NULL);
    if (f) f->owner = owner;
    return &f->base;
}

static void builtin_fn_dealloc(Obj *o) {
    BuiltinFnObj *f = (BuiltinFnObj *)o;
    XDECREF(f->self);
    obj_free(o);
}

static Obj *builtin_fn_call(Obj *o, Obj *const *args, int nargs, Obj *kwnames) {
    BuiltinFnObj *f = (BuiltinFnObj *)o;
    if (f->owner) {
        if (nargs < 1)
            return exc_raise(TypeError_t, "unbound method %s.%s() needs an argument",
                             f->owner->name, f->name);
        if (!obj_isinstance(args[0], f->owner))
            return exc_raise(TypeError_t, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                             f->name, f->owner->name, args[0]);
        return f->fn(args[0], args + 1, nargs - 1, kwnames);
    }
    return f->fn(f->self, args, nargs, kwnames);
}

static Obj *builtin_fn_repr(Obj *o) {
    BuiltinFnObj *f = (BuiltinFnObj *)o;
    if (f->owner) return str_fmt("<method '%s' of '%s' objects>", f->name, f->owner->name);
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

Type builtin_fn_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "builtin_function_or_method",
    .size = sizeof(BuiltinFnObj),
    .dealloc = builtin_fn_dealloc,
    .repr = builtin_fn_repr,
    .call = builtin_fn_call,
    .getattr = builtin_fn_getattr,
};

/* ---- bound methods ------------------------------------------------------------------------------ */
Obj *method_new(Obj *func, Obj *self) {
    MethodObj *m = (MethodObj *)obj_alloc(&method_type, sizeof(MethodObj));
    if (!m) return NULL;
    m->func = NEWREF(func);
    m->self = NEWREF(self);
    return &m->base;
}

static void method_dealloc(Obj *o) {
    MethodObj *m = (MethodObj *)o;
    DECREF(m->func);
    DECREF(m->self);
    obj_free(o);
}

/* Prepend self without allocating for the common short case. */
static Obj *method_call(Obj *o, Obj *const *args, int nargs, Obj *kwnames) {
    MethodObj *m = (MethodObj *)o;
    int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    int total = nargs + nkw + 1;
    Obj *small[8];
    Obj **buf = small;
    if (total > 8) {
        buf = mem_alloc(sizeof(Obj *) * (size_t)total);
        if (!buf) return NULL;
    }
    buf[0] = m->self;
    for (int i = 0; i < nargs + nkw; i++) buf[i + 1] = args[i];
    Obj *r = obj_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small) mem_free(buf);
    return r;
}

static Obj *method_repr(Obj *o) {
    MethodObj *m = (MethodObj *)o;
    Obj *qn = obj_lookup_attr(m->func, str_intern("__qualname__"));
    if (!qn) {
        if (exc_occurred()) return NULL;
        qn = str_from_cstr("?");
    }
    Obj *sr = obj_repr(m->self);
    if (!sr) { DECREF(qn); return NULL; }
    Obj *r = str_fmt("<bound method %S of %S>", qn, sr);
    DECREF(qn);
    DECREF(sr);
    return r;
}

static Obj *method_getattr(Obj *o, Obj *name) {
    MethodObj *m = (MethodObj *)o;
    if (str_equal_cstr(name, "__self__")) return NEWREF(m->self);
    if (str_equal_cstr(name, "__func__")) return NEWREF(m->func);
    return obj_getattr(m->func, name);
}

static Obj *method_compare(Obj *a, Obj *b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || !obj_is(b, &method_type)) return NEWREF(NotImplemented);
    MethodObj *x = (MethodObj *)a, *y = (MethodObj *)b;
    int eq = x->self == y->self && x->func == y->func;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

Type method_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "method",
    .size = sizeof(MethodObj),
    .dealloc = method_dealloc,
    .repr = method_repr,
    .call = method_call,
    .getattr = method_getattr,
    .compare = method_compare,
};

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

Type function_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "function",
    .size = sizeof(FuncObj),
    .dealloc = func_dealloc,
    .repr = func_repr,
    .call = vm_call_function,
    .getattr = func_getattr,
    .setattr = func_setattr,
};

/* ---- descriptor binding ---------------------------------------------------------------------------- */
Obj *descr_get(Obj *descr, Obj *obj, Type *owner) {
    Type *dt = TYPE(descr);
    if (dt == &function_type) return obj ? method_new(descr, obj) : NEWREF(descr);
    if (dt == &builtin_fn_type) {
        BuiltinFnObj *b = (BuiltinFnObj *)descr;
        if (obj && b->owner && obj_isinstance(obj, b->owner)) return builtin_fn_new(b->name, b->fn, obj);
        return NEWREF(descr);
    }
    if (dt == &staticmethod_type) return NEWREF(class_wrapped_func(descr));
    if (dt == &classmethod_type) return method_new(class_wrapped_func(descr), obj ? (Obj *)TYPE(obj) : (Obj *)owner);
    if (dt == &property_type) return obj ? property_get(descr, obj) : NEWREF(descr);
    if (dt->flags & TF_HEAPTYPE) {
        Obj *get = type_lookup(dt, str_intern("__get__"));
        if (get) {
            Obj *args[3] = { descr, obj ? obj : None, (Obj *)owner };
            return obj_call(get, args, 3, NULL);
        }
    }
    return NEWREF(descr);
}
