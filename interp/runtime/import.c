/*
 * interp/runtime/import.c — `import name`: sys.modules, then the built-in C modules (MODULE_DEF, the
 * generated module_table), then the frozen Python modules (interp/lib/NAME.py, compiled on first
 * import). A C module and a frozen module of the same name combine: C init first, then the
 * Python source runs in the same dict. No packages, no files from disk.
 * The module is entered into sys.modules before its body runs (circular imports see the
 * partial module, as in CPython) and removed again if the body fails. Callers hold the GIL.
 */
#include <stdio.h>
#include <string.h>
#include "objects/module.h"
#include "core/state.h"
#include "runtime/vm.h"
#include "runtime/interp.h"

static const FrozenModule *find_frozen(const char *name) {
    for (const FrozenModule *f = frozen_table; f->name; f++)
        if (!strcmp(f->name, name)) return f;
    return NULL;
}

static const ModuleDef *find_builtin(const char *name) {
    for (const ModuleDef *const *d = module_table; *d; d++)
        if (!strcmp((*d)->name, name)) return *d;
    return NULL;
}

/* Run source in module m's dict. 0 / -1. */
static int exec_in_module(Obj *m, const char *filename, const char *src, size_t len) {
    Obj *code = interp_compile(src, len, filename, IC_EXEC);
    if (!code) return -1;
    Obj *r = vm_run_code(code, module_dict(m), NULL);
    DECREF(code);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

Obj *import_module_obj(Obj *name) {
    Interp *in = ts_get()->interp;
    Obj *m = dict_get(in->modules, name);
    if (m) return NEWREF(m);
    if (exc_occurred()) return NULL;
    const char *nm = str_data(name);
    const ModuleDef *def = find_builtin(nm);
    const FrozenModule *fz = find_frozen(nm);
    if (!def && !fz) return exc_raise(ModuleNotFoundError_t, "No module named '%S'", name);
    m = module_new_obj(name);
    if (!m) return NULL;
    if (dict_set(in->modules, name, m) < 0) { DECREF(m); return NULL; }
    if (def && def->init(module_dict(m)) < 0) goto fail;
    if (fz) {
        char fname[96];
        snprintf(fname, sizeof fname, "<frozen %s>", nm);
        if (dict_set_s(module_dict(m), "__builtins__", in->builtins) < 0) goto fail;
        if (exec_in_module(m, fname, fz->source, fz->len) < 0) goto fail;
    }
    return m;
fail: {
        Obj *e = exc_fetch();
        dict_del(in->modules, name);
        exc_clear();
        exc_restore(e);
        DECREF(m);
        return NULL;
    }
}

Obj *import_module(const char *name) {
    Obj *n = str_from_cstr(name);
    if (!n) return NULL;
    Obj *m = import_module_obj(n);
    DECREF(n);
    return m;
}

Obj *import_exec_source(const char *modname, const char *filename, const char *src, size_t len) {
    Interp *in = ts_get()->interp;
    Obj *code = interp_compile(src, len, filename, IC_EXEC);
    if (!code) return NULL;
    Obj *m = module_new(modname);
    if (!m) { DECREF(code); return NULL; }
    Obj *d = module_dict(m);
    Obj *fn = str_from_cstr(filename);
    int bad = !fn || dict_set_s(d, "__builtins__", in->builtins) < 0 ||
              (strcmp(filename, "<stdin>") && strcmp(filename, "<string>") && dict_set_s(d, "__file__", fn) < 0) ||
              dict_set_s(d, "__name__", str_intern(modname)) < 0 ||
              dict_set_s(in->modules, modname, m) < 0;
    XDECREF(fn);
    if (bad) { DECREF(code); DECREF(m); return NULL; }
    Obj *r = vm_run_code(code, d, NULL);
    DECREF(code);
    if (!r) {
        /* Out of memory at top level: drop the module's globals now, so printing the traceback
         * has memory to work with (the traceback holds code objects, not frames or values). */
        if (exc_matches(MemoryError_t)) {
            Obj *e = exc_fetch();
            Obj *keys = list_new(0);
            intptr_t pos = 0;
            Obj *k, *v;
            while (keys && dict_next(d, &pos, &k, &v))
                if (!str_check(k) || str_data(k)[0] != '_') list_append(keys, k);
            for (intptr_t i = 0; keys && i < LIST_LEN(keys); i++) dict_del(d, LIST_ITEMS(keys)[i]);
            XDECREF(keys);
            exc_clear();
            exc_restore(e);
        }
        DECREF(m);
        return NULL;
    }
    DECREF(r);
    return m;
}
