/*
 * interp/runtime/frame.c — frame allocation: a per-thread LIFO arena of chunks, and heap frames for
 * generators. Called by the VM (calls, returns, generator creation). Only the owning thread
 * touches its arena, so no lock.
 */
#include <string.h>
#include "runtime/frame.h"
#include "runtime/func.h"

typedef struct Chunk {
    struct Chunk *prev;
    char *top, *end;
    char data[];
} Chunk;

#define CHUNK_SIZE (32 * 1024)

static size_t frame_size(CodeObj *co) {
    return sizeof(Frame) + sizeof(Obj *) * (size_t)(co->nlocals + co->ncells + co->nfrees + co->stacksize + 1);
}

/* A frame with a function borrows code/globals/builtins from it (the function is held);
 * a frame without one (module code, exec) holds them itself. */
static inline int frame_init(Frame *f, Obj *code, Obj *func, Obj *globals, Obj *locals) {
    CodeObj *co = CODE(code);
    f->back = NULL;
    f->code = code;
    if (func) {
        FuncObj *fn = (FuncObj *)func;
        INCREF(func);
        f->func = func;
        f->globals = fn->globals;
        f->builtins = fn->builtins;
    } else {
        f->func = NULL;
        INCREF(code);
        f->globals = NEWREF(globals);
        Obj *b = dict_get_s(globals, "__builtins__");
        if (!b || !obj_is(b, &dict_type)) b = ts_get()->interp->builtins;
        f->builtins = NEWREF(b);
    }
    f->locals = locals ? NEWREF(locals) : NULL;
    f->ip = co->code;
    f->state = FRAME_CREATED;
    f->entry = 0;
    f->gen = NULL;
    int nl = co->nlocals, nc = co->ncells, nf = co->nfrees;
    Obj **lp = f->localsplus;
    int ntot = nl + nc + nf;
    for (int i = 0; i < ntot; i++) lp[i] = NULL;
    f->stack = lp + ntot;
    f->sp = f->stack;
    if (__builtin_expect(nc + nf == 0, 1)) return 0;
    for (int i = 0; i < nc; i++) {
        if (!(lp[nl + i] = cell_new(NULL))) return -1;
    }
    if (nf) {
        FuncObj *fn = (FuncObj *)func;
        if (!fn || !fn->closure || TUPLE_LEN(fn->closure) < nf) {
            exc_raise(RuntimeError_t, "closure missing for %S", co->name);
            return -1;
        }
        for (int i = 0; i < nf; i++) lp[nl + nc + i] = NEWREF(TUPLE_ITEMS(fn->closure)[i]);
    }
    return 0;
}

Frame *frame_push(ThreadState *ts, Obj *code, Obj *func, Obj *globals, Obj *locals) {
    size_t n = (frame_size(CODE(code)) + 15) & ~(size_t)15;
    Chunk *c = ts->frame_chunk;
    if (!c || c->top + n > c->end) {
        Chunk *nc = ts->frame_spare;
        if (nc && (size_t)(nc->end - nc->data) >= n) {
            ts->frame_spare = NULL;
        } else {
            size_t sz = n > CHUNK_SIZE ? n : CHUNK_SIZE;
            nc = mem_alloc(sizeof(Chunk) + sz);
            if (!nc) return NULL;
            nc->end = nc->data + sz;
        }
        nc->top = nc->data;
        nc->prev = c;
        ts->frame_chunk = nc;
        c = nc;
    }
    Frame *f = (Frame *)c->top;
    c->top += n;
    f->on_heap = 0;
    if (frame_init(f, code, func, globals, locals) < 0) {
        frame_pop(ts, f);
        return NULL;
    }
    return f;
}

Frame *frame_new_heap(ThreadState *ts, Obj *code, Obj *func, Obj *globals, Obj *locals) {
    (void)ts;
    Frame *f = mem_alloc(frame_size(CODE(code)));
    if (!f) return NULL;
    f->on_heap = 1;
    if (frame_init(f, code, func, globals, locals) < 0) {
        frame_free_heap(f);
        return NULL;
    }
    return f;
}

void frame_clear(Frame *f) {
    if (!f->code) return;
    CodeObj *co = CODE(f->code);
    int n = co->nlocals + co->ncells + co->nfrees;
    Obj **lp = f->localsplus;
    for (int i = 0; i < n; i++) {
        Obj *v = lp[i];
        if (v) { lp[i] = NULL; DECREF(v); }
    }
    while (f->sp > f->stack) {
        Obj *v = *--f->sp;
        XDECREF(v);
    }
    CLEAR(f->locals);
    if (f->func) {
        Obj *fn = f->func;
        f->func = NULL;
        f->code = NULL;
        DECREF(fn);
    } else {
        CLEAR(f->globals);
        CLEAR(f->builtins);
        CLEAR(f->code);
    }
    f->code = NULL;
}

/* What frame_clear would drop, for the cycle collector (a suspended generator's frame: sp is
 * saved, so the stack below it holds exactly its values). */
int frame_traverse(Frame *f, VisitFn visit, void *arg) {
    if (!f->code) return 0;
    CodeObj *co = CODE(f->code);
    int n = co->nlocals + co->ncells + co->nfrees;
    for (int i = 0; i < n; i++) VISIT(f->localsplus[i]);
    for (Obj **p = f->stack; p < f->sp; p++) VISIT(*p);
    VISIT(f->locals);
    if (f->func) VISIT(f->func);
    else { VISIT(f->globals); VISIT(f->builtins); VISIT(f->code); }
    return 0;
}

void frame_pop(ThreadState *ts, Frame *f) {
    /* frames are LIFO in the arena: this one is the last allocation of the current chunk */
    frame_clear(f);
    Chunk *c = ts->frame_chunk;
    c->top = (char *)f;
    if (c->top == c->data && c->prev) {
        ts->frame_chunk = c->prev;
        if (ts->frame_spare) mem_free(ts->frame_spare);
        ts->frame_spare = c;
    }
}

void frame_free_heap(Frame *f) {
    frame_clear(f);
    mem_free(f);
}

void frame_arena_free(ThreadState *ts) {
    Chunk *c = ts->frame_chunk;
    while (c) {
        Chunk *p = c->prev;
        mem_free(c);
        c = p;
    }
    ts->frame_chunk = NULL;
    if (ts->frame_spare) mem_free(ts->frame_spare);
    ts->frame_spare = NULL;
}

int frame_lineno(Frame *f) {
    CodeObj *co = CODE(f->code);
    int idx = (int)(f->ip - co->code) - 1;
    if (idx < 0) idx = 0;
    return code_addr2line(f->code, idx);
}
