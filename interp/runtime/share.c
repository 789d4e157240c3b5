/*
 * interp/runtime/share.c — the definitions a free-threaded program shares, made immortal when it
 * starts a thread.
 *
 * Under `none` (rc_atomic) INCREF/DECREF are atomic read-modify-writes. Threads that each run
 * their own loop still touch the same few objects at every call and global load: the function
 * they call (LOAD_GLOBAL's reference, the frame's), its module's globals dict, the builtins dict,
 * the classes they instantiate (obj_alloc's reference to a heap type), the methods of those
 * classes. One atomic add on one of them from every core bounces its cache line between all of
 * them: that, not the work, is what a second thread would then pay for. CPython's free-threaded
 * build answers with deferred reference counting for exactly these kinds of objects (PEP 703,
 * "Deferred reference counting"), and its 3.13 release immortalizes them when the first thread
 * starts (Python/gc_free_threading.c, "immortalize deferred objects"). We do the latter, at every
 * start_new_thread while rc_atomic is set (new definitions may have appeared since the last):
 *   - the builtins dict and every value in it;
 *   - each module in sys.modules (the module object and its dict), and in its dict:
 *     functions (with their code objects and the code's constants, nested code included),
 *     built-in functions, classes (heap types: the type, its dict, and the functions,
 *     staticmethods and classmethods in it).
 * Only definitions are chosen (is_definition): data bound to names (lists, dicts, instances,
 * numbers) stays reference-counted, so rebinding a global never leaks.
 * The cost: what is immortalized is never freed (a function rebound later, a class redefined,
 * the modules of a multiprocessing child that started threads): memory, not correctness.
 * An immortal dict's values may be cached per thread by LOAD_GLOBAL (interp/runtime/vm.c).
 *
 * Locks: each dict is walked under its own object lock, one at a time (objlock.h rule 4): the
 * values are made immortal under it (a store; nothing can free them afterwards) and collected,
 * then handled after unlocking. A function's code object is read without a lock: a concurrent
 * `f.__code__ = ...` could free the old code while it is being marked (not guarded).
 */
#include <string.h>
#include "core/objlock.h"
#include "core/state.h"
#include "objects/objects.h"
#include "objects/module.h"
#include "objects/descr.h"
#include "bytecode/code.h"
#include "runtime/func.h"
#include "runtime/share.h"

/* A definition: what programs bind once and call or instantiate from every thread. */
static bool is_definition(Obj *v) {
    if (IS_SMALL(v)) return false;
    Type *t = TYPE(v);
    return t == &function_type || t == &builtin_fn_type || t == &staticmethod_type ||
           t == &classmethod_type || t == &module_type || t == &code_type ||
           obj_isinstance(v, &type_type);
}

/* The definitions among dict d's values, each made immortal under d's lock (with its key), and
 * d itself: a new array of those borrowed (now immortal) pointers in *out, their number
 * returned; -1 when out of memory (nothing is lost: they stay reference-counted). */
static intptr_t dict_values_immortal(Obj *d, Obj ***out) {
    *out = NULL;
    obj_immortalize(d);
    obj_lock(d);
    intptr_t n = dict_len(d), i = 0, pos = 0;
    Obj **vs = n > 0 ? mem_alloc(sizeof(Obj *) * (size_t)n) : NULL;
    if (n > 0 && !vs) { obj_unlock(d); exc_clear(); return -1; }
    Obj *k, *v;
    while (i < n && dict_next(d, &pos, &k, &v)) {
        if (!is_definition(v)) continue;
        obj_immortalize(k);
        obj_immortalize(v);
        vs[i++] = v;
    }
    obj_unlock(d);
    *out = vs;
    return i;
}

static void share_code(Obj *code, int depth) {
    if (!obj_is(code, &code_type) || depth > 32) return;
    obj_immortalize(code);
    Obj *consts = ((CodeObj *)code)->consts;
    if (!consts || !obj_is(consts, &tuple_type)) return;
    obj_immortalize(consts);
    for (intptr_t i = 0; i < TUPLE_LEN(consts); i++) {
        Obj *c = TUPLE_ITEMS(consts)[i];
        if (obj_is(c, &code_type)) share_code(c, depth + 1);
        else obj_immortalize(c);       /* constants are immutable: str, int, float, tuple, bytes, None */
    }
}

static void share_func(Obj *fn) {
    obj_immortalize(fn);
    share_code(((FuncObj *)fn)->code, 0);
}

static void share_value(Obj *v, int depth);

static void share_dict(Obj *d, int depth) {
    Obj **vs;
    intptr_t n = dict_values_immortal(d, &vs);
    for (intptr_t i = 0; i < n; i++) share_value(vs[i], depth + 1);
    if (vs) mem_free(vs);
}

/* v is immortal already (its container's walk made it so). */
static void share_value(Obj *v, int depth) {
    if (IS_SMALL(v) || depth > 8) return;
    Type *t = TYPE(v);
    if (t == &function_type) {
        share_func(v);
    } else if (t == &staticmethod_type || t == &classmethod_type) {
        Obj *fn = class_wrapped_func(v);
        if (fn && obj_is(fn, &function_type)) share_func(fn);
    } else if (obj_isinstance(v, &type_type)) {
        Type *cls = (Type *)v;
        if ((cls->flags & TF_HEAPTYPE) && cls->dict) share_dict(cls->dict, depth);
    }
    /* modules are reached through sys.modules; anything else is data: left as it is */
}

void share_definitions(Interp *in) {
    if (!rc_atomic || !in) return;
    if (in->builtins) {
        Obj **vs;
        dict_values_immortal(in->builtins, &vs);   /* built-in functions and types */
        if (vs) mem_free(vs);
    }
    if (!in->modules) return;
    Obj **mods;
    intptr_t n = dict_values_immortal(in->modules, &mods);
    for (intptr_t i = 0; i < n; i++) {
        if (!obj_is(mods[i], &module_type)) continue;
        Obj *d = module_dict(mods[i]);
        if (d && obj_is(d, &dict_type) && d != in->builtins) share_dict(d, 0);
    }
    if (mods) mem_free(mods);
}

void share_callable(Obj *fn) {
    if (!rc_atomic || IS_SMALL(fn)) return;
    if (obj_is(fn, &function_type)) share_func(fn);
    else if (obj_is(fn, &method_type)) {
        Obj *f = ((MethodObj *)fn)->func;
        if (obj_is(f, &function_type)) share_func(f);
    }
}
