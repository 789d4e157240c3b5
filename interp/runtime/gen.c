/*
 * interp/runtime/gen.c — generators and coroutines. A generator owns a heap frame (frame_new_heap)
 * that vm_resume runs until the next yield or the end. send/throw/close follow CPython; a
 * StopIteration escaping the body becomes RuntimeError (PEP 479). One thread runs a generator at a
 * time ("generator already executing" otherwise); callers hold the GIL (under the `none` policy a
 * generator, like a frame, belongs to the thread running it: sharing a running one between threads
 * is the program's race, caught by the `running` flag as in CPython's free-threaded build).
 *
 * Delegation (PEP 380): a frame suspended in `yield from` / `await` sits on its YIELD_FROM
 * instruction with the sub-iterator on top of its value stack (vm.c's YIELD_FROM leaves ip there).
 * throw() and close() are passed down to that sub-iterator first, as CPython's gen_throw and
 * gen_close do; when it finishes, the delegating frame continues after its YIELD_FROM with the
 * sub-iterator's return value (or the exception it raised).
 *
 * Coroutines (PEP 492) are the same object with another type: an `async def` body compiles to a
 * code object with CO_COROUTINE (and CO_GENERATOR, so every call path makes a GenObj), `await x`
 * to GET_AWAITABLE + YIELD_FROM. A coroutine is not an iterator; coroutine.__await__() gives a
 * coroutine_wrapper that is. Async generators (PEP 525: `yield` in an `async def`, code flag
 * CO_ASYNC_GENERATOR) are a third type over the same object; their awaitables are at the end.
 */
#include <string.h>
#include "runtime/gen.h"
#include "runtime/frame.h"
#include "runtime/vm.h"
#include "bytecode/opcodes.h"
#include "objects/descr.h"
#include "objects/builtin_fn.h"
#include "runtime/traceback.h"
#include "runtime/class.h"

typedef struct {
    Obj base;
    Frame *frame;          /* NULL once finished and released */
    Obj *name, *qualname;
    bool running;
    /* The exception the generator's own except block was handling when it last yielded (owned),
     * put back as ts->handled when it resumes (CPython's gi_exc_state); NULL when none. */
    Obj *handled;
    bool hooks_inited;     /* async generators: the firstiter hook has been called (agen_first_iter) */
} GenObj;

static const char *kind_name(GenObj *g) {
    Type *t = TYPE(&g->base);
    return t == &coroutine_type ? "coroutine" : t == &async_generator_type ? "async generator" : "generator";
}

Obj *gen_new(Frame *f) {
    int fl = CODE(f->code)->flags;
    Type *t = (fl & CO_COROUTINE) ? &coroutine_type : (fl & CO_ASYNC_GENERATOR) ? &async_generator_type : &generator_type;
    GenObj *g = (GenObj *)obj_alloc(t, sizeof(GenObj));
    if (!g) { frame_free_heap(f); return NULL; }
    g->frame = f;
    f->gen = &g->base;
    g->name = NEWREF(CODE(f->code)->name);
    g->qualname = NEWREF(CODE(f->code)->qualname);
    return &g->base;
}

static void gen_finish(GenObj *g) {
    if (g->frame) {
        Frame *f = g->frame;
        g->frame = NULL;
        frame_free_heap(f);
    }
    CLEAR(g->handled);
}

Obj *gen_send_ex(Obj *o, Obj *v, Obj *exc, int *done) {
    GenObj *g = (GenObj *)o;
    *done = 0;
    if (g->running) {
        XDECREF(exc);
        return exc_raise(ValueError_t, "%s already executing", kind_name(g));
    }
    if (!g->frame || g->frame->state == FRAME_DONE) {
        gen_finish(g);
        if (exc) { exc_restore(exc); return NULL; }
        if (TYPE(o) == &coroutine_type) return exc_raise(RuntimeError_t, "cannot reuse already awaited coroutine");
        *done = 1;
        return none_ref();
    }
    if (g->frame->state == FRAME_CREATED && v && v != None && !exc)
        return exc_raise(TypeError_t, "can't send non-None value to a just-started %s", kind_name(g));
    ThreadState *ts = ts_get();
    /* Push the generator's exc_info entry, linked to the resumer's (CPython: gi_exc_state with
     * previous_item = tstate->exc_info): inside, the generator's own handled exception comes
     * first, the resumer's is seen when it has none; on the way out the generator keeps its own
     * for the next resume and the resumer's comes back. */
    Obj *saved_handled = ts->handled, *saved_outer = ts->handled_outer;
    ts->handled_outer = ts_handled_top(ts);
    ts->handled = g->handled;
    g->handled = NULL;
    g->running = true;
    int d = 0;
    Obj *r = vm_resume(g->frame, v, exc, &d);
    g->running = false;
    g->handled = ts->handled;
    ts->handled = saved_handled;
    ts->handled_outer = saved_outer;
    if (!r) {
        gen_finish(g);
        bool async_stop = TYPE(o) == &async_generator_type && exc_matches(StopAsyncIteration_t);
        if (exc_matches(StopIteration_t) || async_stop) {
            Obj *e = exc_fetch();
            exc_raise(RuntimeError_t, "%s raised %s", kind_name(g), async_stop ? "StopAsyncIteration" : "StopIteration");
            ExcObj *ne = (ExcObj *)exc_occurred();
            if (ne) { ne->cause = e; ne->suppress_context = true; }
            else DECREF(e);
        }
        return NULL;
    }
    if (d) {
        gen_finish(g);
        *done = 1;
    }
    return r;
}

static Obj *gen_iternext(Obj *o) {
    int done;
    Obj *r = gen_send_ex(o, NULL, NULL, &done);
    if (r && done) {
        DECREF(r);
        return NULL;
    }
    return r;
}

/* The return value r (stolen) as the StopIteration that ends a send()/next(): StopIteration(r),
 * a bare StopIteration for None (as CPython's _PyGen_SetStopIterationValue). */
static Obj *stop_with(Obj *r) {
    if (r == None) {
        DECREF(r);
        return exc_raise_obj((Obj *)StopIteration_t);
    }
    Obj *e = exc_new(StopIteration_t, &r, 1);
    DECREF(r);
    if (!e) return NULL;
    exc_restore(e);
    return NULL;
}

Obj *gen_next_stop(Obj *g) {
    int done;
    Obj *r = gen_send_ex(g, NULL, NULL, &done);
    if (r && done) return stop_with(r);
    return r;
}

static Obj *gen_m_next(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args;
    if (nargs || kw) return exc_raise(TypeError_t, "expected 0 arguments, got %d", nargs);
    return gen_next_stop(self);
}

static Obj *gen_send(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "send() takes exactly one argument");
    int done;
    Obj *r = gen_send_ex(self, args[0], NULL, &done);
    if (r && done) return stop_with(r);
    return r;
}

Obj *gen_send_other(Obj *it, Obj *v, int *done) {
    *done = 0;
    if (v != None) return obj_call_method(it, "send", &v, 1);
    Type *t = TYPE(it);
    Obj *py;
    if ((t->flags & TF_HEAPTYPE) && (py = type_lookup(t, str_intern("__next__"))) && TYPE(py) != &builtin_fn_type)
        return obj_call1(py, it);          /* its StopIteration keeps its value */
    Obj *r = t->next ? t->next(it) : obj_next(it);
    if (!r && !exc_occurred()) { *done = 1; r = none_ref(); }
    return r;
}

/* The sub-iterator g's frame delegates to (borrowed): the top of its value stack while the frame
 * is suspended on a YIELD_FROM. A frame suspended by YIELD_VALUE has ip after it, and what follows
 * a YIELD_VALUE is never a YIELD_FROM (GET_YIELD_FROM_ITER / GET_AWAITABLE come first). */
static Obj *gen_yf(GenObj *g) {
    Frame *f = g->frame;
    if (!f || f->state != FRAME_SUSPENDED || g->running) return NULL;
    if (INSTR_OP(*f->ip) != OP_YIELD_FROM) return NULL;
    return f->sp[-1];
}

/* The sub-iterator is done: drop it from g's stack and step past the YIELD_FROM, so the next
 * resume delivers a value (the sent one is pushed: [..] -> [.., r]) or an exception there. */
static void gen_drop_yf(GenObj *g) {
    Frame *f = g->frame;
    Obj *it = *--f->sp;
    DECREF(it);
    f->ip++;
}

/* close() a sub-iterator: a generator's or coroutine's own, else its close method if it has one.
 * 0, or -1 with the exception close raised. */
static int close_iter(Obj *yf) {
    Obj *r;
    if (gen_check(yf)) {
        extern Obj *gen_close_(Obj *self);
        r = gen_close_(yf);
    } else {
        Obj *m = obj_lookup_attr(yf, str_intern("close"));
        if (!m) return exc_occurred() ? -1 : 0;
        r = obj_call0(m);
        DECREF(m);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

/* throw(e) (steals e), forwarded through `yield from` as CPython's _gen_throw. */
static Obj *gen_throw_ex(Obj *self, Obj *e, int *done) {
    GenObj *g = (GenObj *)self;
    *done = 0;
    Obj *yf = gen_yf(g);
    if (yf) {
        INCREF(yf);
        if (obj_isinstance(e, GeneratorExit_t)) {
            /* close the sub-iterator, then raise GeneratorExit (or what closing raised) here */
            g->running = true;
            int err = close_iter(yf);
            g->running = false;
            DECREF(yf);
            if (err < 0) { DECREF(e); e = exc_fetch(); }
            if (g->frame && g->frame->state == FRAME_SUSPENDED) gen_drop_yf(g);
            return gen_send_ex(self, NULL, e, done);
        }
        /* a chain of delegating generators recurses here once per link */
        if (c_stack_check(" while throwing into a generator") < 0) {
            DECREF(yf);
            DECREF(e);
            return NULL;
        }
        Obj *r;
        g->running = true;
        if (gen_check(yf)) {
            int d2 = 0;
            r = gen_throw_ex(yf, e, &d2);
            if (r && d2) {              /* it returned: that is StopIteration(r) for us */
                g->running = false;
                DECREF(yf);
                gen_drop_yf(g);
                Obj *out = gen_send_ex(self, r, NULL, done);
                DECREF(r);
                return out;
            }
        } else {
            Obj *m = obj_lookup_attr(yf, str_intern("throw"));
            if (!m) {
                g->running = false;
                DECREF(yf);
                if (exc_occurred()) { DECREF(e); return NULL; }
                gen_drop_yf(g);
                return gen_send_ex(self, NULL, e, done);
            }
            r = obj_call1(m, e);
            DECREF(m);
            DECREF(e);
        }
        g->running = false;
        DECREF(yf);
        if (r) return r;                /* the sub-iterator yielded: so do we */
        gen_drop_yf(g);
        if (exc_matches(StopIteration_t)) {
            Obj *x = exc_fetch();
            Obj *val = ((ExcObj *)x)->value ? ((ExcObj *)x)->value : None;
            INCREF(val);
            DECREF(x);
            Obj *out = gen_send_ex(self, val, NULL, done);
            DECREF(val);
            return out;
        }
        return gen_send_ex(self, NULL, exc_fetch(), done);
    }
    return gen_send_ex(self, NULL, e, done);
}

/* throw(typ[, val[, tb]])'s arguments as the exception instance to throw (new ref), or NULL */
static Obj *throw_exc(const char *fname, Obj *const *args, int nargs, Obj *kw) {
    if (nargs < 1 || nargs > 3 || kw) return exc_raise(TypeError_t, "%s expected at least 1 argument", fname);
    Obj *t = args[0], *e;
    if (obj_isinstance(t, &type_type) && type_is_subtype((Type *)t, BaseException_t)) {
        /* as CPython's normalisation: throw(T, v) uses v when it is a T, T(*v) for a tuple, else
         * T(v); when making the instance fails (a __new__ returning a non-exception gives a
         * TypeError), that error is what gets thrown into the generator */
        Obj *v = nargs >= 2 ? args[1] : None;
        if (v != None && obj_isinstance(v, (Type *)t)) e = NEWREF(v);
        else if (obj_is(v, &tuple_type)) e = exc_new((Type *)t, TUPLE_ITEMS(v), (int)TUPLE_LEN(v));
        else e = v != None ? exc_new((Type *)t, &v, 1) : exc_new((Type *)t, NULL, 0);
        if (!e && !(e = exc_fetch())) return NULL;
    } else if (obj_isinstance(t, BaseException_t)) {
        e = NEWREF(t);
    } else {
        return exc_raise(TypeError_t, "exceptions must be classes or instances deriving from BaseException, not %T", t);
    }
    return e;
}

static Obj *gen_throw(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    Obj *e = throw_exc("throw", args, nargs, kw);
    if (!e) return NULL;
    int done;
    Obj *r = gen_throw_ex(self, e, &done);
    if (r && done) return stop_with(r);
    return r;
}

Obj *gen_close_(Obj *self) {
    GenObj *g = (GenObj *)self;
    /* close() from inside the generator's own body (or from code it calls): its frame is live on
     * the C stack of gen_send_ex below us, so it must not be freed here */
    if (g->running) return exc_raise(ValueError_t, "%s already executing", kind_name(g));
    if (!g->frame || g->frame->state != FRAME_SUSPENDED) {
        gen_finish(g);
        return none_ref();
    }
    /* a generator suspended in `yield from` closes its sub-iterator first; an error from that is
     * raised in the generator instead of GeneratorExit (CPython's gen_close) */
    Obj *yf = gen_yf(g), *e;
    int err = 0;
    if (yf) {
        if (c_stack_check(" while closing a generator") < 0) return NULL;
        INCREF(yf);
        g->running = true;
        err = close_iter(yf);
        g->running = false;
        DECREF(yf);
        if (!g->frame || g->frame->state != FRAME_SUSPENDED) {
            if (err < 0) return NULL;
            gen_finish(g);
            return none_ref();
        }
        gen_drop_yf(g);
    }
    e = err < 0 ? exc_fetch() : exc_new(GeneratorExit_t, NULL, 0);
    if (!e) return NULL;
    int done;
    Obj *r = gen_send_ex(self, NULL, e, &done);
    if (r) {
        DECREF(r);
        if (!done) {
            gen_finish(g);
            return exc_raise(RuntimeError_t, "%s ignored GeneratorExit", kind_name(g));
        }
        return none_ref();
    }
    if (exc_matches(GeneratorExit_t) || exc_matches(StopIteration_t)) {
        exc_clear();
        return none_ref();
    }
    return NULL;
}

static Obj *gen_close(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args; (void)nargs; (void)kw;
    return gen_close_(self);
}

static void gen_dealloc(Obj *o) {
    GenObj *g = (GenObj *)o;
    if (TYPE(o) == &async_generator_type && g->frame && g->frame->state == FRAME_SUSPENDED && !g->running) {
        /* an async generator dropped unfinished: its finally blocks may await, so the finalizer
         * hook (sys.set_asyncgen_hooks; asyncio's schedules aclose() on the running loop) gets it
         * first. If the hook kept a reference the generator lives on (resurrected, as class.c's
         * __del__); otherwise it is closed here like a generator. */
        Obj *hook = dict_get_s(ts_get()->interp->sysdict, "_asyncgen_finalizer");
        if (hook && hook != None) {
            Obj *saved = exc_fetch();
            o->refcnt = 1;
            INCREF(hook);
            Obj *r = obj_call1(hook, o);
            DECREF(hook);
            if (r) DECREF(r);
            else exc_clear();
            if (saved) exc_restore(saved);
            if (__atomic_sub_fetch(&o->refcnt, 1, __ATOMIC_ACQ_REL) != 0) return;   /* resurrected */
        }
    }
    if (TYPE(o) == &async_generator_type && __atomic_load_n(&weakref_live, __ATOMIC_RELAXED)) {
        o->refcnt = 1;                          /* callbacks may look at the weakref, not at us */
        class_clear_weakrefs(o);
        if (__atomic_sub_fetch(&o->refcnt, 1, __ATOMIC_ACQ_REL) != 0) return;
    }
    if (TYPE(o) == &coroutine_type && g->frame && g->frame->state == FRAME_CREATED) {
        /* CPython's hint for a forgotten `await` (its RuntimeWarning, without the source line):
         * located at the Python line running when the coroutine is dropped */
        ThreadState *ts = ts_get();
        Frame *f = ts->frame;
        Obj *msg = f ? str_fmt("%S:%d: RuntimeWarning: coroutine '%S' was never awaited\n", CODE(f->code)->filename,
                               frame_lineno(f), g->qualname)
                     : str_fmt("sys:1: RuntimeWarning: coroutine '%S' was never awaited\n", g->qualname);
        if (msg) {
            tb_write_err(str_data(msg), str_nbytes(msg));
            DECREF(msg);
        } else {
            exc_clear();
        }
    }
    if (g->frame && g->frame->state == FRAME_SUSPENDED) {
        /* run finally blocks, as CPython's close() on collection */
        Obj *saved = exc_fetch();
        o->refcnt = 1;
        Obj *r = gen_close_(o);
        if (r) DECREF(r);
        else exc_clear();
        o->refcnt = 0;
        if (saved) exc_restore(saved);
    }
    gen_finish(g);
    DECREF(g->name);
    DECREF(g->qualname);
    obj_free(o);
}

/* The cycle collector's slots (interp/runtime/gc.c). A running generator's frame is some thread's
 * current frame (its stack pointer is not saved): it is not traversed, so what it holds counts as
 * referenced from outside, which only keeps objects alive. finalize is close() (PEP 442's
 * tp_finalize for generators): the finally blocks of a suspended generator run before its cycle
 * is cleared. */
static int gen_traverse(Obj *o, VisitFn visit, void *arg) {
    GenObj *g = (GenObj *)o;
    VISIT(g->name);
    VISIT(g->qualname);
    VISIT(g->handled);
    if (g->frame && !g->running && g->frame->state != FRAME_RUNNING) return frame_traverse(g->frame, visit, arg);
    return 0;
}

static void gen_clear(Obj *o) {
    GenObj *g = (GenObj *)o;
    if (!g->running && (!g->frame || g->frame->state != FRAME_RUNNING)) gen_finish(g);
}

static int gen_finalize(Obj *o) {
    GenObj *g = (GenObj *)o;
    if (!g->frame || g->frame->state != FRAME_SUSPENDED || g->running) return 0;
    Obj *saved = exc_fetch();
    Obj *r = gen_close(o, NULL, 0, NULL);
    if (r) DECREF(r);
    else exc_clear();
    if (saved) exc_restore(saved);
    return 1;
}

static Obj *gen_iter(Obj *o) { return NEWREF(o); }

static Obj *gen_repr(Obj *o) {
    return str_fmt("<%s object %S at %p>", TYPE(o)->name, ((GenObj *)o)->qualname, (void *)o);
}

static Obj *gen_getattr(Obj *o, Obj *name) {
    GenObj *g = (GenObj *)o;
    bool coro = TYPE(o) == &coroutine_type, agen = TYPE(o) == &async_generator_type;
    if (str_equal_cstr(name, "__name__")) return NEWREF(g->name);
    if (str_equal_cstr(name, "__qualname__")) return NEWREF(g->qualname);
    if (str_equal_cstr(name, coro ? "cr_running" : agen ? "ag_running" : "gi_running")) return bool_from(g->running);
    if (str_equal_cstr(name, coro ? "cr_await" : "gi_yieldfrom")) {
        Obj *yf = gen_yf(g);
        return NEWREF(yf ? yf : None);
    }
    return obj_generic_getattr(o, name);
}

static const MethodDef gen_methods[] = {
    { "send", gen_send }, { "throw", gen_throw }, { "close", gen_close }, { "__next__", gen_m_next },
    { NULL, NULL },
};

/* ---- coroutines --------------------------------------------------------------------------------- */
/* What coroutine.__await__() returns: an iterator over the coroutine (CPython's coroutine_wrapper),
 * so a coroutine can be driven by code that expects an iterator (yield from, a hand-written loop). */
typedef struct { Obj base; Obj *coro; } CoroWrapper;

static Type coro_wrapper_type;

static Obj *coro_await(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args;
    if (nargs || kw) return exc_raise(TypeError_t, "expected 0 arguments, got %d", nargs);
    CoroWrapper *w = (CoroWrapper *)obj_alloc(&coro_wrapper_type, sizeof(CoroWrapper));
    if (!w) return NULL;
    w->coro = NEWREF(self);
    return &w->base;
}

static void cw_dealloc(Obj *o) { DECREF(((CoroWrapper *)o)->coro); obj_free(o); }
static Obj *cw_iter(Obj *o) { return NEWREF(o); }
/* Like CPython's tp_iternext here: a return value other than None ends the iteration as
 * StopIteration(value), which next() and YIELD_FROM pass on and loops treat as the end. */
static Obj *cw_next(Obj *o) {
    int done;
    Obj *r = gen_send_ex(((CoroWrapper *)o)->coro, NULL, NULL, &done);
    if (r && done) {
        if (r == None) { DECREF(r); return NULL; }
        return stop_with(r);
    }
    return r;
}
static Obj *cw_m_next(Obj *o, Obj *const *a, int n, Obj *k) { return gen_m_next(((CoroWrapper *)o)->coro, a, n, k); }
static Obj *cw_send(Obj *o, Obj *const *a, int n, Obj *k) { return gen_send(((CoroWrapper *)o)->coro, a, n, k); }
static Obj *cw_throw(Obj *o, Obj *const *a, int n, Obj *k) { return gen_throw(((CoroWrapper *)o)->coro, a, n, k); }
static Obj *cw_close(Obj *o, Obj *const *a, int n, Obj *k) { return gen_close(((CoroWrapper *)o)->coro, a, n, k); }

static const MethodDef cw_methods[] = {
    { "send", cw_send }, { "throw", cw_throw }, { "close", cw_close }, { "__next__", cw_m_next },
    { NULL, NULL },
};

static Type coro_wrapper_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "coroutine_wrapper",
    .size = sizeof(CoroWrapper),
    .dealloc = cw_dealloc,
    .iter = cw_iter,
    .next = cw_next,
    .methods = cw_methods,
};

static const MethodDef coro_methods[] = {
    { "send", gen_send }, { "throw", gen_throw }, { "close", gen_close }, { "__await__", coro_await },
    { NULL, NULL },
};

Type coroutine_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "coroutine",
    .size = sizeof(GenObj),
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .getattr = gen_getattr,
    .methods = coro_methods,
};

/* ---- async generators (PEP 525) ------------------------------------------------------------------ */
/* An async generator's frame yields two kinds of values: its own (`yield v`, marked by
 * ASYNC_GEN_WRAP) and those of the awaitables it awaits (passed through to whoever drives the
 * task, unmarked). __anext__()/asend(v) return an awaitable (AsendObj) whose steps resume the
 * frame: a marked value ends that await with the value (StopIteration(v)), an unmarked one is
 * yielded on, the end of the generator is StopAsyncIteration. athrow()/aclose() (AthrowObj) do
 * the same after throwing an exception in. */
typedef struct { Obj base; Obj *v; } WrapObj;

static void wrap_dealloc(Obj *o) { DECREF(((WrapObj *)o)->v); obj_free(o); }
static Type async_wrap_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "async_generator_wrapped_value",
    .size = sizeof(WrapObj), .dealloc = wrap_dealloc,
};

Obj *gen_async_wrap(Obj *v) {
    WrapObj *w = (WrapObj *)obj_alloc(&async_wrap_type, sizeof(WrapObj));
    if (!w) return NULL;
    w->v = NEWREF(v);
    return &w->base;
}

/* What one step of the generator means to the awaiting side (CPython's async_gen_unwrap_value):
 * r as gen_send_ex returned it; NULL with StopIteration(value) / StopAsyncIteration at the ends. */
static Obj *agen_unwrap(Obj *r, int done) {
    if (!r) return NULL;
    if (done) {
        DECREF(r);
        return exc_raise_obj((Obj *)StopAsyncIteration_t);
    }
    if (TYPE(r) == &async_wrap_type) {
        Obj *v = NEWREF(((WrapObj *)r)->v);
        DECREF(r);
        if (v == None) {
            DECREF(v);
            return exc_raise_obj((Obj *)StopIteration_t);
        }
        Obj *e = exc_new(StopIteration_t, &v, 1);
        DECREF(v);
        if (e) exc_restore(e);
        return NULL;
    }
    return r;
}

enum { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct { Obj base; Obj *gen; Obj *sendval; int state; } AsendObj;
typedef struct { Obj base; Obj *gen; Obj *exc; int state; } AthrowObj;   /* exc NULL: aclose() */
static Type asend_type, athrow_type;

static Obj *agen_asend_new(Obj *gen, Obj *v) {
    AsendObj *a = (AsendObj *)obj_alloc(&asend_type, sizeof(AsendObj));
    if (!a) return NULL;
    a->gen = NEWREF(gen);
    a->sendval = NEWREF(v);
    return &a->base;
}

static Obj *asend_step(Obj *o, Obj *v) {
    AsendObj *a = (AsendObj *)o;
    if (a->state == AW_CLOSED) return exc_raise(RuntimeError_t, "cannot reuse already awaited __anext__()/asend()");
    if (a->state == AW_INIT) {
        if (!v || v == None) v = a->sendval;
        a->state = AW_ITER;
    }
    int done = 0;
    Obj *r = gen_send_ex(a->gen, v ? v : None, NULL, &done);
    r = agen_unwrap(r, done);
    if (!r) a->state = AW_CLOSED;
    return r;
}

static void asend_dealloc(Obj *o) { AsendObj *a = (AsendObj *)o; DECREF(a->gen); DECREF(a->sendval); obj_free(o); }
static Obj *asend_next(Obj *o) { return asend_step(o, NULL); }
static Obj *asend_m_send(Obj *o, Obj *const *args, int n, Obj *k) {
    if (n != 1 || k) return exc_raise(TypeError_t, "send() takes exactly one argument");
    return asend_step(o, args[0]);
}
static Obj *asend_m_next(Obj *o, Obj *const *args, int n, Obj *k) {
    (void)args;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    return asend_step(o, NULL);
}
static Obj *asend_m_throw(Obj *o, Obj *const *args, int n, Obj *k) {
    AsendObj *a = (AsendObj *)o;
    if (a->state == AW_CLOSED) return exc_raise(RuntimeError_t, "cannot reuse already awaited __anext__()/asend()");
    Obj *e = throw_exc("throw", args, n, k);
    if (!e) return NULL;
    int done = 0;
    Obj *r = gen_throw_ex(a->gen, e, &done);
    r = agen_unwrap(r, done);
    if (!r) a->state = AW_CLOSED;
    return r;
}
static Obj *asend_m_close(Obj *o, Obj *const *args, int n, Obj *k) {
    (void)args; (void)n; (void)k;
    ((AsendObj *)o)->state = AW_CLOSED;
    return none_ref();
}
static Obj *self_m(Obj *o, Obj *const *args, int n, Obj *k) { (void)args; (void)n; (void)k; return NEWREF(o); }
static Obj *self_iter(Obj *o) { return NEWREF(o); }

static const MethodDef asend_methods[] = {
    { "send", asend_m_send }, { "throw", asend_m_throw }, { "close", asend_m_close },
    { "__next__", asend_m_next }, { "__await__", self_m }, { NULL, NULL },
};
static Type asend_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "async_generator_asend",
    .size = sizeof(AsendObj), .dealloc = asend_dealloc, .iter = self_iter, .next = asend_next,
    .methods = asend_methods,
};

static Obj *athrow_step(Obj *o, Obj *v, Obj *thrown) {
    AthrowObj *a = (AthrowObj *)o;
    GenObj *g = (GenObj *)a->gen;
    bool aclose = !a->exc;
    if (a->state == AW_CLOSED) {
        XDECREF(thrown);
        return exc_raise(RuntimeError_t, "cannot reuse already awaited aclose()/athrow()");
    }
    if (!g->frame || g->frame->state == FRAME_DONE) {
        a->state = AW_CLOSED;
        XDECREF(thrown);
        return exc_raise_obj((Obj *)(aclose ? StopIteration_t : StopAsyncIteration_t));
    }
    int done = 0;
    Obj *r;
    if (a->state == AW_INIT) {
        if (v && v != None) {
            XDECREF(thrown);
            return exc_raise(RuntimeError_t, "can't send non-None value to a just-started coroutine");
        }
        a->state = AW_ITER;
        Obj *e = a->exc ? NEWREF(a->exc) : exc_new(GeneratorExit_t, NULL, 0);
        if (!e) { XDECREF(thrown); return NULL; }
        XDECREF(thrown);
        r = gen_throw_ex(a->gen, e, &done);
    } else if (thrown) {
        r = gen_throw_ex(a->gen, thrown, &done);
    } else {
        r = gen_send_ex(a->gen, v ? v : None, NULL, &done);
    }
    if (!aclose) {
        r = agen_unwrap(r, done);
        if (!r) a->state = AW_CLOSED;
        return r;
    }
    if (r && !done && TYPE(r) != &async_wrap_type) return r;     /* an await inside its finally */
    a->state = AW_CLOSED;
    if (r) {
        bool yielded = !done;
        DECREF(r);
        if (yielded) return exc_raise(RuntimeError_t, "async generator ignored GeneratorExit");
        return exc_raise_obj((Obj *)StopIteration_t);
    }
    if (exc_matches(StopAsyncIteration_t) || exc_matches(GeneratorExit_t)) {
        exc_clear();
        return exc_raise_obj((Obj *)StopIteration_t);
    }
    return NULL;
}

static void athrow_dealloc(Obj *o) { AthrowObj *a = (AthrowObj *)o; DECREF(a->gen); XDECREF(a->exc); obj_free(o); }
static Obj *athrow_next(Obj *o) { return athrow_step(o, NULL, NULL); }
static Obj *athrow_m_send(Obj *o, Obj *const *args, int n, Obj *k) {
    if (n != 1 || k) return exc_raise(TypeError_t, "send() takes exactly one argument");
    return athrow_step(o, args[0], NULL);
}
static Obj *athrow_m_next(Obj *o, Obj *const *args, int n, Obj *k) {
    (void)args;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    return athrow_step(o, NULL, NULL);
}
static Obj *athrow_m_throw(Obj *o, Obj *const *args, int n, Obj *k) {
    Obj *e = throw_exc("throw", args, n, k);
    if (!e) return NULL;
    return athrow_step(o, NULL, e);
}
static Obj *athrow_m_close(Obj *o, Obj *const *args, int n, Obj *k) {
    (void)args; (void)n; (void)k;
    ((AthrowObj *)o)->state = AW_CLOSED;
    return none_ref();
}
static const MethodDef athrow_methods[] = {
    { "send", athrow_m_send }, { "throw", athrow_m_throw }, { "close", athrow_m_close },
    { "__next__", athrow_m_next }, { "__await__", self_m }, { NULL, NULL },
};
static Type athrow_type = {
    .base = { IMMORTAL_REFCNT, &type_type }, .name = "async_generator_athrow",
    .size = sizeof(AthrowObj), .dealloc = athrow_dealloc, .iter = self_iter, .next = athrow_next,
    .methods = athrow_methods,
};

static Obj *agen_athrow_new(Obj *gen, Obj *exc) {
    AthrowObj *a = (AthrowObj *)obj_alloc(&athrow_type, sizeof(AthrowObj));
    if (!a) { XDECREF(exc); return NULL; }
    a->gen = NEWREF(gen);
    a->exc = exc;            /* stolen */
    return &a->base;
}

/* The first __anext__/asend/athrow/aclose of an async generator calls sys's firstiter hook
 * with it, once (CPython's async_gen_init_hooks): asyncio's loop keeps it in a WeakSet and
 * closes it in shutdown_asyncgens if it is still open then. */
static int agen_first_iter(Obj *o) {
    GenObj *g = (GenObj *)o;
    if (g->hooks_inited) return 0;
    g->hooks_inited = true;
    Obj *hook = dict_get_s(ts_get()->interp->sysdict, "_asyncgen_firstiter");
    if (!hook || hook == None) return 0;
    INCREF(hook);
    Obj *r = obj_call1(hook, o);
    DECREF(hook);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Obj *agen_m_anext(Obj *o, Obj *const *args, int n, Obj *k) {
    (void)args;
    if (n || k) return exc_raise(TypeError_t, "expected 0 arguments, got %d", n);
    if (agen_first_iter(o) < 0) return NULL;
    return agen_asend_new(o, None);
}
static Obj *agen_m_asend(Obj *o, Obj *const *args, int n, Obj *k) {
    if (n != 1 || k) return exc_raise(TypeError_t, "asend() takes exactly one argument (%d given)", n);
    if (agen_first_iter(o) < 0) return NULL;
    return agen_asend_new(o, args[0]);
}
static Obj *agen_m_athrow(Obj *o, Obj *const *args, int n, Obj *k) {
    Obj *e = throw_exc("athrow", args, n, k);
    if (!e) return NULL;
    if (agen_first_iter(o) < 0) { DECREF(e); return NULL; }
    return agen_athrow_new(o, e);
}
static Obj *agen_m_aclose(Obj *o, Obj *const *args, int n, Obj *k) {
    (void)args;
    if (n || k) return exc_raise(TypeError_t, "aclose() takes no arguments (%d given)", n);
    if (agen_first_iter(o) < 0) return NULL;
    return agen_athrow_new(o, NULL);
}

static const MethodDef agen_methods[] = {
    { "__aiter__", self_m }, { "__anext__", agen_m_anext }, { "asend", agen_m_asend },
    { "athrow", agen_m_athrow }, { "aclose", agen_m_aclose }, { NULL, NULL },
};

Type async_generator_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "async_generator",
    .size = sizeof(GenObj),
    .dealloc = gen_dealloc,
    .flags = TF_WEAKREF,
    .repr = gen_repr,
    .getattr = gen_getattr,
    .methods = agen_methods,
};

int gen_types_ready(void) {
    Type *const ts[] = { &coroutine_type, &coro_wrapper_type, &async_generator_type, &async_wrap_type,
                         &asend_type, &athrow_type };
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++)
        if (type_ready(ts[i]) < 0) return -1;
    return 0;
}

/* `await o` (the VM's GET_AWAITABLE): the iterator to delegate to, as CPython's
 * _PyCoro_GetAwaitableIter: a coroutine itself, else what its type's __await__ returns, which must
 * be an iterator and not a coroutine. */
Obj *gen_get_awaitable(Obj *o) {
    if (TYPE(o) == &coroutine_type) {
        if (gen_yf((GenObj *)o)) return exc_raise(RuntimeError_t, "coroutine is being awaited already");
        return NEWREF(o);
    }
    Obj *m = type_lookup(TYPE(o), str_intern("__await__"));
    if (!m) return exc_raise(TypeError_t, "object %s can't be used in 'await' expression", type_name(o));
    Obj *it;
    if (TYPE(m) == &builtin_fn_type) it = obj_call_method(o, "__await__", NULL, 0);
    else it = obj_call1(m, o);
    if (!it) return NULL;
    if (TYPE(it) == &coroutine_type) {
        DECREF(it);
        return exc_raise(TypeError_t, "__await__() returned a coroutine");
    }
    Type *t = TYPE(it);
    if (!t->next && !((t->flags & TF_HEAPTYPE) && type_lookup(t, str_intern("__next__")))) {
        exc_raise(TypeError_t, "__await__() returned non-iterator of type '%s'", t->name);
        DECREF(it);
        return NULL;
    }
    return it;
}

Type generator_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "generator",
    .size = sizeof(GenObj),
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .finalize = gen_finalize,
    .repr = gen_repr,
    .iter = gen_iter,
    .next = gen_iternext,
    .getattr = gen_getattr,
    .methods = gen_methods,
};

/* ---- async for / async with: the protocol lookups behind GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH */
Obj *gen_get_aiter(Obj *o) {
    Type *t = TYPE(o);
    Obj *m = type_lookup(t, str_intern("__aiter__"));
    if (!m) return exc_raise(TypeError_t, "'async for' requires an object with __aiter__ method, got %s", t->name);
    Obj *b = descr_get(m, o, t);
    if (!b) return NULL;
    Obj *it = obj_call0(b);
    DECREF(b);
    if (!it) return NULL;
    if (!type_lookup(TYPE(it), str_intern("__anext__"))) {
        exc_raise(TypeError_t, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                  type_name(it));
        DECREF(it);
        return NULL;
    }
    return it;
}

Obj *gen_get_anext(Obj *ait) {
    Type *t = TYPE(ait);
    Obj *m = type_lookup(t, str_intern("__anext__"));
    if (!m) return exc_raise(TypeError_t, "'async for' requires an iterator with __anext__ method, got %s", t->name);
    Obj *b = descr_get(m, ait, t);
    if (!b) return NULL;
    Obj *aw = obj_call0(b);
    DECREF(b);
    if (!aw) return NULL;
    Obj *it = gen_get_awaitable(aw);
    if (!it && exc_matches(TypeError_t) && TYPE(aw) != &coroutine_type) {
        exc_clear();
        exc_raise(TypeError_t, "'async for' received an invalid object from __anext__: %s", type_name(aw));
    }
    DECREF(aw);
    return it;
}

Obj *gen_before_async_with(Obj *mgr, Obj **exitp) {
    Type *t = TYPE(mgr);
    Obj *enter = type_lookup(t, str_intern("__aenter__"));
    if (!enter) return exc_raise(TypeError_t, "'%s' object does not support the asynchronous context manager protocol", t->name);
    Obj *exitf = type_lookup(t, str_intern("__aexit__"));
    if (!exitf)
        return exc_raise(TypeError_t, "'%s' object does not support the asynchronous context manager protocol "
                         "(missed __aexit__ method)", t->name);
    Obj *bexit = descr_get(exitf, mgr, t);
    if (!bexit) return NULL;
    Obj *benter = descr_get(enter, mgr, t);
    if (!benter) { DECREF(bexit); return NULL; }
    Obj *r = obj_call0(benter);
    DECREF(benter);
    if (!r) { DECREF(bexit); return NULL; }
    *exitp = bexit;
    return r;
}
