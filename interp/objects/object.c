/*
 * interp/objects/object.c — the root of the type system: `object`, `type`, the singletons (None,
 * NotImplemented, Ellipsis, True, False) and their types, type_ready/type_lookup/type_is_subtype,
 * types_init (process start-up) and c_stack_check (RecursionError on a low C stack).
 *
 * Built-in types are static, immortal Type structs; type_ready fills their dict from methods[]
 * (as builtin_method_new descriptors, interp/objects/builtin_fn.h) and copies every NULL slot from the
 * base, so a subclass behaves as its base unless it says otherwise. Heap types (class statements,
 * type(name, bases, dict)) are made by the runtime (interp/runtime/class.c, reached from type()
 * through the function it registers with type_set_class_new), which calls type_ready too.
 *
 * Called by: everyone (type_lookup is on the attribute hot path). Locks: the object layer's
 * types are readied once at start-up, before any second thread exists; a module's static types
 * at its first import, under ready_lock (type_ready_shared), since the interpreters of a
 * multiprocessing program import at once. Heap type dicts are mutated under the GIL.
 */
#include <string.h>
#include "objects/objects.h"
#include "objects/builtin_fn.h"
#include "objects/descr.h"

/* ---- small shared helpers ------------------------------------------------------------------ */

int no_kwargs(const char *fname, Obj *kwnames) {
    if (kwnames && TUPLE_LEN(kwnames) > 0) {
        exc_raise(TypeError_t, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int check_nargs(const char *fname, int nargs, int min, int max) {
    if (nargs >= min && nargs <= max) return 0;
    if (min == max) {
        if (min == 0) exc_raise(TypeError_t, "%s() takes no arguments (%d given)", fname, nargs);
        else if (min == 1) exc_raise(TypeError_t, "%s() takes exactly one argument (%d given)", fname, nargs);
        else exc_raise(TypeError_t, "%s expected %d arguments, got %d", fname, min, nargs);
    } else if (nargs < min) {
        exc_raise(TypeError_t, "%s expected at least %d argument%s, got %d", fname, min, min == 1 ? "" : "s", nargs);
    } else {
        exc_raise(TypeError_t, "%s expected at most %d argument%s, got %d", fname, max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

/* ---- C stack budget: c_stack_low() is in interp/core/cstack.c ---------------------------- */
int c_stack_check(const char *where) {
    if (!c_stack_low()) return 0;
    exc_raise(RecursionError_t, "maximum recursion depth exceeded%s", where ? where : "");
    return -1;
}

int rec_enter(const char *where) {
    ThreadState *ts = ts_get();
    if (!ts) return 0;
    int limit = ts->interp ? ts->interp->recursion_limit : 1000;
    if (limit <= 0) limit = 1000;
    if (ts->depth >= limit) {
        exc_raise(RecursionError_t, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    if (c_stack_check(where) < 0) return -1;
    ts->depth++;
    ts->c_depth++;
    return 0;
}

void rec_leave(void) {
    ThreadState *ts = ts_get();
    if (ts) { ts->depth--; ts->c_depth--; }
}

int repr_enter(Obj *o) {
    ThreadState *ts = ts_get();
    if (!ts) return 0;
    if (!ts->repr_active) {
        ts->repr_active = list_new(0);
        if (!ts->repr_active) return -1;
    }
    Obj *l = ts->repr_active;
    for (intptr_t i = 0; i < LIST_LEN(l); i++)
        if (LIST_ITEMS(l)[i] == o) return 1;
    if (rec_enter(" while getting the repr of an object") < 0) return -1;
    if (list_append(l, o) < 0) { rec_leave(); return -1; }
    return 0;
}

void repr_leave(Obj *o) {
    ThreadState *ts = ts_get();
    if (!ts || !ts->repr_active) return;
    Obj *l = ts->repr_active;
    for (intptr_t i = LIST_LEN(l) - 1; i >= 0; i--) {
        if (LIST_ITEMS(l)[i] == o) {
            Obj *v = LIST_ITEMS(l)[i];
            memmove(&LIST_ITEMS(l)[i], &LIST_ITEMS(l)[i + 1], (size_t)(LIST_LEN(l) - i - 1) * sizeof(Obj *));
            LIST_LEN(l)--;
            DECREF(v);
            break;
        }
    }
    rec_leave();
}

int hash_not_implemented(Obj *o, intptr_t *out) {
    (void)out;
    exc_raise(TypeError_t, "unhashable type: '%s'", type_name(o));
    return -1;
}

/* ---- object --------------------------------------------------------------------------------- */

static Obj *type_qualname_str(Type *t, bool with_module) {
    Obj *qn = NULL, *mod = NULL;
    if ((t->flags & TF_HEAPTYPE) && t->dict) {
        qn = dict_get_s(t->dict, "__qualname__");
        mod = dict_get_s(t->dict, "__module__");
    }
    const char *q = (qn && obj_is(qn, &str_type)) ? str_data(qn) : t->name;
    if (with_module && mod && obj_is(mod, &str_type) && !str_equal_cstr(mod, "builtins"))
        return str_fmt("%s.%s", str_data(mod), q);
    return str_from_cstr(q);
}

Obj *object_repr(Obj *o) {
    Obj *n = type_qualname_str(TYPE(o), true);
    if (!n) return NULL;
    Obj *r = str_fmt("<%s object at %p>", str_data(n), (void *)o);
    DECREF(n);
    return r;
}

int object_hash(Obj *o, intptr_t *out) {
    uintptr_t y = (uintptr_t)o;
    y = (y >> 4) | (y << (sizeof(uintptr_t) * 8 - 4));
    intptr_t h = (intptr_t)y;
    if (h == -1) h = -2;
    *out = h;
    return 0;
}

Obj *object_compare(Obj *a, Obj *b, int op) {
    if (op == CMP_EQ) return NEWREF(a == b ? True_ : NotImplemented);
    if (op == CMP_NE) {
        /* By default != delegates to == and inverts the result (as CPython's object_richcompare). */
        Type *t = TYPE(a);
        if (t->compare && t->compare != object_compare) {
            Obj *r = t->compare(a, b, CMP_EQ);
            if (!r || r == NotImplemented) return r;
            int v = obj_truth(r);
            DECREF(r);
            if (v < 0) return NULL;
            return bool_from(!v);
        }
        if (t->flags & TF_HEAPTYPE) {
            Obj *eq = type_lookup(t, str_intern("__eq__"));
            if (eq && !obj_is(eq, &builtin_fn_type)) {
                Obj *r = obj_call_method(a, "__eq__", &b, 1);
                if (!r || r == NotImplemented) return r;
                int v = obj_truth(r);
                DECREF(r);
                if (v < 0) return NULL;
                return bool_from(!v);
            }
        }
        return NEWREF(a == b ? False_ : NotImplemented);
    }
    return NEWREF(NotImplemented);
}

void object_dealloc(Obj *o) {
    inst_dict_clear(o);
    obj_free(o);
}

static Obj *object_init_descr(void) {
    return object_type.dict ? dict_get_s(object_type.dict, "__init__") : NULL;
}

Obj *object_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    if (nargs > 0 || (kwnames && TUPLE_LEN(kwnames) > 0)) {
        Obj *init = type_lookup(t, str_intern("__init__"));
        if (!init || init == object_init_descr()) {
            Obj *n = type_qualname_str(t, false);
            if (!n) return NULL;
            exc_raise(TypeError_t, "%s() takes no arguments", str_data(n));
            DECREF(n);
            return NULL;
        }
    }
    (void)args;
    size_t sz = t->size ? t->size : sizeof(Obj);
    return obj_alloc(t, sz);
}

static Obj *object_m_init(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args;
    if (nargs > 0 || (kwnames && TUPLE_LEN(kwnames) > 0)) {
        Type *t = TYPE(self);
        Obj *init = type_lookup(t, str_intern("__init__"));
        if (init && init != object_init_descr())
            return exc_raise(TypeError_t, "object.__init__() takes exactly one argument (the instance to initialize)");
        Obj *n = type_qualname_str(t, false);
        if (!n) return NULL;
        exc_raise(TypeError_t, "%s() takes no arguments", str_data(n));
        DECREF(n);
        return NULL;
    }
    return none_ref();
}

/* object.__new__(cls, ...): stored as a plain builtin_fn (a static method). */
static Obj *object_m_new(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    if (nargs < 1) return exc_raise(TypeError_t, "object.__new__(): not enough arguments");
    if (!obj_isinstance(args[0], &type_type))
        return exc_raise(TypeError_t, "object.__new__(X): X is not a type object (%s)", type_name(args[0]));
    Type *t = (Type *)args[0];
    if (t->new_ && t->new_ != object_new && !(t->flags & TF_HEAPTYPE))
        return exc_raise(TypeError_t, "object.__new__(%s) is not safe, use %s.__new__()", t->name, t->name);
    (void)kwnames;
    size_t sz = t->size ? t->size : sizeof(Obj);
    return obj_alloc(t, sz);
}

static Obj *object_m_repr(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return object_repr(self); }
static Obj *object_m_str(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return obj_repr(self); }
static Obj *object_m_hash(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    intptr_t h;
    object_hash(self, &h);
    return int_from_i64(h);
}
static Obj *object_m_eq(Obj *self, Obj *const *a, int n, Obj *k) {
    if (check_nargs("__eq__", n, 1, 1) < 0 || no_kwargs("__eq__", k) < 0) return NULL;
    return object_compare(self, a[0], CMP_EQ);
}
static Obj *object_m_ne(Obj *self, Obj *const *a, int n, Obj *k) {
    if (check_nargs("__ne__", n, 1, 1) < 0 || no_kwargs("__ne__", k) < 0) return NULL;
    return object_compare(self, a[0], CMP_NE);
}
static Obj *object_m_setattr(Obj *self, Obj *const *a, int n, Obj *k) {
    if (check_nargs("__setattr__", n, 2, 2) < 0 || no_kwargs("__setattr__", k) < 0) return NULL;
    if (!obj_is(a[0], &str_type) && !str_check(a[0]))
        return exc_raise(TypeError_t, "attribute name must be string, not '%s'", type_name(a[0]));
    if (obj_generic_setattr(self, a[0], a[1]) < 0) return NULL;
    return none_ref();
}
static Obj *object_m_delattr(Obj *self, Obj *const *a, int n, Obj *k) {
    if (check_nargs("__delattr__", n, 1, 1) < 0 || no_kwargs("__delattr__", k) < 0) return NULL;
    if (obj_generic_setattr(self, a[0], NULL) < 0) return NULL;
    return none_ref();
}
static Obj *object_m_getattribute(Obj *self, Obj *const *a, int n, Obj *k) {
    if (check_nargs("__getattribute__", n, 1, 1) < 0 || no_kwargs("__getattribute__", k) < 0) return NULL;
    if (!str_check(a[0]))
        return exc_raise(TypeError_t, "attribute name must be string, not '%s'", type_name(a[0]));
    return obj_generic_getattr(self, a[0]);
}
static Obj *object_m_format(Obj *self, Obj *const *a, int n, Obj *k) {
    if (check_nargs("__format__", n, 1, 1) < 0 || no_kwargs("__format__", k) < 0) return NULL;
    if (!str_check(a[0]))
        return exc_raise(TypeError_t, "__format__() argument must be str, not %s", type_name(a[0]));
    if (str_nbytes(a[0]) > 0)
        return exc_raise(TypeError_t, "unsupported format string passed to %s.__format__", type_name(self));
    return obj_str(self);
}
static Obj *object_m_dir(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    Obj *l = list_new(0);
    if (!l) return NULL;
    Type *t = TYPE(self);
    if (t->dictoffset) {
        Obj *d = *obj_dict_ptr(self);
        if (d) {
            intptr_t pos = 0; Obj *kk, *v;
            while (dict_next(d, &pos, &kk, &v)) if (list_append(l, kk) < 0) { DECREF(l); return NULL; }
        }
    }
    Type *t0 = t;
    intptr_t mi = 0;
    for (; t; t = TYPE_MRO_NEXT(t0, t, mi)) {
        if (!t->dict) continue;
        intptr_t pos = 0; Obj *kk, *v;
        while (dict_next(t->dict, &pos, &kk, &v)) {
            int c = obj_contains(l, kk);
            if (c < 0 || (c == 0 && list_append(l, kk) < 0)) { DECREF(l); return NULL; }
        }
    }
    if (list_sort(l, NULL, false) < 0) { DECREF(l); return NULL; }
    return l;
}

static const MethodDef object_methods[] = {
    {"__init__", object_m_init},
    {"__new__", object_m_new},
    {"__repr__", object_m_repr},
    {"__str__", object_m_str},
    {"__hash__", object_m_hash},
    {"__eq__", object_m_eq},
    {"__ne__", object_m_ne},
    {"__setattr__", object_m_setattr},
    {"__delattr__", object_m_delattr},
    {"__getattribute__", object_m_getattribute},
    {"__format__", object_m_format},
    {"__dir__", object_m_dir},
    {NULL, NULL},
};

Type object_type = {
    .base = TYPE_HEAD, .name = "object", .base_type = NULL, .size = sizeof(Obj),
    .flags = TF_BASETYPE, .dealloc = object_dealloc, .repr = object_repr, .hash = object_hash,
    .compare = object_compare, .methods = object_methods, .new_ = object_new,
};

/* ---- type ----------------------------------------------------------------------------------- */

bool type_is_subtype(Type *a, Type *b) {
    if (a && a->mro) {
        for (intptr_t i = 0; i < TUPLE_LEN(a->mro); i++)
            if (TUPLE_ITEMS(a->mro)[i] == (Obj *)b) return true;
        return false;
    }
    for (; a; a = a->base_type)
        if (a == b) return true;
    return false;
}

Obj *type_lookup(Type *t, Obj *name) {
    if (t->mro) {                  /* several bases: the C3 order */
        for (intptr_t i = 0; i < TUPLE_LEN(t->mro); i++) {
            Type *b = (Type *)TUPLE_ITEMS(t->mro)[i];
            if (b->dict) {
                Obj *v = dict_get(b->dict, name);
                if (v) return v;
            }
        }
        return NULL;
    }
    for (; t; t = t->base_type) {
        if (t->dict) {
            /* a built-in type's dict is frozen after start-up: read it without its lock */
            Obj *v = (t->flags & TF_HEAPTYPE) ? dict_get(t->dict, name) : dict_get_frozen(t->dict, name);
            if (v) return v;
        }
    }
    return NULL;   /* names are strs: dict_get cannot raise here, and a pending exception stays */
}

static Obj *type_repr(Obj *o) {
    Type *t = (Type *)o;
    Obj *n = type_qualname_str(t, true);
    if (!n) return NULL;
    Obj *r = str_fmt("<class '%s'>", str_data(n));
    DECREF(n);
    return r;
}

/* Set once at start-up, before any second thread (type_set_class_new, called by the runtime). */
static Obj *(*class_new_fn)(Type *meta, Obj *name, Obj *bases, Obj *ns, Obj *kwargs);

void type_set_class_new(Obj *(*fn)(Type *meta, Obj *name, Obj *bases, Obj *ns, Obj *kwargs)) { class_new_fn = fn; }

/* type.__new__(meta, name, bases, ns, **kw): args are name, bases, ns; the keywords go to
 * __init_subclass__. */
static Obj *type_make_class(Type *meta, Obj *const *args, int nargs, Obj *kwnames) {
    if (nargs != 3) return exc_raise(TypeError_t, "type.__new__() takes exactly 3 arguments (%d given)", nargs);
    if (!str_check(args[0]))
        return exc_raise(TypeError_t, "type.__new__() argument 1 must be str, not %s", type_name(args[0]));
    if (!obj_is(args[1], &tuple_type))
        return exc_raise(TypeError_t, "type.__new__() argument 2 must be tuple, not %s", type_name(args[1]));
    if (!obj_isinstance(args[2], &dict_type))
        return exc_raise(TypeError_t, "type.__new__() argument 3 must be dict, not %s", type_name(args[2]));
    if (!class_new_fn) return exc_raise(SystemError_t, "type(): no class machinery registered");
    Obj *kw = NULL;
    int nk = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    if (nk) {
        if (!(kw = dict_new())) return NULL;
        for (int i = 0; i < nk; i++)
            if (dict_set(kw, TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0) { DECREF(kw); return NULL; }
    }
    Obj *r = class_new_fn(meta, args[0], args[1], args[2], kw);
    XDECREF(kw);
    return r;
}

static Obj *type_call(Obj *callable, Obj *const *args, int nargs, Obj *kwnames) {
    Type *t = (Type *)callable;
    if (t == &type_type) {
        int nk = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
        if (nargs == 1 && nk == 0) return NEWREF((Obj *)TYPE(args[0]));
        if (nargs != 3) return exc_raise(TypeError_t, "type() takes 1 or 3 arguments");
        Obj *cls = type_make_class(&type_type, args, nargs, kwnames);
        /* As CPython's type_call: a class that a base's metaclass M made (type('X', (C,), ns))
         * is then initialised by M.__init__. */
        Obj *init = cls && TYPE(cls) != &type_type ? type_lookup(TYPE(cls), str_intern("__init__")) : NULL;
        if (init && init != type_lookup(&type_type, str_intern("__init__"))) {
            Obj *small[8];
            Obj **buf = small;
            if (nargs + nk + 1 > 8 && !(buf = mem_alloc(sizeof(Obj *) * (size_t)(nargs + nk + 1)))) {
                DECREF(cls);
                return NULL;
            }
            buf[0] = cls;
            for (int i = 0; i < nargs + nk; i++) buf[i + 1] = args[i];
            Obj *r = obj_call(init, buf, nargs + 1, kwnames);
            if (buf != small) mem_free(buf);
            if (!r) { DECREF(cls); return NULL; }
            DECREF(r);
        }
        return cls;
    }
    if (!t->new_) return exc_raise(TypeError_t, "cannot create '%s' instances", t->name);
    return t->new_(t, args, nargs, kwnames);
}

/* type's new_ slot: what a metaclass without its own __new__ does when called. */
static Obj *type_new_slot(Type *meta, Obj *const *args, int nargs, Obj *kwnames) {
    if (nargs == 1 && !kwnames && meta == &type_type) return NEWREF((Obj *)TYPE(args[0]));
    return type_make_class(meta, args, nargs, kwnames);
}

/* type.__new__(meta, ...) as a function (stored unbound, like every __new__) */
static Obj *type_m_new(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self;
    if (n < 1) return exc_raise(TypeError_t, "type.__new__(): not enough arguments");
    if (!obj_isinstance(a[0], &type_type))
        return exc_raise(TypeError_t, "type.__new__(X): X is not a type object (%s)", type_name(a[0]));
    Type *meta = (Type *)a[0];
    if (meta != &type_type && !type_is_subtype(meta, &type_type))
        return exc_raise(TypeError_t, "type.__new__(%s): %s is not a subtype of type", meta->name, meta->name);
    if (n == 2 && !k && meta == &type_type) return NEWREF((Obj *)TYPE(a[1]));
    return type_make_class(meta, a + 1, n - 1, k);
}

/* type.__init__(cls, ...): nothing to do once __new__ made the class */
static Obj *type_m_init(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self; (void)a; (void)k;
    if (n != 0 && n != 3) return exc_raise(TypeError_t, "type.__init__() takes 1 or 3 arguments");
    return none_ref();
}

/* type.__call__(cls, ...): the construction a metaclass's __call__ defers to via super() */
static Obj *type_m_call(Obj *self, Obj *const *a, int n, Obj *k) {
    Type *t = (Type *)self;
    if (t == &type_type) return type_call(self, a, n, k);
    if (!t->new_) return exc_raise(TypeError_t, "cannot create '%s' instances", t->name);
    return t->new_(t, a, n, k);
}

/* object.__init_subclass__ (a classmethod): accepts no class keywords */
Obj *object_init_subclass(Obj *self, Obj *const *a, int n, Obj *k);
Obj *object_init_subclass(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self;
    const char *nm = n >= 1 && obj_isinstance(a[0], &type_type) ? ((Type *)a[0])->name : "object";
    if ((k && TUPLE_LEN(k)) || n > 1) return exc_raise(TypeError_t, "%s.__init_subclass__() takes no keyword arguments", nm);
    return none_ref();
}

/* type.__prepare__ (a classmethod): the class body's namespace */
Obj *type_prepare(Obj *self, Obj *const *a, int n, Obj *k);
Obj *type_prepare(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self; (void)a; (void)n; (void)k;
    return dict_new();
}

/* ---- list[int] & co.: a minimal types.GenericAlias (repr, call, __origin__, __args__) ------------ */

typedef struct { Obj base; Obj *origin; Obj *args; } AliasObj;

static void alias_dealloc(Obj *o) {
    AliasObj *a = (AliasObj *)o;
    CLEAR(a->origin); CLEAR(a->args);
    obj_free(o);
}

static int alias_add_arg(StrBuf *b, Obj *v) {
    if (v == &ellipsis_obj) { sb_adds(b, "..."); return 0; }
    if (obj_isinstance(v, &type_type)) {
        Type *t = (Type *)v;
        Obj *n = type_qualname_str(t, true);
        if (!n) return -1;
        sb_adds(b, str_data(n));
        DECREF(n);
        return 0;
    }
    return sb_add_repr(b, v);
}

static Obj *alias_repr(Obj *o) {
    AliasObj *a = (AliasObj *)o;
    StrBuf b;
    sb_init(&b);
    if (alias_add_arg(&b, a->origin) < 0) { sb_free(&b); return NULL; }
    sb_addc(&b, '[');
    for (intptr_t i = 0; i < TUPLE_LEN(a->args); i++) {
        if (i) sb_add(&b, ", ", 2);
        if (alias_add_arg(&b, TUPLE_ITEMS(a->args)[i]) < 0) { sb_free(&b); return NULL; }
    }
    if (TUPLE_LEN(a->args) == 0) sb_adds(&b, "()");
    sb_addc(&b, ']');
    return sb_finish(&b);
}

static Obj *alias_call(Obj *o, Obj *const *args, int nargs, Obj *kwnames) {
    return obj_call(((AliasObj *)o)->origin, args, nargs, kwnames);
}

static Obj *alias_getattr(Obj *o, Obj *name) {
    AliasObj *a = (AliasObj *)o;
    if (str_equal_cstr(name, "__origin__")) return NEWREF(a->origin);
    if (str_equal_cstr(name, "__args__")) return NEWREF(a->args);
    return obj_getattr(a->origin, name);
}

static Obj *alias_compare(Obj *x, Obj *y, int op) {
    if (TYPE(y) != TYPE(x) || (op != CMP_EQ && op != CMP_NE)) return NEWREF(NotImplemented);
    AliasObj *a = (AliasObj *)x, *b = (AliasObj *)y;
    int eq = a->origin == b->origin ? obj_eq(a->args, b->args) : 0;
    if (eq < 0) return NULL;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static Type alias_type = {
    .base = TYPE_HEAD, .name = "types.GenericAlias", .size = sizeof(AliasObj),
    .dealloc = alias_dealloc, .repr = alias_repr, .call = alias_call, .getattr = alias_getattr,
    .compare = alias_compare, .hash = hash_not_implemented,
};

/* type[...]: heap classes with __class_getitem__ get it called; the built-in containers give a
 * GenericAlias (list[int]), as CPython's. */
static Obj *type_subscript(Obj *o, Obj *key) {
    Type *t = (Type *)o;
    if (t->flags & TF_HEAPTYPE) {
        /* __class_getitem__ is an implicit class method. */
        Obj *cg = type_lookup(t, str_intern("__class_getitem__"));
        if (cg) {
            if (obj_is(cg, &classmethod_type) || obj_is(cg, &staticmethod_type)) {
                Obj *b = obj_getattr_s(o, "__class_getitem__");
                if (!b) return NULL;
                Obj *r = obj_call1(b, key);
                DECREF(b);
                return r;
            }
            return obj_call2(cg, o, key);
        }
    }
    static Type *const generic[] = { &list_type, &dict_type, &tuple_type, &set_type, &frozenset_type,
                                     &type_type, &enumerate_type, &zip_type, &map_type, &filter_type,
                                     &reversed_type };
    bool ok = false;
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++) if (type_is_subtype(t, generic[i])) ok = true;
    if (!ok) return exc_raise(TypeError_t, "type '%s' is not subscriptable", t->name);
    AliasObj *a = (AliasObj *)obj_alloc(&alias_type, sizeof(AliasObj));
    if (!a) return NULL;
    a->origin = NEWREF(o);
    a->args = obj_is(key, &tuple_type) ? NEWREF(key) : tuple_pack(1, key);
    if (!a->args) { DECREF((Obj *)a); return NULL; }
    return (Obj *)a;
}

/* A getattr slot of its own (not NULL) so the VM's LOAD_METHOD fast path, which binds methods
 * found on TYPE(o), never binds type's inherited object.__init__ & co. to a class: attribute
 * lookup on a class goes through attr.c's generic path (the class's own MRO first). */
static Obj *type_getattr(Obj *o, Obj *name) { return obj_generic_getattr(o, name); }

static Obj *type_m_mro(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a; (void)n; (void)k;
    Obj *tup = obj_getattr_s(self, "__mro__");
    if (!tup) return NULL;
    Obj *l = list_from_iter(tup);
    DECREF(tup);
    return l;
}

static const MethodDef type_methods[] = {
    {"mro", type_m_mro},
    {"__new__", type_m_new},
    {"__init__", type_m_init},
    {"__call__", type_m_call},
    {NULL, NULL},
};

Type type_type = {
    .base = TYPE_HEAD, .name = "type", .base_type = &object_type, .size = sizeof(Type),
    .flags = TF_BASETYPE, .repr = type_repr, .hash = object_hash, .compare = object_compare,
    .call = type_call, .getattr = type_getattr, .getitem = type_subscript, .methods = type_methods,
    .new_ = type_new_slot,
};

static Obj *slot_iter(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    return TYPE(self)->iter(self);
}
static Obj *slot_next(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    Obj *r = TYPE(self)->next(self);
    if (!r && !exc_occurred()) exc_raise_obj((Obj *)StopIteration_t);
    return r;
}
/* Slot wrappers for the container and operator slots of built-in types (str.__len__,
 * int.__add__, list.__radd__...), so `super().__len__()` in a subclass and `int.__add__(a, b)`
 * work. They call the slot of the first built-in type in self's layout chain (a subclass's own
 * slot may call its Python override, which would recurse). ops.c's dunder() ignores builtin_fns,
 * so operators on subclass instances still go straight to the C slots. */
static Type *static_type_of(Obj *self) {
    Type *t = TYPE(self);
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base_type;
    return t;
}
static Obj *slot_len(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    intptr_t r = static_type_of(self)->len(self);
    return r < 0 ? NULL : int_from_i64(r);
}
static Obj *slot_getitem(Obj *self, Obj *const *a, int n, Obj *k) {
    if (n != 1 || k) return exc_raise(TypeError_t, "expected 1 argument, got %d", n);
    return static_type_of(self)->getitem(self, a[0]);
}
static Obj *slot_contains(Obj *self, Obj *const *a, int n, Obj *k) {
    if (n != 1 || k) return exc_raise(TypeError_t, "expected 1 argument, got %d", n);
    int r = static_type_of(self)->contains(self, a[0]);
    return r < 0 ? NULL : bool_from(r);
}
/* __op__(self, other) is slot(self, other), __rop__(self, other) slot(other, self) */
#define SLOT_BIN(op)                                                                       \
    static Obj *slot_nb_##op(Obj *self, Obj *const *a, int n, Obj *k) {                    \
        if (n != 1 || k) return exc_raise(TypeError_t, "expected 1 argument, got %d", n);  \
        return static_type_of(self)->nb[NB_##op](self, a[0]);                              \
    }                                                                                      \
    static Obj *slot_nbr_##op(Obj *self, Obj *const *a, int n, Obj *k) {                   \
        if (n != 1 || k) return exc_raise(TypeError_t, "expected 1 argument, got %d", n);  \
        return static_type_of(self)->nb[NB_##op](a[0], self);                              \
    }
SLOT_BIN(ADD) SLOT_BIN(SUB) SLOT_BIN(MUL) SLOT_BIN(TRUEDIV) SLOT_BIN(FLOORDIV) SLOT_BIN(MOD)
SLOT_BIN(LSHIFT) SLOT_BIN(RSHIFT) SLOT_BIN(AND) SLOT_BIN(OR) SLOT_BIN(XOR)
#undef SLOT_BIN
static const struct { int op; const char *name, *rname; MethFn fn, rfn; } slot_binops[] = {
#define B(op, n, r) { NB_##op, n, r, slot_nb_##op, slot_nbr_##op }
    B(ADD, "__add__", "__radd__"), B(SUB, "__sub__", "__rsub__"), B(MUL, "__mul__", "__rmul__"),
    B(TRUEDIV, "__truediv__", "__rtruediv__"), B(FLOORDIV, "__floordiv__", "__rfloordiv__"),
    B(MOD, "__mod__", "__rmod__"), B(LSHIFT, "__lshift__", "__rlshift__"),
    B(RSHIFT, "__rshift__", "__rrshift__"), B(AND, "__and__", "__rand__"), B(OR, "__or__", "__ror__"),
    B(XOR, "__xor__", "__rxor__"),
#undef B
};

/* T.__new__(cls, *args): self is T (a built-in type), cls T or a subclass of it */
/* ---- instance dicts --------------------------------------------------------------------------- */
size_t str_var_size(Obj *o);       /* str.c */
size_t int_var_size(Obj *o);       /* int.c */

size_t obj_var_base_size(Obj *o) {
    Type *t = TYPE(o);
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base_type;
    size_t n;
    if (t && type_is_subtype(t, &tuple_type)) n = sizeof(TupleObj) + (size_t)TUPLE_LEN(o) * sizeof(Obj *);
    else if (t && type_is_subtype(t, &str_type)) n = str_var_size(o);
    else n = int_var_size(o);
    return (n + sizeof(Obj *) - 1) & ~(sizeof(Obj *) - 1);
}

Obj **obj_dict_ptr(Obj *o) {
    if (IS_SMALL(o)) return NULL;
    Type *t = o->type;
    if (!t->dictoffset) return NULL;
    if (t->dictoffset != DICTOFFSET_END) return (Obj **)((char *)o + t->dictoffset);
    return (Obj **)((char *)o + obj_var_base_size(o));
}

static Obj *builtin_type_new(Obj *self, Obj *const *a, int n, Obj *k) {
    Type *t = (Type *)self;
    if (n < 1) return exc_raise(TypeError_t, "%s.__new__(): not enough arguments", t->name);
    if (!obj_isinstance(a[0], &type_type))
        return exc_raise(TypeError_t, "%s.__new__(X): X is not a type object (%s)", t->name, type_name(a[0]));
    Type *cls = (Type *)a[0];
    if (cls != t && !type_is_subtype(cls, t))
        return exc_raise(TypeError_t, "%s.__new__(%s): %s is not a subtype of %s", t->name, cls->name, cls->name, t->name);
    return t->new_(cls, a + 1, n - 1, k);
}

/* dict.__repr__(x) & co.: the repr of the first built-in type in x's layout chain */
static Obj *slot_repr(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    Type *t = TYPE(self);
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base_type;
    return t && t->repr ? t->repr(self) : object_repr(self);
}

/* str.__str__(x) & co.: the str slot of the first built-in type in x's layout chain */
static Obj *slot_str(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    Type *t = TYPE(self);
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base_type;
    return t && t->str ? t->str(self) : obj_repr(self);
}

/* int.__hash__(x) & co.: the hash slot of the first built-in type in x's layout chain. Its
 * entry in a built-in type's dict is what makes class C(int, A) hash as int, not as A: obj_hash
 * finds this builtin first in C's MRO and uses the C slot C inherited. */
static Obj *slot_hash(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)a;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    Type *t = TYPE(self);
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base_type;
    intptr_t h;
    if (!t || !t->hash) return exc_raise(TypeError_t, "unhashable type: '%s'", type_name(self));
    if (t->hash(self, &h) < 0) return NULL;
    return int_from_i64(h);
}

static int slot_method(Type *t, const char *name, MethFn fn) {
    Obj *f = builtin_method_new(name, fn, t);
    if (!f) return -1;
    int r = dict_set_s(t->dict, name, f);
    DECREF(f);
    return r;
}

int type_ready(Type *t) {
    if (t != &object_type && !t->base_type) t->base_type = &object_type;
    if (!t->dict) {
        t->dict = dict_new();
        if (!t->dict) return -1;
    }
    Type *b = t->base_type;
    if (b) {
        if (!t->size) t->size = b->size;
        if (!t->dictoffset) t->dictoffset = b->dictoffset;
        if ((b->flags & TF_EXCEPTION)) t->flags |= TF_EXCEPTION;
#define INH(f) if (!t->f) t->f = b->f
        INH(dealloc); INH(repr); INH(str); INH(hash); INH(compare); INH(truth); INH(len);
        INH(getitem); INH(setitem); INH(contains); INH(iter); INH(next); INH(call);
        INH(getattr); INH(setattr); INH(neg); INH(pos); INH(invert); INH(format); INH(lockoffset);
        for (int i = 0; i < NB__COUNT; i++) INH(nb[i]);
        INH(traverse); INH(clear); INH(finalize);
        if (t->flags & TF_HEAPTYPE) INH(new_);
#undef INH
    }
    if (t->methods) {
        for (const MethodDef *m = t->methods; m->name; m++) {
            if (dict_get_s(t->dict, m->name)) continue;
            Obj *f;
            if (!strcmp(m->name, "__new__")) f = builtin_fn_new(m->name, m->fn, NULL);
            else f = builtin_method_new(m->name, m->fn, t);
            if (!f) return -1;
            int r = dict_set_s(t->dict, m->name, f);
            DECREF(f);
            if (r < 0) return -1;
        }
    }
    /* The iterator protocol's dunders (iter(x).__next__(), it.__iter__()) for every built-in type
     * with the slot and no such entry in its methods; ops.c's dunder() sees a builtin_fn here and keeps using the C slot. */
    if (!(t->flags & TF_HEAPTYPE)) {
        /* T.__new__(cls, ...) for a built-in type (super().__new__(cls, ...) in a subclass) */
        if (t->new_ && t != &object_type && !dict_get_s(t->dict, "__new__")) {
            Obj *f = builtin_fn_new("__new__", builtin_type_new, (Obj *)t);
            if (!f) return -1;
            int r = dict_set_s(t->dict, "__new__", f);
            DECREF(f);
            if (r < 0) return -1;
        }
        if (t->repr && (!t->base_type || t->repr != t->base_type->repr) && !dict_get_s(t->dict, "__repr__") &&
            slot_method(t, "__repr__", slot_repr) < 0) return -1;
        if (t->str && (!t->base_type || t->str != t->base_type->str) && !dict_get_s(t->dict, "__str__") &&
            slot_method(t, "__str__", slot_str) < 0) return -1;
        /* __hash__: None for the unhashable built-ins (list.__hash__ is None, as in CPython),
         * the slot for those that hash their own way */
        if (t->hash == hash_not_implemented && !dict_get_s(t->dict, "__hash__")) {
            if (dict_set_s(t->dict, "__hash__", None) < 0) return -1;
        } else if (t->hash && t->base_type && t->hash != t->base_type->hash &&
                   !dict_get_s(t->dict, "__hash__") && slot_method(t, "__hash__", slot_hash) < 0) return -1;
        if (t->iter && !dict_get_s(t->dict, "__iter__") && slot_method(t, "__iter__", slot_iter) < 0) return -1;
        if (t->next && !dict_get_s(t->dict, "__next__") && slot_method(t, "__next__", slot_next) < 0) return -1;
        /* the container and operator slots this type has of its own (not inherited: the base's
         * wrapper is found through the mro); reflected forms only where CPython has them */
        Type *bt = t->base_type;
        /* not type's own slots: its getitem is list[int]'s __class_getitem__ path, no __getitem__ */
#define OWN(f) (t != &type_type && t->f && (!bt || t->f != bt->f))
        if (OWN(len) && !dict_get_s(t->dict, "__len__") && slot_method(t, "__len__", slot_len) < 0) return -1;
        if (OWN(getitem) && !dict_get_s(t->dict, "__getitem__") && slot_method(t, "__getitem__", slot_getitem) < 0)
            return -1;
        if (OWN(contains) && !dict_get_s(t->dict, "__contains__") &&
            slot_method(t, "__contains__", slot_contains) < 0) return -1;
        bool numeric = t == &int_type || t == &float_type || t == &complex_type || t == &bool_type ||
                       t == &set_type || t == &frozenset_type || t == &dict_type || t == &dict_keys_type ||
                       t == &dict_items_type;
        for (size_t i = 0; i < sizeof slot_binops / sizeof slot_binops[0]; i++) {
            int op = slot_binops[i].op;
            if (!OWN(nb[op])) continue;
            if (!dict_get_s(t->dict, slot_binops[i].name) && slot_method(t, slot_binops[i].name, slot_binops[i].fn) < 0)
                return -1;
            /* sequences have no __radd__/__rmul__ (CPython's sq_concat/sq_repeat), but __rmul__ */
            bool reflect = numeric || (op == NB_MUL);
            if (reflect && !dict_get_s(t->dict, slot_binops[i].rname) &&
                slot_method(t, slot_binops[i].rname, slot_binops[i].rfn) < 0) return -1;
        }
#undef OWN
    }
    if (!(t->flags & TF_HEAPTYPE)) type_immortalize(t);
    t->flags |= TF_READY;
    return 0;
}

/* Readies a static type once per process. The modules that own such types ready them at their
 * first import, and the interpreters of a multiprocessing program import at the same moment, each
 * under its own GIL: unguarded, two would fill one dict at once, and one would read the slots the
 * other is still writing. ready_lock (a test-and-set lock that yields: readying allocates, and
 * may take the allocator's locks) makes one of them ready it; its release hands every field
 * written (slots, dict, TF_READY) to the next taker, so a type is used only after its reader's
 * own call here returned. */
static int ready_lock;

int type_ready_shared(Type *t) {
    while (__atomic_test_and_set(&ready_lock, __ATOMIC_ACQUIRE)) port_thread_yield();
    int r = (t->flags & TF_READY) ? 0 : type_ready(t);
    __atomic_clear(&ready_lock, __ATOMIC_RELEASE);
    return r;
}

/* A built-in (static) type's dict and everything in it live as long as the process and are read
 * by every thread of every interpreter: LOAD_METHOD pushes list.append with an INCREF and the
 * call DECREFs it. Under `none` those would be atomic read-modify-writes of one cache line shared
 * by all cores, so the dict, its keys and its values are made immortal (obj_immortalize). Run
 * by type_ready and again by types_init once the class methods are added, before any thread. */
void type_immortalize(Type *t) {
    if ((t->flags & TF_HEAPTYPE) || !t->dict) return;
    obj_immortalize(t->dict);
    intptr_t pos = 0;
    Obj *k, *v;
    while (dict_next(t->dict, &pos, &k, &v)) {
        obj_immortalize(k);
        obj_immortalize(v);
        /* and what binding it hands out: object.__init_subclass__ (a classmethod) gives every
         * class statement a bound method holding its function, in every interpreter at once */
        descr_immortalize_parts(v);
    }
}

/* ---- None, NotImplemented, Ellipsis --------------------------------------------------------- */

static Obj *none_repr(Obj *o) { (void)o; return str_from_cstr("None"); }
static int none_truth(Obj *o) { (void)o; return 0; }
static Obj *none_new(Type *t, Obj *const *a, int n, Obj *k) {
    (void)t; (void)a;
    if (n || (k && TUPLE_LEN(k))) return exc_raise(TypeError_t, "NoneType takes no arguments");
    return none_ref();
}
Type none_type = {
    .base = TYPE_HEAD, .name = "NoneType", .size = sizeof(Obj), .repr = none_repr,
    .hash = object_hash, .truth = none_truth, .new_ = none_new,
};
Obj none_obj = STATIC_OBJ(none_type);

static Obj *notimpl_repr(Obj *o) { (void)o; return str_from_cstr("NotImplemented"); }
static Obj *notimpl_new(Type *t, Obj *const *a, int n, Obj *k) {
    (void)t; (void)a;
    if (n || (k && TUPLE_LEN(k))) return exc_raise(TypeError_t, "NotImplementedType takes no arguments");
    return NEWREF(NotImplemented);
}
Type notimpl_type = {
    .base = TYPE_HEAD, .name = "NotImplementedType", .size = sizeof(Obj), .repr = notimpl_repr,
    .hash = object_hash, .new_ = notimpl_new,
};
Obj notimpl_obj = STATIC_OBJ(notimpl_type);

static Obj *ellipsis_repr(Obj *o) { (void)o; return str_from_cstr("Ellipsis"); }
static Obj *ellipsis_new(Type *t, Obj *const *a, int n, Obj *k) {
    (void)t; (void)a;
    if (n || (k && TUPLE_LEN(k))) return exc_raise(TypeError_t, "ellipsis takes no arguments");
    return NEWREF(&ellipsis_obj);
}
Type ellipsis_type = {
    .base = TYPE_HEAD, .name = "ellipsis", .size = sizeof(Obj), .repr = ellipsis_repr,
    .hash = object_hash, .new_ = ellipsis_new,
};
Obj ellipsis_obj = STATIC_OBJ(ellipsis_type);

/* ---- bool: a subclass of int; True/False are the only instances ------------------------------ */
/* int.c's number slots see True/False as 1/0 (they compare by identity with True_/False_). */

static Obj *bool_repr(Obj *o) { return str_from_cstr(o == True_ ? "True" : "False"); }
static int bool_truth(Obj *o) { return o == True_; }
static Obj *bool_new(Type *t, Obj *const *a, int n, Obj *k) {
    (void)t;
    if (no_kwargs("bool", k) < 0) return NULL;
    if (n > 1) return exc_raise(TypeError_t, "bool expected at most 1 argument, got %d", n);
    if (n == 0) return bool_from(0);
    int v = obj_truth(a[0]);
    if (v < 0) return NULL;
    return bool_from(v);
}
static Obj *bool_bitop(Obj *a, Obj *b, int op) {
    if ((a == True_ || a == False_) && (b == True_ || b == False_)) {
        int x = a == True_, y = b == True_;
        return bool_from(op == NB_AND ? (x & y) : op == NB_OR ? (x | y) : (x ^ y));
    }
    Obj *aa = (a == True_) ? MK_SMALL(1) : (a == False_) ? MK_SMALL(0) : a;
    Obj *bb = (b == True_) ? MK_SMALL(1) : (b == False_) ? MK_SMALL(0) : b;
    return int_type.nb[op](aa, bb);
}
static Obj *bool_and(Obj *a, Obj *b) { return bool_bitop(a, b, NB_AND); }
static Obj *bool_or(Obj *a, Obj *b) { return bool_bitop(a, b, NB_OR); }
static Obj *bool_xor(Obj *a, Obj *b) { return bool_bitop(a, b, NB_XOR); }

Type bool_type = {
    .base = TYPE_HEAD, .name = "bool", .base_type = &int_type, .size = sizeof(Obj),
    .repr = bool_repr, .truth = bool_truth, .new_ = bool_new,
    .nb = {[NB_AND] = bool_and, [NB_OR] = bool_or, [NB_XOR] = bool_xor},
};
Obj true_obj = STATIC_OBJ(bool_type);
Obj false_obj = STATIC_OBJ(bool_type);

/* ---- start-up -------------------------------------------------------------------------------- */

int types_init(void) {
    static bool done;     /* types_once (interp/runtime/interp.c) orders the first call before the rest */
    if (done) return 0;
    weakref_init();       /* once: a child interpreter would re-initialise a lock another one holds */
    /* object and type first: everything else's dict holds builtin_method objects. The types of
     * the layers above (code, function, cell, generator, super, traceback) are readied by the
     * runtime after this (interp/runtime/interp.c). */
    Type *order[] = {
        &object_type, &type_type, &int_type, &bool_type, &float_type, &complex_type, &str_type, &bytes_type,
        &bytearray_type, &memoryview_type,
        &list_type, &tuple_type, &dict_type, &set_type, &frozenset_type, &range_type, &slice_type,
        &none_type, &notimpl_type, &ellipsis_type, &builtin_fn_type, &method_type,
        &module_type, &property_type, &staticmethod_type, &classmethod_type,
        &list_iter_type, &list_reviter_type, &tuple_iter_type, &range_iter_type, &seq_iter_type,
        &enumerate_type, &zip_type, &map_type, &filter_type, &reversed_type, &callable_iter_type,
        &dict_keys_type, &dict_values_type, &dict_items_type, &dict_keyiter_type,
        &dict_valueiter_type, &dict_itemiter_type, &set_iter_type, &alias_type,
        &str_iter_type, &bytes_iter_type, &bytearray_iter_type, &seqiter_type,
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (type_ready(order[i]) < 0) return -1;
    if (exc_init_types() < 0) return -1;
    if (dict_add_classmethods() < 0) return -1;
    if (types_add_class_methods() < 0) return -1;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) type_immortalize(order[i]);
    done = true;
    return 0;
}
