/*
 * interp/objects/descr.c — the descriptor types of the object layer: bound methods (method),
 * staticmethod, classmethod and property, each binding through its Type.descr_get slot
 * (descr_get itself, which dispatches to those slots, is in interp/objects/attr.c next to the
 * attribute lookup that calls it).
 *
 * A property's fset/fdel are called by obj_generic_setattr (attr.c): property is a data
 * descriptor, so it wins over the instance dict both ways. Callers hold the GIL; nothing here
 * locks.
 */
#include <string.h>
#include "objects/descr.h"
#include "objects/objects.h"
#include "objects/builtin_fn.h"

/* ---- bound methods ------------------------------------------------------------------------------ */
Obj *method_new(Obj *func, Obj *self) {
    MethodObj *m = (MethodObj *)obj_alloc(&method_type, sizeof(MethodObj));
    if (!m) return NULL;
    m->func = NEWREF(func);
    m->self = NEWREF(self);
    return &m->base;
}

/* The cycle collector's slot (interp/runtime/gc.c); no clear: func and self are never NULL. */
static int method_traverse(Obj *o, VisitFn visit, void *arg) {
    VISIT(((MethodObj *)o)->func);
    VISIT(((MethodObj *)o)->self);
    return 0;
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

/* As CPython's meth_hash: the receiver by identity, the function by its hash, so equal bound
 * methods (same receiver and function, method_compare) hash alike. */
static int method_hash(Obj *o, intptr_t *out) {
    MethodObj *m = (MethodObj *)o;
    intptr_t hs, hf;
    if (object_hash(m->self, &hs) < 0 || obj_hash(m->func, &hf) < 0) return -1;
    intptr_t h = hs ^ hf;
    *out = h == -1 ? -2 : h;
    return 0;
}

/* No descr_get: a bound method stored in a class is returned as it is. */
Type method_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "method",
    .size = sizeof(MethodObj),
    .dealloc = method_dealloc,
    .repr = method_repr,
    .call = method_call,
    .getattr = method_getattr,
    .compare = method_compare,
    .hash = method_hash,
    .traverse = method_traverse,
};

/* ---- staticmethod / classmethod ------------------------------------------------------------------ */
typedef struct { Obj base; Obj *func; } WrapObj;

Obj *class_wrapped_func(Obj *w) { return ((WrapObj *)w)->func; }

static void wrap_dealloc(Obj *o) {
    XDECREF(((WrapObj *)o)->func);
    obj_free(o);
}

static Obj *wrap_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    if (nargs != 1 || kwnames)
        return exc_raise(TypeError_t, "%s expected 1 argument, got %d", t->name, nargs);
    WrapObj *w = (WrapObj *)obj_alloc(t, t->size > sizeof(WrapObj) ? t->size : sizeof(WrapObj));   /* a subclass adds a dict slot */
    if (!w) return NULL;
    w->func = NEWREF(args[0]);
    return &w->base;
}

static Obj *wrap_getattr(Obj *o, Obj *name) {
    if (str_equal_cstr(name, "__func__") || str_equal_cstr(name, "__wrapped__"))
        return NEWREF(((WrapObj *)o)->func);
    return obj_generic_getattr(o, name);
}

static Obj *sm_call(Obj *o, Obj *const *args, int nargs, Obj *kwnames) {
    return obj_call(((WrapObj *)o)->func, args, nargs, kwnames);
}

/* staticmethod unwraps; classmethod binds the function to the class (the instance's type when
 * looked up through an instance). Slots are not inherited (type_ready), so an instance of a
 * subclass of either binds as a plain object. */
static Obj *sm_descr_get(Obj *descr, Obj *obj, Type *cls) {
    (void)obj; (void)cls;
    return NEWREF(class_wrapped_func(descr));
}

static Obj *cm_descr_get(Obj *descr, Obj *obj, Type *cls) {
    return method_new(class_wrapped_func(descr), obj ? (Obj *)TYPE(obj) : (Obj *)cls);
}

Type staticmethod_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "staticmethod", .size = sizeof(WrapObj),
    .flags = TF_BASETYPE, .dealloc = wrap_dealloc, .new_ = wrap_new, .getattr = wrap_getattr,
    .call = sm_call, .descr_get = sm_descr_get,
};
Type classmethod_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "classmethod", .size = sizeof(WrapObj),
    .flags = TF_BASETYPE, .dealloc = wrap_dealloc, .new_ = wrap_new, .getattr = wrap_getattr,
    .descr_get = cm_descr_get,
};

void descr_immortalize_parts(Obj *d) {
    if (IS_SMALL(d)) return;
    if (obj_is(d, &staticmethod_type) || obj_is(d, &classmethod_type)) {
        obj_immortalize(class_wrapped_func(d));
        descr_immortalize_parts(class_wrapped_func(d));
    } else if (obj_is(d, &property_type)) {
        PropObj *p = (PropObj *)d;
        Obj *parts[4] = { p->fget, p->fset, p->fdel, p->doc };
        for (int i = 0; i < 4; i++)
            if (parts[i]) obj_immortalize(parts[i]);
    } else if (obj_is(d, &builtin_fn_type)) {
        Obj *self = ((BuiltinFnObj *)d)->self;
        if (self) obj_immortalize(self);
    }
}

/* ---- property --------------------------------------------------------------------------------------- */
static Obj *prop_make(Type *t, Obj *fget, Obj *fset, Obj *fdel, Obj *doc) {
    PropObj *p = (PropObj *)obj_alloc(t, t->size > sizeof(PropObj) ? t->size : sizeof(PropObj));   /* a subclass adds a dict slot */
    if (!p) return NULL;
    p->fget = fget && fget != None ? NEWREF(fget) : NULL;
    p->fset = fset && fset != None ? NEWREF(fset) : NULL;
    p->fdel = fdel && fdel != None ? NEWREF(fdel) : NULL;
    p->doc = doc && doc != None ? NEWREF(doc) : NULL;
    if (!p->doc && p->fget) {
        Obj *d = obj_lookup_attr(p->fget, str_intern("__doc__"));
        if (d && d != None) p->doc = d;
        else XDECREF(d);
        exc_clear();
    }
    return &p->base;
}

static Obj *prop_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[4] = { NULL, NULL, NULL, NULL };
    if (args_parse("property", args, nargs, kwnames, "|fget|fset|fdel|doc", a) < 0) return NULL;
    return prop_make(t, a[0], a[1], a[2], a[3]);
}

static void prop_dealloc(Obj *o) {
    PropObj *p = (PropObj *)o;
    XDECREF(p->fget); XDECREF(p->fset); XDECREF(p->fdel); XDECREF(p->doc);
    obj_free(o);
}

/* Through an instance: call fget(obj); on the class: the property itself. */
static Obj *prop_descr_get(Obj *o, Obj *obj, Type *cls) {
    (void)cls;
    if (!obj) return NEWREF(o);
    PropObj *p = (PropObj *)o;
    if (!p->fget) return exc_raise(AttributeError_t, "unreadable attribute");
    return obj_call1(p->fget, obj);
}

static Obj *prop_getter(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    PropObj *p = (PropObj *)self;
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "getter() takes exactly one argument");
    return prop_make(TYPE(self), args[0], p->fset, p->fdel, p->doc);
}
static Obj *prop_setter(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    PropObj *p = (PropObj *)self;
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "setter() takes exactly one argument");
    return prop_make(TYPE(self), p->fget, args[0], p->fdel, p->doc);
}
static Obj *prop_deleter(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    PropObj *p = (PropObj *)self;
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "deleter() takes exactly one argument");
    return prop_make(TYPE(self), p->fget, p->fset, args[0], p->doc);
}

static Obj *prop_getattr(Obj *o, Obj *name) {
    PropObj *p = (PropObj *)o;
    const char *n = str_data(name);
    if (!strcmp(n, "fget")) return NEWREF(p->fget ? p->fget : None);
    if (!strcmp(n, "fset")) return NEWREF(p->fset ? p->fset : None);
    if (!strcmp(n, "fdel")) return NEWREF(p->fdel ? p->fdel : None);
    if (!strcmp(n, "__doc__")) return NEWREF(p->doc ? p->doc : None);
    return obj_generic_getattr(o, name);
}

static const MethodDef prop_methods[] = {
    { "getter", prop_getter }, { "setter", prop_setter }, { "deleter", prop_deleter }, { NULL, NULL },
};

Type property_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "property", .size = sizeof(PropObj),
    .flags = TF_BASETYPE, .dealloc = prop_dealloc, .new_ = prop_new, .getattr = prop_getattr,
    .methods = prop_methods, .descr_get = prop_descr_get,
};
