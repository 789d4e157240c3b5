/*
 * interp/modules/mod_os.c — a minimal `os`: cpu_count() (cores online through port.h), getpid(),
 * name. Called by: Python code. Locks: none.
 */
#include "gil/gil.h"
#include "objects/module.h"

static Obj *f_cpu_count(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_i64(port_cores_online());
}
static Obj *f_getpid(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    long pid = port_process_id();
    if (pid > 0) return int_from_i64((int64_t)pid);
    /* no OS processes (guest): number the interpreters, as multiprocessing's pids do */
    ThreadState *ts = ts_get();
    return int_from_i64(ts && ts->interp ? ts->interp->id + 1 : 1);
}

static const MethodDef os_fns[] = {
    {"cpu_count", f_cpu_count}, {"getpid", f_getpid},
    {NULL, NULL},
};

static int os_init(Obj *d) {
    if (module_add_functions(d, os_fns) < 0) return -1;
    Obj *nm = str_from_cstr("posix");
    if (!nm || dict_set_s(d, "name", nm) < 0) { XDECREF(nm); return -1; }
    DECREF(nm);
    return 0;
}

MODULE_DEF(os, os_init);
