/*
 * interp/runtime/call.h — the call machinery the evaluation loop (vm.c) shares with call.c;
 * private to interp/runtime/. The public entry points (vm_call_function, vm_run_code,
 * vm_run_class_body) are declared in vm.h.
 *
 * Callers hold the GIL; nothing here locks.
 */
#ifndef INTERP_CALL_H
#define INTERP_CALL_H

#include <stddef.h>
#include "core/obj.h"
#include "runtime/func.h"

/* Bind args (borrowed: nargs positional, then one per name in kwnames) into the new frame's
 * fast locals `fast`, filling defaults, *args and **kwargs. 0, or -1 with TypeError raised (the
 * slots already filled are the frame's, released when it is popped). Called by CALL_* in the
 * loop for every Python-to-Python call. */
int vm_bind_args(FuncObj *fn, Obj **fast, Obj *const *args, int nargs, Obj *kwnames);

/* f(*args, **kwargs) (CALL_FUNCTION_EX): args any iterable, kwargs a dict or NULL (borrowed). */
Obj *vm_call_ex(Obj *func, Obj *args, Obj *kwargs);

/* The name of a callable for "f() argument after * ..." messages, in buf (or a static name). */
const char *vm_callable_name(Obj *f, char *buf, size_t n);

Obj *vm_recursion_error(void);      /* raises RecursionError; returns NULL */

#endif
