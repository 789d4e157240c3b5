/*
 * interp/runtime/gen.c — generators. A generator owns a heap frame (frame_new_heap) that vm_resume runs
 * until the next yield or the end. send/throw/close follow CPython; a StopIteration escaping the
 * body becomes RuntimeError (PEP 479). One thread runs a generator at a time ("generator already
 * executing" otherwise); callers hold the GIL.
 */
#include <string.h>
#include "runtime/gen.h"
#include "runtime/frame.h"
#include "runtime/vm.h"

typedef struct {
    Obj base;
    Frame *frame;          /* NULL once finished and released */
    Obj *name, *qualname;
    bool running;
    /* The exception the generator's own except block was handling when it last yielded (owned),
     * put back as ts->handled when it resumes (CPython's gi_exc_state); NULL when none. */
    Obj *handled;
} GenObj;

Obj *gen_new(Frame *f) {
    GenObj *g = (GenObj *)obj_alloc(&generator_type, sizeof(GenObj));
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
        return exc_raise(ValueError_t, "generator already executing");
    }
    if (!g->frame || g->frame->state == FRAME_DONE) {
        gen_finish(g);
        if (exc) { exc_restore(exc); return NULL; }
        *done = 1;
        return none_ref();
    }
    if (g->frame->state == FRAME_CREATED && v && v != None && !exc)
        return exc_raise(TypeError_t, "can't send non-None value to a just-started generator");
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
        if (exc_matches(StopIteration_t)) {
            Obj *e = exc_fetch();
            exc_raise(RuntimeError_t, "generator raised StopIteration");
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

static Obj *gen_send(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (nargs != 1 || kw) return exc_raise(TypeError_t, "send() takes exactly one argument");
    int done;
    Obj *r = gen_send_ex(self, args[0], NULL, &done);
    if (r && done) return stop_with(r);
    return r;
}

static Obj *gen_throw(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    if (nargs < 1 || nargs > 3 || kw) return exc_raise(TypeError_t, "throw expected at least 1 argument");
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
    int done;
    Obj *r = gen_send_ex(self, NULL, e, &done);
    if (r && done) return stop_with(r);
    return r;
}

static Obj *gen_close(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    (void)args; (void)nargs; (void)kw;
    GenObj *g = (GenObj *)self;
    /* close() from inside the generator's own body (or from code it calls): its frame is live on
     * the C stack of gen_send_ex below us, so it must not be freed here */
    if (g->running) return exc_raise(ValueError_t, "generator already executing");
    if (!g->frame || g->frame->state != FRAME_SUSPENDED) {
        gen_finish(g);
        return none_ref();
    }
    Obj *e = exc_new(GeneratorExit_t, NULL, 0);
    if (!e) return NULL;
    int done;
    Obj *r = gen_send_ex(self, NULL, e, &done);
    if (r) {
        DECREF(r);
        if (!done) {
            gen_finish(g);
            return exc_raise(RuntimeError_t, "generator ignored GeneratorExit");
        }
        return none_ref();
    }
    if (exc_matches(GeneratorExit_t) || exc_matches(StopIteration_t)) {
        exc_clear();
        return none_ref();
    }
    return NULL;
}

static void gen_dealloc(Obj *o) {
    GenObj *g = (GenObj *)o;
    if (g->frame && g->frame->state == FRAME_SUSPENDED) {
        /* run finally blocks, as CPython's close() on collection */
        Obj *saved = exc_fetch();
        o->refcnt = 1;
        Obj *r = gen_close(o, NULL, 0, NULL);
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
    return str_fmt("<generator object %S at %p>", ((GenObj *)o)->qualname, (void *)o);
}

static Obj *gen_getattr(Obj *o, Obj *name) {
    GenObj *g = (GenObj *)o;
    if (str_equal_cstr(name, "__name__")) return NEWREF(g->name);
    if (str_equal_cstr(name, "__qualname__")) return NEWREF(g->qualname);
    if (str_equal_cstr(name, "gi_running")) return bool_from(g->running);
    return obj_generic_getattr(o, name);
}

static const MethodDef gen_methods[] = {
    { "send", gen_send }, { "throw", gen_throw }, { "close", gen_close }, { NULL, NULL },
};

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
