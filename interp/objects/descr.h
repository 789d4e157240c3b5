/*
 * interp/objects/descr.h — what a class attribute becomes when it is looked up through an
 * instance or the class: descr_get, and the descriptor types of the object layer (bound
 * methods, staticmethod, classmethod, property; CPython's Objects/classobject.c,
 * funcobject.c's staticmethod/classmethod, descrobject.c's property).
 *
 * descr_get dispatches on the descriptor's type: its Type.descr_get slot when it has one
 * (builtin functions, staticmethod, classmethod, property here; Python functions, in
 * interp/runtime/func.c, bind to a bound method), a heap type's __get__, else the object itself.
 * Used by: the generic attribute lookup (interp/objects/attr.c), super and class creation
 * (interp/runtime/class.c), the VM (with-statements, closures of class bodies). Callers hold
 * the GIL.
 */
#ifndef INTERP_OBJECTS_DESCR_H
#define INTERP_OBJECTS_DESCR_H

#include "core/obj.h"

/* A bound method (method_new in core/obj.h): calling it calls func with self first. */
typedef struct { Obj base; Obj *func; Obj *self; } MethodObj;

/* A property: each of the functions NULL when not given. */
typedef struct { Obj base; Obj *fget, *fset, *fdel, *doc; } PropObj;

/* Bind a descriptor found in a type's dict for an access on obj (NULL: access on the class
 * `cls` itself). New reference. */
Obj *descr_get(Obj *descr, Obj *obj, Type *cls);

/* The function inside a staticmethod or classmethod (borrowed). */
Obj *class_wrapped_func(Obj *sm_or_cm);

/* For a descriptor made immortal in a built-in type's dict (type_immortalize): the objects it
 * hands to every caller become immortal too (a staticmethod's or classmethod's function, a
 * property's functions, a builtin function's bound self), since the interpreters of several
 * processes take and drop references to them at once, each under its own GIL. */
void descr_immortalize_parts(Obj *d);

#endif
