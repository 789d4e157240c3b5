/*
 * interp/mp/mod_multiprocessing.c — the `_multiprocessing` C module under interp/lib/multiprocessing.py.
 *
 *   _start(target, args, kwargs, name, daemon) -> ProcessHandle (mp_process.c)
 *   current() -> (name, pid, parent_pid)      cpu_count()      live()
 *   Lock() RLock() Semaphore(value) BoundedSemaphore(value) Event()
 *   Value(typecode, value=0, lock=True)  Array(typecode, size_or_initializer, lock=True)
 *   QueueCore(maxsize=0)                    (mp_queue.c)
 *   set_limits(max_processes=None, mem_limit=None) -> (max_processes, mem_limit)
 *   dumps(obj) -> bytes / loads(bytes): the copy format, for tests (mp_copy.c)
 * Called by: multiprocessing.py. Locks: none here (the callee files say theirs).
 */
#include <string.h>
#include "mp/mp.h"
#include "runtime/interp.h"
#include "objects/module.h"

Obj *mp_make_lock(int recursive);
Obj *mp_make_semaphore(long value, long maxvalue);
Obj *mp_make_event(void);
Obj *mp_make_value(Obj *typecode, Obj *init, Obj *lock);
Obj *mp_make_array(Obj *typecode, Obj *size_or_init, Obj *lock);
Obj *mp_make_queue(long maxsize);

static Obj *m_start(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[5];
    if (args_parse("_start", args, nargs, kwnames, "target,args|kwargs,name,daemon", a) < 0) return NULL;
    int daemon = a[4] ? obj_truth(a[4]) : 0;
    if (daemon < 0) return NULL;
    Obj *kw = a[2] && a[2] != None ? a[2] : NULL;
    if (kw && !obj_is(kw, &dict_type)) return exc_raise(TypeError_t, "kwargs must be a dict");
    return mp_process_start(a[0], a[1], kw, a[3], daemon);
}

static Obj *m_current(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return mp_current();
}

static Obj *m_cpu_count(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(port_cores_online());
}

static Obj *m_live(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(__atomic_load_n(&interp_live_children, __ATOMIC_ACQUIRE));
}

static Obj *m_lock(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)kwnames;
    if (nargs) return exc_raise(TypeError_t, "Lock() takes no arguments");
    return mp_make_lock(0);
}
static Obj *m_rlock(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)kwnames;
    if (nargs) return exc_raise(TypeError_t, "RLock() takes no arguments");
    return mp_make_lock(1);
}

static int long_arg(Obj *o, long dflt, long *out) {
    *out = dflt;
    if (!o) return 0;
    int64_t v;
    if (int_as_i64(o, &v) < 0) return -1;
    *out = (long)v;
    return 0;
}

static Obj *m_semaphore(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    long v;
    if (args_parse("Semaphore", args, nargs, kwnames, "|value", a) < 0 || long_arg(a[0], 1, &v) < 0) return NULL;
    return mp_make_semaphore(v, 0x7fffffffL);
}
static Obj *m_bsemaphore(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    long v;
    if (args_parse("BoundedSemaphore", args, nargs, kwnames, "|value", a) < 0 || long_arg(a[0], 1, &v) < 0) return NULL;
    return mp_make_semaphore(v, v);
}
static Obj *m_event(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return mp_make_event();
}
static Obj *m_value(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[3];
    if (args_parse("Value", args, nargs, kwnames, "typecode_or_type|value,lock", a) < 0) return NULL;
    return mp_make_value(a[0], a[1], a[2]);
}
static Obj *m_array(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[3];
    if (args_parse("Array", args, nargs, kwnames, "typecode_or_type,size_or_initializer|lock", a) < 0) return NULL;
    return mp_make_array(a[0], a[1], a[2]);
}
static Obj *m_queue(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    long v;
    if (args_parse("QueueCore", args, nargs, kwnames, "|maxsize", a) < 0 || long_arg(a[0], 0, &v) < 0) return NULL;
    return mp_make_queue(v);
}

static Obj *m_set_limits(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[2];
    if (args_parse("set_limits", args, nargs, kwnames, "|max_processes,mem_limit", a) < 0) return NULL;
    int64_t v;
    if (a[0] && a[0] != None) {
        if (int_as_i64(a[0], &v) < 0) return NULL;
        if (v < 1 || v > 1024) return exc_raise(ValueError_t, "max_processes must be in 1..1024");
        mp_max_processes = (int)v;
    }
    if (a[1] && a[1] != None) {
        if (int_as_i64(a[1], &v) < 0) return NULL;
        if (v < (1 << 20)) return exc_raise(ValueError_t, "mem_limit must be at least 1 MiB");
        mp_process_mem_limit = (size_t)v;
    }
    Obj *m = int_from_i64(mp_max_processes), *l = int_from_u64(mp_process_mem_limit);
    Obj *t = m && l ? tuple_pack(2, m, l) : NULL;
    XDECREF(m);
    XDECREF(l);
    return t;
}

static Obj *m_dumps(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    if (args_parse("dumps", args, nargs, kwnames, "obj", a) < 0) return NULL;
    MpBuf *b = mp_encode(a[0]);
    if (!b) return NULL;
    if (b->nshared) { mp_buf_free(b); return exc_raise(TypeError_t, "dumps: shared objects only cross to processes"); }
    Obj *r = bytes_new((const char *)b->p, b->n);
    mp_buf_free(b);
    return r;
}
static Obj *m_loads(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    if (args_parse("loads", args, nargs, kwnames, "data", a) < 0) return NULL;
    if (!obj_is(a[0], &bytes_type)) return exc_raise(TypeError_t, "loads: bytes expected");
    MpBuf b;
    memset(&b, 0, sizeof b);
    b.p = (uint8_t *)BYTES_DATA(a[0]);
    b.n = BYTES_LEN(a[0]);
    return mp_decode(&b);
}

static const MethodDef mp_fns[] = {
    {"_start", m_start}, {"current", m_current}, {"cpu_count", m_cpu_count}, {"live", m_live},
    {"Lock", m_lock}, {"RLock", m_rlock}, {"Semaphore", m_semaphore},
    {"BoundedSemaphore", m_bsemaphore}, {"Event", m_event}, {"Value", m_value},
    {"Array", m_array}, {"QueueCore", m_queue}, {"set_limits", m_set_limits},
    {"dumps", m_dumps}, {"loads", m_loads},
    {NULL, NULL},
};

static int mp_init(Obj *d) {
    if (mp_shared_init_types() < 0 || mp_process_init_types() < 0) return -1;
    /* tollpy_run_module joins them (runtime/interp.h); every interpreter stores the same value */
    __atomic_store_n(&interp_join_processes, mp_shutdown, __ATOMIC_RELEASE);
    if (module_add_functions(d, mp_fns) < 0) return -1;
    struct { const char *n; Type *t; } types[] = {
        {"LockType", &mp_lock_type}, {"RLockType", &mp_rlock_type}, {"SemaphoreType", &mp_sem_type},
        {"EventType", &mp_event_type}, {"Synchronized", &mp_value_type},
        {"SynchronizedArray", &mp_array_type}, {"QueueCoreType", &mp_queue_type},
        {"ProcessHandle", &mp_proc_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (dict_set_s(d, types[i].n, (Obj *)types[i].t) < 0) return -1;
    return 0;
}

MODULE_DEF(_multiprocessing, mp_init);
