/*
 * interp/runtime/share.h — immortalize what a free-threaded program's threads share
 * (interp/runtime/share.c): called by _thread.start_new_thread while rc_atomic is set.
 */
#ifndef INTERP_SHARE_H
#define INTERP_SHARE_H

#include "core/obj.h"

/* The builtins, and each module's functions (with code and constants), built-in functions and
 * classes: immortal from now on. No-op unless rc_atomic. No exception is left set. */
void share_definitions(Interp *in);
/* A thread's target: a function (or a bound method's function) and its code: immortal. */
void share_callable(Obj *fn);

#endif
