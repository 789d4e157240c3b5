/*
 * interp/runtime/interp.c — interpreter and thread-state lifecycle, and the top-level entry points
 * (run a file's source, the REPL, the uncaught-exception policy).
 *
 * interp_new: the first interpreter of the process readies the built-in types once (types_init,
 * interp/objects/object.c, then the code, function, cell, generator, super and traceback types
 * of the layers above, and registers class_new for type(name, bases, dict)); each
 * interpreter then gets its own modules dict, builtins module (builtins_init), sys module and
 * GIL. The calling thread becomes the main thread: its ThreadState is installed with port_tls_set and it takes the GIL. Nothing here is global except the
 * once-per-process type setup (guarded by a spinlock for interpreters made concurrently).
 */
#include <string.h>
#include "runtime/interp.h"
#include "objects/module.h"
#include "runtime/vm.h"
#include "runtime/frame.h"
#include "runtime/class.h"
#include "runtime/traceback.h"
#include "runtime/gen.h"
#include "compile/compile.h"
#include "gil/gil.h"
#include "runtime/gc.h"

int sys_init(Interp *in, Obj *sysdict);           /* mod_sys.c */

ThreadState *ts_new(Interp *in) {
    ThreadState *ts = port_malloc(sizeof *ts);
    if (!ts) return NULL;
    memset(ts, 0, sizeof *ts);
    ts->interp = in;
    ts->ident = port_thread_id();
    return ts;
}

void ts_free(ThreadState *ts) {
    if (!ts) return;
    CLEAR(ts->exc);
    CLEAR(ts->handled);
    gc_ts_release(ts);
    frame_arena_free(ts);
    mem_ts_release(ts);
    port_free(ts);
}

static port_spin_t once_lock;
static volatile int once_state;    /* 0 none, 1 done */

static int types_once(void) {
    static volatile int lock_ready;
    if (!__atomic_exchange_n(&lock_ready, 1, __ATOMIC_ACQ_REL)) port_spin_init(&once_lock, "types_once");
    /* the spin lock only orders two first interpreters; types_init allocates, so do it outside */
    if (__atomic_load_n(&once_state, __ATOMIC_ACQUIRE)) return 0;
    if (types_init() < 0) return -1;          /* the object layer's types */
    /* then those of the layers above it, and the class machinery behind type(name, bases, dict) */
    Type *const upper[] = { &code_type, &function_type, &cell_type, &generator_type, &super_type,
                            &traceback_type };
    for (size_t i = 0; i < sizeof upper / sizeof upper[0]; i++)
        if (type_ready(upper[i]) < 0) return -1;
    if (gen_types_ready() < 0) return -1;
    type_set_class_new(class_new_meta);
    __atomic_store_n(&once_state, 1, __ATOMIC_RELEASE);
    return 0;
}

static void fatal_init(const char *what) {
    static const char pre[] = "tollpy: interpreter initialisation failed: ";
    port_write(pre, sizeof pre - 1);
    port_write(what, strlen(what));
    port_write("\n", 1);
    Obj *e = exc_occurred();
    if (e) tb_print_exception(e);
}

Interp *interp_new(size_t mem_limit) {
    Interp *in = port_malloc(sizeof *in);
    if (!in) return NULL;
    memset(in, 0, sizeof *in);
    gc_state_init(&in->gc);
    in->mem_limit = mem_limit;
    in->recursion_limit = 1000;
    in->check_interval = GIL_CHECK_INTERVAL_DEFAULT;   /* the old policy's ticks (vm.c) */
    ThreadState *ts = ts_new(in);
    if (!ts) { port_free(in); return NULL; }
    void *prev_ts = port_tls_get();
    port_tls_set(ts);
    in->main_ts = ts;
    if (types_once() < 0) { fatal_init("types"); goto fail; }
    in->memerr = exc_new(MemoryError_t, NULL, 0);
    if (!in->memerr) { fatal_init("MemoryError"); goto fail; }
    in->gil = gil_new();
    if (!in->gil) { fatal_init("gil"); goto fail; }
    gil_take(ts);
    in->modules = dict_new();
    if (!in->modules) goto fail;
    Obj *bm = module_new("builtins");
    if (!bm) goto fail;
    in->builtins = NEWREF(module_dict(bm));
    if (builtins_init(in->builtins) < 0) {
        fatal_init("builtins");
        DECREF(bm);
        goto fail;
    }
    if (dict_set_s(in->modules, "builtins", bm) < 0) { DECREF(bm); goto fail; }
    DECREF(bm);
    Obj *sm = module_new("sys");
    if (!sm) goto fail;
    in->sysdict = NEWREF(module_dict(sm));
    if (dict_set_s(in->modules, "sys", sm) < 0 || sys_init(in, in->sysdict) < 0) {
        fatal_init("sys");
        DECREF(sm);
        goto fail;
    }
    DECREF(sm);
    return in;
fail:
    exc_clear();
    port_tls_set(prev_ts);
    return NULL;     /* leaks the partial interpreter: initialisation failure is fatal anyway */
}

/* Set every value of a module's dict to None, as CPython's _PyModule_ClearDict does at exit. The
 * keys stay, so the table never resizes under dict_next; a finalizer that runs meanwhile may add
 * names (then some may be missed: the leak this prevents is the common case, not every case). */
static void module_dict_to_none(Obj *m) {
    Obj *d = module_dict(m);
    intptr_t pos = 0;
    Obj *k, *v;
    while (d && dict_next(d, &pos, &k, &v)) {
        if (v == None) continue;
        INCREF(k);
        if (dict_set(d, k, None) < 0) exc_clear();
        DECREF(k);
    }
}

void interp_free(Interp *in) {
    ThreadState *ts = ts_get();
    if (!ts || ts->interp != in) return;
    if (in->modules) {
        /* Break the module <-> function cycles, or every interpreter leaks its start-up state
         * (~19 KB: a module's functions hold its dict as their globals, builtin functions hold
         * their module; class objects are not tracked by the cycle collector). sys and builtins last, so finalizers run
         * by the others still find them. */
        Obj *order = list_new(0);
        intptr_t pos = 0;
        Obj *k, *v;
        while (order && dict_next(in->modules, &pos, &k, &v))
            if (list_append(order, v) < 0) CLEAR(order);
        for (int rank = 0; order && rank < 3; rank++) {       /* others, sys, builtins */
            for (intptr_t i = 0; i < LIST_LEN(order); i++) {
                Obj *m = LIST_ITEMS(order)[i];
                if (!obj_isinstance(m, &module_type)) continue;   /* sys.modules may hold anything */
                Obj *d = module_dict(m);
                if ((d == in->builtins ? 2 : d == in->sysdict ? 1 : 0) == rank) module_dict_to_none(m);
            }
        }
        XDECREF(order);
        exc_clear();
    }
    CLEAR(in->modules);
    CLEAR(in->sysdict);
    CLEAR(in->builtins);
    CLEAR(in->argv);
    CLEAR(in->memerr);
    if (in->gil) {
        gil_thread_fini(ts);
        gil_free(in->gil);
        in->gil = NULL;
    }
    ts_free(ts);
    port_tls_set(NULL);
    gc_interp_fini(in);
    port_free(in);
}

Obj *interp_compile(const char *src, size_t len, const char *filename, int mode) {
    int m = mode == IC_EVAL ? COMPILE_EVAL : mode == IC_SINGLE ? COMPILE_SINGLE : COMPILE_FILE;
    return compile_source(src, len, filename, m);
}

int interp_set_argv(int argc, char **argv) {
    Interp *in = ts_get()->interp;
    Obj *l = list_new(0);
    if (!l) return -1;
    for (int i = 0; i < argc; i++) {
        Obj *s = str_from_cstr(argv[i]);
        if (!s || list_append(l, s) < 0) { XDECREF(s); DECREF(l); return -1; }
        DECREF(s);
    }
    CLEAR(in->argv);
    in->argv = l;
    return dict_set_s(in->sysdict, "argv", l);
}

int interp_handle_uncaught(void) {
    Obj *e = exc_fetch();
    if (!e) return 0;
    int status = 1;
    if (obj_isinstance(e, SystemExit_t)) {
        ExcObj *x = (ExcObj *)e;
        Obj *code = x->value;
        if (!code && x->args && TUPLE_LEN(x->args) > 0) code = TUPLE_ITEMS(x->args)[0];
        if (!code || code == None) status = 0;
        else if (int_check(code)) {
            int64_t v = 1;
            if (int_as_i64(code, &v) < 0) { exc_clear(); v = 1; }
            status = (int)(v & 0xff);
        } else {
            Obj *s = obj_str(code);
            if (s) {
                tb_write_err(str_data(s), str_nbytes(s));
                tb_write_err("\n", 1);
                DECREF(s);
            }
            exc_clear();
            status = 1;
        }
    } else {
        tb_print_exception(e);
        exc_clear();
        /* CPython dies of SIGINT after an uncaught KeyboardInterrupt: status 128 + 2 */
        if (obj_isinstance(e, KeyboardInterrupt_t)) status = 130;
    }
    DECREF(e);
    Interp *in = ts_get()->interp;
    in->exit_status = status;
    return status;
}

/* ---- the main program's source, which a spawned process re-runs ----------------------------
 * Kept for multiprocessing (interp/mp/mp_process.c copies it with interp_main_source when it
 * starts a process). main_lk guards main_src, main_file and main_len. */
static port_spin_t main_lk;
static int main_lk_ready;
static char *main_src, *main_file;
static size_t main_len;

static void main_lock(void) {
    if (!__atomic_exchange_n(&main_lk_ready, 1, __ATOMIC_ACQ_REL)) port_spin_init(&main_lk, "interp_main");
    port_spin_lock(&main_lk);
}

static void note_main(const char *filename, const char *src, size_t len) {
    ThreadState *ts = ts_get();
    if (ts && ts->interp->mp) return;          /* only the top interpreter's program */
    char *s = port_malloc(len + 1), *f = port_malloc(strlen(filename) + 1);
    if (!s || !f) { port_free(s); port_free(f); return; }
    memcpy(s, src, len);
    s[len] = 0;
    strcpy(f, filename);
    main_lock();
    char *os = main_src, *of = main_file;
    main_src = s;
    main_file = f;
    main_len = len;
    port_spin_unlock(&main_lk);
    port_free(os);
    port_free(of);
}

int interp_main_source(char **src, char **filename, size_t *len) {
    int r = 0;
    main_lock();
    if (main_src) {
        *src = port_malloc(main_len + 1);
        *filename = port_malloc(strlen(main_file) + 1);
        if (*src && *filename) {
            memcpy(*src, main_src, main_len + 1);
            strcpy(*filename, main_file);
            *len = main_len;
        } else {
            r = -1;
        }
    }
    port_spin_unlock(&main_lk);
    return r;
}

/* Set once by the layers above (interp/runtime/interp.h). */
void (*volatile interp_join_threads)(Interp *in);
void (*volatile interp_join_processes)(Interp *in);

int tollpy_run_module(const char *modname, const char *filename, const char *src, size_t len) {
    ThreadState *ts = ts_get();
    if (!ts) {
        if (!interp_new((size_t)256 << 20)) return 1;
    }
    if (!strcmp(modname, "__main__")) note_main(filename, src, len);   /* a spawned process re-runs it */
    Obj *m = import_exec_source(modname, filename, src, len);
    int status = 0;
    if (!m) status = interp_handle_uncaught();
    else DECREF(m);
    /* as CPython: after the main module (and its traceback), join non-daemon threads */
    void (*join)(Interp *) = __atomic_load_n(&interp_join_threads, __ATOMIC_ACQUIRE);
    if (join) join(ts_get()->interp);
    join = __atomic_load_n(&interp_join_processes, __ATOMIC_ACQUIRE);    /* join non-daemon processes, terminate daemonic ones */
    if (join) join(ts_get()->interp);
    if (exc_occurred()) {
        int s2 = interp_handle_uncaught();
        if (!status) status = s2;
    }
    /* As CPython's finalization: release the main module's globals in order, so __del__
     * methods of objects still alive at exit run (skipped while other threads may still run
     * Python code). A joined thread may still be registered while its C exit path ends: it is
     * marked exiting before join() can return, and gil_wait_exiting_threads waits for it to
     * unregister, so the decision does not depend on how fast that thread finishes. */
    Interp *in = ts_get()->interp;
    Obj *mm = dict_get_s(in->modules, modname);
    if (mm && obj_is(mm, &module_type) && gil_wait_exiting_threads(in) == 0) {
        Obj *d = module_dict(mm);
        Obj *keys = list_new(0);
        intptr_t pos = 0;
        Obj *k, *v;
        while (keys && dict_next(d, &pos, &k, &v))
            if (!str_check(k) || str_data(k)[0] != '_' || str_data(k)[1] != '_')
                if (list_append(keys, k) < 0) break;
        for (intptr_t i = 0; keys && i < LIST_LEN(keys); i++) {
            Obj *key = LIST_ITEMS(keys)[i];
            if (dict_get(d, key) && dict_set(d, key, None) < 0) break;
        }
        XDECREF(keys);
        exc_clear();
    }
    return status;
}

int tollpy_run_source(const char *name, const char *src, size_t len) {
    return tollpy_run_module("__main__", name, src, len);
}

/* ---- REPL -------------------------------------------------------------------------------------- */
/* Read one line (without the newline) into b; -1 at end of input. */
static int read_line(StrBuf *b) {
    static bool last_cr;        /* a serial console ends lines with CR, maybe CR LF */
    int c, any = 0;
    ThreadState *ts = ts_get();
    /* other Python threads run while the console waits */
    gil_before_blocking(ts);
    while ((c = port_getc()) >= 0) {
        if (c == '\n' && last_cr && !any) { last_cr = false; continue; }
        last_cr = false;
        any = 1;
        if (c == '\n') break;
        if (c == '\r') { last_cr = true; c = '\n'; break; }
        sb_addc(b, (char)c);
    }
    gil_after_blocking(ts);
    if (c == '\n') return 0;
    return any ? 0 : -1;
}

/* Is the last line of s[0..n) blank? */
static bool last_line_blank(const char *s, size_t n) {
    size_t ls = n;
    while (ls > 0 && s[ls - 1] != '\n') ls--;
    for (size_t i = ls; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
    return true;
}

/* Does this line open a block (ends with ':' outside a comment, or is a decorator)? Both REPLs
 * (this one and the guest console's) use it to keep asking for lines until the empty one. */
bool repl_opens_block(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i < n && s[i] == '@') return true;
    char q = 0, last = 0;
    for (; i < n && s[i] != '\n'; i++) {
        char c = s[i];
        if (q) { if (c == '\\') i++; else if (c == q) q = 0; last = 'x'; continue; }
        if (c == '"' || c == '\'') { q = c; last = 'x'; continue; }
        if (c == '#') break;
        if (c != ' ' && c != '\t') last = c;
    }
    return last == ':';
}

static bool source_complete(const char *s, size_t n) {
    return compile_is_complete(s, n) != 0;
}

void tollpy_repl(void) {
    ThreadState *ts = ts_get();
    if (!ts && !interp_new((size_t)256 << 20)) return;
    ts = ts_get();
    Interp *in = ts->interp;
    Obj *m = dict_get_s(in->modules, "__main__");
    if (!m) {
        m = module_new("__main__");
        if (!m) return;
        dict_set_s(module_dict(m), "__builtins__", in->builtins);
        dict_set_s(in->modules, "__main__", m);
        DECREF(m);
    }
    Obj *globals = module_dict(m);
    for (;;) {
        StrBuf b;
        sb_init(&b);
        port_write(">>> ", 4);
        if (read_line(&b) < 0) { sb_free(&b); port_write("\n", 1); break; }
        bool block = repl_opens_block(b.p, b.n);
        for (;;) {
            if (b.oom) break;
            bool more = block ? !last_line_blank(b.p, b.n) || b.n == 0 : !source_complete(b.p, b.n);
            if (block && !source_complete(b.p, b.n) && last_line_blank(b.p, b.n)) more = false;
            if (!more || b.n == 0) break;
            sb_addc(&b, '\n');
            port_write("... ", 4);
            if (read_line(&b) < 0) break;
        }
        sb_addc(&b, '\n');
        if (b.oom) { sb_free(&b); exc_raise_memory(); interp_handle_uncaught(); continue; }
        Obj *code = interp_compile(b.p, b.n, "<stdin>", IC_SINGLE);
        sb_free(&b);
        if (code) {
            Obj *r = vm_run_code(code, globals, NULL);
            DECREF(code);
            if (r) { DECREF(r); continue; }
        }
        if (exc_matches(SystemExit_t)) {
            interp_handle_uncaught();
            break;
        }
        interp_handle_uncaught();
        CLEAR(ts->handled);
    }
}
