/*
 * interp/modules/mod_gc.c — the `gc` module: the cycle collector's knobs (CPython's names and
 * results). The collector itself is interp/runtime/gc.c; the tracking of containers is
 * interp/core/gc.h.
 *
 * One generation: collect(generation) always collects everything (any valid generation), the
 * three thresholds are kept and reported but only threshold 0 drives automatic collection, and
 * get_count() reports the young count in its first place. is_tracked(o) says whether o is on a
 * tracked ring (every container is tracked from its birth: CPython's lazy untracking of dicts
 * and tuples of atoms is not done). garbage stays an empty list: objects with finalizers are
 * collected (PEP 442), none is ever left uncollectable.
 *
 * Locks: the GcState fields written here are plain stores of flags and numbers, read by the
 * allocating threads as hints (a late read delays or advances one automatic collection).
 */
#include "core/state.h"
#include "runtime/gc.h"
#include "objects/module.h"

static GcState *gcs(void) { return &ts_get()->interp->gc; }

static Obj *f_collect(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    if (args_parse("collect", a, n, k, "|generation", v) < 0) return NULL;
    if (v[0] && v[0] != None) {
        int64_t gen;
        if (int_as_i64(v[0], &gen) < 0) return NULL;
        if (gen < 0 || gen > 2) return exc_raise(ValueError_t, "invalid generation");
    }
    return int_from_i64(gc_collect(ts_get()));
}

static Obj *f_enable(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("enable", a, n, k, "", NULL) < 0) return NULL;
    GC_STORE(gcs()->enabled, 1);
    return none_ref();
}

static Obj *f_disable(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("disable", a, n, k, "", NULL) < 0) return NULL;
    GC_STORE(gcs()->enabled, 0);
    return none_ref();
}

static Obj *f_isenabled(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("isenabled", a, n, k, "", NULL) < 0) return NULL;
    return bool_from(GC_LOAD(gcs()->enabled));
}

static Obj *f_get_threshold(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("get_threshold", a, n, k, "", NULL) < 0) return NULL;
    GcState *g = gcs();
    Obj *t0 = int_from_i64(g->threshold[0]), *t1 = int_from_i64(g->threshold[1]),
        *t2 = int_from_i64(g->threshold[2]);
    Obj *r = (t0 && t1 && t2) ? tuple_pack(3, t0, t1, t2) : NULL;
    XDECREF(t0); XDECREF(t1); XDECREF(t2);
    return r;
}

static Obj *f_set_threshold(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (k && TUPLE_LEN(k)) return exc_raise(TypeError_t, "set_threshold() takes no keyword arguments");
    if (n < 1) return exc_raise(TypeError_t, "set_threshold() takes at least 1 argument (0 given)");
    if (n > 3) return exc_raise(TypeError_t, "set_threshold() takes at most 3 arguments (%d given)", n);
    int64_t t[3];
    for (int i = 0; i < n; i++) {
        if (!int_check(a[i])) return exc_raise(TypeError_t, "'%T' object cannot be interpreted as an integer", a[i]);
        if (int_as_i64(a[i], &t[i]) < 0) return NULL;
        if (t[i] > INT32_MAX || t[i] < INT32_MIN)
            return exc_raise(OverflowError_t, "signed integer is %s than %s",
                             t[i] > 0 ? "greater" : "less", t[i] > 0 ? "maximum" : "minimum");
    }
    GcState *g = gcs();
    for (int i = 0; i < n; i++) GC_STORE(g->threshold[i], (int)t[i]);
    return none_ref();
}

static Obj *f_get_count(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("get_count", a, n, k, "", NULL) < 0) return NULL;
    Obj *c = int_from_i64(GC_LOAD(gcs()->count) > 0 ? GC_LOAD(gcs()->count) : 0);
    if (!c) return NULL;
    Obj *r = tuple_pack(3, c, MK_SMALL(0), MK_SMALL(0));
    DECREF(c);
    return r;
}

static Obj *f_is_tracked(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    if (args_parse("is_tracked", a, n, k, "obj", v) < 0) return NULL;
    return bool_from(gc_is_tracked(v[0]));
}

static Obj *f_freeze(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("freeze", a, n, k, "", NULL) < 0) return NULL;
    gc_freeze(ts_get());
    return none_ref();
}

static Obj *f_unfreeze(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("unfreeze", a, n, k, "", NULL) < 0) return NULL;
    gc_unfreeze(ts_get());
    return none_ref();
}

static Obj *f_get_freeze_count(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("get_freeze_count", a, n, k, "", NULL) < 0) return NULL;
    return int_from_i64(GC_LOAD(gcs()->frozen.n));
}

static Obj *f_get_objects(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    if (args_parse("get_objects", a, n, k, "|generation", v) < 0) return NULL;
    return gc_objects(ts_get());
}

static Obj *f_get_stats(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("get_stats", a, n, k, "", NULL) < 0) return NULL;
    GcState *g = gcs();
    Obj *l = list_new(0);
    for (int i = 0; l && i < 3; i++) {
        Obj *d = dict_new();
        Obj *c = d ? int_from_i64(i == 2 ? (int64_t)g->collections : 0) : NULL;
        Obj *cd = c ? int_from_i64(i == 2 ? (int64_t)g->collected : 0) : NULL;
        int bad = !cd || dict_set_s(d, "collections", c) < 0 || dict_set_s(d, "collected", cd) < 0 ||
                  dict_set_s(d, "uncollectable", MK_SMALL(0)) < 0 || list_append(l, d) < 0;
        XDECREF(c); XDECREF(cd); XDECREF(d);
        if (bad) { DECREF(l); return NULL; }
    }
    return l;
}

static Obj *f_set_debug(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    int64_t f;
    if (args_parse("set_debug", a, n, k, "flags", v) < 0 || int_as_i64(v[0], &f) < 0) return NULL;
    GC_STORE(gcs()->debug_flags, (int)f);   /* per interpreter: each process has its own */
    return none_ref();
}

static Obj *f_get_debug(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    if (args_parse("get_debug", a, n, k, "", NULL) < 0) return NULL;
    return int_from_i64(GC_LOAD(gcs()->debug_flags));
}

static const MethodDef gc_fns[] = {
    {"collect", f_collect}, {"enable", f_enable}, {"disable", f_disable},
    {"isenabled", f_isenabled}, {"get_threshold", f_get_threshold},
    {"set_threshold", f_set_threshold}, {"get_count", f_get_count}, {"is_tracked", f_is_tracked},
    {"freeze", f_freeze}, {"unfreeze", f_unfreeze}, {"get_freeze_count", f_get_freeze_count},
    {"get_objects", f_get_objects}, {"get_stats", f_get_stats}, {"set_debug", f_set_debug},
    {"get_debug", f_get_debug},
    {NULL, NULL},
};

static int gc_init(Obj *d) {
    if (module_add_functions(d, gc_fns) < 0) return -1;
    static const struct { const char *name; int v; } flags[] = {
        {"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
        {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38},
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (dict_set_s(d, flags[i].name, MK_SMALL(flags[i].v)) < 0) return -1;
    Obj *garbage = list_new(0), *callbacks = garbage ? list_new(0) : NULL;
    int r = callbacks && dict_set_s(d, "garbage", garbage) == 0 && dict_set_s(d, "callbacks", callbacks) == 0 ? 0 : -1;
    XDECREF(garbage);
    XDECREF(callbacks);
    return r;
}

MODULE_DEF(gc, gc_init);
