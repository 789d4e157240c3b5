/*
 * interp/runtime/class.h — classes made by `class` statements, attribute lookup with descriptors,
 * property / staticmethod / classmethod / super.
 *
 * A heap type (TF_HEAPTYPE) is a Type allocated at run time; its dict is the class namespace.
 * Instances of a heap type get a dict (at dictoffset) unless a base already provides one.
 * Dunders (__add__, __eq__, ...) are not copied into slots: ops.c looks them up by name on
 * heap types (see obj.h), so here we only inherit the C slots from the base via type_ready.
 * Callers hold the GIL.
 */
#ifndef INTERP_CLASS_H
#define INTERP_CLASS_H

#include "core/obj.h"

/* Create a class: name a str, bases a tuple (may be empty -> object), ns the namespace dict
 * (copied). New reference to the type object. */
Obj *class_new(Obj *name, Obj *bases, Obj *ns);
Obj *class_wrapped_func(Obj *sm_or_cm);         /* borrowed: the function inside */
Obj *property_get(Obj *prop, Obj *obj);         /* call fget(obj) */
int class_init_types(void);                     /* type_ready the types of this file */

#endif
