/*
 * interp/runtime/gen.h — generator objects: a heap frame that suspends at YIELD_VALUE / YIELD_FROM.
 * Called by the VM (calling a CO_GENERATOR function, YIELD_FROM, FOR_ITER through next).
 */
#ifndef INTERP_GEN_H
#define INTERP_GEN_H

#include "core/obj.h"

struct Frame;
Obj *gen_new(struct Frame *f);                 /* steals the (heap) frame */
/* Send v (NULL/None for next) or throw exc (steals) into g. Returns the yielded value with
 * *done = 0, the return value with *done = 1, or NULL with an exception. */
Obj *gen_send_ex(Obj *g, Obj *v, Obj *exc, int *done);

#endif
