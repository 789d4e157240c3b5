/*
 * interp/objects/exc.c — exceptions: the class hierarchy (CPython 3.11's, for the names obj.h declares and
 * the other built-in ones), exception instances (ExcObj, obj.h) and the pending-exception API
 * (exc_raise & co.) on ts_get()->exc.
 *
 * Every exception class shares one instance layout (ExcObj) with a dict pointer, so user classes
 * that subclass Exception carry attributes. The classes themselves are built once by
 * exc_init_types (from types_init) into a static table and are immortal, like the other built-in
 * types. MemoryError has a preallocated instance so raising it never allocates.
 *
 * Called by: everyone (exc_raise), the VM (exc_fetch/exc_restore, the traceback fields).
 * Locks: none; the pending exception is per thread.
 */
#include <string.h>
#include "objects/objects.h"

/* ---- instances -------------------------------------------------------------------------------- */

#define EXC(o) ((ExcObj *)(o))

/* Set args (a tuple, borrowed) and the derived fields StopIteration.value / SystemExit.code. */
static void exc_set_args(Obj *self, Obj *args) {
    ExcObj *e = EXC(self);
    Obj *old = e->args;
    e->args = NEWREF(args);
    XDECREF(old);
    Type *t = TYPE(self);
    if (type_is_subtype(t, StopIteration_t)) {
        CLEAR(e->value);
        e->value = NEWREF(TUPLE_LEN(args) > 0 ? TUPLE_ITEMS(args)[0] : None);
    } else if (type_is_subtype(t, SystemExit_t)) {
        CLEAR(e->value);
        intptr_t n = TUPLE_LEN(args);
        e->value = NEWREF(n == 0 ? None : n == 1 ? TUPLE_ITEMS(args)[0] : args);
    }
}

static void syntax_error_fill(Obj *self, Obj *args) {
    /* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) */
    Type *t = TYPE(self);
    if (!type_is_subtype(t, SyntaxError_t) || !EXC(self)->dict) return;
    Obj *d = EXC(self)->dict;
    intptr_t n = TUPLE_LEN(args);
    if (n >= 1) dict_set_s(d, "msg", TUPLE_ITEMS(args)[0]);
    if (n == 2 && obj_is(TUPLE_ITEMS(args)[1], &tuple_type)) {
        Obj *info = TUPLE_ITEMS(args)[1];
        static const char *names[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
        for (intptr_t i = 0; i < TUPLE_LEN(info) && i < 6; i++) dict_set_s(d, names[i], TUPLE_ITEMS(info)[i]);
    }
}

static Type *oserror_subclass(Obj *const *args, int nargs);

static Obj *exc_tp_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    if (!(t->flags & TF_HEAPTYPE) && no_kwargs(t->name, kwnames) < 0) return NULL;
    if (t == OSError_t) t = oserror_subclass(args, nargs);
    size_t sz = t->size ? t->size : sizeof(ExcObj);
    Obj *self = obj_alloc(t, sz);
    if (!self) return NULL;
    Obj *tup = tuple_new(nargs);
    if (!tup) { DECREF(self); return NULL; }
    for (int i = 0; i < nargs; i++) TUPLE_ITEMS(tup)[i] = NEWREF(args[i]);
    exc_set_args(self, tup);
    DECREF(tup);
    if (type_is_subtype(t, SyntaxError_t)) {
        if (!EXC(self)->dict && !(EXC(self)->dict = dict_new())) { DECREF(self); return NULL; }
        syntax_error_fill(self, EXC(self)->args);
    }
    return self;
}

/* The cycle collector's slots (interp/runtime/gc.c); args stays (never NULL after construction). */
static int exc_traverse(Obj *o, VisitFn visit, void *arg) {
    ExcObj *e = EXC(o);
    VISIT(e->dict); VISIT(e->args); VISIT(e->traceback); VISIT(e->context); VISIT(e->cause);
    VISIT(e->value);
    return 0;
}

static void exc_gc_clear(Obj *o) {
    ExcObj *e = EXC(o);
    CLEAR(e->dict);
    CLEAR(e->traceback);
    CLEAR(e->context);
    CLEAR(e->cause);
    CLEAR(e->value);
}

static void exc_dealloc(Obj *o) {
    ExcObj *e = EXC(o);
    inst_dict_clear(o);
    CLEAR(e->dict);
    CLEAR(e->args);
    CLEAR(e->traceback);
    CLEAR(e->context);
    CLEAR(e->cause);
    CLEAR(e->value);
    obj_free(o);
}

static Obj *exc_str(Obj *o) {
    ExcObj *e = EXC(o);
    Obj *args = e->args;
    intptr_t n = args ? TUPLE_LEN(args) : 0;
    Type *t = TYPE(o);
    if (type_is_subtype(t, KeyError_t) && n == 1) return obj_repr(TUPLE_ITEMS(args)[0]);
    if (type_is_subtype(t, OSError_t) && n >= 2) {
        /* (errno, strerror[, filename[, winerror[, filename2]]]): a None filename is left out */
        Obj *const *a = TUPLE_ITEMS(args);
        if (n == 5 && a[2] != None && a[4] != None)
            return str_fmt("[Errno %S] %S: %R -> %R", a[0], a[1], a[2], a[4]);
        if (n >= 3 && n <= 5 && a[2] != None) return str_fmt("[Errno %S] %S: %R", a[0], a[1], a[2]);
        if (n <= 5) return str_fmt("[Errno %S] %S", a[0], a[1]);
    }
    if (type_is_subtype(t, SyntaxError_t) && e->dict) {
        Obj *msg = dict_get_s(e->dict, "msg");
        Obj *fn = dict_get_s(e->dict, "filename");
        Obj *ln = dict_get_s(e->dict, "lineno");
        if (msg) {
            bool hf = fn && str_check(fn), hl = ln && int_check(ln);
            if (hf) {
                const char *f = str_data(fn), *slash = strrchr(f, '/');
                if (slash) f = slash + 1;
                if (hl) return str_fmt("%S (%s, line %S)", msg, f, ln);
                return str_fmt("%S (%s)", msg, f);
            }
            if (hl) return str_fmt("%S (line %S)", msg, ln);
            return obj_str(msg);
        }
    }
    if (n == 0) return str_from_cstr("");
    if (n == 1) return obj_str(TUPLE_ITEMS(args)[0]);
    return obj_str(args);
}

static Obj *exc_repr(Obj *o) {
    ExcObj *e = EXC(o);
    const char *name = TYPE(o)->name;
    intptr_t n = e->args ? TUPLE_LEN(e->args) : 0;
    if (n == 0) return str_fmt("%s()", name);
    if (n == 1) return str_fmt("%s(%R)", name, TUPLE_ITEMS(e->args)[0]);
    return str_fmt("%s%R", name, e->args);
}

static Obj *field_or_none(Obj *v) { return NEWREF(v ? v : None); }

/* OSError's errno, strerror, filename, filename2, read from args as CPython fills them: with
 * 2 to 5 arguments, (errno, strerror[, filename[, winerror[, filename2]]]); otherwise all None.
 * A value assigned to the attribute (kept in the instance dict) wins. NULL without an
 * exception when name is none of them. */
static Obj *oserror_field(Obj *o, const char *s) {
    static const char *const names[] = { "errno", "strerror", "filename", "filename2" };
    static const int pos[] = { 0, 1, 2, 4 };
    for (int i = 0; i < 4; i++) {
        if (strcmp(s, names[i])) continue;
        if (EXC(o)->dict) {
            Obj *v = dict_get_s(EXC(o)->dict, s);
            if (v) return NEWREF(v);
        }
        Obj *args = EXC(o)->args;
        intptr_t n = args ? TUPLE_LEN(args) : 0;
        /* filename2 only with a filename (CPython's OSError.__init__) */
        if (n >= 2 && n <= 5 && pos[i] < n && (pos[i] != 4 || (n == 5 && TUPLE_ITEMS(args)[2] != None)))
            return NEWREF(TUPLE_ITEMS(args)[pos[i]]);
        return none_ref();
    }
    return NULL;
}

static Obj *exc_getattr(Obj *o, Obj *name) {
    ExcObj *e = EXC(o);
    const char *s = str_data(name);
    switch (s[0]) {
    case 'a':
        if (!strcmp(s, "args")) return NEWREF(e->args);
        break;
    case '_':
        if (!strcmp(s, "__traceback__")) return field_or_none(e->traceback);
        if (!strcmp(s, "__context__")) return field_or_none(e->context);
        if (!strcmp(s, "__cause__")) return field_or_none(e->cause);
        if (!strcmp(s, "__suppress_context__")) return bool_from(e->suppress_context);
        break;
    case 'v':
        if (!strcmp(s, "value") && type_is_subtype(TYPE(o), StopIteration_t)) return field_or_none(e->value);
        break;
    case 'c':
        if (!strcmp(s, "code") && type_is_subtype(TYPE(o), SystemExit_t)) return field_or_none(e->value);
        break;
    case 'e': case 's': case 'f':
        if (type_is_subtype(TYPE(o), OSError_t)) {
            Obj *r = oserror_field(o, s);
            if (r) return r;
            if (exc_occurred()) return NULL;
        }
        break;
    }
    return obj_generic_getattr(o, name);
}

static int exc_setattr(Obj *o, Obj *name, Obj *val) {
    ExcObj *e = EXC(o);
    const char *s = str_data(name);
    if (!strcmp(s, "args")) {
        if (!val) { exc_raise(TypeError_t, "args may not be deleted"); return -1; }
        Obj *t = tuple_from_iter(val);
        if (!t) return -1;
        exc_set_args(o, t);
        DECREF(t);
        return 0;
    }
    Obj **slot = NULL;
    if (!strcmp(s, "__traceback__")) slot = &e->traceback;
    else if (!strcmp(s, "__context__")) slot = &e->context;
    else if (!strcmp(s, "__cause__")) slot = &e->cause;
    else if (!strcmp(s, "value") && type_is_subtype(TYPE(o), StopIteration_t)) slot = &e->value;
    else if (!strcmp(s, "code") && type_is_subtype(TYPE(o), SystemExit_t)) slot = &e->value;
    else if (!strcmp(s, "__suppress_context__")) {
        int b = val ? obj_truth(val) : 0;
        if (b < 0) return -1;
        e->suppress_context = b;
        return 0;
    }
    if (slot) {
        if (!val) { exc_raise(TypeError_t, "%s may not be deleted", s); return -1; }
        if (slot == &e->cause || slot == &e->context) {
            if (val != None && !obj_isinstance(val, BaseException_t)) {
                exc_raise(TypeError_t, "exception %s must be None or derive from BaseException",
                          slot == &e->cause ? "cause" : "context");
                return -1;
            }
            if (slot == &e->cause) e->suppress_context = true;
        }
        Obj *old = *slot;
        *slot = val == None && slot != &e->value ? NULL : NEWREF(val);
        XDECREF(old);
        return 0;
    }
    return obj_generic_setattr(o, name, val);
}

static Obj *exc_m_init(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Type *t = TYPE(self);
    if (!(t->flags & TF_HEAPTYPE) && no_kwargs(t->name, kwnames) < 0) return NULL;
    if (kwnames && TUPLE_LEN(kwnames) > 0) {
        /* BaseException.__init__ takes no keyword arguments even for subclasses. */
        return exc_raise(TypeError_t, "%s() takes no keyword arguments", t->name);
    }
    Obj *tup = tuple_new(nargs);
    if (!tup) return NULL;
    for (int i = 0; i < nargs; i++) TUPLE_ITEMS(tup)[i] = NEWREF(args[i]);
    exc_set_args(self, tup);
    if (type_is_subtype(t, SyntaxError_t)) {
        if (!EXC(self)->dict && !(EXC(self)->dict = dict_new())) { DECREF(tup); return NULL; }
        syntax_error_fill(self, tup);
    }
    DECREF(tup);
    return none_ref();
}
static Obj *exc_m_str(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return exc_str(self); }
static Obj *exc_m_repr(Obj *self, Obj *const *a, int n, Obj *k) { (void)a; (void)n; (void)k; return exc_repr(self); }
static Obj *exc_m_with_traceback(Obj *self, Obj *const *a, int n, Obj *k) {
    if (check_nargs("with_traceback", n, 1, 1) < 0 || no_kwargs("with_traceback", k) < 0) return NULL;
    ExcObj *e = EXC(self);
    Obj *old = e->traceback;
    e->traceback = a[0] == None ? NULL : NEWREF(a[0]);
    XDECREF(old);
    return NEWREF(self);
}
static Obj *exc_m_new(Obj *self, Obj *const *a, int n, Obj *k) {
    (void)self;
    if (n < 1 || !obj_isinstance(a[0], &type_type) || !type_is_subtype((Type *)a[0], BaseException_t))
        return exc_raise(TypeError_t, "BaseException.__new__(X): X is not a subtype of BaseException");
    (void)k;   /* keywords belong to __init__; BaseException.__new__ ignores them */
    return exc_tp_new((Type *)a[0], a + 1, n - 1, NULL);
}

static const MethodDef exc_methods[] = {
    {"__init__", exc_m_init},
    {"__new__", exc_m_new},
    {"__str__", exc_m_str},
    {"__repr__", exc_m_repr},
    {"with_traceback", exc_m_with_traceback},
    {NULL, NULL},
};

static Type base_exception_type = {
    .base = TYPE_HEAD, .name = "BaseException", .base_type = &object_type, .size = sizeof(ExcObj),
    .dictoffset = offsetof(ExcObj, dict), .flags = TF_BASETYPE | TF_EXCEPTION,
    .dealloc = exc_dealloc, .repr = exc_repr, .str = exc_str, .getattr = exc_getattr,
    .setattr = exc_setattr, .methods = exc_methods, .new_ = exc_tp_new,
    .traverse = exc_traverse, .clear = exc_gc_clear,
};

/* ---- the hierarchy ----------------------------------------------------------------------------- */

Type *BaseException_t = &base_exception_type;
Type *Exception_t, *SystemExit_t, *KeyboardInterrupt_t, *StopIteration_t,
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
Type *SystemError_t;
static Type *ReferenceError_t, *NotADirectoryError_t, *BlockingIOError_t,
    *ConnectionAbortedError_t, *ConnectionRefusedError_t, *ConnectionResetError_t,
    *UnicodeTranslateError_t, *BytesWarning_t, *FutureWarning_t, *ImportWarning_t,
    *PendingDeprecationWarning_t, *ResourceWarning_t, *SyntaxWarning_t, *UnicodeWarning_t,
    *EncodingWarning_t;

/* OSError(errno, msg) builds the subclass for that errno, as CPython does (PEP 3151). The
 * numbers are Linux's: the guest has no OS errno of its own, and programs compare with Linux. */
static Type *oserror_subclass(Obj *const *args, int nargs) {
    static const struct { int err; Type **t; } map[] = {
        {1, &PermissionError_t}, {2, &FileNotFoundError_t}, {3, &ProcessLookupError_t},
        {4, &InterruptedError_t}, {10, &ChildProcessError_t}, {11, &BlockingIOError_t},
        {13, &PermissionError_t}, {17, &FileExistsError_t}, {20, &NotADirectoryError_t},
        {21, &IsADirectoryError_t}, {32, &BrokenPipeError_t}, {103, &ConnectionAbortedError_t},
        {104, &ConnectionResetError_t}, {108, &BrokenPipeError_t}, {110, &TimeoutError_t},
        {111, &ConnectionRefusedError_t}, {114, &BlockingIOError_t}, {115, &BlockingIOError_t},
    };
    if (nargs < 2 || nargs > 5 || !IS_SMALL(args[0])) return OSError_t;
    intptr_t e = SMALL_VAL(args[0]);
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].err == e) return *map[i].t;
    return OSError_t;
}


/* Base-first, so each base is built before its subclasses. */
static const struct { Type **slot; const char *name; Type **base; } exc_table[] = {
    {&BaseException_t, "BaseException", NULL},
    {&GeneratorExit_t, "GeneratorExit", &BaseException_t},
    {&KeyboardInterrupt_t, "KeyboardInterrupt", &BaseException_t},
    {&SystemExit_t, "SystemExit", &BaseException_t},
    {&Exception_t, "Exception", &BaseException_t},
    {&ArithmeticError_t, "ArithmeticError", &Exception_t},
    {&FloatingPointError_t, "FloatingPointError", &ArithmeticError_t},
    {&OverflowError_t, "OverflowError", &ArithmeticError_t},
    {&ZeroDivisionError_t, "ZeroDivisionError", &ArithmeticError_t},
    {&AssertionError_t, "AssertionError", &Exception_t},
    {&AttributeError_t, "AttributeError", &Exception_t},
    {&BufferError_t, "BufferError", &Exception_t},
    {&EOFError_t, "EOFError", &Exception_t},
    {&ImportError_t, "ImportError", &Exception_t},
    {&ModuleNotFoundError_t, "ModuleNotFoundError", &ImportError_t},
    {&LookupError_t, "LookupError", &Exception_t},
    {&IndexError_t, "IndexError", &LookupError_t},
    {&KeyError_t, "KeyError", &LookupError_t},
    {&MemoryError_t, "MemoryError", &Exception_t},
    {&NameError_t, "NameError", &Exception_t},
    {&UnboundLocalError_t, "UnboundLocalError", &NameError_t},
    {&OSError_t, "OSError", &Exception_t},
    {&BlockingIOError_t, "BlockingIOError", &OSError_t},
    {&ChildProcessError_t, "ChildProcessError", &OSError_t},
    {&ConnectionError_t, "ConnectionError", &OSError_t},
    {&BrokenPipeError_t, "BrokenPipeError", &ConnectionError_t},
    {&ConnectionAbortedError_t, "ConnectionAbortedError", &ConnectionError_t},
    {&ConnectionRefusedError_t, "ConnectionRefusedError", &ConnectionError_t},
    {&ConnectionResetError_t, "ConnectionResetError", &ConnectionError_t},
    {&FileExistsError_t, "FileExistsError", &OSError_t},
    {&FileNotFoundError_t, "FileNotFoundError", &OSError_t},
    {&InterruptedError_t, "InterruptedError", &OSError_t},
    {&IsADirectoryError_t, "IsADirectoryError", &OSError_t},
    {&NotADirectoryError_t, "NotADirectoryError", &OSError_t},
    {&PermissionError_t, "PermissionError", &OSError_t},
    {&ProcessLookupError_t, "ProcessLookupError", &OSError_t},
    {&TimeoutError_t, "TimeoutError", &OSError_t},
    {&ReferenceError_t, "ReferenceError", &Exception_t},
    {&RuntimeError_t, "RuntimeError", &Exception_t},
    {&NotImplementedError_t, "NotImplementedError", &RuntimeError_t},
    {&RecursionError_t, "RecursionError", &RuntimeError_t},
    {&StopAsyncIteration_t, "StopAsyncIteration", &Exception_t},
    {&StopIteration_t, "StopIteration", &Exception_t},
    {&SyntaxError_t, "SyntaxError", &Exception_t},
    {&IndentationError_t, "IndentationError", &SyntaxError_t},
    {&TabError_t, "TabError", &IndentationError_t},
    {&SystemError_t, "SystemError", &Exception_t},
    {&TypeError_t, "TypeError", &Exception_t},
    {&ValueError_t, "ValueError", &Exception_t},
    {&UnicodeError_t, "UnicodeError", &ValueError_t},
    {&UnicodeDecodeError_t, "UnicodeDecodeError", &UnicodeError_t},
    {&UnicodeEncodeError_t, "UnicodeEncodeError", &UnicodeError_t},
    {&UnicodeTranslateError_t, "UnicodeTranslateError", &UnicodeError_t},
    {&Warning_t, "Warning", &Exception_t},
    {&BytesWarning_t, "BytesWarning", &Warning_t},
    {&DeprecationWarning_t, "DeprecationWarning", &Warning_t},
    {&EncodingWarning_t, "EncodingWarning", &Warning_t},
    {&FutureWarning_t, "FutureWarning", &Warning_t},
    {&ImportWarning_t, "ImportWarning", &Warning_t},
    {&PendingDeprecationWarning_t, "PendingDeprecationWarning", &Warning_t},
    {&ResourceWarning_t, "ResourceWarning", &Warning_t},
    {&RuntimeWarning_t, "RuntimeWarning", &Warning_t},
    {&SyntaxWarning_t, "SyntaxWarning", &Warning_t},
    {&UnicodeWarning_t, "UnicodeWarning", &Warning_t},
    {&UserWarning_t, "UserWarning", &Warning_t},
};
#define N_EXC (sizeof exc_table / sizeof exc_table[0])
static Type exc_storage[N_EXC];
static Obj *memerr_instance;     /* before any interpreter has its own (start-up) */

/* The preallocated MemoryError to raise when building one fails: the running interpreter's own
 * (Interp.memerr, made by interp_new). Raising writes its traceback and context,
 * and the interpreters of a multiprocessing program raise at the same time under their own
 * GILs, so one process-wide instance would be written by several at once. */
static Obj *memerr_prealloc(void) {
    ThreadState *ts = ts_get();
    Obj *e = ts && ts->interp ? ts->interp->memerr : NULL;
    return e ? e : memerr_instance;
}

/* The allocator's MemoryError (mem_set_error_hook, interp/core/mem.c, which lets these
 * allocations pass the interpreter's limit): a fresh instance so tracebacks don't accumulate on
 * a shared one, the preallocated one when even that fails or allocations are failing past the
 * limit (nested). */
static void raise_memory_error(int nested) {
    if (!nested) {
        Obj *e = exc_new(MemoryError_t, NULL, 0);
        if (e) {
            exc_raise_obj(e);
            DECREF(e);
            return;
        }
    }
    exc_raise_obj(memerr_prealloc());
}

int exc_init_types(void) {
    if (type_ready(&base_exception_type) < 0) return -1;
    for (size_t i = 1; i < N_EXC; i++) {
        Type *t = &exc_storage[i];
        memset(t, 0, sizeof *t);
        t->base = (Obj){IMMORTAL_REFCNT, &type_type};
        t->name = exc_table[i].name;
        t->base_type = *exc_table[i].base;
        t->flags = TF_BASETYPE | TF_EXCEPTION;
        t->new_ = exc_tp_new;
        if (type_ready(t) < 0) return -1;
        *exc_table[i].slot = t;
    }
    memerr_instance = exc_tp_new(MemoryError_t, NULL, 0, NULL);
    if (!memerr_instance) return -1;
    memerr_instance->refcnt = IMMORTAL_REFCNT;
    mem_set_error_hook(raise_memory_error);
    return 0;
}

int exc_add_builtins(Obj *dict) {
    for (size_t i = 0; i < N_EXC; i++)
        if (dict_set_s(dict, exc_table[i].name, (Obj *)*exc_table[i].slot) < 0) return -1;
    if (dict_set_s(dict, "EnvironmentError", (Obj *)OSError_t) < 0) return -1;
    if (dict_set_s(dict, "IOError", (Obj *)OSError_t) < 0) return -1;
    return 0;
}

/* ---- the pending exception ---------------------------------------------------------------------- */

Obj *exc_occurred(void) {
    ThreadState *ts = ts_get();
    return ts ? ts->exc : NULL;
}

bool exc_matches(Type *t) {
    Obj *e = exc_occurred();
    return e && obj_isinstance(e, t);
}

Obj *exc_fetch(void) {
    ThreadState *ts = ts_get();
    if (!ts) return NULL;
    Obj *e = ts->exc;
    ts->exc = NULL;
    return e;
}

void exc_restore(Obj *exc) {
    ThreadState *ts = ts_get();
    if (!ts) { XDECREF(exc); return; }
    Obj *old = ts->exc;
    ts->exc = exc;
    XDECREF(old);
}

void exc_clear(void) { exc_restore(NULL); }

/* Implicit chaining: an exception raised while another is being handled gets it as __context__
 * (CPython does this at raise time). Cycles are cut as CPython does. */
static void set_context(Obj *e) {
    ThreadState *ts = ts_get();
    Obj *h = ts ? ts_handled_top(ts) : NULL;
    if (!h || h == e || h == None) return;
    if (!obj_isinstance(h, BaseException_t)) return;
    if (EXC(e)->context) return;
    /* Break a cycle: if e is somewhere in h's context chain, unlink it there. */
    for (Obj *o = h; o; ) {
        Obj *c = EXC(o)->context;
        if (c == e) { EXC(o)->context = NULL; DECREF(c); break; }
        o = c;
    }
    EXC(e)->context = NEWREF(h);
}

/* A class statement's exception class may define __new__ returning anything: every caller
 * (raise, throw, exc_raise, the VM's handlers, sys.exc_info) relies on getting an ExcObj, so a
 * result that is not a BaseException instance becomes CPython's TypeError here. */
Obj *exc_new(Type *t, Obj *const *args, int nargs) {
    if (t->flags & TF_HEAPTYPE) {
        Obj *r = obj_call((Obj *)t, args, nargs, NULL);
        if (r && !obj_isinstance(r, BaseException_t)) {
            exc_raise(TypeError_t, "calling %R should have returned an instance of BaseException, not %s",
                      (Obj *)t, type_name(r));
            DECREF(r);
            return NULL;
        }
        return r;
    }
    return exc_tp_new(t, args, nargs, NULL);
}

Obj *exc_raise(Type *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Obj *msg = str_vfmt(fmt, ap);
    va_end(ap);
    if (!msg) return NULL;
    const MemChecks *mc = mem_checks;          /* the unsafe policy's detectors, else NULL */
    if (mc && mc->raised) mc->raised(str_data(msg));
    Obj *e = exc_new(t, &msg, 1);
    DECREF(msg);
    if (!e) return NULL;
    set_context(e);
    exc_restore(e);
    return NULL;
}

Obj *exc_raise_obj(Obj *exc) {
    Obj *inst;
    if (obj_isinstance(exc, &type_type) && type_is_subtype((Type *)exc, BaseException_t)) {
        inst = obj_call0(exc);
        if (!inst) return NULL;
        if (!obj_isinstance(inst, BaseException_t)) {
            exc_raise(TypeError_t, "calling %R should have returned an instance of BaseException, not %s",
                      exc, type_name(inst));
            DECREF(inst);
            return NULL;
        }
    } else if (obj_isinstance(exc, BaseException_t)) {
        inst = NEWREF(exc);
    } else {
        return exc_raise(TypeError_t, "exceptions must derive from BaseException");
    }
    set_context(inst);
    exc_restore(inst);
    return NULL;
}

Obj *exc_raise_memory(void) {
    Obj *e = memerr_prealloc();
    if (!e) return NULL;
    CLEAR(EXC(e)->traceback);
    CLEAR(EXC(e)->context);
    CLEAR(EXC(e)->cause);
    exc_restore(NEWREF(e));
    return NULL;
}
