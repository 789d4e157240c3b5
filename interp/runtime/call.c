/*
 * interp/runtime/call.c — calls: binding arguments to a Python function's frame, and calling
 * functions from C.
 *
 * vm_bind_args fills a new frame's fast locals from positional and keyword arguments, defaults,
 * *args and **kwargs, with CPython's TypeError messages. It serves both ways into a Python
 * function: the CALL_* opcodes of the evaluation loop (vm.c), which push the callee's frame and
 * keep going in the same C activation, and vm_call_function (function_type's call slot), which
 * runs the frame by re-entering vm_eval. vm_run_code and vm_run_class_body run module and class
 * bodies; vm_call_ex flattens f(*args, **kwargs) into one obj_call. Bound methods and classes
 * are called through their types' call slots (func.c, class.c).
 *
 * Locks: none; the caller holds the GIL.
 */
#include <stdio.h>
#include "runtime/vm.h"
#include "runtime/call.h"
#include "runtime/frame.h"
#include "bytecode/code.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "objects/objects.h"

/* ---- argument binding ------------------------------------------------------------------------ */
static void missing_args(FuncObj *fn, Obj **fast, int start, int end, bool kwonly) {
    CodeObj *co = CODE(fn->code);
    Obj *names[64];
    int n = 0;
    for (int i = start; i < end && n < 64; i++)
        if (!fast[i]) names[n++] = TUPLE_ITEMS(co->varnames)[i];
    StrBuf b;
    sb_init(&b);
    for (int i = 0; i < n; i++) {
        if (i > 0) sb_adds(&b, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_printf(&b, "'%S'", names[i]);
    }
    Obj *s = sb_finish(&b);
    if (!s) return;
    exc_raise(TypeError_t, "%S() missing %d required %s argument%s: %S", fn->qualname, n,
              kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", s);
    DECREF(s);
}

/* Bind args (borrowed) into the new frame's fast locals (call.h). */
int vm_bind_args(FuncObj *fn, Obj **fast, Obj *const *args, int nargs, Obj *kwnames) {
    CodeObj *co = CODE(fn->code);
    int argc = co->argcount;
    int nkwonly = co->kwonlyargcount;
    int flags = co->flags;
    int nkw = kwnames ? (int)TUPLE_LEN(kwnames) : 0;

    if (nargs == argc && nkw == 0 && !(flags & (CO_VARARGS | CO_VARKEYWORDS)) && nkwonly == 0) {
        for (int i = 0; i < nargs; i++) fast[i] = NEWREF(args[i]);
        return 0;
    }
    int slot = argc + nkwonly;
    Obj *kwdict = NULL;
    int n = nargs < argc ? nargs : argc;
    for (int i = 0; i < n; i++) fast[i] = NEWREF(args[i]);
    if (flags & CO_VARARGS) {
        int extra = nargs > argc ? nargs - argc : 0;
        Obj *t = tuple_new(extra);
        if (!t) return -1;
        for (int i = 0; i < extra; i++) TUPLE_ITEMS(t)[i] = NEWREF(args[argc + i]);
        fast[slot++] = t;
    } else if (nargs > argc) {
        int ndef = fn->defaults ? (int)TUPLE_LEN(fn->defaults) : 0;
        int kwgiven = 0;
        for (int i = 0; i < nkw; i++) {
            Obj *k = TUPLE_ITEMS(kwnames)[i];
            for (int j = argc; j < argc + nkwonly; j++)
                if (obj_eq(k, TUPLE_ITEMS(co->varnames)[j]) == 1) kwgiven++;
        }
        char extra[96] = "";
        if (kwgiven)
            snprintf(extra, sizeof extra, " positional argument%s (and %d keyword-only argument%s)",
                     nargs == 1 ? "" : "s", kwgiven, kwgiven == 1 ? "" : "s");
        if (ndef)
            exc_raise(TypeError_t, "%S() takes from %d to %d positional arguments but %d %s given",
                      fn->qualname, argc - ndef, argc, nargs, nargs == 1 ? "was" : "were");
        else if (kwgiven)
            exc_raise(TypeError_t, "%S() takes %d positional argument%s but %d%s were given",
                      fn->qualname, argc, argc == 1 ? "" : "s", nargs, extra);
        else
            exc_raise(TypeError_t, "%S() takes %d positional argument%s but %d %s given",
                      fn->qualname, argc, argc == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        return -1;
    }
    if (flags & CO_VARKEYWORDS) {
        kwdict = dict_new();
        if (!kwdict) return -1;
        fast[slot++] = kwdict;
    }
    Obj *const *varnames = TUPLE_ITEMS(co->varnames);
    for (int i = 0; i < nkw; i++) {
        Obj *k = TUPLE_ITEMS(kwnames)[i];
        Obj *v = args[nargs + i];
        int j;
        int found = -1;
        for (j = co->posonlyargcount; j < argc + nkwonly; j++)
            if (varnames[j] == k) { found = j; break; }
        if (found < 0) {
            for (j = co->posonlyargcount; j < argc + nkwonly; j++) {
                int e = obj_eq(varnames[j], k);
                if (e < 0) return -1;
                if (e) { found = j; break; }
            }
        }
        if (found < 0) {
            if (kwdict) {
                if (dict_set(kwdict, k, v) < 0) return -1;
                continue;
            }
            for (j = 0; j < co->posonlyargcount; j++) {
                if (obj_eq(varnames[j], k) == 1) {
                    exc_raise(TypeError_t, "%S() got some positional-only arguments passed as keyword arguments: '%S'",
                              fn->qualname, k);
                    return -1;
                }
            }
            exc_raise(TypeError_t, "%S() got an unexpected keyword argument '%S'", fn->qualname, k);
            return -1;
        }
        if (fast[found]) {
            exc_raise(TypeError_t, "%S() got multiple values for argument '%S'", fn->qualname, k);
            return -1;
        }
        fast[found] = NEWREF(v);
    }
    if (nargs < argc) {
        int ndef = fn->defaults ? (int)TUPLE_LEN(fn->defaults) : 0;
        int first_def = argc - ndef;
        bool miss = false;
        for (int i = nargs; i < argc; i++) {
            if (fast[i]) continue;
            if (i >= first_def) fast[i] = NEWREF(TUPLE_ITEMS(fn->defaults)[i - first_def]);
            else miss = true;
        }
        if (miss) {
            missing_args(fn, fast, 0, argc, false);
            return -1;
        }
    }
    if (nkwonly) {
        bool miss = false;
        for (int i = argc; i < argc + nkwonly; i++) {
            if (fast[i]) continue;
            Obj *d = fn->kwdefaults ? dict_get(fn->kwdefaults, varnames[i]) : NULL;
            if (d) fast[i] = NEWREF(d);
            else miss = true;
        }
        if (miss) {
            missing_args(fn, fast, argc, argc + nkwonly, true);
            return -1;
        }
    }
    return 0;
}

/* ---- calling from C ----------------------------------------------------------------------------- */
Obj *vm_recursion_error(void) {
    return exc_raise(RecursionError_t, "maximum recursion depth exceeded");
}

/* Run a frame just pushed on ts's arena to completion and pop it; new ref or NULL. */
static Obj *run_pushed(ThreadState *ts, Frame *f) {
    ts->depth++;
    Obj *r = vm_eval(f);
    ts->depth--;
    frame_pop(ts, f);
    return r;
}

Obj *vm_call_function(Obj *func, Obj *const *args, int nargs, Obj *kwnames) {
    FuncObj *fn = (FuncObj *)func;
    CodeObj *co = CODE(fn->code);
    ThreadState *ts = ts_get();
    if (co->flags & CO_GENERATOR) {
        Frame *f = frame_new_heap(ts, fn->code, func, NULL, NULL);
        if (!f) return NULL;
        if (vm_bind_args(fn, f->localsplus, args, nargs, kwnames) < 0) {
            frame_free_heap(f);
            return NULL;
        }
        return gen_new(f);
    }
    if (ts->depth >= ts->interp->recursion_limit) return vm_recursion_error();
    Frame *f = frame_push(ts, fn->code, func, NULL, NULL);
    if (!f) return NULL;
    if (vm_bind_args(fn, f->localsplus, args, nargs, kwnames) < 0) {
        frame_pop(ts, f);
        return NULL;
    }
    return run_pushed(ts, f);
}

Obj *vm_run_code(Obj *code, Obj *globals, Obj *locals) {
    ThreadState *ts = ts_get();
    if (ts->depth >= ts->interp->recursion_limit) return vm_recursion_error();
    Frame *f = frame_push(ts, code, NULL, globals, locals);
    if (!f) return NULL;
    return run_pushed(ts, f);
}

Obj *vm_run_class_body(Obj *func, Obj *ns) {
    FuncObj *fn = (FuncObj *)func;
    ThreadState *ts = ts_get();
    if (ts->depth >= ts->interp->recursion_limit) return vm_recursion_error();
    Frame *f = frame_push(ts, fn->code, func, NULL, ns);
    if (!f) return NULL;
    return run_pushed(ts, f);
}

/* ---- f(*args, **kwargs) ------------------------------------------------------------------------- */
Obj *vm_call_ex(Obj *func, Obj *args, Obj *kwargs) {
    Obj *tup;
    if (obj_is(args, &tuple_type)) tup = NEWREF(args);
    else {
        tup = tuple_from_iter(args);
        if (!tup) {
            if (exc_matches(TypeError_t)) {
                exc_clear();
                exc_raise(TypeError_t, "Value after * must be an iterable, not %T", args);
            }
            return NULL;
        }
    }
    if (!kwargs || dict_len(kwargs) == 0) {
        Obj *r = obj_call(func, TUPLE_ITEMS(tup), (int)TUPLE_LEN(tup), NULL);
        DECREF(tup);
        return r;
    }
    intptr_t np = TUPLE_LEN(tup), nk = dict_len(kwargs);
    Obj **buf = mem_alloc(sizeof(Obj *) * (size_t)(np + nk + 1));
    Obj *names = tuple_new(nk);
    if (!buf || !names) {
        if (buf) mem_free(buf);
        XDECREF(names);
        DECREF(tup);
        return NULL;
    }
    for (intptr_t i = 0; i < np; i++) buf[i] = TUPLE_ITEMS(tup)[i];
    intptr_t pos = 0, i = 0;
    Obj *k, *v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        if (!str_check(k)) {
            exc_raise(TypeError_t, "keywords must be strings");
            for (intptr_t j = i; j < nk; j++) TUPLE_ITEMS(names)[j] = NEWREF(None);
            DECREF(names);
            mem_free(buf);
            DECREF(tup);
            return NULL;
        }
        TUPLE_ITEMS(names)[i] = NEWREF(k);
        buf[np + i] = v;
        i++;
    }
    Obj *r = obj_call(func, buf, (int)np, names);
    DECREF(names);
    mem_free(buf);
    DECREF(tup);
    return r;
}

/* CPython's _PyObject_FunctionStr: "__main__.A.m" for Python functions, the bare name for C. */
const char *vm_callable_name(Obj *f, char *buf, size_t n) {
    if (obj_is(f, &method_type)) return vm_callable_name(((MethodObj *)f)->func, buf, n);
    if (obj_is(f, &function_type)) {
        FuncObj *fn = (FuncObj *)f;
        if (fn->module && str_check(fn->module) && !str_equal_cstr(fn->module, "builtins"))
            snprintf(buf, n, "%s.%s", str_data(fn->module), str_data(fn->qualname));
        else
            snprintf(buf, n, "%s", str_data(fn->qualname));
        return buf;
    }
    if (obj_is(f, &builtin_fn_type)) return ((BuiltinFnObj *)f)->name;
    if (obj_isinstance(f, &type_type)) return ((Type *)f)->name;
    snprintf(buf, n, "%s object", type_name(f));
    return buf;
}
