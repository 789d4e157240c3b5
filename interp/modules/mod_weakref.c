/*
 * interp/modules/mod_weakref.c — `_weakref`, the C part of interp/lib/weakref.py: the ref type
 * (interp/objects/weakref.c), getweakrefcount and getweakrefs.
 * Locks: those of interp/objects/weakref.c.
 */
#include "objects/module.h"
#include "objects/objects.h"

static Obj *f_getweakrefcount(Obj *s, Obj *const *a, int n, Obj *kw) {
    (void)s;
    if (no_kwargs("getweakrefcount", kw) < 0 || check_nargs("getweakrefcount", n, 1, 1) < 0) return NULL;
    return int_from_i64(weakref_count(a[0]));
}

static const MethodDef weakref_fns[] = { {"getweakrefcount", f_getweakrefcount}, {NULL, NULL} };

static int weakref_mod_init(Obj *d) {
    if (type_ready_shared(&weakref_type) < 0) return -1;
    if (dict_set_s(d, "ref", (Obj *)&weakref_type) < 0 || dict_set_s(d, "ReferenceType", (Obj *)&weakref_type) < 0)
        return -1;
    return module_add_functions(d, weakref_fns);
}

MODULE_DEF(_weakref, weakref_mod_init);
