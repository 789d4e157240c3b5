/*
 * interp/objects/attr.c — the generic attribute lookup: obj_generic_getattr /
 * obj_generic_setattr (every type whose getattr/setattr slot is NULL, and the fallback of those
 * that handle a few names themselves), attribute lookup on classes, and descr_get.
 *
 * Attribute lookup follows CPython's order (Objects/object.c, PyObject_GenericGetAttr): a *data*
 * descriptor on the type (property, or a Python object whose class defines __set__/__delete__)
 * wins over the instance dict, which wins over everything else found on the type (functions
 * bind to methods, staticmethod/classmethod unwrap, plain class attributes are returned as they
 * are). Then __getattr__ if the class has it. Types themselves look up along their own base
 * chain (class attributes, classmethods), then their metatype's.
 *
 * This is the attribute hot path (obj_getattr, LOAD_ATTR). Callers hold the GIL; under the
 * free-threaded policy the reads that may race with a rebinding thread take a new reference
 * under the dict's lock (dict_get_ref).
 */
#include <string.h>
#include "objects/descr.h"

static bool is_dunder(const char *n) { return n[0] == '_' && n[1] == '_'; }
static Obj **dict_slot(Obj *o, Type *t) { return (Obj **)((char *)o + t->dictoffset); }

/* A data descriptor wins over the instance dict (see the top of this file). */
static bool is_data_descr(Obj *d) {
    Type *dt = TYPE(d);
    if (dt == &property_type) return true;
    if (dt->flags & TF_HEAPTYPE)
        return type_lookup(dt, str_intern("__set__")) || type_lookup(dt, str_intern("__delete__"));
    return false;
}

/* ---- descriptors ------------------------------------------------------------------------------- */
Obj *descr_get(Obj *descr, Obj *obj, Type *cls) {
    Type *dt = TYPE(descr);
    if (dt->descr_get) return dt->descr_get(descr, obj, cls);
    if (dt->flags & TF_HEAPTYPE) {
        Obj *get = type_lookup(dt, str_intern("__get__"));
        if (get) {
            Obj *args[3] = { descr, obj ? obj : None, (Obj *)cls };
            return obj_call(get, args, 3, NULL);
        }
    }
    return NEWREF(descr);
}

/* ---- classes: own base chain, then the metatype ------------------------------------------------ */
static Obj *mro_tuple(Type *t) {
    if (t->mro) return NEWREF(t->mro);
    int n = 0;
    for (Type *b = t; b; b = b->base_type) n++;
    Obj *tup = tuple_new(n);
    if (!tup) return NULL;
    int i = 0;
    for (Type *b = t; b; b = b->base_type) TUPLE_ITEMS(tup)[i++] = NEWREF((Obj *)b);
    return tup;
}

/* type_lookup as a new reference. Under `none` another thread may rebind a class attribute and
 * free the old value between a borrowed lookup and its INCREF: take it under the type dict's
 * lock (dict_get_ref). Under a GIL, the borrowed lookup plus INCREF. */
static Obj *type_lookup_ref(Type *t, Obj *name) {
    if (!rc_atomic) {
        Obj *v = type_lookup(t, name);
        return v ? NEWREF(v) : NULL;
    }
    if (t->mro) {
        for (intptr_t i = 0; i < TUPLE_LEN(t->mro); i++) {
            Type *b = (Type *)TUPLE_ITEMS(t->mro)[i];
            if (!b->dict) continue;
            Obj *v = dict_get_ref(b->dict, name);
            if (v) return v;
        }
        return NULL;
    }
    for (; t; t = t->base_type) {
        if (!t->dict) continue;
        Obj *v = dict_get_ref(t->dict, name);
        if (v) return v;
    }
    return NULL;
}

static Obj *type_attr(Type *t, Obj *name) {
    const char *n = str_data(name);
    if (is_dunder(n)) {
        if (!strcmp(n, "__name__")) return str_from_cstr(t->name);
        if (!strcmp(n, "__qualname__")) {
            Obj *q = t->dict ? dict_get_s(t->dict, "__qualname__") : NULL;
            return q ? NEWREF(q) : str_from_cstr(t->name);
        }
        if (!strcmp(n, "__module__")) {
            Obj *m = t->dict ? dict_get_s(t->dict, "__module__") : NULL;
            return m ? NEWREF(m) : str_from_cstr("builtins");
        }
        if (!strcmp(n, "__dict__")) return t->dict ? dict_copy(t->dict) : dict_new();
        if (!strcmp(n, "__base__")) return NEWREF(t->base_type ? (Obj *)t->base_type : None);
        if (!strcmp(n, "__bases__")) {
            if (t->bases) return NEWREF(t->bases);
            if (!t->base_type) return tuple_new(0);
            return tuple_pack(1, (Obj *)t->base_type);
        }
        if (!strcmp(n, "__mro__")) return mro_tuple(t);
        if (!strcmp(n, "__class__")) return NEWREF((Obj *)TYPE((Obj *)t));
        if (!strcmp(n, "__doc__")) {
            Obj *d = t->dict ? dict_get_s(t->dict, "__doc__") : NULL;
            return NEWREF(d ? d : None);
        }
    }
    Obj *d = type_lookup_ref(t, name);
    if (d) {
        Obj *r = descr_get(d, NULL, t);
        DECREF(d);
        return r;
    }
    /* methods of the metatype (type.mro and friends) */
    Type *meta = TYPE((Obj *)t);
    d = type_lookup(meta, name);
    if (d) return descr_get(d, (Obj *)t, meta);
    return exc_raise(AttributeError_t, "type object '%s' has no attribute '%S'", t->name, name);
}

/* ---- instances ----------------------------------------------------------------------------------- */
Obj *obj_generic_getattr(Obj *o, Obj *name) {
    Type *t = TYPE(o);
    if (t == &type_type || type_is_subtype(t, &type_type)) return type_attr((Type *)o, name);
    Obj *descr = type_lookup_ref(t, name);   /* owned from here on */
    if (descr) {
        if (is_data_descr(descr)) {
            Obj *r = descr_get(descr, o, t);
            DECREF(descr);
            return r;
        }
    }
    if (t->dictoffset) {
        Obj *d = *dict_slot(o, t);
        if (d) {
            Obj *v = dict_get_ref(d, name);   /* under `none` another thread may rebind it */
            if (v) { XDECREF(descr); return v; }
            if (exc_occurred()) { XDECREF(descr); return NULL; }
        }
    }
    if (descr) {
        Obj *r = descr_get(descr, o, t);
        DECREF(descr);
        return r;
    }
    const char *n = str_data(name);
    if (is_dunder(n)) {
        if (!strcmp(n, "__class__")) return NEWREF((Obj *)t);
        if (!strcmp(n, "__dict__") && t->dictoffset) {
            Obj **dp = dict_slot(o, t);
            if (!*dp && !(*dp = dict_new())) return NULL;
            return NEWREF(*dp);
        }
    }
    if (t->flags & TF_HEAPTYPE) {
        Obj *ga = type_lookup(t, str_intern("__getattr__"));
        if (ga) {
            Obj *args[2] = { o, name };
            return obj_call(ga, args, 2, NULL);
        }
    }
    if (obj_is(o, &module_type)) {
        Obj *mn = obj_lookup_attr(o, str_intern("__name__"));
        Obj *r = NULL;
        if (mn) r = exc_raise(AttributeError_t, "module '%S' has no attribute '%S'", mn, name);
        XDECREF(mn);
        if (r == NULL && exc_occurred()) return NULL;
    }
    return exc_raise(AttributeError_t, "'%s' object has no attribute '%S'", t->name, name);
}

int obj_generic_setattr(Obj *o, Obj *name, Obj *val) {
    Type *t = TYPE(o);
    if (t == &type_type || type_is_subtype(t, &type_type)) {
        Type *ty = (Type *)o;
        if (!(ty->flags & TF_HEAPTYPE) || !ty->dict) {
            exc_raise(TypeError_t, "cannot set '%S' attribute of immutable type '%s'", name, ty->name);
            return -1;
        }
        if (!val) {
            if (dict_del(ty->dict, name) < 0) {
                exc_clear();
                exc_raise(AttributeError_t, "type object '%s' has no attribute '%S'", ty->name, name);
                return -1;
            }
            return 0;
        }
        return dict_set(ty->dict, name, val);
    }
    Obj *descr = type_lookup(t, name);
    if (descr) {
        Type *dt = TYPE(descr);
        if (dt == &property_type) {
            PropObj *p = (PropObj *)descr;
            Obj *f = val ? p->fset : p->fdel;
            if (!f || f == None) {
                exc_raise(AttributeError_t, val ? "can't set attribute" : "can't delete attribute");
                return -1;
            }
            Obj *r = val ? obj_call2(f, o, val) : obj_call1(f, o);
            if (!r) return -1;
            DECREF(r);
            return 0;
        }
        if (dt->flags & TF_HEAPTYPE) {
            Obj *m = type_lookup(dt, str_intern(val ? "__set__" : "__delete__"));
            if (m) {
                Obj *args[3] = { descr, o, val };
                Obj *r = obj_call(m, args, val ? 3 : 2, NULL);
                if (!r) return -1;
                DECREF(r);
                return 0;
            }
        }
    }
    if (t->dictoffset) {
        Obj **dp = dict_slot(o, t);
        if (!*dp && !(*dp = dict_new())) return -1;
        if (!val) {
            if (dict_del(*dp, name) < 0) {
                exc_clear();
                exc_raise(AttributeError_t, "'%s' object has no attribute '%S'", t->name, name);
                return -1;
            }
            return 0;
        }
        return dict_set(*dp, name, val);
    }
    if (descr)
        exc_raise(AttributeError_t, "'%s' object attribute '%S' is read-only", t->name, name);
    else
        exc_raise(AttributeError_t, "'%s' object has no attribute '%S'", t->name, name);
    return -1;
}

