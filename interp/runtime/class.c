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
 * Several bases: the method resolution order is C3 (Type.mro, set once before the class is
 * published); the instance layout extends one of them, the layout base (Type.base_type), and the
 * others' built-in ancestors must lie on its chain. Instances add a dict after the layout base's
 * layout unless it already has one. Dunders are looked up by name by ops.c on heap types, so no
 * slot wrappers are installed here. Metaclasses: a class is an instance of its metaclass (a
 * subclass of type), allocated with the metaclass's size; metaclass= and __prepare__ are handled
 * by __build_class__ (builtins_code.c), __init_subclass__ and __set_name__ here (PEP 487).
 * Callers hold the GIL; nothing here locks (under `none`, a class's mro and bases are immutable
 * once it is returned).
 */
#include <string.h>
#include "runtime/class.h"
#include "runtime/func.h"
#include "core/state.h"
#include "runtime/vm.h"
#include "runtime/traceback.h"
#include "runtime/call.h"

static Obj **dict_slot(Obj *o, Type *t) { (void)t; return obj_dict_ptr(o); }

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
    if (t->dictoffset && (!b || !b->dictoffset)) return (uint8_t *)(obj_dict_ptr(o) + 1);
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

/* Weak references to o read None from now on; their callbacks run now (errors printed as
 * "Exception ignored in", like __del__'s). Also called by the cycle collector on each
 * unreachable object before any finalizer runs (runtime/gc.c). */
void class_clear_weakrefs(Obj *o) {
    Obj *w = weakref_clear_referent(o);
    while (w) {
        Obj *cb;
        Obj *next = weakref_chain_next(w, &cb);
        Obj *saved = exc_fetch();
        Obj *r = obj_call1(cb, w);
        if (r) DECREF(r);
        else {
            Obj *e = exc_fetch();
            Obj *fr = obj_repr(cb);
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
        DECREF(w);
        w = next;
    }
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
    if (__atomic_load_n(&weakref_live, __ATOMIC_RELAXED)) class_clear_weakrefs(o);
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

/* ---- several bases: the layout base and the C3 order ------------------------------------------ */
/* The method resolution order of a base as a tuple (new reference): its own, or its base_type chain. */
static Obj *base_mro(Type *b) {
    if (b->mro) return NEWREF(b->mro);
    int n = 0;
    for (Type *c = b; c; c = c->base_type) n++;
    Obj *tup = tuple_new(n);
    if (!tup) return NULL;
    int i = 0;
    for (Type *c = b; c; c = c->base_type) TUPLE_ITEMS(tup)[i++] = NEWREF((Obj *)c);
    return tup;
}

/* C3 linearisation (Barrett et al., "A Monotonic Superclass Linearization for Dylan", OOPSLA
 * 1996; the order Python uses since 2.3): t, then the merge of the bases' orders and the list of
 * bases. Iterative; each step scans the sequences' heads, so a deep hierarchy costs no C stack.
 * TypeError as CPython when no consistent order exists. */
static Obj *c3_mro(Type *t, Obj *bases) {
    intptr_t nb = TUPLE_LEN(bases), nseq = nb + 1, total = 1;
    Obj **seqs = mem_alloc(sizeof(Obj *) * (size_t)nseq);
    intptr_t *head = mem_alloc(sizeof(intptr_t) * (size_t)nseq);
    Obj *out = NULL, *res = NULL;
    if (!seqs || !head) goto done;
    for (intptr_t i = 0; i < nseq; i++) seqs[i] = NULL;
    for (intptr_t i = 0; i < nb; i++) {
        if (!(seqs[i] = base_mro((Type *)TUPLE_ITEMS(bases)[i]))) goto done;
        total += TUPLE_LEN(seqs[i]);
    }
    seqs[nb] = NEWREF(bases);
    for (intptr_t i = 0; i < nseq; i++) head[i] = 0;
    out = list_new(0);
    if (!out || list_append(out, (Obj *)t) < 0) goto done;
    for (;;) {
        Obj *pick = NULL;
        bool left = false;
        for (intptr_t i = 0; i < nseq && !pick; i++) {
            if (head[i] >= TUPLE_LEN(seqs[i])) continue;
            left = true;
            Obj *cand = TUPLE_ITEMS(seqs[i])[head[i]];
            bool in_tail = false;
            for (intptr_t j = 0; j < nseq && !in_tail; j++)
                for (intptr_t k = head[j] + 1; k < TUPLE_LEN(seqs[j]); k++)
                    if (TUPLE_ITEMS(seqs[j])[k] == cand) { in_tail = true; break; }
            if (!in_tail) pick = cand;
        }
        if (!left) break;
        if (!pick) {
            /* CPython's wording: the remaining heads, each once, in sequence order */
            StrBuf b;
            sb_init(&b);
            sb_adds(&b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            Obj *seen[64];
            int nseen = 0;
            for (intptr_t i = 0; i < nseq; i++) {
                if (head[i] >= TUPLE_LEN(seqs[i])) continue;
                Obj *h = TUPLE_ITEMS(seqs[i])[head[i]];
                bool dup = false;
                for (int k = 0; k < nseen; k++) if (seen[k] == h) dup = true;
                if (dup) continue;
                if (nseen < 64) seen[nseen++] = h;
                if (nseen > 1) sb_adds(&b, ", ");
                sb_adds(&b, ((Type *)h)->name);
            }
            Obj *msg = sb_finish(&b);
            if (msg) {
                exc_raise(TypeError_t, "%S", msg);
                DECREF(msg);
            }
            goto done;
        }
        if (list_append(out, pick) < 0) goto done;
        for (intptr_t i = 0; i < nseq; i++)
            if (head[i] < TUPLE_LEN(seqs[i]) && TUPLE_ITEMS(seqs[i])[head[i]] == pick) head[i]++;
    }
    (void)total;
    res = list_as_tuple(out);
done:
    XDECREF(out);
    if (seqs) for (intptr_t i = 0; i < nseq; i++) XDECREF(seqs[i]);
    mem_free(seqs);
    mem_free(head);
    return res;
}

/* The base whose instance layout the new class extends (CPython's best_base): the one whose
 * first built-in ancestor is the most derived; the first such base wins ties. Every other base's
 * built-in ancestor must be an ancestor of that one, else the layouts conflict. */
static Type *layout_base(Obj *bases) {
    Type *win = NULL, *win_static = NULL;
    for (intptr_t i = 0; i < TUPLE_LEN(bases); i++) {
        Type *b = (Type *)TUPLE_ITEMS(bases)[i];
        Type *sb = static_base(b);
        if (!win) { win = b; win_static = sb; continue; }
        if (type_is_subtype(win_static, sb)) continue;
        if (type_is_subtype(sb, win_static)) { win = b; win_static = sb; continue; }
        exc_raise(TypeError_t, "multiple bases have instance lay-out conflict");
        return NULL;
    }
    return win;
}

/* The metaclass of a class with these bases (CPython's _PyType_CalculateMetaclass): the most
 * derived of meta and the bases' metaclasses; TypeError when two are unrelated. Borrowed. */
Type *class_calculate_meta(Type *meta, Obj *bases) {
    Type *win = meta;
    for (intptr_t i = 0; i < TUPLE_LEN(bases); i++) {
        Type *bm = TYPE(TUPLE_ITEMS(bases)[i]);
        if (type_is_subtype(win, bm)) continue;
        if (type_is_subtype(bm, win)) { win = bm; continue; }
        exc_raise(TypeError_t, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                  "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return win;
}

/* A class whose metaclass defines __call__ in Python: calling the class calls it. */
static Obj *slot_meta_call(Obj *cls, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *f = type_lookup(TYPE(cls), str_intern("__call__"));
    if (!f) return exc_raise(TypeError_t, "'%s' object is not callable", type_name(cls));
    int nk = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
    Obj *small[8];
    Obj **buf = small;
    if (nargs + nk + 1 > 8 && !(buf = mem_alloc(sizeof(Obj *) * (size_t)(nargs + nk + 1)))) return NULL;
    buf[0] = cls;
    for (int i = 0; i < nargs + nk; i++) buf[i + 1] = args[i];
    Obj *r = obj_call(f, buf, nargs + 1, kwnames);
    if (buf != small) mem_free(buf);
    return r;
}

/* Wrap a plain function stored under `name` as CPython's type_new does: __new__ becomes a
 * staticmethod, __init_subclass__ and __class_getitem__ classmethods. */
static int wrap_implicit(Obj *dict, const char *name, Type *wrapper) {
    Obj *f = dict_get_s(dict, name);
    if (!f || !obj_is(f, &function_type)) return 0;
    Obj *w = obj_call1((Obj *)wrapper, f);
    if (!w) return -1;
    int r = dict_set_s(dict, name, w);
    DECREF(w);
    return r;
}

/* After the class exists: __set_name__ on the namespace's values (PEP 487), then the parent's
 * __init_subclass__ with the class statement's keywords (kwargs a dict or NULL). */
static int class_post_init(Type *t, Obj *kwargs) {
    Obj *items = list_new(0);
    if (!items) return -1;
    intptr_t pos = 0;
    Obj *k, *v;
    while (dict_next(t->dict, &pos, &k, &v)) {
        Obj *pair = tuple_pack(2, k, v);
        if (!pair || list_append(items, pair) < 0) { XDECREF(pair); DECREF(items); return -1; }
        DECREF(pair);
    }
    for (intptr_t i = 0; i < LIST_LEN(items); i++) {
        Obj *pair = LIST_ITEMS(items)[i];
        Obj *val = TUPLE_ITEMS(pair)[1];
        Obj *sn = type_lookup(TYPE(val), str_intern("__set_name__"));
        if (!sn) continue;
        Obj *args[3] = { val, (Obj *)t, TUPLE_ITEMS(pair)[0] };
        Obj *r = obj_call(sn, args, 3, NULL);
        if (!r) { DECREF(items); return -1; }
        DECREF(r);
    }
    DECREF(items);
    /* super(t, t).__init_subclass__(**kwargs): the first definition after t in its order */
    Obj *mro = base_mro(t);
    if (!mro) return -1;
    Obj *f = NULL;
    for (intptr_t i = 1; i < TUPLE_LEN(mro) && !f; i++) {
        Type *b = (Type *)TUPLE_ITEMS(mro)[i];
        if (b->dict) f = dict_get_s(b->dict, "__init_subclass__");
    }
    DECREF(mro);
    Obj *bound = f ? descr_get(f, NULL, t) : NULL;
    if (!bound) return f ? -1 : 0;
    Obj *r;
    if (kwargs && dict_len(kwargs)) {
        Obj *empty = tuple_new(0);
        r = empty ? vm_call_ex(bound, empty, kwargs) : NULL;
        XDECREF(empty);
    } else {
        r = obj_call0(bound);
    }
    DECREF(bound);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

Obj *class_new_meta(Type *meta, Obj *name, Obj *bases, Obj *ns, Obj *kwargs) {
    intptr_t nb = bases ? TUPLE_LEN(bases) : 0;
    for (intptr_t i = 0; i < nb; i++) {
        Obj *b = TUPLE_ITEMS(bases)[i];
        if (!obj_isinstance(b, &type_type))
            return exc_raise(TypeError_t, "bases must be types");
        for (intptr_t j = 0; j < i; j++)
            if (TUPLE_ITEMS(bases)[j] == b) return exc_raise(TypeError_t, "duplicate base class %s", ((Type *)b)->name);
        if (!(((Type *)b)->flags & TF_BASETYPE) && (Type *)b != &object_type)
            return exc_raise(TypeError_t, "type '%s' is not an acceptable base type", ((Type *)b)->name);
    }
    Type *base = &object_type;
    if (nb == 1) base = (Type *)TUPLE_ITEMS(bases)[0];
    else if (nb > 1 && !(base = layout_base(bases))) return NULL;
    if (nb) {
        Type *win = class_calculate_meta(meta, bases);
        if (!win) return NULL;
        /* As CPython's type_new: when a base's metaclass wins over the one called (type('X',
         * (C,), ns) with C's metaclass M), M's own __new__ makes the class, if M defines one;
         * M.__new__'s super().__new__(M, ...) comes back here with win == meta. */
        Obj *wnew = win != meta ? type_lookup(win, str_intern("__new__")) : NULL;
        if (wnew && wnew != type_lookup(&type_type, str_intern("__new__")) &&
            (obj_is(wnew, &function_type) || obj_is(wnew, &staticmethod_type))) {
            if (obj_is(wnew, &staticmethod_type)) wnew = class_wrapped_func(wnew);
            Obj *a = tuple_pack(4, (Obj *)win, name, bases, ns);
            Obj *r = a ? vm_call_ex(wnew, a, kwargs) : NULL;
            XDECREF(a);
            return r;
        }
        meta = win;
    }
    Type *t = (Type *)obj_alloc(meta, meta->size < sizeof(Type) ? sizeof(Type) : meta->size);
    if (!t) return NULL;
    Obj *iname = str_intern_obj(name);           /* kept forever: t->name points into it */
    if (!iname) { obj_free((Obj *)t); return NULL; }
    t->name = str_data(iname);
    t->base_type = base;
    INCREF((Obj *)base);
    t->dict = dict_copy(ns);
    if (!t->dict) { DECREF((Obj *)t); return NULL; }
    if (nb > 1 || (nb == 1 && base->mro)) {
        if (nb > 1) t->bases = NEWREF(bases);
        if (!(t->mro = c3_mro(t, bases))) { DECREF((Obj *)t); return NULL; }
    }
    t->flags = TF_HEAPTYPE | TF_BASETYPE | (base->flags & TF_EXCEPTION);
    t->size = base->size;
    t->dictoffset = base->dictoffset;
    Type *sbase = static_base(base);
    if (!t->dictoffset && sbase && (sbase->flags & TF_VARSIZE)) {
        t->dictoffset = DICTOFFSET_END;          /* the new_ slots of tuple/str/int add the two words */
    } else if (!t->dictoffset) {
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
    if (!dict_get_s(t->dict, "__module__")) {      /* type(name, bases, ns): the caller's module */
        Obj *g = vm_globals();
        Obj *m = g ? dict_get_s(g, "__name__") : NULL;
        if (m && dict_set_s(t->dict, "__module__", m) < 0) { DECREF((Obj *)t); return NULL; }
    }
    if (wrap_implicit(t->dict, "__new__", &staticmethod_type) < 0 ||
        wrap_implicit(t->dict, "__init_subclass__", &classmethod_type) < 0 ||
        wrap_implicit(t->dict, "__class_getitem__", &classmethod_type) < 0) {
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
    /* Python __setattr__/__getattribute__ anywhere in the order (not only on the layout base) */
    if (is_python_override(type_lookup(t, str_intern("__setattr__"))) ||
        is_python_override(type_lookup(t, str_intern("__delattr__"))))
        t->setattr = slot_setattr;
    if (is_python_override(type_lookup(t, str_intern("__getattribute__")))) t->getattr = slot_getattribute;
    if (type_is_subtype(t, &type_type) && is_python_override(type_lookup(t, str_intern("__call__"))))
        t->call = slot_meta_call;                /* a metaclass's __call__ runs when its classes are called */
    t->size = t->size < base->size ? base->size : t->size;
    if (class_post_init(t, kwargs) < 0) { DECREF((Obj *)t); return NULL; }
    return (Obj *)t;
}

Obj *class_new(Obj *name, Obj *bases, Obj *ns) {
    return class_new_meta(&type_type, name, bases, ns, NULL);
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
    if (s->objtype->mro) {
        /* the classes after start in the instance's own C3 order (cooperative super calls) */
        Obj *mro = s->objtype->mro;
        intptr_t i = 0, n = TUPLE_LEN(mro);
        while (i < n && TUPLE_ITEMS(mro)[i] != (Obj *)s->start) i++;
        for (i++; i < n; i++) {
            Type *b = (Type *)TUPLE_ITEMS(mro)[i];
            if (!b->dict) continue;
            Obj *d = dict_get(b->dict, name);
            if (d) return descr_get(d, is_inst ? s->obj : NULL, s->objtype);
        }
    } else {
        for (Type *b = s->start->base_type; b; b = b->base_type) {
            if (!b->dict) continue;
            Obj *d = dict_get(b->dict, name);
            if (d) return descr_get(d, is_inst ? s->obj : NULL, s->objtype);
        }
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
