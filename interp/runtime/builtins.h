/*
 * interp/runtime/builtins.h — what the builtins module's files share: builtins.c (the functions
 * on objects and the types; builtins_init fills the module) and builtins_code.c (the functions
 * that run or build code: exec, eval, globals, locals, __import__, __build_class__).
 */
#ifndef INTERP_MODULES_BUILTINS_H
#define INTERP_MODULES_BUILTINS_H

#include "core/obj.h"

/* exec, eval, globals, locals, __import__, __build_class__; ended by {NULL, NULL}. */
extern const MethodDef builtins_code_fns[];

#endif
