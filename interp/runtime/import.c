/*
 * interp/runtime/import.c — `import name`: sys.modules, then the built-in C modules (MODULE_DEF, the
 * generated module_table), then the frozen Python modules (interp/lib/NAME.py, compiled on first
 * import). A C module and a frozen module of the same name combine: C init first, then the
 * Python source runs in the same dict. Frozen packages: "PKG.SUB" imports PKG first (which must be
 * a package: interp/lib/PKG/__init__.py), then SUB, then binds SUB as an attribute of PKG, as
 * CPython's importlib does. Last, a top-level NAME.py in a directory of sys.path (read through
 * port.h's file functions with the GIL dropped: on the guest, the FAT disk). No relative imports.
 * The module is entered into sys.modules before its body runs (circular imports see the
 * partial module, as in CPython) and removed again if the body fails. Callers hold the GIL.
 *
 * Another thread's unfinished module: while a module's init or body runs, its init_owner names the
 * thread running it. A different thread that finds it in sys.modules waits (GIL released, 1 ms
 * naps) until the owner is done, then looks again, as CPython's per-module import locks make it
 * wait (a stop, a reset or a Ctrl-C ends the wait: import_wait_ended; an owner that crashed
 * inside its init never finishes, and its crash resets the interpreter): without that, a thread switch inside a frozen module's body (or two `none` threads, the
 * first calling open() and so importing _fileio) hands the second thread a module without its
 * names yet. The owner itself, and a thread whose wait would close a cycle of threads each
 * waiting for a module the next one is running (wait_would_deadlock; CPython breaks it the same
 * way), get the partial module at once.
 * Locks: import_lock (a spinlock, once-initialized) guards every init_owner store after
 * publication and every ThreadState.import_waiting; holding it, a non-NULL init_owner means that
 * thread has not finished the init, so its ThreadState is alive to read.
 */
#include <stdio.h>
#include <string.h>
#include "objects/module.h"
#include "core/state.h"
#include "runtime/vm.h"
#include "runtime/interp.h"
#include "gil/gil.h"

static port_spin_t import_lock;
static int import_lock_state;          /* 0 none, 1 being initialized, 2 ready */

static void import_lock_take(void) {
    int st = __atomic_load_n(&import_lock_state, __ATOMIC_ACQUIRE);
    if (st != 2) {
        int zero = 0;
        if (st == 0 && __atomic_compare_exchange_n(&import_lock_state, &zero, 1, false,
                                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            port_spin_init(&import_lock, "import");
            __atomic_store_n(&import_lock_state, 2, __ATOMIC_RELEASE);
        }
        while (__atomic_load_n(&import_lock_state, __ATOMIC_ACQUIRE) != 2)
            ;                          /* another thread is initializing it: a few instructions */
    }
    port_spin_lock(&import_lock);
}

static void import_lock_give(void) { port_spin_unlock(&import_lock); }

/* The calling thread finished (or failed) module m's init. */
static void init_done(Obj *m) {
    import_lock_take();
    __atomic_store_n(&((ModuleObj *)m)->init_owner, NULL, __ATOMIC_RELEASE);
    import_lock_give();
}

/* Why a thread waiting for another's import stops waiting, checked after each nap: the process
 * is told to stop (terminate()), the interpreter is being reset (a corruption report or a crashed
 * thread: the owner may be that thread, which never finishes its init), the console's Ctrl-C
 * stops the other threads, or a Ctrl-C reaches the main thread. 0 wait on, or -1 with the
 * exception set. r is the nap's result (negative: interrupted). */
static int import_wait_ended(ThreadState *ts, int r) {
    Interp *in = ts->interp;
    if (interp_stop_requested(in)) { vm_stop_raise(ts); return -1; }
    if (gil_reset_raise(in) < 0) return -1;
    if (r < 0 && in->stop_threads && ts != in->main_ts && ts->stop_seen != in->stop_threads) {
        ts->stop_seen = in->stop_threads;
        exc_raise_obj((Obj *)SystemExit_t);
        return -1;
    }
    if (r < 0 && ts == in->main_ts) {
        port_interrupt_clear();
        exc_raise(KeyboardInterrupt_t, "");
        return -1;
    }
    return 0;
}

/* Would ts waiting for m close a cycle: m's init is run by a thread that waits for a module whose
 * init is run by a thread that waits ... for a module ts is running (or by ts itself)? CPython's
 * _ModuleLock.has_deadlock walks the same chain. Called holding import_lock, which keeps every
 * owner on the chain alive (see the top). A chain longer than any real one is taken as no
 * cycle (the hop bound only keeps a corrupt chain under `unsafe` from looping). */
static bool wait_would_deadlock(ThreadState *ts, Obj *m) {
    for (int hops = 0; m && hops < 256; hops++) {
        ThreadState *owner = ((ModuleObj *)m)->init_owner;
        if (!owner) return false;
        if (owner == ts) return true;
        m = owner->import_waiting;
    }
    return false;
}

/* m (borrowed) was found in sys.modules. 0: use it now; 1: another thread was initializing it
 * and is done, look it up again (its init may have failed and removed it); -1: the wait ended
 * without it (import_wait_ended; exception set). */
static int wait_initialized(ThreadState *ts, Obj *m) {
    if (!obj_is(m, &module_type) || !__atomic_load_n(&((ModuleObj *)m)->init_owner, __ATOMIC_ACQUIRE))
        return 0;
    int waited = 0;
    INCREF(m);                         /* kept while the GIL is released */
    for (;;) {
        /* Each owner on the chain is alive (see the top), or crashed in its init: a crashed
         * thread's ThreadState is left allocated, and the reset it causes ends this wait below. */
        import_lock_take();
        bool wait = ((ModuleObj *)m)->init_owner && !wait_would_deadlock(ts, m);
        ts->import_waiting = wait ? m : NULL;  /* not waiting: done, our own nested import, or a
                                                  cycle; the module is taken as it is */
        import_lock_give();
        if (!wait) break;
        gil_before_blocking(ts);
        int r = port_sleep_ns(1000000);
        gil_after_blocking(ts);
        waited = 1;
        /* Not under import_lock: raising allocates, and a collection it starts may run
         * finalizers that import. */
        if (import_wait_ended(ts, r) < 0) {
            import_lock_take();
            ts->import_waiting = NULL;
            import_lock_give();
            DECREF(m);
            return -1;
        }
    }
    DECREF(m);
    return waited;
}

/* NAME.py from the directories of sys.path: its source (mem_alloc'd) and path, or 0 none
 * found (no exception), -1 an error. */
static int find_source_file(Interp *in, const char *name, char **src, size_t *len, char *path, size_t pathcap) {
    Obj *sp = in->sysdict ? dict_get_s(in->sysdict, "path") : NULL;
    if (!sp || !obj_is(sp, &list_type) || strchr(name, '.')) return 0;
    for (intptr_t i = 0; i < LIST_LEN(sp); i++) {
        Obj *dir = LIST_ITEMS(sp)[i];
        if (!str_check(dir)) continue;
        const char *d = str_data(dir);
        int n = snprintf(path, pathcap, "%s%s%s.py", d, *d && d[strlen(d) - 1] != '/' ? "/" : "", name);
        if (n < 0 || (size_t)n >= pathcap) continue;
        ThreadState *ts = ts_get();
        gil_before_blocking(ts);
        int fd = port_file_open(path, PORT_O_RDONLY, ts->interp);
        port_stat_t st;
        long got = -1;
        char *buf = NULL;
        if (fd >= 0 && port_file_fstat(fd, &st) == 0 && st.size < ((size_t)64 << 20)) {
            buf = port_malloc((size_t)st.size + 1);
            got = 0;
            while (buf && (uint64_t)got < st.size) {
                long r = port_file_read(fd, buf + got, (size_t)st.size - (size_t)got);
                if (r <= 0) break;
                got += r;
            }
        }
        if (fd >= 0) port_file_close(fd);
        gil_after_blocking(ts);
        if (fd < 0) continue;
        if (!buf) { exc_raise_memory(); return -1; }
        char *copy = mem_alloc((size_t)got + 1);
        if (!copy) { port_free(buf); exc_raise_memory(); return -1; }
        memcpy(copy, buf, (size_t)got);
        copy[got] = 0;
        port_free(buf);
        *src = copy;
        *len = (size_t)got;
        return 1;
    }
    return 0;
}

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

static Obj *exec_source_module(const char *modname, const char *filename, const char *src, size_t len,
                               bool importing);

Obj *import_module_obj(Obj *name) {
    ThreadState *ts = ts_get();
    Interp *in = ts->interp;
    Obj *m;
again:
    m = dict_get(in->modules, name);
    if (m) {
        int w = wait_initialized(ts, m);
        if (w < 0) return NULL;
        if (w > 0) goto again;
        return NEWREF(m);
    }
    if (exc_occurred()) return NULL;
    const char *nm = str_data(name);
    const char *dot = strrchr(nm, '.');
    Obj *parent = NULL;
    if (dot) {
        /* a submodule: the parent package first; its body may have imported us already */
        Obj *pn = str_new(nm, (size_t)(dot - nm));
        if (!pn) return NULL;
        parent = import_module_obj(pn);
        if (!parent) { DECREF(pn); return NULL; }
        Obj *pd = obj_is(parent, &module_type) ? module_dict(parent) : NULL;
        if (!pd || !dict_get_s(pd, "__path__")) {
            exc_raise(ModuleNotFoundError_t, "No module named '%S'; '%S' is not a package", name, pn);
            DECREF(pn);
            DECREF(parent);
            return NULL;
        }
        DECREF(pn);
        m = dict_get(in->modules, name);
        if (m) { DECREF(parent); goto again; }
        if (exc_occurred()) { DECREF(parent); return NULL; }
    }
    const ModuleDef *def = find_builtin(nm);
    const FrozenModule *fz = find_frozen(nm);
    if (!def && !fz) {
        XDECREF(parent);
        char *src, path[512];
        size_t len;
        int f = dot ? 0 : find_source_file(in, nm, &src, &len, path, sizeof path);
        if (f < 0) return NULL;
        if (f == 0) return exc_raise(ModuleNotFoundError_t, "No module named '%S'", name);
        m = exec_source_module(nm, path, src, len, true);
        mem_free(src);
        return m;
    }
    m = module_new_obj(name);
    if (!m) { XDECREF(parent); return NULL; }
    ((ModuleObj *)m)->init_owner = ts;     /* before it is published: dict_set orders the store */
    if (dict_set(in->modules, name, m) < 0) { XDECREF(parent); DECREF(m); return NULL; }
    if (def && def->init(module_dict(m)) < 0) goto fail;
    if (fz) {
        char fname[96];
        snprintf(fname, sizeof fname, "<frozen %s>", nm);
        Obj *d = module_dict(m);
        if (dict_set_s(d, "__builtins__", in->builtins) < 0) goto fail;
        if (fz->is_package) {
            Obj *path = list_new(0);
            int bad = !path || dict_set_s(d, "__path__", path) < 0 ||
                      dict_set_s(d, "__package__", name) < 0;
            XDECREF(path);
            if (bad) goto fail;
        } else if (dot) {
            Obj *pk = str_new(nm, (size_t)(dot - nm));
            int bad = !pk || dict_set_s(d, "__package__", pk) < 0;
            XDECREF(pk);
            if (bad) goto fail;
        }
        if (exec_in_module(m, fname, fz->source, fz->len) < 0) goto fail;
    }
    if (parent) {
        Obj *tail = str_from_cstr(dot + 1);
        int bad = !tail || obj_setattr(parent, tail, m) < 0;
        XDECREF(tail);
        DECREF(parent);
        parent = NULL;
        if (bad) goto fail;
    }
    init_done(m);
    return m;
fail: {
        XDECREF(parent);
        Obj *e = exc_fetch();
        dict_del(in->modules, name);
        exc_clear();
        exc_restore(e);
        init_done(m);                  /* after the removal: a waiter looks again and imports it */
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
    return exec_source_module(modname, filename, src, len, false);
}

/* importing: an `import` of a file on sys.path (other threads wait for its body); not for the
 * main module, which other threads may reach through sys.modules while it runs. */
static Obj *exec_source_module(const char *modname, const char *filename, const char *src, size_t len,
                               bool importing) {
    Interp *in = ts_get()->interp;
    Obj *code = interp_compile(src, len, filename, IC_EXEC);
    if (!code) return NULL;
    Obj *m = module_new(modname);
    if (!m) { DECREF(code); return NULL; }
    if (importing) ((ModuleObj *)m)->init_owner = ts_get();
    Obj *d = module_dict(m);
    Obj *fn = str_from_cstr(filename);
    int bad = !fn || dict_set_s(d, "__builtins__", in->builtins) < 0 ||
              (strcmp(filename, "<stdin>") && strcmp(filename, "<string>") && dict_set_s(d, "__file__", fn) < 0) ||
              dict_set_s(d, "__name__", str_intern(modname)) < 0 ||
              dict_set_s(in->modules, modname, m) < 0;
    XDECREF(fn);
    if (bad) { DECREF(code); if (importing) init_done(m); DECREF(m); return NULL; }
    Obj *r = vm_run_code(code, d, NULL);
    DECREF(code);
    if (importing) init_done(m);
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
