/*
 * interp/objects/ops.c — the generic operations: what `a + b`, `a < b`, `len(x)`, `x[i]`, `f(...)` mean
 * for any pair of objects.
 *
 * Dispatch has two sources. Built-in types fill C slots in their Type. Classes (TF_HEAPTYPE)
 * define Python dunders; for those we look the dunder up with type_lookup and call it, unless
 * what we find is a builtin_fn (a C method inherited from a built-in base), in which case the
 * inherited C slot is used. Dunder names are interned once, lazily (a benign race: two threads
 * store the same immortal pointer).
 *
 * Binary operators follow CPython's order: if the right operand's type is a proper subclass of
 * the left's and overrides the reflected method, it goes first; then left, then right reflected;
 * NotImplemented from both is a TypeError with CPython's wording. C slots always receive the
 * operands in their original order (either may be "ours"); Python reflected dunders get
 * (right, left) as Python does.
 *
 * These are the hot paths of the VM: small-int and same-builtin-type cases are tested first.
 * Called by: the VM and every object file. Locks: none.
 */
#include <string.h>
#include "core/obj.h"
#include "objects/objects.h"
#include "objects/strfmt.h"

/* ---- dunder names ---------------------------------------------------------------------------- */
enum {
    D_REPR, D_STR, D_HASH, D_BOOL, D_LEN, D_GETITEM, D_SETITEM, D_DELITEM, D_CONTAINS, D_ITER,
    D_NEXT, D_CALL, D_NEG, D_POS, D_INVERT, D_FORMAT, D_LT, D_LE, D_EQ, D_NE, D_GT, D_GE,
    D_BIN, D_RBIN = D_BIN + NB__COUNT, D_IBIN = D_RBIN + NB__COUNT, D__COUNT = D_IBIN + NB__COUNT
};

static const char *const dnames[D__COUNT] = {
    "__repr__", "__str__", "__hash__", "__bool__", "__len__", "__getitem__", "__setitem__",
    "__delitem__", "__contains__", "__iter__", "__next__", "__call__", "__neg__", "__pos__",
    "__invert__", "__format__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
#define X(n, s, d, r) d,
    BINOPS(X)
#undef X
#define X(n, s, d, r) r,
    BINOPS(X)
#undef X
    "__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__",
    "__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__", "__imatmul__",
};

static const char *const opsyms[NB__COUNT] = {
#define X(n, s, d, r) s,
    BINOPS(X)
#undef X
};

static Obj *dname_cache[D__COUNT];

static Obj *dname(int i)
{
    Obj *n = dname_cache[i];
    if (!n) { n = str_intern(dnames[i]); dname_cache[i] = n; }
    return n;
}

/* The Python-level override of dunder i for o's type, or NULL (borrowed). */
static inline Obj *dunder(Obj *o, int i)
{
    if (IS_SMALL(o)) return NULL;
    Type *t = o->type;
    if (!(t->flags & TF_HEAPTYPE)) return NULL;
    Obj *n = dname(i);
    if (!n) { exc_clear(); return NULL; }
    Obj *f = type_lookup(t, n);
    if (!f || TYPE(f) == &builtin_fn_type) return NULL;
    return f;
}

static Obj *call_self(Obj *f, Obj *self, Obj *const *args, int nargs)
{
    Obj *buf[4];
    Obj **v = nargs < 4 ? buf : mem_alloc(sizeof(Obj *) * (size_t)(nargs + 1));
    if (!v) return NULL;
    v[0] = self;
    for (int i = 0; i < nargs; i++) v[i + 1] = args[i];
    Obj *r = obj_call(f, v, nargs + 1, NULL);
    if (v != buf) mem_free(v);
    return r;
}

const char *type_name(Obj *o) { return TYPE(o)->name; }

/* ---- repr / str / format --------------------------------------------------------------------- */
static Obj *check_str_result(Obj *r, const char *what)
{
    if (r && !str_check(r)) {
        exc_raise(TypeError_t, "%s returned non-string (type %s)", what, type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

Obj *obj_repr(Obj *o)
{
    Type *t = TYPE(o);
    if (!LEAF_TYPE(t) && c_stack_check(" while getting the repr of an object") < 0) return NULL;
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, D_REPR);
        if (f) return check_str_result(obj_call1(f, o), "__repr__");
    }
    if (t->repr) return t->repr(o);
    return str_fmt("<%s object at %p>", t->name, (void *)o);
}

Obj *obj_str(Obj *o)
{
    Type *t = TYPE(o);
    if (t == &str_type) return NEWREF(o);
    if (!LEAF_TYPE(t) && c_stack_check(" while getting the str of an object") < 0) return NULL;
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, D_STR);
        if (f) return check_str_result(obj_call1(f, o), "__str__");
        f = dunder(o, D_REPR);
        if (f && !t->str) return check_str_result(obj_call1(f, o), "__repr__");
    }
    if (t->str) return t->str(o);
    return obj_repr(o);
}

Obj *obj_format(Obj *v, Obj *spec)
{
    Obj *empty = NULL;
    if (!spec) { empty = str_new("", 0); if (!empty) return NULL; spec = empty; }
    Type *t = TYPE(v);
    Obj *r;
    Obj *f = (t->flags & TF_HEAPTYPE) ? dunder(v, D_FORMAT) : NULL;
    if (f) r = check_str_result(obj_call2(f, v, spec), "__format__");
    else if (t->format) r = t->format(v, spec);
    else if (str_nbytes(spec) == 0) r = obj_str(v);
    else r = exc_raise(TypeError_t, "unsupported format string passed to %s.__format__", t->name);
    XDECREF(empty);
    return r;
}

/* ---- hash ------------------------------------------------------------------------------------ */
int obj_hash(Obj *o, intptr_t *out)
{
    Type *t = TYPE(o);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = type_lookup(t, dname(D_HASH));
        if (f == None) goto unhashable;
        if (f && TYPE(f) != &builtin_fn_type) {
            Obj *r = obj_call1(f, o);
            if (!r) return -1;
            if (!int_check(r)) {
                DECREF(r);
                exc_raise(TypeError_t, "__hash__ method should return an integer");
                return -1;
            }
            intptr_t h;
            int64_t v;
            /* a result that fits the hash word is used as is (CPython's slot_tp_hash); only a
             * larger int is reduced by its own hash */
            if (IS_SMALL(r)) h = SMALL_VAL(r);
            else if (int_as_i64(r, &v) == 0 && v >= INTPTR_MIN && v <= INTPTR_MAX) h = (intptr_t)v;
            else { exc_clear(); int_type.hash(r, &h); }
            DECREF(r);
            if (h == -1) h = -2;
            *out = h;
            return 0;
        }
        if (!f && dunder(o, D_EQ)) goto unhashable;
    }
    if (t->hash) return t->hash(o, out);
unhashable:
    exc_raise(TypeError_t, "unhashable type: '%s'", t->name);
    return -1;
}

/* ---- comparison ------------------------------------------------------------------------------ */
static const int swapped_op[6] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };
static const char *const cmp_syms[6] = { "<", "<=", "==", "!=", ">", ">=" };

static Obj *try_cmp(Obj *a, Obj *b, int op)
{
    Type *t = TYPE(a);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(a, D_LT + op);
        if (f) return obj_call2(f, a, b);
        if (op == CMP_NE && (f = dunder(a, D_EQ))) {
            Obj *r = obj_call2(f, a, b);
            if (!r || r == NotImplemented) return r;
            int tr = obj_truth(r);
            DECREF(r);
            return tr < 0 ? NULL : bool_from(!tr);
        }
    }
    if (t->compare) return t->compare(a, b, op);
    return NEWREF(NotImplemented);
}

Obj *obj_compare(Obj *a, Obj *b, int op)
{
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t x = SMALL_VAL(a), y = SMALL_VAL(b);
        bool r;
        switch (op) {
        case CMP_LT: r = x < y; break;
        case CMP_LE: r = x <= y; break;
        case CMP_EQ: r = x == y; break;
        case CMP_NE: r = x != y; break;
        case CMP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return bool_from(r);
    }
    Type *ta = TYPE(a), *tb = TYPE(b);
    /* Nested objects' compare recurses here (slices, user __eq__ through C...); str/int/float
     * never do, and list/tuple guard their own nesting (seq_compare's rec_enter): sort keys
     * of those kinds pay nothing. */
    if (!(LEAF_TYPE(ta) && LEAF_TYPE(tb)) && ta != &tuple_type && ta != &list_type &&
        c_stack_check(" in comparison") < 0)
        return NULL;
    Obj *r;
    bool reflected_first = ta != tb && type_is_subtype(tb, ta) &&
                           ((tb->flags & TF_HEAPTYPE) ? dunder(b, D_LT + swapped_op[op]) != NULL
                                                      : tb->compare != ta->compare);
    if (reflected_first) {
        r = try_cmp(b, a, swapped_op[op]);
        if (r != NotImplemented) return r;
        DECREF(r);
    }
    r = try_cmp(a, b, op);
    if (r != NotImplemented) return r;
    DECREF(r);
    if (!reflected_first) {
        r = try_cmp(b, a, swapped_op[op]);
        if (r != NotImplemented) return r;
        DECREF(r);
    }
    if (op == CMP_EQ) return bool_from(a == b);
    if (op == CMP_NE) return bool_from(a != b);
    return exc_raise(TypeError_t, "'%s' not supported between instances of '%s' and '%s'",
                     cmp_syms[op], ta->name, tb->name);
}

int obj_compare_bool(Obj *a, Obj *b, int op)
{
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t x = SMALL_VAL(a), y = SMALL_VAL(b);
        switch (op) {
        case CMP_LT: return x < y;
        case CMP_LE: return x <= y;
        case CMP_EQ: return x == y;
        case CMP_NE: return x != y;
        case CMP_GT: return x > y;
        default: return x >= y;
        }
    }
    if (!IS_SMALL(a) && !IS_SMALL(b) && a->type == &str_type && b->type == &str_type) {
        return cmp_holds(str_compare3(a, b), op);
    }
    Obj *r = obj_compare(a, b, op);
    if (!r) return -1;
    if (r == True_) { DECREF(r); return 1; }
    if (r == False_) { DECREF(r); return 0; }
    int t = obj_truth(r);
    DECREF(r);
    return t;
}

int obj_eq(Obj *a, Obj *b)
{
    if (a == b) return 1;
    if (IS_SMALL(a) && IS_SMALL(b)) return 0;
    return obj_compare_bool(a, b, CMP_EQ);
}

/* ---- truth, len ------------------------------------------------------------------------------ */
int obj_truth(Obj *o)
{
    if (o == True_) return 1;
    if (o == False_ || o == None) return 0;
    if (IS_SMALL(o)) return SMALL_VAL(o) != 0;
    Type *t = o->type;
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, D_BOOL);
        if (f) {
            Obj *r = obj_call1(f, o);
            if (!r) return -1;
            if (r != True_ && r != False_) {
                exc_raise(TypeError_t, "__bool__ should return bool, returned %s", type_name(r));
                DECREF(r);
                return -1;
            }
            DECREF(r);
            return r == True_;
        }
        if (dunder(o, D_LEN)) {
            intptr_t n = obj_len(o);
            return n < 0 ? -1 : n > 0;
        }
    }
    if (t->truth) return t->truth(o);
    if (t->len) {
        intptr_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

intptr_t obj_len(Obj *o)
{
    Type *t = TYPE(o);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, D_LEN);
        if (f) {
            Obj *r = obj_call1(f, o);
            if (!r) return -1;
            if (!int_check(r)) {
                exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(r));
                DECREF(r);
                return -1;
            }
            intptr_t n;
            int e = int_as_index(r, &n);
            DECREF(r);
            if (e < 0) return -1;
            if (n < 0) { exc_raise(ValueError_t, "__len__() should return >= 0"); return -1; }
            return n;
        }
    }
    if (t->len) return t->len(o);
    exc_raise(TypeError_t, "object of type '%s' has no len()", t->name);
    return -1;
}

/* ---- items ----------------------------------------------------------------------------------- */
Obj *obj_getitem(Obj *o, Obj *key)
{
    Type *t = TYPE(o);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, D_GETITEM);
        if (f) return obj_call2(f, o, key);
    }
    if (t->getitem) return t->getitem(o, key);
    if (t == &type_type) {
        Obj *f = type_lookup((Type *)o, str_intern("__class_getitem__"));
        if (f) return obj_call2(f, o, key);
        return exc_raise(TypeError_t, "type '%s' is not subscriptable", ((Type *)o)->name);
    }
    return exc_raise(TypeError_t, "'%s' object is not subscriptable", t->name);
}

int obj_setitem(Obj *o, Obj *key, Obj *val)
{
    Type *t = TYPE(o);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, val ? D_SETITEM : D_DELITEM);
        if (f) {
            Obj *args[3] = { o, key, val };
            Obj *r = obj_call(f, args, val ? 3 : 2, NULL);
            if (!r) return -1;
            DECREF(r);
            return 0;
        }
    }
    if (t->setitem) return t->setitem(o, key, val);
    if (val) exc_raise(TypeError_t, "'%s' object does not support item assignment", t->name);
    else exc_raise(TypeError_t, "'%s' object doesn't support item deletion", t->name);
    return -1;
}

int obj_contains(Obj *c, Obj *item)
{
    Type *t = TYPE(c);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(c, D_CONTAINS);
        if (f) {
            Obj *r = obj_call2(f, c, item);
            if (!r) return -1;
            int tr = obj_truth(r);
            DECREF(r);
            return tr;
        }
    }
    if (t->contains) return t->contains(c, item);
    if (!t->iter && !dunder(c, D_ITER) && !dunder(c, D_GETITEM)) {
        exc_raise(TypeError_t, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    Obj *it = obj_iter(c);
    if (!it) return -1;
    Obj *x;
    int found = 0;
    while ((x = obj_next(it))) {
        int e = obj_eq(x, item);
        DECREF(x);
        if (e != 0) { found = e; break; }
    }
    DECREF(it);
    if (found == 0 && exc_occurred()) return -1;
    return found;
}

/* ---- iteration ------------------------------------------------------------------------------- */
/* Iterator over an object that only has __getitem__ (the old sequence protocol). */
typedef struct { Obj base; Obj *seq; intptr_t i; } SeqIter;

static void seqiter_dealloc(Obj *o) { XDECREF(((SeqIter *)o)->seq); obj_free(o); }
static Obj *seqiter_iter(Obj *o) { return NEWREF(o); }
static Obj *seqiter_next(Obj *o)
{
    SeqIter *s = (SeqIter *)o;
    if (!s->seq) return NULL;
    Obj *r = obj_getitem(s->seq, MK_SMALL(s->i));
    if (!r) {
        if (exc_matches(IndexError_t) || exc_matches(StopIteration_t)) { exc_clear(); CLEAR(s->seq); }
        return NULL;
    }
    s->i++;
    return r;
}

Type seqiter_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "iterator",
    .base_type = &object_type,
    .size = sizeof(SeqIter),
    .dealloc = seqiter_dealloc,
    .iter = seqiter_iter,
    .next = seqiter_next,
};

Obj *obj_iter(Obj *o)
{
    Type *t = TYPE(o);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, D_ITER);
        if (f) {
            Obj *r = obj_call1(f, o);
            if (!r) return NULL;
            Type *rt = TYPE(r);
            if (!rt->next && !dunder(r, D_NEXT)) {
                exc_raise(TypeError_t, "iter() returned non-iterator of type '%s'", rt->name);
                DECREF(r);
                return NULL;
            }
            return r;
        }
        if (!t->iter && dunder(o, D_GETITEM)) {
            SeqIter *s = (SeqIter *)obj_alloc(&seqiter_type, sizeof(SeqIter));
            if (!s) return NULL;
            s->seq = NEWREF(o);
            return (Obj *)s;
        }
    }
    if (t->iter) return t->iter(o);
    return exc_raise(TypeError_t, "'%s' object is not iterable", t->name);
}

Obj *obj_next(Obj *it)
{
    Type *t = TYPE(it);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(it, D_NEXT);
        if (f) {
            Obj *r = obj_call1(f, it);
            if (!r && exc_matches(StopIteration_t)) exc_clear();
            return r;
        }
    }
    if (t->next) return t->next(it);
    return exc_raise(TypeError_t, "'%s' object is not an iterator", t->name);
}

/* ---- binary operators ------------------------------------------------------------------------ */
static Obj *binop_error(Obj *a, Obj *b, int op)
{
    if (op == NB_POW)
        return exc_raise(TypeError_t, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                         type_name(a), type_name(b));
    return exc_raise(TypeError_t, "unsupported operand type(s) for %s: '%s' and '%s'",
                     opsyms[op], type_name(a), type_name(b));
}

/* Left operand's method: Python __add__(a, b) or the C slot (a, b). */
static Obj *try_left(Obj *a, Obj *b, int op)
{
    Type *t = TYPE(a);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(a, D_BIN + op);
        if (f) return obj_call2(f, a, b);
    }
    if (t->nb[op]) return t->nb[op](a, b);
    return NEWREF(NotImplemented);
}

/* Right operand's method: Python __radd__(b, a) or the C slot (a, b). */
static Obj *try_right(Obj *a, Obj *b, int op)
{
    Type *t = TYPE(b);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(b, D_RBIN + op);
        if (f) return obj_call2(f, b, a);
    }
    if (t->nb[op]) return t->nb[op](a, b);
    return NEWREF(NotImplemented);
}

static bool overrides_right(Obj *b, int op)
{
    return (TYPE(b)->flags & TF_HEAPTYPE) && dunder(b, D_RBIN + op) != NULL;
}

/* a op b by both operands' methods; NotImplemented (a new reference) when neither has one */
static Obj *binop_try(Obj *a, Obj *b, int op)
{
    Type *ta = TYPE(a), *tb = TYPE(b);
    Obj *r;
    if (ta == tb && !(ta->flags & TF_HEAPTYPE)) {
        if (ta->nb[op]) return ta->nb[op](a, b);
        return NEWREF(NotImplemented);
    }
    bool right_first = ta != tb && type_is_subtype(tb, ta) && overrides_right(b, op);
    if (right_first) {
        r = try_right(a, b, op);
        if (r != NotImplemented) return r;
        DECREF(r);
    }
    r = try_left(a, b, op);
    if (r != NotImplemented) return r;
    DECREF(r);
    if (!right_first && ta != tb) {
        if ((tb->flags & TF_HEAPTYPE) || tb->nb[op] != ta->nb[op]) return try_right(a, b, op);
    }
    return NEWREF(NotImplemented);
}

Obj *obj_binop(Obj *a, Obj *b, int op)
{
    Obj *r = binop_try(a, b, op);
    if (r != NotImplemented) return r;
    DECREF(r);
    return binop_error(a, b, op);
}

Obj *obj_inplace_binop(Obj *a, Obj *b, int op)
{
    if (IS_SMALL(a) && IS_SMALL(b)) return obj_binop(a, b, op);
    Type *t = TYPE(a);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(a, D_IBIN + op);
        if (f) {
            Obj *r = obj_call2(f, a, b);
            if (r != NotImplemented) return r;
            DECREF(r);
        }
    }
    /* Mutable built-ins mutate in place (the aliasing is visible in Python). */
    const char *meth = NULL;
    if (t == &list_type || type_is_subtype(t, &list_type)) {
        if (op == NB_ADD) meth = "extend";
    } else if (t == &set_type) {
        if (op == NB_OR) meth = "update";
        else if (op == NB_AND) meth = "intersection_update";
        else if (op == NB_SUB) meth = "difference_update";
        else if (op == NB_XOR) meth = "symmetric_difference_update";
    } else if (t == &dict_type && op == NB_OR) meth = "update";
    else if (t == &bytearray_type || type_is_subtype(t, &bytearray_type)) {
        int r = bytearray_inplace(a, b, op);
        if (r) return r < 0 ? NULL : NEWREF(a);
    }
    if (meth && !(t == &set_type && TYPE(b) != &set_type && TYPE(b) != &frozenset_type)) {
        Obj *r = obj_call_method(a, meth, &b, 1);
        if (!r) return NULL;
        DECREF(r);
        return NEWREF(a);
    }
    Obj *r = binop_try(a, b, op);
    if (r != NotImplemented) return r;
    DECREF(r);
    return exc_raise(TypeError_t, "unsupported operand type(s) for %s=: '%s' and '%s'",
                     opsyms[op], type_name(a), type_name(b));
}

/* ---- unary ----------------------------------------------------------------------------------- */
static Obj *unary(Obj *o, int d, Obj *(*slot)(Obj *), const char *sym)
{
    Type *t = TYPE(o);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(o, d);
        if (f) return obj_call1(f, o);
    }
    if (slot) return slot(o);
    return exc_raise(TypeError_t, "bad operand type for unary %s: '%s'", sym, t->name);
}

Obj *obj_neg(Obj *o)
{
    if (IS_SMALL(o)) return int_from_i64(-(int64_t)SMALL_VAL(o));
    return unary(o, D_NEG, TYPE(o)->neg, "-");
}
Obj *obj_pos(Obj *o) { if (IS_SMALL(o)) return o; return unary(o, D_POS, TYPE(o)->pos, "+"); }
Obj *obj_invert(Obj *o) { if (IS_SMALL(o)) return MK_SMALL(~SMALL_VAL(o)); return unary(o, D_INVERT, TYPE(o)->invert, "~"); }

/* ---- attributes ------------------------------------------------------------------------------ */
Obj *obj_getattr(Obj *o, Obj *name)
{
    Type *t = TYPE(o);
    if (t->getattr) return t->getattr(o, name);
    return obj_generic_getattr(o, name);
}

Obj *obj_getattr_s(Obj *o, const char *name)
{
    Obj *n = str_intern(name);
    if (!n) return NULL;
    return obj_getattr(o, n);
}

Obj *obj_lookup_attr(Obj *o, Obj *name)
{
    Obj *r = obj_getattr(o, name);
    if (!r && exc_matches(AttributeError_t)) exc_clear();
    return r;
}

int obj_setattr(Obj *o, Obj *name, Obj *val)
{
    Type *t = TYPE(o);
    if (t->setattr) return t->setattr(o, name, val);
    return obj_generic_setattr(o, name, val);
}

/* ---- calls ----------------------------------------------------------------------------------- */
Obj *obj_call(Obj *c, Obj *const *args, int nargs, Obj *kwnames)
{
    Type *t = TYPE(c);
    if (t->call) return t->call(c, args, nargs, kwnames);
    if (t->flags & TF_HEAPTYPE) {
        Obj *f = dunder(c, D_CALL);
        if (f) {
            int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;
            int total = nargs + nkw;
            Obj *buf[8];
            Obj **v = total < 8 ? buf : mem_alloc(sizeof(Obj *) * (size_t)(total + 1));
            if (!v) return NULL;
            v[0] = c;
            for (int i = 0; i < total; i++) v[i + 1] = args[i];
            Obj *r = obj_call(f, v, nargs + 1, kwnames);
            if (v != buf) mem_free(v);
            return r;
        }
    }
    return exc_raise(TypeError_t, "'%s' object is not callable", t->name);
}

Obj *obj_call0(Obj *c) { return obj_call(c, NULL, 0, NULL); }
Obj *obj_call1(Obj *c, Obj *a) { return obj_call(c, &a, 1, NULL); }
Obj *obj_call2(Obj *c, Obj *a, Obj *b) { Obj *v[2] = { a, b }; return obj_call(c, v, 2, NULL); }

Obj *obj_call_method(Obj *o, const char *name, Obj *const *args, int nargs)
{
    Obj *m = obj_getattr_s(o, name);
    if (!m) return NULL;
    Obj *r = obj_call(m, args, nargs, NULL);
    DECREF(m);
    return r;
}

/* Keep call_self for callers that have an unbound function and a receiver. */
Obj *obj_call_unbound(Obj *f, Obj *self, Obj *const *args, int nargs);
Obj *obj_call_unbound(Obj *f, Obj *self, Obj *const *args, int nargs) { return call_self(f, self, args, nargs); }

/* Class and static methods of the number and string types, which type_ready's MethodDef copy
 * can't express (it makes instance methods). Called once by types_init after type_ready, before
 * any second thread exists. */
int types_add_class_methods(void)
{
    static const struct { Type *t; const char *name; MethFn fn; } cm[] = {
        { &int_type, "from_bytes", int_from_bytes },
        { &str_type, "maketrans", str_maketrans },
        { &bytes_type, "fromhex", bytes_fromhex },
        { &bytes_type, "maketrans", bytes_maketrans },
        { &bytearray_type, "fromhex", bytes_fromhex },
        { &bytearray_type, "maketrans", bytes_maketrans },
    };
    if (!bytearray_type.dict && type_ready(&bytearray_type) < 0) return -1;
    for (size_t i = 0; i < sizeof cm / sizeof cm[0]; i++) {
        if (!cm[i].t->dict) continue;
        Obj *f = builtin_fn_new(cm[i].name, cm[i].fn, (Obj *)cm[i].t);
        if (!f) return -1;
        int r = dict_set_s(cm[i].t->dict, cm[i].name, f);
        DECREF(f);
        if (r < 0) return -1;
    }
    /* classmethods proper (bound to the class they are reached through): object.__init_subclass__
     * and type.__prepare__ (PEP 487, PEP 3115) */
    extern Obj *object_init_subclass(Obj *, Obj *const *, int, Obj *);
    extern Obj *type_prepare(Obj *, Obj *const *, int, Obj *);
    static const struct { Type *t; const char *name; MethFn fn; } cls_m[] = {
        { &object_type, "__init_subclass__", object_init_subclass },
        { &type_type, "__prepare__", type_prepare },
    };
    for (size_t i = 0; i < sizeof cls_m / sizeof cls_m[0]; i++) {
        Obj *f = builtin_fn_new(cls_m[i].name, cls_m[i].fn, NULL);
        Obj *cm_obj = f ? obj_call1((Obj *)&classmethod_type, f) : NULL;
        XDECREF(f);
        if (!cm_obj) return -1;
        int r = dict_set_s(cls_m[i].t->dict, cls_m[i].name, cm_obj);
        DECREF(cm_obj);
        if (r < 0) return -1;
    }
    return 0;
}
