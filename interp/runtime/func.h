/*
 * interp/runtime/func.h — callable objects: Python functions, cells (closures), bound methods, and C
 * functions (builtin_fn).
 *
 * builtin_fn has two flavours:
 *   builtin_fn_new(name, fn, self)   a C function bound to self (self may be NULL for a module
 *                                    function: fn is then called with self == NULL).
 *   builtin_method_new(name, fn, t)  an *unbound* method of built-in type t, as type_ready puts
 *                                    MethodDefs into a type's dict: calling it takes self from
 *                                    args[0] (TypeError if missing or not a t); attribute lookup on
 *                                    an instance binds it (obj_generic_getattr -> descr_get).
 * Called by: the VM (function_type.call is vm_call_function), object files, modules.
 */
#ifndef INTERP_FUNC_H
#define INTERP_FUNC_H

#include "core/obj.h"

struct CodeObj;

typedef struct {
    Obj base;
    const char *name;
    MethFn fn;
    Obj *self;          /* bound self, or NULL */
    Type *owner;        /* non-NULL: unbound method of this type (self comes from args[0]) */
} BuiltinFnObj;

typedef struct { Obj base; Obj *func; Obj *self; } MethodObj;
typedef struct { Obj base; Obj *ref; } CellObj;       /* ref NULL = empty cell */

typedef struct FuncObj {
    Obj base;
    Obj *code;          /* a code object (interp/bytecode/code.h) */
    Obj *globals;       /* dict */
    Obj *builtins;      /* dict (borrowed from the interpreter at creation; held) */
    Obj *name;          /* str */
    Obj *qualname;      /* str */
    Obj *defaults;      /* tuple or NULL */
    Obj *kwdefaults;    /* dict or NULL */
    Obj *closure;       /* tuple of cells or NULL */
    Obj *dict;          /* function attributes, or NULL until first set */
    Obj *doc;           /* or NULL */
    Obj *module;        /* __module__ or NULL */
} FuncObj;

Obj *builtin_method_new(const char *name, MethFn fn, Type *owner);
Obj *func_new(Obj *code, Obj *globals, Obj *qualname);   /* defaults etc. set by the VM */
Obj *cell_new(Obj *v);                                   /* v borrowed, may be NULL */

/* Bind a descriptor found in a type's dict for an access on obj (NULL: access on the class
 * `owner` itself). New reference. Handles functions, builtin methods, staticmethod, classmethod,
 * property and Python objects with __get__. */
Obj *descr_get(Obj *descr, Obj *obj, Type *owner);

#endif
