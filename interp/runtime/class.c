/*
 * interp/runtime/class.c — classes made by `class` statements and type(name, bases, dict), and
 * super.
 *
 * class_new makes a heap type and gives it the slots that run Python code: construction
 * (__new__ then __init__), __del__ at deallocation, and __setattr__/__delattr__/__getattribute__
 * when the class defines them. Attribute lookup itself (instances and classes, descriptors) is
 * the object layer's (interp/objects/attr.c); so are staticmethod, classmethod and property
 * (interp/objects/descr.c).
 *
 * Single inheritance only: a class has one base; its instances add a dict after the base's
 * layout unless the base already has one. Dunders are looked up by name by ops.c on heap types,
 * so no slot wrappers are installed here. Callers hold the GIL; nothing here locks.
 */
#include <string.h>
#include "runtime/class.h"
#include "runtime/func.h"
#include "core/state.h"
#include "runtime/vm.h"
#include "runtime/traceback.h"

static Obj **dict_slot(Obj *o, Type *t) { return (Obj **)((char *)o + t->dictoffset); }

/* ---- class creation ------------------------------------------------------------------------------ */
static Type *static_base(Type *t) {
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base_type;
    return t;
}

/* Where an instance of a class statement's class records that its __del__ has run, or NULL.
 * Exceptions: ExcObj.finalized. Others: class_new gives the first class of a chain that adds the
 * instance dict slot one more word right after it (subclasses inherit the layout). NULL only for
 * a subclassable built-in base with its own dict slot other than BaseException (none today): its
 * __del__ would then run on every resurrection, as before. */
static uint8_t *finalized_flag(Obj *o, Type *t) {
    if (t->flags & TF_EXCEPTION) return (uint8_t *)&((ExcObj *)o)->finalized;
    Type *b = static_base(t);
    if (t->dictoffset && (!b || !b->dictoffset)) return (uint8_t *)o + t->dictoffset + sizeof(Obj *);
    return NULL;
}

/* __del__: run it with the object briefly alive again (refcount 1); if it stored a new
 * reference somewhere (resurrection), the object lives on. Errors are printed, not raised,
 * like CPython's "Exception ignored in". PEP 442: __del__ runs at most once per object, so a
 * resurrected object that dies again is freed without calling it (no endless resurrection). */
static void call_del(Obj *o, Obj *d) {
    Obj *saved = exc_fetch();
    Obj *r = obj_call1(d, o);
    if (r) DECREF(r);
    else {
        Obj *e = exc_fetch();
        Obj *fr = obj_repr(d);
        StrBuf b;
        sb_init(&b);
        sb_adds(&b, "Exception ignored in: ");
        if (fr) { sb_add(&b, str_data(fr), str_nbytes(fr)); DECREF(fr); }
        else exc_clear();
        sb_addc(&b, '\n');
        Obj *s = sb_finish(&b);
        if (s) { tb_write_err(str_data(s), str_nbytes(s)); DECREF(s); }
        exc_clear();
        if (e) { tb_print_exception(e); DECREF(e); }
    }
    if (saved) exc_restore(saved);
}

static bool run_del(Obj *o) {
    Obj *d = type_lookup(TYPE(o), str_intern("__del__"));
    if (!d || obj_is(d, &builtin_fn_type)) return true;
    uint8_t *fin = finalized_flag(o, TYPE(o));
    if (fin) {
        if (*fin) return true;
        *fin = 1;
    }
    o->refcnt = 1;
    call_del(o, d);
    if (--o->refcnt != 0) {                  /* resurrected: obj_dealloc untracked it */
        gc_track(o);
        return false;
    }
    return true;
}

/* The cycle collector's slots (interp/runtime/gc.c) for instances of classes: the instance dict
 * the class added, then the built-in base's own fields (a list subclass's items...). finalize
 * is __del__ on an unreachable instance, still alive (the collector holds it), once. */
static int subtype_traverse(Obj *o, VisitFn visit, void *arg) {
    Type *t = TYPE(o);
    Type *b = static_base(t);
    if (t->dictoffset && (!b || b->dictoffset != t->dictoffset)) VISIT(*dict_slot(o, t));
    if (b && b->traverse) return b->traverse(o, visit, arg);
    return 0;
}

static void subtype_clear(Obj *o) {
    Type *t = TYPE(o);
    Type *b = static_base(t);
    if (t->dictoffset && (!b || b->dictoffset != t->dictoffset)) CLEAR(*dict_slot(o, t));
    if (b && b->clear) b->clear(o);
}

static int subtype_finalize(Obj *o) {
    Obj *d = type_lookup(TYPE(o), str_intern("__del__"));
    if (!d || obj_is(d, &builtin_fn_type)) return 0;
    uint8_t *fin = finalized_flag(o, TYPE(o));
    if (fin) {
        if (*fin) return 0;
        *fin = 1;
    }
    call_del(o, d);
    return 1;
}

static void subtype_dealloc(Obj *o) {
    Type *t = TYPE(o);
    Type *b = static_base(t);
    if ((t->flags & TF_HEAPTYPE) && !run_del(o)) return;
    if (t->dictoffset && (!b || b->dictoffset != t->dictoffset)) CLEAR(*dict_slot(o, t));
    if (b && b->dealloc) b->dealloc(o);
    else obj_free(o);
}

/* __setattr__ / __delattr__ / __getattribute__ defined in Python: the type's C slots call them.
 * object's own versions (builtin methods) go straight to the generic code. */
static bool is_python_override(Obj *m) {
    return m && !obj_is(m, &builtin_fn_type);
}

static int slot_setattr(Obj *o, Obj *name, Obj *val) {
    Obj *m = type_lookup(TYPE(o), str_intern(val ? "__setattr__" : "__delattr__"));
    if (!is_python_override(m)) return obj_generic_setattr(o, name, val);
    Obj *args[3] = { o, name, val };
    Obj *r = obj_call(m, args, val ? 3 : 2, NULL);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Obj *slot_getattribute(Obj *o, Obj *name) {
    Type *t = TYPE(o);
    Obj *m = type_lookup(t, str_intern("__getattribute__"));
    if (!is_python_override(m)) return obj_generic_getattr(o, name);
    Obj *args[2] = { o, name };
    Obj *r = obj_call(m, args, 2, NULL);
    if (!r && exc_matches(AttributeError_t)) {
        Obj *ga = type_lookup(t, str_intern("__getattr__"));
        if (ga) {
            exc_clear();
            r = obj_call(ga, args, 2, NULL);
        }
    }
    return r;
}

/* type_call only calls new_: for classes, new_ is this — __new__ (a Python one if the class
 * defines it, else the first built-in base's C new_), then __init__ when the result is an
 * instance of the class. */
static Obj *heap_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *obj;
    Obj *unew = type_lookup(t, str_intern("__new__"));
    Type *sb = static_base(t);
    if (unew && (obj_is(unew, &function_type) || obj_is(unew, &staticmethod_type))) {
        if (obj_is(unew, &staticmethod_type)) unew = class_wrapped_func(unew);
        int nk = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
        Obj *small[8];
        Obj **buf = small;
        if (nargs + nk + 1 > 8 && !(buf = mem_alloc(sizeof(Obj *) * (size_t)(nargs + nk + 1)))) return NULL;
        buf[0] = (Obj *)t;
        for (int i = 0; i < nargs + nk; i++) buf[i + 1] = args[i];
        obj = obj_call(unew, buf, nargs + 1, kwnames);
        if (buf != small) mem_free(buf);
    } else {
        Obj *init = type_lookup(t, str_intern("__init__"));
        Obj *oinit = object_type.dict ? dict_get_s(object_type.dict, "__init__") : NULL;
        if (sb == &object_type && init && init != oinit) obj = obj_alloc(t, t->size);
        else obj = sb->new_ ? sb->new_(t, args, nargs, kwnames) : obj_alloc(t, t->size);
    }
    if (!obj) return NULL;
    if (!obj_isinstance(obj, t)) return obj;
    Obj *init = type_lookup(TYPE(obj), str_intern("__init__"));
    Obj *oinit = object_type.dict ? dict_get_s(object_type.dict, "__init__") : NULL;
    if (init && init != oinit && (obj_is(init, &function_type) || (TYPE(init)->flags & TF_HEAPTYPE) ||
                                  obj_is(init, &builtin_fn_type))) {
        if (obj_is(init, &builtin_fn_type) && sb != &object_type &&
            ((BuiltinFnObj *)init)->cls && !(((BuiltinFnObj *)init)->cls->flags & TF_HEAPTYPE)) {
            /* a built-in base's __init__ (list.__init__...): new_ already consumed the arguments
             * unless the base defines __init__ for that purpose; call it as CPython does */
        }
        int nk = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
        Obj *small[8];
        Obj **buf = small;
        if (nargs + nk + 1 > 8 && !(buf = mem_alloc(sizeof(Obj *) * (size_t)(nargs + nk + 1)))) {
            DECREF(obj);
            return NULL;
        }
        buf[0] = obj;
        for (int i = 0; i < nargs + nk; i++) buf[i + 1] = args[i];
        Obj *r = obj_call(init, buf, nargs + 1, kwnames);
        if (buf != small) mem_free(buf);
        if (!r) { DECREF(obj); return NULL; }
        if (r != None) {
            exc_raise(TypeError_t, "__init__() should return None, not '%T'", r);
            DECREF(r);
            DECREF(obj);
            return NULL;
        }
        DECREF(r);
    }
    return obj;
}

Obj *class_new(Obj *name, Obj *bases, Obj *ns) {
    Type *base = &object_type;
    intptr_t nb = bases ? TUPLE_LEN(bases) : 0;
    for (intptr_t i = 0; i < nb; i++) {
        Obj *b = TUPLE_ITEMS(bases)[i];
        if (!obj_isinstance(b, &type_type))
            return exc_raise(TypeError_t, "bases must be types");
        if (i == 0) base = (Type *)b;
        else if ((Type *)b != &object_type)
            return exc_raise(TypeError_t, "multiple inheritance is not supported by tollpy");
    }
    if (!(base->flags & TF_BASETYPE) && base != &object_type)
        return exc_raise(TypeError_t, "type '%s' is not an acceptable base type", base->name);
    Type *t = (Type *)obj_alloc(&type_type, sizeof(Type));
    if (!t) return NULL;
    Obj *iname = str_intern_obj(name);           /* kept forever: t->name points into it */
    if (!iname) { obj_free((Obj *)t); return NULL; }
    t->name = str_data(iname);
    t->base_type = base;
    INCREF((Obj *)base);
    t->dict = dict_copy(ns);
    if (!t->dict) { DECREF((Obj *)t); return NULL; }
    t->flags = TF_HEAPTYPE | TF_BASETYPE | (base->flags & TF_EXCEPTION);
    t->size = base->size;
    t->dictoffset = base->dictoffset;
    if (!t->dictoffset) {
        size_t off = (base->size + sizeof(Obj *) - 1) & ~(sizeof(Obj *) - 1);
        t->dictoffset = off;
        t->size = off + 2 * sizeof(Obj *);      /* the dict slot, then finalized_flag's word */
    }
    if (dict_get_s(t->dict, "__eq__") && !dict_get_s(t->dict, "__hash__")) {
        if (dict_set_s(t->dict, "__hash__", None) < 0) { DECREF((Obj *)t); return NULL; }
    }
    if (!dict_get_s(t->dict, "__doc__") && dict_set_s(t->dict, "__doc__", None) < 0) {
        DECREF((Obj *)t);
        return NULL;
    }
    if (type_ready(t) < 0) { DECREF((Obj *)t); return NULL; }
    t->flags |= TF_HEAPTYPE | TF_BASETYPE;
    t->dealloc = subtype_dealloc;
    t->new_ = heap_new;
    /* Not for metaclasses: class objects are not tracked (type_type has no traverse), and a
     * class made through a metaclass may be allocated as a type and given its metaclass after,
     * which must not make the collector look for a GcHead it lacks (core/gc.h). */
    if (!type_is_subtype(t, &type_type)) {
        t->traverse = subtype_traverse;
        t->clear = subtype_clear;
        t->finalize = subtype_finalize;
    }
    if (dict_get_s(t->dict, "__setattr__") || dict_get_s(t->dict, "__delattr__")) t->setattr = slot_setattr;
    if (dict_get_s(t->dict, "__getattribute__")) t->getattr = slot_getattribute;
    t->size = t->size < base->size ? base->size : t->size;
    return (Obj *)t;
}

/* ---- super ------------------------------------------------------------------------------------------ */
typedef struct { Obj base; Type *start; Obj *obj; Type *objtype; } SuperObj;

static Obj *super_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    (void)t;
    if (kwnames) return exc_raise(TypeError_t, "super() takes no keyword arguments");
    Type *start;
    Obj *obj;
    if (nargs == 0) {
        if (vm_super_args(&start, &obj) < 0) return NULL;
    } else if (nargs == 2) {
        if (!obj_isinstance(args[0], &type_type))
            return exc_raise(TypeError_t, "super() argument 1 must be a type, not %T", args[0]);
        start = (Type *)args[0];
        obj = args[1];
    } else {
        return exc_raise(TypeError_t, "super() takes 0 or 2 arguments");
    }
    Type *objtype;
    if (obj_isinstance(obj, start)) objtype = TYPE(obj);
    else if (obj_isinstance(obj, &type_type) && ((Type *)obj == start || type_is_subtype((Type *)obj, start)))
        objtype = (Type *)obj;
    else
        return exc_raise(TypeError_t, "super(type, obj): obj must be an instance or subtype of type");
    SuperObj *s = (SuperObj *)obj_alloc(&super_type, sizeof(SuperObj));
    if (!s) return NULL;
    s->start = start;
    INCREF((Obj *)start);
    s->obj = NEWREF(obj);
    s->objtype = objtype;
    INCREF((Obj *)objtype);
    return &s->base;
}

static void super_dealloc(Obj *o) {
    SuperObj *s = (SuperObj *)o;
    DECREF((Obj *)s->start);
    DECREF(s->obj);
    DECREF((Obj *)s->objtype);
    obj_free(o);
}

static Obj *noop_init(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)self; (void)args; (void)nargs; (void)kw;
    return none_ref();
}

static Obj *super_getattr(Obj *o, Obj *name) {
    SuperObj *s = (SuperObj *)o;
    if (str_equal_cstr(name, "__class__")) return NEWREF((Obj *)&super_type);
    bool is_inst = (Obj *)s->objtype != s->obj;
    for (Type *b = s->start->base_type; b; b = b->base_type) {
        if (!b->dict) continue;
        Obj *d = dict_get(b->dict, name);
        if (d) return descr_get(d, is_inst ? s->obj : NULL, s->objtype);
    }
    if (str_equal_cstr(name, "__init__")) return builtin_fn_new("__init__", noop_init, NULL);
    return exc_raise(AttributeError_t, "'super' object has no attribute '%S'", name);
}

static Obj *super_repr(Obj *o) {
    SuperObj *s = (SuperObj *)o;
    return str_fmt("<super: <class '%s'>, <%s object>>", s->start->name, s->objtype->name);
}

Type super_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "super", .size = sizeof(SuperObj),
    .dealloc = super_dealloc, .new_ = super_new, .getattr = super_getattr, .repr = super_repr,
};
