/*
 * interp/modules/mod_thread.c — the `_thread` module: Python threads are port threads (1:1).
 *
 * start_new_thread(function, args[, kwargs]) starts a port thread with its own ThreadState; the
 * new thread registers with the GIL, tells its creator its ident, takes the GIL and only then
 * runs bytecode. When the function returns the thread drops the GIL and ends. An uncaught
 * exception (other than SystemExit) is printed as CPython does ("Exception ignored in thread
 * started by: <function ...>" + traceback; threading's threads print "Exception in thread
 * <name>:" through threading.excepthook), and the program continues.
 *
 * Locks: lock (allocate_lock / LockType) and RLock are a port spinlock + wait queue; acquire
 * releases the GIL while it waits (gil_before_blocking/gil_after_blocking), with a timeout.
 *
 * Also: get_ident, get_native_id, exit, stack_size, TIMEOUT_MAX, error, _count,
 * _core() (the core the calling thread runs on), _set_thread_name(name) (for the excepthook),
 * _mark_exiting() (threading's bootstrap: the thread's own Python code is done),
 * _bootstrap_failed() (threading's bootstrap: its own bookkeeping raised).
 * Called by: interp/lib/threading.py. Locks: the GIL (callers hold it) + each lock's spinlock.
 */
#include "gil/gil.h"
#include "runtime/vm.h"
#include "runtime/interp.h"
#include "objects/module.h"
#include "runtime/frame.h"
#include "runtime/func.h"
#include "port/trace_events.h"
#include <string.h>

#include "runtime/traceback.h"
#include "runtime/share.h"

/* Thread stacks (threading.stack_size / _thread.stack_size, as CPython: 0 = the default, else
 * at least 32 KiB; the size applies to threads started afterwards):
 *   host   the default is pthreads' (RLIMIT_STACK, usually 8 MiB); the main thread's is
 *          RLIMIT_STACK too.
 *   guest  the default is 64 KiB (the console thread's size; the kernel's own default of 16 KiB
 *          is too small for the VM), at most 1 MiB (THREAD_STACK_MAX: a larger size makes
 *          start_new_thread raise RuntimeError). multiprocessing's process threads get 128 KiB.
 * Whatever the size, C recursion stops with RecursionError before the guard page: the budget is
 * measured on the real stack (c_stack_check, interp/objects/object.c), not counted. */
#define THREAD_STACK_DEFAULT (port_platform()->thread_stack)   /* port.h: host 0 (pthread's), guest 64 KiB */
static size_t thread_stack_size;    /* 0 = THREAD_STACK_DEFAULT */
static int thread_count;            /* threads started by this module still running (atomic) */

/* ---- locks ------------------------------------------------------------------------------------- */
typedef struct {
    Obj base;
    port_spin_t lk;
    port_waitq_t q;
    int locked;
    uint32_t holder;                /* RLock: holder ident */
    long count;                     /* RLock: recursion count */
} LockObj;
/* locked and holder change under lk, and are read without it (locked(), repr, an RLock's "do I
 * hold it?", where only the holder can have written its own ident): relaxed atomic accesses, so
 * such a read is a stale value at worst, never a torn one. */
#define LK_LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define LK_STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

extern Type thread_lock_type, thread_rlock_type;

static Obj *lock_make(Type *t) {
    LockObj *l = (LockObj *)obj_alloc(t, sizeof(LockObj));
    if (!l) return NULL;
    port_spin_init(&l->lk, "pylock");
    port_waitq_init(&l->q, "pylock");
    l->locked = 0;
    l->holder = 0;
    l->count = 0;
    return &l->base;
}

static void lock_dealloc(Obj *o) { obj_free(o); }

/* Parse (blocking=True, timeout=-1) into a timeout in ns: 0 = try, PORT_FOREVER = no limit. */
static int acquire_args(const char *fname, Obj *const *args, int nargs, Obj *kwnames, uint64_t *ns) {
    Obj *a[2] = {NULL, NULL};
    if (args_parse(fname, args, nargs, kwnames, "|blocking,timeout", a) < 0) return -1;
    int blocking = 1;
    if (a[0]) { blocking = obj_truth(a[0]); if (blocking < 0) return -1; }
    double to = -1;
    if (a[1] && a[1] != None && num_as_double(a[1], &to) < 0) return -1;
    if (!blocking) {
        if (to != -1) { exc_raise(ValueError_t, "can't specify a timeout for a non-blocking call"); return -1; }
        *ns = 0;
        return 0;
    }
    if (to < 0 && to != -1) { exc_raise(ValueError_t, "timeout value must be a non-negative number"); return -1; }
    *ns = to < 0 ? PORT_FOREVER : (uint64_t)(to * 1e9);
    return 0;
}

/* Wait for the lock to be free and take it. 1 acquired, 0 timed out, -1 interrupted. */
static int lock_wait(LockObj *l, uint64_t ns, uint32_t me) {
    port_spin_lock(&l->lk);
    if (!l->locked) {
        LK_STORE(l->locked, 1);
        LK_STORE(l->holder, me);
        port_spin_unlock(&l->lk);
        return 1;
    }
    if (ns == 0) { port_spin_unlock(&l->lk); return 0; }
    port_spin_unlock(&l->lk);
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    port_spin_lock(&l->lk);
    uint64_t start = port_time_ns();
    int r = 1;
    while (l->locked) {
        uint64_t left = PORT_FOREVER;
        if (ns != PORT_FOREVER) {
            uint64_t el = port_time_ns() - start;
            if (el >= ns) { r = 0; break; }
            left = ns - el;
        }
        /* a multiprocessing child sleeps in slices so terminate() is noticed (mp_process.c); so
         * does every thread of the fuzz build, whose harness stops leftover threads the same way
         * (tests/fuzz/fuzz_common.h) */
#ifdef TOLLPY_FUZZ
        if (left > 20000000u) left = 20000000u;
#else
        if (ts->interp->mp && left > 20000000u) left = 20000000u;
#endif
        int s = port_waitq_sleep(&l->q, &l->lk, left);
        if (interp_stop_requested(ts->interp)) { r = -3; break; }
        if (s < 0 && ts == ts->interp->main_ts) { r = -1; break; }
        if (s < 0 && ts->interp->stop_threads && ts->stop_seen != ts->interp->stop_threads) {
            ts->stop_seen = ts->interp->stop_threads;   /* console: Ctrl-C / soft reset */
            r = -2;
            break;
        }
    }
    if (r == 1) { LK_STORE(l->locked, 1); LK_STORE(l->holder, me); }
    port_spin_unlock(&l->lk);
    gil_after_blocking(ts);
    if (r == -2) { exc_raise_obj((Obj *)SystemExit_t); return -1; }
    if (r == -3) { vm_stop_raise(ts); return -1; }
    if (r < 0 && gil_reset_raise(ts->interp) < 0) return -1;   /* woken for a crash or a corruption */
    if (r < 0) {
        port_interrupt_clear();
        exc_raise(KeyboardInterrupt_t, "");
    }
    return r;
}

static Obj *lock_acquire(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    uint64_t ns;
    if (acquire_args("acquire", args, nargs, kwnames, &ns) < 0) return NULL;
    int r = lock_wait((LockObj *)self, ns, port_thread_id());
    if (r < 0) return NULL;
    return bool_from(r);
}

static Obj *lock_release(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    LockObj *l = (LockObj *)self;
    port_spin_lock(&l->lk);
    if (!l->locked) {
        port_spin_unlock(&l->lk);
        return exc_raise(RuntimeError_t, "release unlocked lock");
    }
    LK_STORE(l->locked, 0);
    LK_STORE(l->holder, 0);
    port_waitq_wake_one(&l->q);
    port_spin_unlock(&l->lk);
    return none_ref();
}

static Obj *lock_locked(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return bool_from(LK_LOAD(((LockObj *)self)->locked));
}

static Obj *lock_enter(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    int r = lock_wait((LockObj *)self, PORT_FOREVER, port_thread_id());
    if (r < 0) return NULL;
    return bool_from(r);
}

static Obj *lock_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs;
    Obj *r = lock_release(self, NULL, 0, kwnames);
    if (!r) return NULL;
    DECREF(r);
    return bool_from(0);
}

static Obj *lock_repr(Obj *self) {
    LockObj *l = (LockObj *)self;
    return str_fmt("<%s _thread.lock object>", LK_LOAD(l->locked) ? "locked" : "unlocked");
}

static Obj *lock_at_fork(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return none_ref();
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire}, {"acquire_lock", lock_acquire}, {"release", lock_release},
    {"release_lock", lock_release}, {"locked", lock_locked}, {"locked_lock", lock_locked},
    {"__enter__", lock_enter}, {"__exit__", lock_exit}, {"_at_fork_reinit", lock_at_fork},
    {NULL, NULL},
};

static Obj *lock_tp_new(Type *t, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)kwnames;
    if (nargs) return exc_raise(TypeError_t, "lock() takes no arguments");
    return lock_make(t);
}

Type thread_lock_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "lock", .base_type = &object_type,
    .size = sizeof(LockObj), .dealloc = lock_dealloc, .repr = lock_repr,
    .methods = lock_methods, .new_ = lock_tp_new,
};

/* RLock */
static Obj *rlock_acquire(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    LockObj *l = (LockObj *)self;
    uint64_t ns;
    if (acquire_args("acquire", args, nargs, kwnames, &ns) < 0) return NULL;
    uint32_t me = port_thread_id();
    if (LK_LOAD(l->locked) && LK_LOAD(l->holder) == me) {     /* only we change holder while we hold it */
        l->count++;
        return bool_from(1);
    }
    int r = lock_wait(l, ns, me);
    if (r < 0) return NULL;
    if (r) l->count = 1;
    return bool_from(r);
}

static Obj *rlock_release(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    LockObj *l = (LockObj *)self;
    uint32_t me = port_thread_id();
    if (!LK_LOAD(l->locked) || LK_LOAD(l->holder) != me)
        return exc_raise(RuntimeError_t, "cannot release un-acquired lock");
    if (--l->count > 0) return none_ref();
    return lock_release(self, NULL, 0, NULL);
}

static Obj *rlock_enter(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs;
    return rlock_acquire(self, NULL, 0, kwnames);
}
static Obj *rlock_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs;
    Obj *r = rlock_release(self, NULL, 0, kwnames);
    if (!r) return NULL;
    DECREF(r);
    return bool_from(0);
}
static Obj *rlock_is_owned(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    LockObj *l = (LockObj *)self;
    return bool_from(LK_LOAD(l->locked) && LK_LOAD(l->holder) == port_thread_id());
}
/* For threading.Condition: release completely / re-acquire with the saved (count, holder). */
static Obj *rlock_release_save(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    LockObj *l = (LockObj *)self;
    if (!LK_LOAD(l->locked) || LK_LOAD(l->holder) != port_thread_id())
        return exc_raise(RuntimeError_t, "cannot release un-acquired lock");
    long count = l->count;
    l->count = 0;
    Obj *r = lock_release(self, NULL, 0, NULL);
    if (!r) return NULL;
    DECREF(r);
    return int_from_i64(count);
}
static Obj *rlock_acquire_restore(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)kwnames;
    LockObj *l = (LockObj *)self;
    int64_t count = 1;
    if (nargs >= 1 && int_check(args[0]) && int_as_i64(args[0], &count) < 0) return NULL;
    int r = lock_wait(l, PORT_FOREVER, port_thread_id());
    if (r < 0) return NULL;
    l->count = count < 1 ? 1 : (long)count;
    return none_ref();
}
static Obj *rlock_repr(Obj *self) {
    LockObj *l = (LockObj *)self;
    /* "owner=" is CPython's repr text (Modules/_threadmodule.c), kept so the output matches */
    return str_fmt("<%s _thread.RLock object owner=%ld count=%ld>",
                   LK_LOAD(l->locked) ? "locked" : "unlocked", (long)(LK_LOAD(l->locked) ? LK_LOAD(l->holder) : 0),
                   (long)(LK_LOAD(l->locked) ? l->count : 0));
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire}, {"release", rlock_release}, {"__enter__", rlock_enter},
    {"__exit__", rlock_exit}, {"_is_owned", rlock_is_owned}, {"_at_fork_reinit", lock_at_fork},
    {"_release_save", rlock_release_save}, {"_acquire_restore", rlock_acquire_restore},
    {NULL, NULL},
};

Type thread_rlock_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "RLock", .base_type = &object_type,
    .size = sizeof(LockObj), .dealloc = lock_dealloc, .repr = rlock_repr,
    .methods = rlock_methods, .new_ = lock_tp_new,
};

/* ---- threads ----------------------------------------------------------------------------------- */
typedef struct {
    Interp *interp;
    Obj *func, *args, *kwargs;      /* held */
    ThreadState *ts;
    port_spin_t lk;
    port_waitq_t q;
    volatile int started;
    uint32_t ident;
} Boot;

/* An exception escaped a thread started with _thread directly (threading's threads catch
 * theirs and call threading.excepthook): CPython's unraisable-hook format. */
static void print_thread_exception(Obj *func, Obj *exc) {
    Obj *r = obj_repr(func);
    if (!r) exc_clear();
    StrBuf b;
    sb_init(&b);
    sb_adds(&b, "Exception ignored in thread started by: ");
    sb_adds(&b, r ? str_data(r) : "<function>");
    sb_adds(&b, "\n");
    XDECREF(r);
    if (!b.oom) tb_write_err(b.p, b.n);
    sb_free(&b);
    tb_print_exception(exc);
}

static void thread_main(void *p) {
    Boot *b = p;
    ThreadState *ts = b->ts;
    ts->ident = port_thread_id();
    port_tls_set(ts);
    gil_thread_init(ts);
    port_trace(TR_THREAD_START, ts->ident, (uint32_t)port_current_core());
    Obj *func = b->func, *args = b->args, *kwargs = b->kwargs;
    port_spin_lock(&b->lk);
    b->ident = ts->ident;
    b->started = 1;
    port_waitq_wake_all(&b->q);
    port_spin_unlock(&b->lk);
    /* From here on b belongs to the creator (it frees it); we own func/args/kwargs and ts. */
    gil_take(ts);

    Obj *res = NULL;
    int nargs = (int)TUPLE_LEN(args);
    int nkw = kwargs ? (int)dict_len(kwargs) : 0;
    if (nkw == 0) {
        res = obj_call(func, TUPLE_ITEMS(args), nargs, NULL);
    } else {
        Obj **av = mem_alloc(sizeof(Obj *) * (size_t)(nargs + nkw));
        Obj *names = av ? tuple_new(nkw) : NULL;
        if (names) {
            for (int i = 0; i < nargs; i++) av[i] = TUPLE_ITEMS(args)[i];
            intptr_t pos = 0;
            Obj *k, *v;
            int i = 0;
            while (dict_next(kwargs, &pos, &k, &v) && i < nkw) {
                INCREF(k);
                TUPLE_ITEMS(names)[i] = k;
                av[nargs + i] = v;
                i++;
            }
            res = obj_call(func, av, nargs, names);
            DECREF(names);
        }
        if (av) mem_free(av);
    }
    gil_thread_exiting(ts);
    if (res) {
        DECREF(res);
    } else if (exc_occurred()) {
        if (exc_matches(SystemExit_t)) {
            exc_clear();
        } else {
            Obj *exc = exc_fetch();
            print_thread_exception(func, exc);
            exc_clear();
            DECREF(exc);
        }
    }
    DECREF(func);
    DECREF(args);
    XDECREF(kwargs);
    CLEAR(ts->handled);
    CLEAR(ts->exc);
    frame_arena_free(ts);
    mem_credit_return(ts);          /* while the interpreter surely lives (we are still counted) */
    port_trace(TR_THREAD_EXIT, ts->ident, 0);
    __atomic_fetch_sub(&thread_count, 1, __ATOMIC_ACQ_REL);
    gil_thread_fini(ts);            /* drops the GIL */
    port_tls_set(NULL);
    mem_ts_release(ts);
    port_free(ts);
}

/* The calling thread must hold the GIL before a second thread may exist. */
static void ensure_held(ThreadState *ts) {
    if (!gil_held(ts)) gil_take(ts);
}

static Obj *t_start_new_thread(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[3];
    if (args_parse("start_new_thread", args, nargs, kwnames, "function,args|kwargs", a) < 0) return NULL;
    if (!TYPE(a[0])->call) return exc_raise(TypeError_t, "first arg must be callable");
    if (!obj_isinstance(a[1], &tuple_type)) return exc_raise(TypeError_t, "2nd arg must be a tuple");
    if (a[2] && a[2] != None && !obj_isinstance(a[2], &dict_type))
        return exc_raise(TypeError_t, "optional 3rd arg must be a dictionary");
    ThreadState *me = ts_get();
    ensure_held(me);
    /* `none`: what the threads will share stops being reference-counted (runtime/share.c), and
     * from here on the counts of everything else are atomic (obj.h, rc_shared): set before the
     * thread exists, so its start orders our plain updates before its first atomic one */
    share_definitions(me->interp);
    share_callable(a[0]);
    if (rc_atomic && !rc_shared) rc_shared = true;
    Boot *b = port_malloc(sizeof *b);
    ThreadState *ts = port_malloc(sizeof *ts);
    if (!b || !ts) {
        if (b) port_free(b);
        if (ts) port_free(ts);
        return exc_raise(RuntimeError_t, "can't start new thread");
    }
    memset(b, 0, sizeof *b);
    memset(ts, 0, sizeof *ts);
    ts->interp = me->interp;
    b->interp = me->interp;
    b->ts = ts;
    b->func = NEWREF(a[0]);
    b->args = NEWREF(a[1]);
    b->kwargs = (a[2] && a[2] != None) ? NEWREF(a[2]) : NULL;
    port_spin_init(&b->lk, "boot");
    port_waitq_init(&b->q, "boot");
    const char *err = NULL;
    __atomic_fetch_add(&thread_count, 1, __ATOMIC_ACQ_REL);
    port_thread *th = port_thread_start("py", thread_main, b,
                                        thread_stack_size ? thread_stack_size : THREAD_STACK_DEFAULT,
                                        PORT_ANY_CORE, &err);
    if (!th) {
        __atomic_fetch_sub(&thread_count, 1, __ATOMIC_ACQ_REL);
        DECREF(b->func); DECREF(b->args); XDECREF(b->kwargs);
        port_free(b);
        port_free(ts);
        return exc_raise(RuntimeError_t, "can't start new thread (%s)", err ? err : "?");
    }
    port_thread_detach(th);
    /* Wait (without the GIL) until the thread has registered and knows its ident; the new
     * thread does not touch b after setting `started`, so we free it. */
    gil_before_blocking(me);
    port_spin_lock(&b->lk);
    while (!b->started) port_waitq_sleep(&b->q, &b->lk, PORT_FOREVER);
    uint32_t ident = b->ident;
    port_spin_unlock(&b->lk);
    port_free(b);
    gil_after_blocking(me);
    return int_from_u64(ident);
}

static Obj *t_allocate_lock(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return lock_make(&thread_lock_type);
}

static Obj *t_get_ident(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return int_from_u64(port_thread_id());
}

static Obj *t_core(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(port_current_core());
}

static Obj *t_exit(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return exc_raise_obj((Obj *)SystemExit_t);
}

static Obj *t_count(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(__atomic_load_n(&thread_count, __ATOMIC_ACQUIRE));
}

/* _thread._mark_exiting(): the calling thread will run no more of its own Python code, only its
 * bootstrap's last lines (threading's _bootstrap calls it before it marks the Thread stopped and
 * releases the join lock, so a joiner always finds the thread marked: gil_thread_exiting). */
static Obj *t_mark_exiting(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    gil_thread_exiting(ts_get());
    return none_ref();
}

/* _thread._bootstrap_failed(): threading's bootstrap raised in its own bookkeeping, before the
 * Thread's started event was set or before its join lock was released, so start() or join() in
 * another thread waits for ever. With the interpreter intact only MemoryError gets there; under
 * the unsafe policy it is corruption that no detector saw (an object freed by a refcount race and
 * already reused: "release unlocked lock", a wrong type), and it is reported as one: the reset
 * that follows ends those waits (its watchdog wakes every sleeper), never a hang. */
static Obj *t_bootstrap_failed(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    if (gil_unsafe_active) gil_report_corruption("threading's thread bookkeeping failed");
    return none_ref();
}

static Obj *t_stack_size(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    if (args_parse("stack_size", args, nargs, kwnames, "|size", a) < 0) return NULL;
    size_t old = thread_stack_size;
    if (a[0]) {
        int64_t n;
        if (int_as_i64(a[0], &n) < 0) return NULL;
        if (n != 0 && n < 32768) return exc_raise(ValueError_t, "size not valid: %ld bytes", (long)n);
        if (n > (int64_t)1 << 30) return exc_raise(ValueError_t, "size not valid: %ld bytes", (long)n);
        thread_stack_size = (size_t)n;
    }
    return int_from_u64(old);
}

static Obj *t_interrupt_main(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return exc_raise(NotImplementedError_t, "interrupt_main is not supported");
}

/* _thread._print_exc(exc, header=None): header (a str) then the traceback of exc, on the error
 * stream, as the top level prints an uncaught exception (threading's excepthook). */
static Obj *t_print_exc(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[2];
    if (args_parse("_print_exc", args, nargs, kwnames, "exc|header", a) < 0) return NULL;
    if (a[1] && obj_isinstance(a[1], &str_type)) tb_write_err(str_data(a[1]), str_nbytes(a[1]));
    tb_print_exception(a[0]);
    return none_ref();
}

static const MethodDef thread_fns[] = {
    {"start_new_thread", t_start_new_thread}, {"start_new", t_start_new_thread},
    {"allocate_lock", t_allocate_lock}, {"allocate", t_allocate_lock},
    {"get_ident", t_get_ident}, {"get_native_id", t_get_ident}, {"_core", t_core},
    {"exit", t_exit}, {"exit_thread", t_exit}, {"_count", t_count},
    {"stack_size", t_stack_size}, {"interrupt_main", t_interrupt_main},
    {"_print_exc", t_print_exc}, {"_mark_exiting", t_mark_exiting},
    {"_bootstrap_failed", t_bootstrap_failed},
    {NULL, NULL},
};

static int thread_init(Obj *d) {
    if (type_ready_shared(&thread_lock_type) < 0 || type_ready_shared(&thread_rlock_type) < 0) return -1;
    /* tollpy_run_module joins them (runtime/interp.h); every interpreter stores the same value */
    __atomic_store_n(&interp_join_threads, thread_shutdown, __ATOMIC_RELEASE);
    if (module_add_functions(d, thread_fns) < 0) return -1;
    if (dict_set_s(d, "LockType", (Obj *)&thread_lock_type) < 0) return -1;
    if (dict_set_s(d, "RLock", (Obj *)&thread_rlock_type) < 0) return -1;
    if (dict_set_s(d, "error", (Obj *)RuntimeError_t) < 0) return -1;
    Obj *tm = float_new(4294967.0);
    if (!tm || dict_set_s(d, "TIMEOUT_MAX", tm) < 0) { XDECREF(tm); return -1; }
    DECREF(tm);
    return 0;
}

MODULE_DEF(_thread, thread_init);

/* Called by the runtime at interpreter exit (see gil.h): threading._shutdown() joins the
 * non-daemon threads, as CPython's Py_FinalizeEx does. An exception raised meanwhile (Ctrl-C)
 * is left pending for the caller. */
void thread_shutdown(Interp *in) {
    if (!in->modules) return;
    Obj *m = dict_get_s(in->modules, "threading");
    if (!m) return;
    Obj *r = obj_call_method(m, "_shutdown", NULL, 0);
    if (r) DECREF(r);      /* else the exception (e.g. KeyboardInterrupt) stays for the caller */
}
