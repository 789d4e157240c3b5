/*
 * interp/runtime/mod_sys_gil.c — the GIL's functions on `sys`, added by sys_gil_init(sysdict), which
 * the runtime's mod_sys.c calls from its init:
 *   setswitchinterval(s) / getswitchinterval()    new/prio switch interval (default 0.005)
 *   setcheckinterval(n) / getcheckinterval()      old policy ticks (default 100)
 *   setgilpolicy(name) / getgilpolicy()           new old prio none unsafe; RuntimeError when
 *                                                 more than one thread runs
 *   _is_gil_enabled()                             False under none/unsafe
 * Called by: Python code, with the GIL held. Locks: the GIL's own spinlock (inside gil.c).
 */
#include "gil/gil.h"
#include "runtime/func.h"

static Interp *cur(void) { return ts_get()->interp; }

static Obj *f_setswitchinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    double d;
    if (args_parse("setswitchinterval", a, n, k, "interval", v) < 0) return NULL;
    if (num_as_double(v[0], &d) < 0) return NULL;
    if (!(d > 0)) return exc_raise(ValueError_t, "switch interval must be strictly positive");
    gil_set_switch_interval(cur(), (uint64_t)(d * 1e9));
    return none_ref();
}
static Obj *f_getswitchinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return float_new((double)gil_get_switch_interval(cur()) / 1e9);
}
static Obj *f_setcheckinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    int64_t t;
    if (args_parse("setcheckinterval", a, n, k, "n", v) < 0) return NULL;
    if (int_as_i64(v[0], &t) < 0) return NULL;
    if (t < 1) t = 1;
    if (t > 1000000000) t = 1000000000;
    gil_set_check_interval(cur(), (int)t);
    return none_ref();
}
static Obj *f_getcheckinterval(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_i64(gil_get_check_interval(cur()));
}
static Obj *f_setgilpolicy(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    if (args_parse("setgilpolicy", a, n, k, "name", v) < 0) return NULL;
    if (!obj_isinstance(v[0], &str_type)) return exc_raise(TypeError_t, "policy name must be a str");
    if (gil_set_policy(cur(), str_data(v[0])) < 0) return NULL;
    return none_ref();
}
static Obj *f_getgilpolicy(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return str_from_cstr(gil_policy_name(cur()));
}
static Obj *f_is_gil_enabled(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return bool_from(gil_policy_has_lock(cur()));
}

int sys_gil_init(Obj *d) {
    static const struct { const char *name; MethFn fn; } fns[] = {
        {"setswitchinterval", f_setswitchinterval}, {"getswitchinterval", f_getswitchinterval},
        {"setcheckinterval", f_setcheckinterval}, {"getcheckinterval", f_getcheckinterval},
        {"setgilpolicy", f_setgilpolicy}, {"getgilpolicy", f_getgilpolicy},
        {"_is_gil_enabled", f_is_gil_enabled},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        Obj *f = builtin_fn_new(fns[i].name, fns[i].fn, NULL);
        if (!f) return -1;
        int r = dict_set_s(d, fns[i].name, f);
        DECREF(f);
        if (r < 0) return -1;
    }
    return 0;
}
