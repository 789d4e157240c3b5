/*
 * interp/runtime/gc.h — the cycle collector (interp/runtime/gc.c); the tracking of containers it
 * walks is interp/core/gc.h. Called by the `gc` module (interp/modules/mod_gc.c) and by
 * vm_eval_breaker (automatic collection). Callers run Python code of the interpreter (hold the
 * GIL where there is one).
 */
#ifndef INTERP_RUNTIME_GC_H
#define INTERP_RUNTIME_GC_H

#include "core/obj.h"
#include "core/gc.h"

/* A full collection: frees the unreachable cycles; returns how many objects were unreachable
 * (0 when a collection is already running in this interpreter). */
intptr_t gc_collect(ThreadState *ts);
/* The automatic collection GcState.pending asked for (if gc is enabled); keeps a pending
 * exception. */
void gc_collect_pending(ThreadState *ts);
/* interp_free: every object still tracked (what the interpreter leaves behind) becomes untracked,
 * so that freeing one later never touches the rings of the freed Interp. */
void gc_interp_fini(Interp *in);
/* gc.freeze / gc.unfreeze: move every tracked object to / from the frozen ring, which
 * collections never examine. */
void gc_freeze(ThreadState *ts);
void gc_unfreeze(ThreadState *ts);
/* gc.get_objects(): a list of the tracked (not frozen) objects. */
Obj *gc_objects(ThreadState *ts);

#endif
