/*
 * interp/runtime/func.h — Python functions and cells (closures).
 *
 * Includes the object layer's callables that the VM handles beside them: C functions
 * (BuiltinFnObj, interp/objects/builtin_fn.h) and bound methods and descr_get
 * (interp/objects/descr.h).
 * Called by: the VM (function_type.call is vm_call_function), modules, mp_copy.
 */
#ifndef INTERP_FUNC_H
#define INTERP_FUNC_H

#include "core/obj.h"
#include "objects/builtin_fn.h"
#include "objects/descr.h"

struct CodeObj;

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

Obj *func_new(Obj *code, Obj *globals, Obj *qualname);   /* defaults etc. set by the VM */
Obj *cell_new(Obj *v);                                   /* v borrowed, may be NULL */

#endif
