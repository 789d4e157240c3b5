/*
 * interp/runtime/frame.h — execution frames.
 *
 * A frame is one activation of a code object: fast locals, cells, then the value stack, all in
 * one block (localsplus). Frames of ordinary calls are carved LIFO out of a per-thread arena of
 * chunks (frame_push/frame_pop: no malloc per call); a generator's frame is allocated on its own
 * (frame_new_heap) because it outlives the call that created it.
 * Only the owning thread touches a frame (a generator is run by one thread at a time).
 */
#ifndef INTERP_FRAME_H
#define INTERP_FRAME_H

#include "core/obj.h"
#include "bytecode/code.h"
#include "core/state.h"

enum { FRAME_CREATED, FRAME_RUNNING, FRAME_SUSPENDED, FRAME_DONE };

typedef struct Frame {
    struct Frame *back;        /* caller (while running) */
    Obj *code;                 /* borrowed from func, or held when func is NULL */
    Obj *func;                 /* held, or NULL (module code, exec) */
    Obj *globals;              /* borrowed from func, or held when func is NULL */
    Obj *builtins;             /* likewise */
    Obj *locals;               /* held dict for module/class bodies, else NULL */
    const Instr *ip;           /* next instruction (saved on calls, yields, errors) */
    Obj **sp;                  /* saved stack top */
    Obj **stack;               /* value stack base (inside localsplus) */
    int state;                 /* FRAME_* (generators) */
    uint8_t entry;             /* vm_eval was entered with this frame: returning leaves vm_eval */
    uint8_t on_heap;           /* frame_new_heap (a generator's) */
    Obj *gen;                  /* the generator owning this frame (borrowed), or NULL */
    Obj *localsplus[];         /* nlocals fast, ncells+nfrees cells, then stacksize values */
} Frame;

/* Allocate a frame for code (fast locals NULL, cells made/closure copied from func's closure).
 * frame_push carves from the thread's arena; the frame must be released with frame_pop in LIFO
 * order. func may be NULL (then globals must be given). New frames are not linked into ts->frame. */
Frame *frame_push(ThreadState *ts, Obj *code, Obj *func, Obj *globals, Obj *locals);
Frame *frame_new_heap(ThreadState *ts, Obj *code, Obj *func, Obj *globals, Obj *locals);
void frame_clear(Frame *f);                 /* drop every reference the frame holds */
int frame_traverse(Frame *f, VisitFn visit, void *arg);   /* visit what frame_clear would drop */
void frame_pop(ThreadState *ts, Frame *f);  /* frame_clear + give the arena space back */
void frame_free_heap(Frame *f);             /* frame_clear + mem_free */
void frame_arena_free(ThreadState *ts);     /* at thread end */
int frame_lineno(Frame *f);                 /* line of the instruction being executed */

#endif
