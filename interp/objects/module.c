/*
 * interp/objects/module.c — module objects: a dict with a name. Attribute access reads and writes the
 * dict. Called by import.c, interp.c and C modules (module_new). Callers hold the GIL.
 */
#include <string.h>
#include <stddef.h>
#include "objects/module.h"

Obj *module_new_obj(Obj *name) {
    ModuleObj *m = (ModuleObj *)obj_alloc(&module_type, sizeof(ModuleObj));
    if (!m) return NULL;
    m->init_owner = NULL;
    m->dict = dict_new();
    if (!m->dict || dict_set_s(m->dict, "__name__", name) < 0 || dict_set_s(m->dict, "__doc__", None) < 0) {
        DECREF(&m->base);
        return NULL;
    }
    return &m->base;
}

Obj *module_new(const char *name) {
    Obj *n = str_from_cstr(name);
    if (!n) return NULL;
    Obj *m = module_new_obj(n);
    DECREF(n);
    return m;
}

Obj *module_dict(Obj *m) { return ((ModuleObj *)m)->dict; }

int module_add_functions(Obj *dict_or_module, const MethodDef *fns) {
    Obj *d = obj_is(dict_or_module, &module_type) ? module_dict(dict_or_module) : dict_or_module;
    for (const MethodDef *m = fns; m->name; m++) {
        Obj *f = builtin_fn_new(m->name, m->fn, NULL);
        if (!f) return -1;
        int r = dict_set_s(d, m->name, f);
        DECREF(f);
        if (r < 0) return -1;
    }
    return 0;
}

static void module_dealloc(Obj *o) {
    XDECREF(((ModuleObj *)o)->dict);
    obj_free(o);
}

/* The cycle collector's slot (interp/runtime/gc.c); no clear: the dict is never NULL (the
 * dict itself is cleared when it is in the cycle). */
static int module_traverse(Obj *o, VisitFn visit, void *arg) { VISIT(((ModuleObj *)o)->dict); return 0; }

static Obj *module_getattr(Obj *o, Obj *name) {
    ModuleObj *m = (ModuleObj *)o;
    /* under `none` another thread may rebind it: a new reference, through the thread's cache of
     * immortal definitions (dict_get_shared) so `math.sqrt` does not write the module dict's lock */
    Obj *v = rc_atomic && obj_is(m->dict, &dict_type) ? dict_get_shared(ts_get(), m->dict, NULL, name)
                                                      : dict_get_ref(m->dict, name);
    if (v) return v;
    if (exc_occurred()) return NULL;
    if (str_equal_cstr(name, "__dict__")) return NEWREF(m->dict);
    if (str_equal_cstr(name, "__class__")) return NEWREF((Obj *)&module_type);
    Obj *mn = dict_get_s(m->dict, "__name__");
    if (mn && str_check(mn)) return exc_raise(AttributeError_t, "module '%S' has no attribute '%S'", mn, name);
    return exc_raise(AttributeError_t, "module has no attribute '%S'", name);
}

static int module_setattr(Obj *o, Obj *name, Obj *val) {
    ModuleObj *m = (ModuleObj *)o;
    if (val) return dict_set(m->dict, name, val);
    if (!dict_get(m->dict, name)) {
        Obj *mn = dict_get_s(m->dict, "__name__");
        exc_raise(AttributeError_t, "module '%S' has no attribute '%S'", mn ? mn : str_intern("?"), name);
        return -1;
    }
    return dict_del(m->dict, name);
}

static Obj *module_repr(Obj *o) {
    ModuleObj *m = (ModuleObj *)o;
    Obj *mn = dict_get_s(m->dict, "__name__");
    Obj *file = dict_get_s(m->dict, "__file__");
    if (file && str_check(file)) return str_fmt("<module %R from %R>", mn ? mn : None, file);
    return str_fmt("<module %R (built-in)>", mn ? mn : None);
}

Type module_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "module",
    .size = sizeof(ModuleObj),
    .dictoffset = offsetof(ModuleObj, dict),
    .dealloc = module_dealloc,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .traverse = module_traverse,
};
