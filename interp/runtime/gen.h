/*
 * interp/runtime/gen.h — generator and coroutine objects: a heap frame that suspends at
 * YIELD_VALUE / YIELD_FROM. Called by the VM (calling a CO_GENERATOR function, YIELD_FROM,
 * GET_AWAITABLE, FOR_ITER through next) and by next() (builtins.c).
 */
#ifndef INTERP_GEN_H
#define INTERP_GEN_H

#include "core/obj.h"

struct Frame;
Obj *gen_new(struct Frame *f);                 /* steals the (heap) frame */
/* Send v (NULL/None for next) or throw exc (steals) into g. Returns the yielded value with
 * *done = 0, the return value with *done = 1, or NULL with an exception. */
Obj *gen_send_ex(Obj *g, Obj *v, Obj *exc, int *done);
/* YIELD_FROM's step into a sub-iterator that is not a generator: next(it) when v is None, else
 * it.send(v); as gen_send_ex, except that the end may also come as NULL + StopIteration(value)
 * (a Python __next__ / send raising it). */
Obj *gen_send_other(Obj *it, Obj *v, int *done);
/* next(g): the yielded value, or NULL with StopIteration(return value) (or another exception). */
Obj *gen_next_stop(Obj *g);
/* `await o`: the iterator the awaiting frame delegates to (new ref), TypeError if o is not awaitable. */
Obj *gen_get_awaitable(Obj *o);
/* async for: o.__aiter__(); the awaitable of ait.__anext__(). async with: the awaitable of
 * mgr.__aenter__() and, in *exitp, the bound __aexit__. New references; NULL + TypeError as CPython. */
Obj *gen_get_aiter(Obj *o);
Obj *gen_get_anext(Obj *ait);
Obj *gen_before_async_with(Obj *mgr, Obj **exitp);
/* ASYNC_GEN_WRAP: v marked as an async generator's own yield (new reference) */
Obj *gen_async_wrap(Obj *v);
extern Type coroutine_type, async_generator_type;
int gen_types_ready(void);                    /* coroutine and its __await__ wrapper; at start-up */
static inline bool gen_check(Obj *o) {
    return TYPE(o) == &generator_type || TYPE(o) == &coroutine_type || TYPE(o) == &async_generator_type;
}

#endif
