/*
 * interp/runtime/class.h — classes made by `class` statements and type(name, bases, dict).
 *
 * A heap type (TF_HEAPTYPE) is a Type allocated at run time; its dict is the class namespace.
 * Instances of a heap type get a dict (at dictoffset) unless a base already provides one.
 * Dunders (__add__, __eq__, ...) are not copied into slots: ops.c looks them up by name on
 * heap types (see obj.h), so here we only inherit the C slots from the base via type_ready.
 * Attribute lookup with descriptors, staticmethod, classmethod and property are the object
 * layer's (interp/objects/descr.h, included here for class_wrapped_func); super is in class.c.
 * Callers hold the GIL.
 */
#ifndef INTERP_CLASS_H
#define INTERP_CLASS_H

#include "core/obj.h"
#include "objects/descr.h"

/* Create a class: name a str, bases a tuple (may be empty -> object), ns the namespace dict
 * (copied). New reference to the type object. Also what type(name, bases, dict) calls: the
 * runtime registers it with type_set_class_new at start-up (interp/runtime/interp.c). */
Obj *class_new(Obj *name, Obj *bases, Obj *ns);
/* The same with a metaclass (a subclass of type; the most derived of it and the bases'
 * metaclasses is used) and the class statement's keywords for __init_subclass__ (a dict or NULL):
 * what type.__new__(meta, name, bases, ns, **kw) does. */
Obj *class_new_meta(Type *meta, Obj *name, Obj *bases, Obj *ns, Obj *kwargs);
/* The metaclass a class with these bases gets when meta is asked for (borrowed); TypeError on a
 * metaclass conflict. */
Type *class_calculate_meta(Type *meta, Obj *bases);
/* Weak references to o read None from now on and their callbacks run (may run Python code). */
void class_clear_weakrefs(Obj *o);

#endif
