/*
 * interp/objects/module.h — module objects and the registry of built-in C modules.
 *
 * A C module file defines its init function and registers it with one line:
 *     static const MethodDef time_fns[] = { {"sleep", f_sleep}, ..., {NULL, NULL} };
 *     static int time_init(Obj *d) { return module_add_functions(d, time_fns); }
 *     MODULE_DEF(time, time_init);
 * mk/gen_modtab.sh greps `MODULE_DEF(` over interp/ C files and writes build/.../gen/modtab.c, a
 * NULL-terminated table `const ModuleDef *const module_table[]`. Module names with a leading
 * underscore are written as such: MODULE_DEF(_thread, thread_init).
 *
 * Frozen Python modules: interp/lib/NAME.py is embedded by mk/gen_frozen.sh into
 * build/.../gen/frozen.c as `const FrozenModule frozen_table[]` and compiled on first import.
 * Packages: interp/lib/PKG/__init__.py is the package PKG (is_package set), interp/lib/PKG/SUB.py
 * its submodule "PKG.SUB"; importing "PKG.SUB" imports PKG first and binds SUB on it.
 *
 * import order (import_module): sys.modules, then the C table, then the frozen table. A C module
 * and a frozen one may share a name: then the C init runs first and the frozen source runs in the
 * same dict afterwards (a Python layer over a C core).
 *
 * Called by: the VM (IMPORT_NAME), interp_new (builtins, sys), modules that import others.
 * Locks: callers hold the GIL (or run under `none`); import.c's import_lock guards each module's
 * init_owner and each thread's import_waiting: a module in sys.modules whose init another thread
 * is running is waited for, as CPython's per-module import locks do.
 */
#ifndef INTERP_MODULE_H
#define INTERP_MODULE_H

#include "core/obj.h"

typedef struct {
    const char *name;
    int (*init)(Obj *module_dict);     /* fill the module's dict; 0 ok, -1 with an exception */
} ModuleDef;

#define MODULE_DEF(nm, fn) const ModuleDef moddef_##nm = { #nm, fn }

typedef struct {
    const char *name;
    const char *source;                /* Python source, NUL-terminated */
    size_t len;
    int is_package;                    /* from PKG/__init__.py: gets __path__ = [] */
} FrozenModule;

/* Generated tables (NULL-terminated / name == NULL terminated). */
extern const ModuleDef *const module_table[];
extern const FrozenModule frozen_table[];

struct ThreadState;
typedef struct {
    Obj base;
    Obj *dict;                         /* __name__, __doc__ etc. live here */
    /* The thread running this module's init or body while it sits in sys.modules unfinished, else
     * NULL. Written under import.c's import_lock; another thread that finds the module there
     * waits until it is NULL (interp/runtime/import.c, wait_initialized). */
    struct ThreadState *init_owner;
} ModuleObj;

Obj *module_new(const char *name);             /* a fresh module with __name__ set */
Obj *module_new_obj(Obj *name);                /* name: a str */
Obj *module_dict(Obj *m);                      /* borrowed */
/* Store each entry of fns (ended by a {NULL, NULL} entry) as builtin_fn_new(name, fn, NULL) under
 * its name, in a module's dict or in the module itself: how every C module's init puts its
 * functions in place. 0 ok, -1 with an exception (entries before the failing one stay). */
int module_add_functions(Obj *dict_or_module, const MethodDef *fns);

/* Import a module by dotted name (no packages yet: the whole name is looked up). New ref. */
Obj *import_module(const char *name);
Obj *import_module_obj(Obj *name);
/* Execute source as a module named modname (e.g. "__main__"), registering it in sys.modules
 * before running. filename is what tracebacks show. New ref to the module, NULL on error. */
Obj *import_exec_source(const char *modname, const char *filename, const char *src, size_t len);

#endif
