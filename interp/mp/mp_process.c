/*
 * interp/mp/mp_process.c — a process is an isolated interpreter on its own port thread.
 *
 * Spawn, as CPython's default on macOS and Windows: the parent encodes (target, args, kwargs)
 * into an MpBuf (mp_copy.c) and copies the main program's source (interp_main_source, kept by
 * interp/runtime/interp.c). The child thread creates a new Interp (own modules, own heap accounting
 * and limit, own GIL: it never waits for the parent's), re-runs that source as `__mp_main__`
 * (aliased as sys.modules["__main__"], so `if __name__ == "__main__":` is false there), decodes
 * the call — functions travel by name and are looked up in the child's main module — and calls
 * it. Exit code: 0, 1 after an uncaught exception (traceback printed as "Process Name-1:"), N for
 * sys.exit(N), -15 after terminate(), 1 when (guest) the child's thread crashed: a fault in
 * interpreter code contained by the kernel (mp_child_crashed). Then it joins its own threads and processes, clears its
 * module dicts (returning the memory of the module/function cycles), frees the interpreter and
 * wakes its joiners.
 *
 * terminate() is cooperative: it sets the child interpreter's stop_request and eval_breaker;
 * the VM's next check point (a backward jump or a call, at most a few microseconds of bytecode
 * later) raises SystemExit in the child (vm_stop_raise, interp/runtime/vm.c, raised again at every check until the
 * child is gone), and multiprocessing waits (Lock/Queue/Event/join) give up within 20 ms. A
 * child stuck in one long C call (time.sleep, a huge native computation) ends when it returns.
 *
 * MpProc is shared by the parent's handle object and the child thread: atomic refcount; its
 * spinlock guards state/exitcode/interp/stop. Process-wide: the live-process count (atomic) and
 * the main program's source (main_lk).
 */
#include <string.h>
#include "mp/mp.h"
#include "runtime/interp.h"
#include "runtime/vm.h"
#include "objects/module.h"
#include "objects/descr.h"
#include "gil/gil.h"
#include "runtime/traceback.h"
#include "runtime/frame.h"

/* Limits (multiprocessing.set_process_limits); 0 until mp_process_init_types fills in the
 * platform's defaults (port.h's profile: host 64 and 256 MiB, guest 16 and 32 MiB). The count of
 * live processes is interp_live_children (interp/core/state.c). */
int mp_max_processes;
size_t mp_process_mem_limit;

/* guest process threads compile and run a whole program: twice a Python thread's 64 KiB (host:
 * pthread's default); port.h's profile */
#define MP_STACK (port_platform()->process_stack)

typedef struct MpProc {
    int refcnt;                        /* atomic: the handle + the child thread */
    port_spin_t lk;
    port_waitq_t q;                    /* joiners */
    int nwait;
    int pid, parent_pid;
    char name[64];
    int state;                         /* 0 starting, 1 running, 2 done */
    int exitcode;
    int stop;                          /* terminate() asked */
    int bootstrapping;                 /* re-running the main module */
    Interp *interp;                    /* the child's, while it exists (under lk) */
    char *src, *filename;
    size_t srclen;
    MpBuf *payload, *argv;
    size_t mem_limit;
    size_t mem_base, mem_main, mem_end, mem_left;
    uint64_t t_start, t_ready, t_end;
} MpProc;

typedef struct { Obj base; MpProc *p; } ProcObj;

static int next_pid = 2;               /* the main interpreter is pid 1 */

/* ---- MpProc lifetime ------------------------------------------------------------------------ */
static void proc_decref(MpProc *p) {
    if (__atomic_sub_fetch(&p->refcnt, 1, __ATOMIC_ACQ_REL) != 0) return;
    mp_buf_free(p->payload);
    mp_buf_free(p->argv);
    port_free(p->src);
    port_free(p->filename);
    port_free(p);
}

/* Print "Process NAME:" before the traceback of a non-SystemExit exception, as CPython's
 * Process._bootstrap does; return the exit code. */
static int child_uncaught(MpProc *p) {
    Obj *e = exc_occurred();
    if (e && !obj_isinstance(e, SystemExit_t)) {
        char hdr[96];
        size_t n = 0;
        const char *pre = "Process ";
        memcpy(hdr, pre, strlen(pre));
        n = strlen(pre);
        size_t nl = strlen(p->name);
        if (nl > 64) nl = 64;
        memcpy(hdr + n, p->name, nl);
        n += nl;
        memcpy(hdr + n, ":\n", 2);
        n += 2;
        tb_write_err(hdr, n);
    }
    return interp_handle_uncaught();
}

/* Call target(*args, **kwargs) from the decoded payload; returns the exit code. */
static int child_call(MpProc *p) {
    Obj *call = mp_decode(p->payload);
    if (!call) return child_uncaught(p);
    Obj *target = TUPLE_ITEMS(call)[0], *args = TUPLE_ITEMS(call)[1], *kw = TUPLE_ITEMS(call)[2];
    int nargs = (int)TUPLE_LEN(args), nkw = obj_is(kw, &dict_type) ? (int)dict_len(kw) : 0;
    Obj *res;
    if (!nkw) {
        res = obj_call(target, TUPLE_ITEMS(args), nargs, NULL);
    } else {
        Obj *av = tuple_new(nargs + nkw), *names = av ? tuple_new(nkw) : NULL;
        res = NULL;
        if (names) {
            for (int i = 0; i < nargs; i++) TUPLE_ITEMS(av)[i] = NEWREF(TUPLE_ITEMS(args)[i]);
            intptr_t pos = 0;
            Obj *k, *v;
            int i = 0;
            while (i < nkw && dict_next(kw, &pos, &k, &v)) {
                TUPLE_ITEMS(names)[i] = NEWREF(k);
                TUPLE_ITEMS(av)[nargs + i] = NEWREF(v);
                i++;
            }
            res = obj_call(target, TUPLE_ITEMS(av), nargs, names);
            DECREF(names);
        }
        XDECREF(av);
    }
    DECREF(call);
    if (!res) return child_uncaught(p);
    DECREF(res);
    return 0;
}

static int child_run(MpProc *p, Interp *in) {
    /* sys.argv as the parent's */
    Obj *argv = p->argv ? mp_decode(p->argv) : NULL;
    if (argv) {
        CLEAR(in->argv);
        in->argv = argv;
        dict_set_s(in->sysdict, "argv", argv);
    }
    exc_clear();
    Obj *m = import_exec_source("__mp_main__", p->filename ? p->filename : "<stdin>",
                                p->src ? p->src : "", p->src ? p->srclen : 0);
    if (!m) return child_uncaught(p);
    int r = dict_set_s(in->modules, "__main__", m);
    DECREF(m);
    if (r < 0) return child_uncaught(p);
    p->mem_main = mem_interp_used(in);
    p->t_ready = port_time_ns();
    __atomic_store_n(&p->bootstrapping, 0, __ATOMIC_RELEASE);
    return child_call(p);
}

/* Drop what the interpreter's modules hold (module dict <-> function cycles). */
static void child_clear_modules(Interp *in) {
    if (!in->modules) return;
    Obj *mods = list_new(0);
    if (!mods) { exc_clear(); return; }
    intptr_t pos = 0;
    Obj *k, *v;
    while (dict_next(in->modules, &pos, &k, &v)) {
        if (obj_is(v, &module_type) && list_append(mods, v) < 0) break;
    }
    /* classes: their dicts hold functions whose __class__ cells point back at them */
    for (intptr_t i = 0; i < LIST_LEN(mods); i++) {
        Obj *d = module_dict(LIST_ITEMS(mods)[i]);
        if (d == in->builtins || d == in->sysdict) continue;
        intptr_t p2 = 0;
        while (dict_next(d, &p2, &k, &v)) {
            if (IS_SMALL(v) || !(TYPE(v) == &type_type) || !(((Type *)v)->flags & TF_HEAPTYPE)) continue;
            Obj *td = ((Type *)v)->dict;
            if (!td || td->refcnt >= IMMORTAL_REFCNT / 2) continue;
            Obj *r = obj_call_method(td, "clear", NULL, 0);
            if (r) DECREF(r); else exc_clear();
        }
    }
    for (intptr_t i = 0; i < LIST_LEN(mods); i++) {
        Obj *d = module_dict(LIST_ITEMS(mods)[i]);
        if (d == in->builtins || d == in->sysdict) continue;
        Obj *r = obj_call_method(d, "clear", NULL, 0);
        if (r) DECREF(r); else exc_clear();
    }
    DECREF(mods);
    Obj *r = obj_call_method(in->modules, "clear", NULL, 0);
    if (r) DECREF(r); else exc_clear();
    /* then sys and builtins: what is still accounted afterwards is really left over */
    Obj *ds[2] = {in->sysdict, in->builtins};
    for (int i = 0; i < 2; i++) {
        if (!ds[i]) continue;
        r = obj_call_method(ds[i], "clear", NULL, 0);
        if (r) DECREF(r); else exc_clear();
    }
    exc_clear();
}

static void proc_main(void *arg) {
    MpProc *p = arg;
    int status;
    Interp *in = interp_new(p->mem_limit);      /* installs our ThreadState, takes our GIL */
    if (!in) {
        static const char msg[] = "multiprocessing: cannot create the child interpreter\n";
        port_write(msg, sizeof msg - 1);
        status = 1;
        goto done;
    }
    in->id = p->pid - 1;
    in->mp = p;
    in->on_child_crash = mp_child_crashed;
    p->mem_base = mem_interp_used(in);
    port_spin_lock(&p->lk);
    p->interp = in;
    p->state = 1;
    if (p->stop) vm_request_stop(in);
    port_spin_unlock(&p->lk);

    status = child_run(p, in);
    ThreadState *ts = ts_get();
    /* our own threads and processes end with us, as at any interpreter exit */
    thread_shutdown(in);
    exc_clear();
    mp_shutdown(in);
    exc_clear();
    if (__atomic_load_n(&p->stop, __ATOMIC_RELAXED)) status = -15;   /* terminate() writes it under p->lk */
    /* daemon threads still running would use the modules: ask them to stop, wait a while */
    if (gil_thread_count(in) > 1) {
        vm_request_stop(in);
        for (int i = 0; i < 100 && gil_thread_count(in) > 1; i++) {
            gil_before_blocking(ts);
            port_sleep_ns(10 * 1000 * 1000);
            gil_after_blocking(ts);
        }
    }
    port_spin_lock(&p->lk);
    p->interp = NULL;
    port_spin_unlock(&p->lk);
    CLEAR(ts->exc);
    CLEAR(ts->handled);
    if (gil_thread_count(in) <= 1) {
        child_clear_modules(in);
        CLEAR(in->argv);
        frame_arena_free(ts);           /* idempotent; interp_free would do it */
        p->mem_end = mem_interp_used(in);
        interp_free(in);
    } else {
        p->mem_end = mem_interp_used(in);      /* leaked: a daemon thread refused to stop */
        gil_drop(ts);
        port_tls_set(NULL);
    }
done:
    p->t_end = port_time_ns();
    /* no longer counted once a joiner can see it done (a start right after join must work) */
    __atomic_fetch_sub(&interp_live_children, 1, __ATOMIC_ACQ_REL);
    port_spin_lock(&p->lk);
    p->exitcode = status;
    p->state = 2;
    if (p->nwait) port_waitq_wake_all(&p->q);
    port_spin_unlock(&p->lk);
    proc_decref(p);
}

/* Guest: the child's own thread faulted in interpreter code and the kernel contained it
 * (gil_unsafe.c's guest section, on that thread with its stack reset): it never returns to
 * proc_main, so the process ends here. Exit code 1: CPython reports a child killed by a signal as
 * -SIGNUM, a POSIX notion with no equivalent here; 1 is what a child ended by an error gives.
 * The interpreter is not freed (its heap is not trusted; any thread still in it is leaked with
 * it), and neither is the child's reference to p: those threads may still read in->mp. */
void mp_child_crashed(Interp *in) {
    MpProc *p = in->mp;
    if (!p) return;
    p->t_end = port_time_ns();
    __atomic_fetch_sub(&interp_live_children, 1, __ATOMIC_ACQ_REL);
    port_spin_lock(&p->lk);
    p->interp = NULL;
    p->exitcode = 1;
    p->state = 2;
    if (p->nwait) port_waitq_wake_all(&p->q);
    port_spin_unlock(&p->lk);
}

/* ---- the parent's handle -------------------------------------------------------------------- */
#define PP(o) (((ProcObj *)(o))->p)

Obj *mp_process_start(Obj *target, Obj *args, Obj *kwargs, Obj *name, int daemon) {
    (void)daemon;
    ThreadState *ts = ts_get();
    MpProc *me = ts->interp->mp;
    if (me && __atomic_load_n(&me->bootstrapping, __ATOMIC_ACQUIRE))
        return exc_raise(RuntimeError_t,
            "An attempt has been made to start a new process before the current process has "
            "finished its bootstrapping phase. This probably means that you are not using fork "
            "to start your child processes and you have forgotten to use the proper idiom in "
            "the main module:\n\n    if __name__ == '__main__':\n        freeze_support()\n"
            "        ...\n\nThe \"freeze_support()\" line can be omitted if the program is not "
            "going to be frozen to produce an executable.");
    if (!obj_is(args, &tuple_type)) return exc_raise(TypeError_t, "args must be a tuple");
    if (mp_prepare_sharing() < 0) return NULL;
    Obj *call = tuple_pack(3, target, args, kwargs ? kwargs : None);
    if (!call) return NULL;
    MpBuf *payload = mp_encode(call);      /* pickling errors surface here, in start() */
    DECREF(call);
    if (!payload) return NULL;
    MpBuf *argv = ts->interp->argv ? mp_encode(ts->interp->argv) : NULL;
    if (!argv) exc_clear();

    MpProc *p = port_malloc(sizeof *p);
    if (!p) { mp_buf_free(payload); mp_buf_free(argv); return mem_error(); }
    memset(p, 0, sizeof *p);
    p->refcnt = 2;
    port_spin_init(&p->lk, "mp_proc");
    port_waitq_init(&p->q, "mp_proc");
    p->payload = payload;
    p->argv = argv;
    p->mem_limit = mp_process_mem_limit;
    p->parent_pid = me ? me->pid : 1;
    p->bootstrapping = 1;
    const char *nm = obj_is(name, &str_type) ? str_data(name) : "Process";
    strncpy(p->name, nm, sizeof p->name - 1);
    if (interp_main_source(&p->src, &p->filename, &p->srclen) < 0) {   /* runtime/interp.h */
        p->refcnt = 1;
        proc_decref(p);
        return mem_error();
    }

    ProcObj *h = (ProcObj *)obj_alloc(&mp_proc_type, sizeof(ProcObj));
    if (!h) { p->refcnt = 1; proc_decref(p); return NULL; }
    h->p = p;
    int live = __atomic_add_fetch(&interp_live_children, 1, __ATOMIC_ACQ_REL);
    if (live > mp_max_processes) {
        __atomic_fetch_sub(&interp_live_children, 1, __ATOMIC_ACQ_REL);
        p->refcnt = 1;                    /* the handle's only */
        DECREF(&h->base);
        return exc_raise(OSError_t, "[Errno 11] Resource temporarily unavailable: too many "
                         "processes (limit %d, see multiprocessing.set_process_limits)", mp_max_processes);
    }
    p->pid = __atomic_fetch_add(&next_pid, 1, __ATOMIC_ACQ_REL);
    p->t_start = port_time_ns();
    const char *err = NULL;
    port_thread *th = port_thread_start("mp", proc_main, p, MP_STACK, PORT_ANY_CORE, &err);
    if (!th) {
        __atomic_fetch_sub(&interp_live_children, 1, __ATOMIC_ACQ_REL);
        p->refcnt = 1;
        DECREF(&h->base);
        return exc_raise(OSError_t, "can't start new process (%s)", err ? err : "?");
    }
    port_thread_detach(th);
    return &h->base;
}

static void proc_dealloc(Obj *o) {
    proc_decref(PP(o));
    obj_free(o);
}

/* join(timeout=None) -> True if the process has ended */
static Obj *proc_join(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    Obj *a[1];
    if (args_parse("join", args, nargs, kwnames, "|timeout", a) < 0) return NULL;
    uint64_t ns = PORT_FOREVER;
    if (a[0] && a[0] != None) {
        double d;
        if (num_as_double(a[0], &d) < 0) return NULL;
        ns = d <= 0 ? 0 : (uint64_t)(d * 1e9);
    }
    MpProc *p = PP(self);
    ThreadState *ts = ts_get();
    port_spin_lock(&p->lk);
    if (p->state == 2 || ns == 0) {
        int done = p->state == 2;
        port_spin_unlock(&p->lk);
        return bool_from(done);
    }
    port_spin_unlock(&p->lk);
    gil_before_blocking(ts);
    port_spin_lock(&p->lk);
    uint64_t start = port_time_ns();
    int r = 0;
    while (p->state != 2) {
        uint64_t left = PORT_FOREVER;
        if (ns != PORT_FOREVER) {
            uint64_t el = port_time_ns() - start;
            if (el >= ns) break;
            left = ns - el;
        }
        p->nwait++;
        r = mp_wait_slice(&p->q, &p->lk, left);
        p->nwait--;
        if (r < 0) break;
    }
    int done = p->state == 2;
    port_spin_unlock(&p->lk);
    gil_after_blocking(ts);
    if (r < 0 && !done) {
        if (interp_stop_requested(ts->interp)) return vm_stop_raise(ts), NULL;
        if (ts == ts->interp->main_ts) {
            port_interrupt_clear();
            return exc_raise(KeyboardInterrupt_t, "");
        }
    }
    return bool_from(done);
}

static Obj *proc_is_alive(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return bool_from(__atomic_load_n(&PP(self)->state, __ATOMIC_ACQUIRE) != 2);
}

static Obj *proc_exitcode(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpProc *p = PP(self);
    if (__atomic_load_n(&p->state, __ATOMIC_ACQUIRE) != 2) return none_ref();
    return int_from_i64(p->exitcode);
}

static Obj *proc_pid(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return int_from_i64(PP(self)->pid);
}

static Obj *proc_terminate(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpProc *p = PP(self);
    port_spin_lock(&p->lk);
    if (p->state != 2) {
        __atomic_store_n(&p->stop, 1, __ATOMIC_RELAXED);
        if (p->interp) vm_request_stop(p->interp);   /* the child's threads read it running */
    }
    port_spin_unlock(&p->lk);
    return none_ref();
}

/* stats() -> dict of timings (ns) and the child interpreter's memory (bytes) */
static Obj *proc_stats(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    MpProc *p = PP(self);
    Obj *d = dict_new();
    if (!d) return NULL;
    struct { const char *k; int64_t v; } f[] = {
        {"mem_base", (int64_t)p->mem_base}, {"mem_main", (int64_t)p->mem_main},
        {"mem_end", (int64_t)p->mem_end}, {"mem_limit", (int64_t)p->mem_limit},
        {"start_ns", (int64_t)p->t_start},
        {"ready_ns", p->t_ready ? (int64_t)(p->t_ready - p->t_start) : -1},
        {"run_ns", p->t_end ? (int64_t)(p->t_end - p->t_start) : -1},
        {"stack", (int64_t)MP_STACK},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        Obj *v = int_from_i64(f[i].v);
        if (!v || dict_set_s(d, f[i].k, v) < 0) { XDECREF(v); DECREF(d); return NULL; }
        DECREF(v);
    }
    return d;
}

static Obj *proc_repr(Obj *self) {
    MpProc *p = PP(self);
    return str_fmt("<_multiprocessing.ProcessHandle pid=%d %s>", p->pid,
                   p->state == 2 ? "stopped" : "started");
}

static const MethodDef proc_methods[] = {
    {"join", proc_join}, {"is_alive", proc_is_alive}, {"exitcode", proc_exitcode},
    {"pid", proc_pid}, {"terminate", proc_terminate}, {"stats", proc_stats}, {NULL, NULL},
};

Type mp_proc_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "ProcessHandle", .base_type = &object_type,
    .size = sizeof(ProcObj), .dealloc = proc_dealloc, .repr = proc_repr, .methods = proc_methods,
};

int mp_process_init_types(void) {
    /* under the GIL of the importing interpreter; two interpreters racing here store the same */
    if (!mp_max_processes) mp_max_processes = port_platform()->max_processes;
    if (!mp_process_mem_limit) mp_process_mem_limit = port_platform()->process_mem_limit;
    if (type_ready_shared(&mp_proc_type) < 0) return -1;
    return 0;
}

Obj *mp_current(void) {
    MpProc *p = ts_get()->interp->mp;
    if (!p) {
        Obj *n = str_from_cstr("MainProcess");
        if (!n) return NULL;
        Obj *t = tuple_pack(3, n, MK_SMALL(1), None);
        DECREF(n);
        return t;
    }
    Obj *n = str_from_cstr(p->name);
    if (!n) return NULL;
    Obj *t = tuple_pack(3, n, MK_SMALL(p->pid), MK_SMALL(p->parent_pid));
    DECREF(n);
    return t;
}

/* ---- sharing the process-wide objects ------------------------------------------------------ */
/* Static types are shared by every interpreter; type_ready filled their dicts with ordinary
 * refcounted objects (the unbound C methods). Two interpreters INCREF/DECREF those with plain
 * increments under different GILs: make them immortal (as CPython 3.12 does for static types)
 * before a second interpreter exists. Done once, by the first process start, with the caller's
 * GIL held and no other interpreter running. */
extern Type thread_lock_type, thread_rlock_type, traceback_type, deque_core_type, deque_iter_type,
    deque_reviter_type;

static void immortal(Obj *o) {
    if (o && !IS_SMALL(o) && o->refcnt < IMMORTAL_REFCNT / 2) o->refcnt = IMMORTAL_REFCNT;
}

static void share_type(Type *t) {
    for (; t; t = t->base_type) {
        if (t->base.refcnt < IMMORTAL_REFCNT / 2) return;      /* a class statement's: per interp */
        if (!t->dict) continue;
        immortal(t->dict);
        intptr_t pos = 0;
        Obj *k, *v;
        while (dict_next(t->dict, &pos, &k, &v)) {
            immortal(k);
            immortal(v);
            descr_immortalize_parts(v);    /* a classmethod's function, a property's getter */
            if (!IS_SMALL(v) && TYPE(v) == &tuple_type)
                for (intptr_t i = 0; i < TUPLE_LEN(v); i++) immortal(TUPLE_ITEMS(v)[i]);
        }
    }
}

static void share_dict_types(Obj *d) {
    intptr_t pos = 0;
    Obj *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        if (IS_SMALL(v)) continue;
        share_type(TYPE(v));
        if (TYPE(v) == &type_type) share_type((Type *)v);
    }
}

int mp_prepare_sharing(void) {
    static int done;
    if (done) return 0;
    if (type_ready_shared(&deque_core_type) < 0) return -1;  /* _collections */
    if (type_ready_shared(&deque_iter_type) < 0) return -1;
    if (type_ready_shared(&deque_reviter_type) < 0) return -1;
    Type *ts[] = {&object_type, &type_type, &none_type, &bool_type, &float_type, &str_type,
        &bytes_type, &list_type, &tuple_type, &dict_type, &set_type, &frozenset_type, &range_type,
        &slice_type, &notimpl_type, &builtin_fn_type, &method_type, &function_type, &code_type,
        &cell_type, &module_type, &generator_type, &property_type, &staticmethod_type,
        &classmethod_type, &super_type, &ellipsis_type, &int_type, &bytearray_type,
        &thread_lock_type, &thread_rlock_type, &traceback_type, &mp_lock_type, &mp_rlock_type,
        &mp_sem_type, &mp_event_type, &mp_value_type, &mp_array_type, &mp_queue_type, &mp_proc_type,
        &deque_core_type, &deque_iter_type, &deque_reviter_type};
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) share_type(ts[i]);
    Interp *in = ts_get()->interp;
    share_dict_types(in->builtins);
    intptr_t pos = 0;
    Obj *k, *v;
    while (dict_next(in->modules, &pos, &k, &v))
        if (obj_is(v, &module_type)) share_dict_types(module_dict(v));
    done = 1;
    return 0;
}

void mp_shutdown(Interp *in) {
    if (!in->modules) return;
    Obj *m = dict_get_s(in->modules, "multiprocessing");
    if (!m) return;
    /* after an uncaught KeyboardInterrupt (status 130) stop the children instead of waiting */
    Obj *arg = in->exit_status == 130 ? True_ : False_;
    Obj *r = obj_call_method(m, "_shutdown", &arg, 1);
    if (r) DECREF(r); else exc_clear();
}
