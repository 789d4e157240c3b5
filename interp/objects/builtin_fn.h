/*
 * interp/objects/builtin_fn.h — C functions as Python objects (builtin_function_or_method,
 * CPython's Objects/methodobject.c).
 *
 * builtin_fn has two flavours:
 *   builtin_fn_new(name, fn, self)   a C function bound to self (self may be NULL for a module
 *                                    function: fn is then called with self == NULL); declared in
 *                                    core/obj.h.
 *   builtin_method_new(name, fn, t)  an *unbound* method of built-in type t, as type_ready puts
 *                                    MethodDefs into a type's dict: calling it takes self from
 *                                    args[0] (TypeError if missing or not a t); attribute lookup on
 *                                    an instance binds it (obj_generic_getattr -> descr_get).
 * Used by: type_ready, the VM (its LOAD_METHOD fast path reads `cls`), modules, the copy of
 * objects between interpreters (interp/mp/mp_copy.c). Callers hold the GIL.
 */
#ifndef INTERP_OBJECTS_BUILTIN_FN_H
#define INTERP_OBJECTS_BUILTIN_FN_H

#include "core/obj.h"

typedef struct {
    Obj base;
    const char *name;
    MethFn fn;
    Obj *self;          /* bound self, or NULL */
    Type *cls;        /* non-NULL: unbound method of this type (self comes from args[0]) */
} BuiltinFnObj;

Obj *builtin_method_new(const char *name, MethFn fn, Type *cls);

#endif
