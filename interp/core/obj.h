/*
 * interp/core/obj.h — the object model every file of the interpreter shares.
 *
 * Values are `Obj *`. A value whose low bit is 1 is a *small int* held in the pointer itself
 * (MicroPython's trick): no allocation, no reference count, the fast path of `n -= 1`. Every
 * other value points at a heap object that starts with an `Obj` header: a reference count and a
 * type. Always get a value's type with TYPE(v), never v->type, because of the tag.
 *
 * Reference counting is the reason the GIL exists: INCREF/DECREF are plain increments under a
 * GIL, and become atomic when the running GIL policy says so (rc_atomic, set by the free-threaded
 * policy). They live here, in one place, and nowhere else.
 *
 * Error convention (CPython's): a function returning Obj * returns NULL with an exception set in
 * the current ThreadState; a function returning int returns -1 with an exception set. exc_raise*
 * set the exception and return NULL so `return exc_raise(...)` reads naturally.
 *
 * References: functions return NEW references unless their comment says "borrowed". Arguments are
 * borrowed unless the comment says "steals".
 */
#ifndef INTERP_OBJ_H
#define INTERP_OBJ_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>
#include "port/port.h"

typedef struct Obj Obj;
typedef struct Type Type;
typedef struct Interp Interp;
typedef struct ThreadState ThreadState;

struct Obj {
    intptr_t refcnt;
    Type *type;
};

/* ---- small ints (tagged) --------------------------------------------------------------------- */
#define SMALL_BITS ((int)(sizeof(intptr_t) * 8 - 1))            /* 31 on the guest, 63 on the host */
#define SMALL_MAX (INTPTR_MAX >> 1)
#define SMALL_MIN (INTPTR_MIN >> 1)
#define IS_SMALL(v) (((uintptr_t)(v)) & 1u)
#define SMALL_VAL(v) (((intptr_t)(v)) >> 1)
#define MK_SMALL(i) ((Obj *)((((uintptr_t)(intptr_t)(i)) << 1) | 1u))
#define FITS_SMALL(i) ((i) >= SMALL_MIN && (i) <= SMALL_MAX)

extern Type int_type;
#define TYPE(v) (IS_SMALL(v) ? &int_type : (v)->type)

/* ---- reference counting: the one place ------------------------------------------------------- */
extern volatile bool rc_atomic;         /* true while a GIL-less policy runs (object locks on) */
/* Reference counts are atomic read-modify-writes only once rc_atomic is set AND a second thread
 * has been started under it (_thread.start_new_thread sets rc_shared before the thread exists:
 * thread creation orders every earlier plain update before the new thread's first). Until then
 * one thread alone touches the interpreter's objects, and a plain add is exact: `none` costs a
 * lone thread what `new` costs it (the objects of other multiprocessing interpreters are never
 * shared with it, only immortal ones, which nobody writes). Set once, cleared only where
 * rc_atomic is (a policy change, one thread alive). interp/core/objlock.c. */
extern volatile bool rc_shared;
void obj_dealloc(Obj *o);               /* refcount reached zero */
void obj_release(Obj *o, intptr_t n);   /* DECREF's slow path: n == 0 deallocates, n < 0 is a race */
#define IMMORTAL_REFCNT ((intptr_t)1 << (sizeof(intptr_t) * 8 - 3))

/* Immortal objects (None, True, False, the built-in types and their methods, interned names) are
 * shared by every thread of every interpreter. A write to their count from every core would
 * bounce one cache line between all of them on every comparison and every `return None`: the
 * atomic path (`none`) and, since the interpreters of a multiprocessing Pool run in parallel
 * each under its own GIL, the plain path too leave them alone (PEP 683, CPython 3.12) — and
 * only read the count, which does not bounce. */
#define RC_IS_IMMORTAL(o) (__atomic_load_n(&(o)->refcnt, __ATOMIC_RELAXED) >= IMMORTAL_REFCNT / 2)
/* Make a live object immortal: from now on it is never freed, and the atomic path never writes
 * its count. For objects every thread reads: the methods of the built-in types (type_ready), and
 * the definitions a free-threaded program shares (interp/runtime/share.c). The caller must hold
 * a reference (or the lock of a container that does), so o cannot be freed meanwhile. A racing
 * atomic INCREF/DECREF may land just after the store: the count stays near IMMORTAL_REFCNT. */
static inline void obj_immortalize(Obj *o) {
    if (!IS_SMALL(o)) __atomic_store_n(&o->refcnt, IMMORTAL_REFCNT, __ATOMIC_RELAXED);
}

static inline void INCREF(Obj *o) {
    if (IS_SMALL(o) || RC_IS_IMMORTAL(o)) return;
    if (rc_shared) __atomic_fetch_add(&o->refcnt, 1, __ATOMIC_RELAXED);
    else o->refcnt++;
}
static inline void DECREF(Obj *o) {
    if (IS_SMALL(o) || RC_IS_IMMORTAL(o)) return;
    intptr_t n;
    if (rc_shared) n = __atomic_sub_fetch(&o->refcnt, 1, __ATOMIC_ACQ_REL);
    else n = --o->refcnt;
    if (__builtin_expect(n <= 0, 0)) obj_release(o, n);
}
/* Deallocation never recurses without bound (CPython's "trashcan", for every type at once):
 * obj_dealloc counts nested deallocations on the thread (ThreadState.trash_depth); past
 * TRASH_DEPTH of them, or once the C stack is low, the dead object is queued on
 * ThreadState.trash (linked through its dead refcnt field) and the outermost obj_dealloc frees
 * the queue in a loop. So dropping a 1,000,000-deep chain of lists, tracebacks, generators or
 * map() iterators costs TRASH_DEPTH C frames, not a million. Type deallocs need do nothing. */
#define TRASH_DEPTH 25

/* The C-stack budget (interp/core/cstack.c): c_stack_low() is true once the running thread's stack
 * is within its reserve of the guard page; c_stack_check(where) then raises RecursionError
 * ("maximum recursion depth exceeded" + where) and returns -1, else 0. Independent of
 * sys.setrecursionlimit: every C path that recurses on user data calls it. */
bool c_stack_low(void);
int c_stack_check(const char *where);       /* interp/objects/object.c */
/* Types whose instances hold no references and whose repr/compare/dealloc never recurse: the hot
 * paths skip the checks above for them. */
#define LEAF_TYPE(t) ((t)->flags & TF_LEAF)

static inline void XINCREF(Obj *o) { if (o) INCREF(o); }
static inline void XDECREF(Obj *o) { if (o) DECREF(o); }
#define CLEAR(p) do { Obj *_t = (Obj *)(p); (p) = NULL; XDECREF(_t); } while (0)
static inline Obj *NEWREF(Obj *o) { INCREF(o); return o; }

/* ---- calling convention ----------------------------------------------------------------------- */
/* Vectorcall-like: args[0..nargs) are positional; if kwnames (a tuple of str) is non-NULL, the
 * len(kwnames) values after them are the keyword arguments. All borrowed. */
typedef Obj *(*CallFn)(Obj *callable, Obj *const *args, int nargs, Obj *kwnames);
/* A C method of a built-in type: self plus the same argument layout. */
typedef Obj *(*MethFn)(Obj *self, Obj *const *args, int nargs, Obj *kwnames);
typedef struct { const char *name; MethFn fn; } MethodDef;
/* type_ready() (interp/objects/object.c) stores each MethodDef of t->methods in t->dict as
 * builtin_method_new(name, fn, t) (interp/objects/builtin_fn.h), unless the dict already has that name. Class
 * methods of built-in types (dict.fromkeys) are stored as builtin_fn_new(name, fn, (Obj *)t),
 * which does not bind. Dunder entries (__init__, __repr__, __eq__...) are in methods[] where
 * super() calls need them (object.__init__, BaseException.__init__, list.__init__...). */

/* ---- binary operators ------------------------------------------------------------------------- */
#define BINOPS(X) \
    X(ADD, "+", "__add__", "__radd__") X(SUB, "-", "__sub__", "__rsub__") \
    X(MUL, "*", "__mul__", "__rmul__") X(TRUEDIV, "/", "__truediv__", "__rtruediv__") \
    X(FLOORDIV, "//", "__floordiv__", "__rfloordiv__") X(MOD, "%", "__mod__", "__rmod__") \
    X(POW, "**", "__pow__", "__rpow__") X(LSHIFT, "<<", "__lshift__", "__rlshift__") \
    X(RSHIFT, ">>", "__rshift__", "__rrshift__") X(AND, "&", "__and__", "__rand__") \
    X(OR, "|", "__or__", "__ror__") X(XOR, "^", "__xor__", "__rxor__") \
    X(MATMUL, "@", "__matmul__", "__rmatmul__")
enum BinOp {
#define X(n, s, d, r) NB_##n,
    BINOPS(X)
#undef X
    NB__COUNT
};
/* Comparison ops, in this order (as CPython): */
enum CmpOp { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

typedef Obj *(*BinFn)(Obj *a, Obj *b);      /* either operand may be "ours"; NotImplemented if not */

/* ---- types ------------------------------------------------------------------------------------ */
enum {
    TF_HEAPTYPE = 1,      /* a class statement made it (refcounted, has a Python-level dict) */
    TF_BASETYPE = 2,      /* may be subclassed */
    TF_EXCEPTION = 4,     /* BaseException or a subclass */
    TF_LEAF = 8,          /* holds no references: nothing is deallocated under it (int, float, str) */
    TF_VARSIZE = 16,      /* instances are longer than size (tuple, str): a subclass's instances keep
                             the base layout exactly and get no instance dict (class.c) */
    TF_WEAKREF = 32,      /* a built-in type whose instances may be weakly referenced: its dealloc
                             clears their weak references (async_generator, for asyncio's WeakSet) */
    TF_READY = 64,        /* type_ready finished (type_ready_shared readies a static type once) */
};

struct Type {
    Obj base;                       /* types are objects; their type is type_type */
    const char *name;
    Type *base_type;                /* the layout base (the first base, or the one whose layout wins);
                                       NULL only for object_type */
    Obj *dict;                      /* class namespace (a dict): methods, class attributes */
    size_t size;                    /* instance size in bytes */
    size_t dictoffset;              /* instances' Obj *dict lives at this offset; 0 = none;
                                       DICTOFFSET_END: after the variable part (obj_dict_ptr) */
    uint32_t flags;

    void (*dealloc)(Obj *);         /* frees the object (and DECREFs what it holds) */
    Obj *(*repr)(Obj *);
    Obj *(*str)(Obj *);             /* NULL -> repr */
    int (*hash)(Obj *, intptr_t *out);   /* NULL -> unhashable (TypeError) */
    Obj *(*compare)(Obj *a, Obj *b, int op);  /* rich compare; NotImplemented if unsupported */
    int (*truth)(Obj *);            /* 1/0, -1 error; NULL -> len() != 0 or true */
    intptr_t (*len)(Obj *);         /* -1 error */
    Obj *(*getitem)(Obj *, Obj *key);
    int (*setitem)(Obj *, Obj *key, Obj *val);   /* val == NULL: delete */
    int (*contains)(Obj *, Obj *);  /* 1/0/-1; NULL -> iterate */
    Obj *(*iter)(Obj *);
    Obj *(*next)(Obj *);            /* NULL without an exception set = exhausted */
    CallFn call;
    Obj *(*getattr)(Obj *, Obj *name);             /* NULL -> obj_generic_getattr */
    int (*setattr)(Obj *, Obj *name, Obj *val);    /* NULL -> obj_generic_setattr */
    BinFn nb[NB__COUNT];
    Obj *(*neg)(Obj *);
    Obj *(*pos)(Obj *);
    Obj *(*invert)(Obj *);
    Obj *(*format)(Obj *, Obj *spec);   /* __format__; NULL -> str(obj) if spec empty */
    const MethodDef *methods;       /* copied into dict by type_ready() */
    Obj *(*new_)(Type *t, Obj *const *args, int nargs, Obj *kwnames);   /* type(...) construction */
    /* Binding when found in a class's dict (descr_get, interp/objects/descr.h): obj the instance,
     * NULL for a lookup on the class cls; new reference. NULL -> a heap type's __get__, else
     * the object itself. Not inherited by type_ready (a subclass of staticmethod does not unwrap). */
    Obj *(*descr_get)(Obj *descr, Obj *obj, Type *cls);
    /* Classes with several bases (interp/runtime/class.c): the tuple of bases and the C3 method
     * resolution order (a tuple of types starting with this one), both set once before the class
     * is published and never changed, so readers need no lock. NULL for single inheritance: the
     * order is then the base_type chain (base_type is the base whose instance layout this one
     * extends). type_lookup and type_is_subtype follow mro when it is set. */
    Obj *bases;
    Obj *mro;
    /* The cycle collector's slots (interp/core/gc.h, interp/runtime/gc.c), inherited by
     * type_ready. traverse calls visit(r, arg) on every reference the object holds (owns), and
     * returns visit's first nonzero result; a type with traverse is a container: obj_alloc gives
     * its instances a GcHead and tracks them. clear drops the references that can form a cycle,
     * leaving the object valid for its dealloc (and for other code that still uses it); NULL =
     * nothing to drop (a tuple: the other members of its cycle break it). finalize (PEP 442's
     * tp_finalize) runs a finalizer at most once for an unreachable object the object still
     * alive; returns 1 if it ran Python code, 0 if there was nothing to run. */
    int (*traverse)(Obj *, int (*visit)(Obj *, void *), void *arg);
    void (*clear)(Obj *);
    int (*finalize)(Obj *);
    /* Free-threaded policy (`none`): offset of the instances' uint32_t object-lock word
     * (interp/core/objlock.h); 0 = none (obj_lock falls back to the striped table). Set by the
     * containers (list, dict, set, frozenset, bytearray), inherited by type_ready. */
    size_t lockoffset;
};
typedef int (*VisitFn)(Obj *, void *);
/* Small ints hold no references and are never tracked: skipped without the call. */
#define VISIT(o) do { Obj *_v = (Obj *)(o); if (_v && !IS_SMALL(_v)) { int _r = visit(_v, arg); if (_r) return _r; } } while (0)

/* A subclass of a variable-size type (TF_VARSIZE: tuple, str, int) keeps its instance dict after
 * the instance's own variable part (then the finalized word of class.c), so its dictoffset is
 * this mark and the dict is found with obj_dict_ptr (interp/objects/object.c). */
#define DICTOFFSET_END ((size_t)-1)
Obj **obj_dict_ptr(Obj *o);                 /* the instance dict slot of o, NULL if its type has none */
size_t obj_var_base_size(Obj *o);           /* bytes of a TF_VARSIZE instance before its dict (aligned) */

/* The built-in types. Each is defined in the file that implements it. */
extern Type object_type, type_type, none_type, bool_type, float_type, str_type, bytes_type,
    list_type, tuple_type, dict_type, set_type, frozenset_type, range_type, slice_type,
    notimpl_type, builtin_fn_type, method_type, function_type, code_type, cell_type,
    module_type, generator_type, property_type, staticmethod_type, classmethod_type,
    super_type, ellipsis_type;

extern Obj none_obj, notimpl_obj, true_obj, false_obj, ellipsis_obj;
#define None (&none_obj)
#define NotImplemented (&notimpl_obj)
#define True_ (&true_obj)
#define False_ (&false_obj)
static inline Obj *bool_from(int b) { Obj *r = b ? True_ : False_; INCREF(r); return r; }
static inline Obj *none_ref(void) { INCREF(None); return None; }

int type_ready(Type *t);                     /* fill dict from methods, inherit slots from base */
/* A static type a module readies at its first import, once per process: the interpreters of a
 * multiprocessing program import at the same time, each under its own GIL (object.c). */
int type_ready_shared(Type *t);
void type_immortalize(Type *t);              /* a static type's dict and its contents: immortal (object.c) */
bool type_is_subtype(Type *a, Type *b);
static inline bool obj_is(Obj *o, Type *t) { return TYPE(o) == t; }
static inline bool obj_isinstance(Obj *o, Type *t) { return TYPE(o) == t || type_is_subtype(TYPE(o), t); }
Obj *type_lookup(Type *t, Obj *name);        /* borrowed; walks the mro (or base_type chain); no exception */
/* Walk a type's method resolution order: intptr_t i = 0;
 * for (Type *c = t; c; c = TYPE_MRO_NEXT(t, c, i)) ... (the mro tuple, else the base_type chain) */
#define TYPE_MRO_NEXT(t, c, i) ((t)->mro ? (++(i) < TUPLE_LEN((t)->mro) ? (Type *)TUPLE_ITEMS((t)->mro)[i] : NULL) \
                                         : (c)->base_type)

/* ---- interpreter and thread state ------------------------------------------------------------- */
/* Defined fully in interp/core/state.h; these are the fields every file may use. */
ThreadState *ts_get(void);                   /* port_tls_get() (interp/core/state.c) */

/* ---- memory: every interpreter allocation goes through here ----------------------------------- */
/* Accounted against the current interpreter's limit; NULL + MemoryError set when exceeded. */
void *mem_alloc(size_t n);
void *mem_realloc(void *p, size_t n);
void mem_free(void *p);
Obj *obj_alloc(Type *t, size_t size);        /* refcnt 1, type set (INCREF'd if heap type), rest zero */
void obj_free(Obj *o);                       /* release the memory of a dead object; DECREFs its type if a heap type */
size_t mem_used_now(void);                   /* bytes accounted to the current interpreter (mem.c) */
Obj *mem_error(void);                        /* raise MemoryError without needing memory; returns NULL */
/* Hooks of the layers above (mem.c): the allocator raises MemoryError through the function the
 * exceptions register (interp/objects/exc.c; nested: allocations fail even past the limit, do
 * not allocate), and, while the `unsafe` GIL policy runs, calls the race detectors it points
 * mem_checks at (interp/gil/gil_unsafe.c; NULL otherwise, one predictable branch):
 *   obj_free(o), before the memory is released:  poison(o)
 *   obj_dealloc(o), first:                        check_dealloc(o) == 1: reported, do NOT free
 *   DECREF, when the new count is negative:       refcnt_underflow(o)
 *   a double free or corrupt block (host):        report(what)
 *   exc_raise, the message formatted:              raised(message): it names a freed object's
 *                                                  type (a use after free an object slot missed) */
void mem_set_error_hook(void (*raise_error)(int nested));
typedef struct MemChecks {
    void (*poison)(Obj *o);
    int  (*check_dealloc)(Obj *o);
    void (*refcnt_underflow)(Obj *o);
    void (*report)(const char *what);
    void (*raised)(const char *message);
} MemChecks;
extern const MemChecks *volatile mem_checks;

/* ---- exceptions ------------------------------------------------------------------------------- */
extern Type *BaseException_t, *Exception_t, *SystemExit_t, *KeyboardInterrupt_t, *StopIteration_t,
    *ArithmeticError_t, *ZeroDivisionError_t, *OverflowError_t, *AssertionError_t,
    *AttributeError_t, *LookupError_t, *IndexError_t, *KeyError_t, *NameError_t,
    *UnboundLocalError_t, *TypeError_t, *ValueError_t, *UnicodeError_t, *RuntimeError_t,
    *RecursionError_t, *NotImplementedError_t, *MemoryError_t, *SyntaxError_t,
    *IndentationError_t, *ImportError_t, *ModuleNotFoundError_t, *OSError_t, *EOFError_t,
    *GeneratorExit_t, *StopAsyncIteration_t, *TimeoutError_t, *UnicodeDecodeError_t,
    *UnicodeEncodeError_t, *BufferError_t, *FloatingPointError_t, *PermissionError_t,
    *ProcessLookupError_t, *ChildProcessError_t, *BrokenPipeError_t, *ConnectionError_t,
    *FileNotFoundError_t, *FileExistsError_t, *IsADirectoryError_t, *InterruptedError_t,
    *Warning_t, *UserWarning_t, *DeprecationWarning_t, *RuntimeWarning_t, *TabError_t;
Obj *exc_raise(Type *t, const char *fmt, ...);   /* printf-style message (%s %d %ld %zd %c %%, %R = repr of Obj*, %S = str of Obj*, %T = type name of Obj*); returns NULL */
Obj *exc_raise_obj(Obj *exc);                /* raise an instance or a class; borrowed; returns NULL */
Obj *exc_occurred(void);                     /* borrowed; NULL if none */
bool exc_matches(Type *t);                   /* is the pending exception an instance of t? */
Obj *exc_fetch(void);                        /* take the pending exception (new ref), clearing it */
void exc_restore(Obj *exc);                  /* set the pending exception; steals */
void exc_clear(void);
Obj *exc_new(Type *t, Obj *const *args, int nargs);   /* an instance, not raised */
/* Raise the preallocated MemoryError: never allocates (mem.c calls it when the limit is hit). */
Obj *exc_raise_memory(void);
/* Every exception instance (BaseException and all subclasses, user ones included) has this
 * layout; dictoffset = offsetof(ExcObj, dict) so user subclasses carry attributes. The VM sets
 * traceback/context/cause directly (new references; NULL = None). `value` is StopIteration.value
 * and SystemExit.code. */
typedef struct {
    Obj base;
    Obj *dict;
    Obj *args;                 /* a tuple, never NULL after construction */
    Obj *traceback, *context, *cause;
    bool suppress_context;
    bool finalized;            /* a user subclass's __del__ has run (PEP 442: once only); class.c */
    Obj *value;
} ExcObj;
/* Start-up, once per process before any interpreter: type_ready() every built-in type of the
 * object layer (in base-first order) and create the exception classes. interp/objects/object.c.
 * Returns -1 on failure. The layers above ready their own types (code, function, cell,
 * generator, super, traceback) after it: interp/runtime/interp.c. */
int types_init(void);
/* type(name, bases, dict) and type.__new__(meta, name, bases, dict, **kw) make a class with this
 * function (interp/runtime/class.c's class_new_meta: meta the metaclass, kwargs a dict of the
 * class keywords or NULL), which the runtime registers at start-up, after types_init and before
 * any second thread. */
void type_set_class_new(Obj *(*class_new)(Type *meta, Obj *name, Obj *bases, Obj *ns, Obj *kwargs));
/* Fill a builtins module dict with the built-in functions (print, len, ..., exec, eval,
 * __build_class__), the types and the exception classes. interp/runtime/builtins.c. */
int builtins_init(Obj *dict);

/* ---- generic operations (interp/objects/ops.c) -------------------------------------------------------- */
/* For heap types (TF_HEAPTYPE) these look up the Python dunder (__add__, __radd__,
 * __iadd__, __repr__, __str__, __eq__, __lt__, __hash__, __len__, __bool__, __getitem__,
 * __setitem__, __delitem__, __contains__, __iter__, __next__, __call__, __neg__, __format__...)
 * with type_lookup and call it, unless what is found is a builtin_fn (then the C slot, inherited
 * by type_ready, is used). So class.c need not install slot wrappers for these dunders. */
Obj *obj_repr(Obj *o);                       /* a str */
Obj *obj_str(Obj *o);                        /* a str */
int obj_hash(Obj *o, intptr_t *out);
Obj *obj_compare(Obj *a, Obj *b, int op);    /* any object (result of __lt__ etc.) */
int obj_compare_bool(Obj *a, Obj *b, int op);/* 1/0/-1 */
int obj_eq(Obj *a, Obj *b);                  /* identity shortcut, then ==; 1/0/-1 */
int obj_truth(Obj *o);
intptr_t obj_len(Obj *o);
Obj *obj_getitem(Obj *o, Obj *key);
int obj_setitem(Obj *o, Obj *key, Obj *val); /* val NULL: del */
int obj_contains(Obj *container, Obj *item);
Obj *obj_iter(Obj *o);
Obj *obj_next(Obj *it);                      /* NULL + no exception = exhausted */
Obj *obj_binop(Obj *a, Obj *b, int op);      /* full dispatch incl. reflected, TypeError if neither */
Obj *obj_inplace_binop(Obj *a, Obj *b, int op);  /* __iadd__ etc., falling back to obj_binop */
Obj *obj_neg(Obj *o);
Obj *obj_pos(Obj *o);
Obj *obj_invert(Obj *o);
Obj *obj_getattr(Obj *o, Obj *name);         /* AttributeError if missing */
Obj *obj_getattr_s(Obj *o, const char *name);
Obj *obj_lookup_attr(Obj *o, Obj *name);     /* NULL without exception if missing */
int obj_setattr(Obj *o, Obj *name, Obj *val);/* val NULL: del */
Obj *obj_generic_getattr(Obj *o, Obj *name);
int obj_generic_setattr(Obj *o, Obj *name, Obj *val);
Obj *obj_call(Obj *callable, Obj *const *args, int nargs, Obj *kwnames);
Obj *obj_call0(Obj *callable);
Obj *obj_call1(Obj *callable, Obj *a);
Obj *obj_call2(Obj *callable, Obj *a, Obj *b);
Obj *obj_call_method(Obj *o, const char *name, Obj *const *args, int nargs);
Obj *obj_format(Obj *v, Obj *spec);          /* format(v, spec); spec a str or NULL */
const char *type_name(Obj *o);               /* TYPE(o)->name */
/* Installs int.from_bytes, str.maketrans, bytes.fromhex (class/static methods); called once by
 * types_init after the type_ready loop. */
int types_add_class_methods(void);

/* ---- int (interp/objects/int.c): small ints tagged, big ints on the heap ------------------------------ */
Obj *int_from_i64(int64_t v);
Obj *int_from_u64(uint64_t v);
Obj *int_from_double(double d);              /* OverflowError/ValueError for inf/nan */
Obj *int_from_str(const char *s, size_t n, int base);  /* Python int() literal rules; ValueError */
int int_as_i64(Obj *o, int64_t *out);        /* -1 + OverflowError if it doesn't fit; TypeError if not int */
int int_as_index(Obj *o, intptr_t *out);     /* for indexing: int or bool, OverflowError, TypeError */
/* What int_as_index_ovf does with an int outside intptr_t (CPython's three conversions): */
typedef enum {
    INDEX_OVF_OVERFLOW,   /* OverflowError "cannot fit 'int' into an index-sized integer" (seq * n) */
    INDEX_OVF_INDEXERROR, /* IndexError, same message (seq[i], seq[i] = v, del seq[i]) */
    INDEX_OVF_SSIZE,      /* OverflowError "Python int too large to convert to C ssize_t" (list.insert/pop) */
    INDEX_OVF_CLAMP,      /* clamp to +-INTPTR_MAX, no error (slice bounds, str.find's start/end) */
} IndexOverflow;
int int_as_index_ovf(Obj *o, intptr_t *out, IndexOverflow how);
double int_as_double(Obj *o, int *overflow);
bool int_check(Obj *o);                      /* int or bool (or subclass) */
Obj *int_to_base(Obj *v, int base);          /* hex()/oct()/bin(): base 16/8/2 with 0x/0o/0b prefix, or 10 */
Obj *int_round(Obj *x, Obj *ndigits);        /* round(int, ndigits); ndigits may be NULL/None */
Obj *num_pow3(Obj *a, Obj *b, Obj *m);       /* pow(a, b, m); m may be NULL/None -> a ** b */
int int_sign(Obj *o);                        /* -1/0/1 for an int or bool */
Obj *int_divmod(Obj *a, Obj *b);             /* divmod() of two ints in one division (a tuple); NotImplemented otherwise */
Obj *float_divmod(Obj *a, Obj *b);           /* divmod() with a float operand ("float divmod()" on zero); NotImplemented otherwise */
Obj *int_abs(Obj *o);

/* ---- float ------------------------------------------------------------------------------------ */
Obj *float_new(double d);
static inline double float_val(Obj *o) { return *(double *)((char *)o + sizeof(Obj)); }
int num_as_double(Obj *o, double *out);      /* int/bool/float -> double; TypeError otherwise */
Obj *float_round(Obj *x, Obj *ndigits);      /* round(float[, ndigits]); ndigits NULL/None -> int */
Obj *float_from_str(const char *s, size_t n);/* float("...") rules; ValueError */
Obj *float_repr_d(double d);                 /* CPython's repr of a double, as a str */

/* ---- str (UTF-8; len/indexing in code points) ------------------------------------------------- */
Obj *str_new(const char *s, size_t nbytes);  /* validates nothing: caller gives UTF-8 */
Obj *str_from_cstr(const char *s);
Obj *str_fmt(const char *fmt, ...);          /* same escapes as exc_raise */
Obj *str_intern(const char *s);              /* borrowed; lives forever; same pointer for same text */
Obj *str_intern_obj(Obj *s);                 /* new ref to the interned copy */
const char *str_data(Obj *s);                /* borrowed, NUL-terminated */
size_t str_nbytes(Obj *s);
Obj *str_concat(Obj *a, Obj *b);
Obj *str_join(Obj *sep, Obj *iterable);
bool str_equal_cstr(Obj *s, const char *c);
Obj *str_vfmt(const char *fmt, va_list ap);  /* str_fmt with a va_list (for exc_raise) */
size_t str_nchars(Obj *s);                   /* len() in code points */
Obj *str_from_codepoint(uint32_t cp);        /* chr(); ValueError outside 0..0x10FFFF */
int str_codepoint_at(Obj *s, size_t i, uint32_t *cp);  /* code point i (in range), for ord() etc. */
int str_check(Obj *o);                       /* str or subclass */
/* Code point properties as the str methods see them (interp/objects/str_methods.c): case mapping,
 * isalnum, isdecimal, isspace. */
uint32_t str_cp_lower(uint32_t c);
uint32_t str_cp_upper(uint32_t c);
bool str_cp_isalnum(uint32_t c);
bool str_cp_isdecimal(uint32_t c);
bool str_cp_isspace(uint32_t c);
int str_compare3(Obj *a, Obj *b);            /* two str: -1/0/1 in code point order (fast paths) */

/* A growable byte buffer for building strings without quadratic copying. */
typedef struct { char *p; size_t n, cap; bool oom; } StrBuf;
void sb_init(StrBuf *b);
void sb_add(StrBuf *b, const char *s, size_t n);
void sb_adds(StrBuf *b, const char *s);
void sb_addc(StrBuf *b, char c);
bool sb_reserve(StrBuf *b, size_t extra);      /* room for extra bytes up front; false = out of memory */
void sb_printf(StrBuf *b, const char *fmt, ...);   /* same escapes as exc_raise (%R %S %T) */
void sb_vprintf(StrBuf *b, const char *fmt, va_list ap);
int sb_add_repr(StrBuf *b, Obj *o);          /* -1 on error */
int sb_add_str(StrBuf *b, Obj *o);
Obj *obj_ascii(Obj *o);                      /* ascii(o): repr with non-ASCII escaped */
Obj *sb_finish(StrBuf *b);                   /* a str (MemoryError if the buffer ran out); frees b */
void sb_free(StrBuf *b);

/* ---- containers ------------------------------------------------------------------------------- */
typedef struct { Obj base; intptr_t len, cap; Obj **items; uint32_t lock; } ListObj;   /* lock: objlock.h */
typedef struct { Obj base; intptr_t len; Obj *items[]; } TupleObj;
Obj *list_new(intptr_t len);                 /* items NULL-initialised? no: caller fills all len */
int list_append(Obj *l, Obj *v);             /* borrowed v */
Obj *list_from_iter(Obj *it);
int list_sort(Obj *l, Obj *key, bool reverse);
Obj *tuple_new(intptr_t len);                /* caller fills all items (steals) */
Obj *tuple_pack(int n, ...);                 /* borrowed items */
Obj *tuple_from_iter(Obj *it);
int list_extend(Obj *l, Obj *iterable);      /* l += iterable (the VM's LIST_EXTEND); -1 error */
Obj *list_as_tuple(Obj *l);                  /* a new tuple with l's items */
#define LIST_ITEMS(l) (((ListObj *)(l))->items)
#define LIST_LEN(l) (((ListObj *)(l))->len)
#define TUPLE_ITEMS(t) (((TupleObj *)(t))->items)
#define TUPLE_LEN(t) (((TupleObj *)(t))->len)

Obj *dict_new(void);
Obj *dict_get(Obj *d, Obj *key);             /* borrowed; NULL without exception if missing (or with one on hash error) */
Obj *dict_get_ref(Obj *d, Obj *key);         /* new reference, taken under the dict's lock; NULL if missing (exception set on error) */
Obj *dict_get_frozen(Obj *d, Obj *key);      /* borrowed; no lock: only for dicts never mutated again (static types' dicts) */
uint32_t dict_wversion(Obj *d);
Obj *dict_get_shared(ThreadState *ts, Obj *g, Obj *b, Obj *key);   /* `none`: g[key] else b[key] (b may be NULL), new ref, via the thread's cache (dict.c) */              /* changes whenever what some key maps to changes (acquire load, no lock) */
Obj *dict_get_s(Obj *d, const char *key);    /* borrowed */
int dict_set(Obj *d, Obj *key, Obj *val);    /* borrowed key and val */
int dict_set_s(Obj *d, const char *key, Obj *val);
int dict_del(Obj *d, Obj *key);              /* KeyError if missing */
intptr_t dict_len(Obj *d);
/* Iterate: intptr_t pos = 0; Obj *k, *v; while (dict_next(d, &pos, &k, &v)) ... (borrowed) */
bool dict_next(Obj *d, intptr_t *pos, Obj **k, Obj **v);
Obj *dict_copy(Obj *d);
/* d.update(src): src a dict/mapping with keys() or an iterable of pairs; -1 error. */
int dict_update(Obj *d, Obj *src);
/* For f(**m) and {**m}: like dict_update but a non-mapping raises "'T' object is not a mapping";
 * with dup_check a repeated key raises TypeError("f() got multiple values for keyword argument
 * 'k'") — pass the function's name as fname (may be NULL when dup_check is false). */
int dict_merge(Obj *d, Obj *src, bool dup_check, const char *fname);
Obj *dict_pop(Obj *d, Obj *key, Obj *dflt);  /* new ref; KeyError if missing and dflt NULL */

Obj *set_new(Obj *iterable);                 /* iterable may be NULL */
int set_add(Obj *s, Obj *key);
int set_contains(Obj *s, Obj *key);          /* 1/0/-1 */
int set_update(Obj *s, Obj *iterable);       /* the VM's SET_UPDATE; -1 error */
/* The iterator obj_iter uses for objects with __getitem__ but no __iter__ (interp/objects/iter.c). */
Obj *seqiter_new(Obj *seq);
Obj *bytes_new(const char *p, size_t n);
/* The bytes layout, so I/O code can read the buffer in place. */
typedef struct { Obj base; intptr_t hash; size_t len; char data[]; } BytesObj;   /* data NUL-terminated */
#define BYTES_DATA(b) (((BytesObj *)(b))->data)
#define BYTES_LEN(b) (((BytesObj *)(b))->len)
extern Type bytearray_type;                  /* bytes.c; registered as "bytearray" in builtins */
int bytes_like(Obj *o, const char **p, size_t *n);   /* bytes or bytearray: 1 and the buffer, else 0 */
/* memoryview over bytes or bytearray (interp/objects/memoryview.c); its contents as new bytes
 * (ValueError if released). */
extern Type memoryview_type;
Obj *memoryview_tobytes(Obj *mv);
/* file readinto into a view: its length if writable (-1 and TypeError/ValueError if not), and
 * the copy of n bytes into it from its start (-1 if released meanwhile). */
intptr_t memoryview_writable_len(Obj *mv);
int memoryview_store(Obj *mv, const char *src, size_t n);
Obj *slice_new(Obj *start, Obj *stop, Obj *step);
/* Resolve a slice against a length, as CPython's PySlice_GetIndicesEx; -1 on error. */
int slice_indices(Obj *slice, intptr_t len, intptr_t *start, intptr_t *stop, intptr_t *step, intptr_t *slicelen);
Obj *range_new(intptr_t start, intptr_t stop, intptr_t step);

/* ---- weak references (interp/objects/weakref.c) ---------------------------------------------- */
extern Type weakref_type;
extern volatile intptr_t weakref_live;       /* objects that have weak references; 0: skip the hook */
void weakref_init(void);                     /* once, from types_init */
Obj *weakref_new(Obj *obj, Obj *callback);   /* TypeError unless obj is a class statement's instance */
intptr_t weakref_count(Obj *obj);
/* obj is being deallocated (its __del__ done, not resurrected): its weak references read None
 * from now on. Returns the first of those with a callback (a new reference each), chained:
 * weakref_chain_next gives the next one and the callback to call with it; the caller calls
 * each, then DECREFs it. */
Obj *weakref_clear_referent(Obj *obj);
Obj *weakref_chain_next(Obj *w, Obj **callback);

/* ---- functions you can call from C ------------------------------------------------------------ */
Obj *builtin_fn_new(const char *name, MethFn fn, Obj *self);  /* self may be NULL */
Obj *method_new(Obj *func, Obj *self);                           /* a bound method */

/* ---- argument parsing helper ------------------------------------------------------------------ */
/* Match positional + keyword args against names. spec: names separated by '|' after which args
 * are optional, e.g. "sep|end"; out[] gets borrowed values or NULL for missing optional ones.
 * Raises TypeError like CPython for too many/missing/unexpected arguments. */
int args_parse(const char *fname, Obj *const *args, int nargs, Obj *kwnames,
               const char *spec, Obj **out);

#endif
