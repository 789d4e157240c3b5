/*
 * ports/guest/mod_kernel.c — the `kernel` module: the guest's console as a lab bench (guest build
 * only; ports/guest/ is not in the host build, mk/interp.mk). import kernel; then
 *   kernel.shell("ps")               a kernel shell command (kernel/shell.c), without the GIL
 *   kernel.selftest(name=None)       the kernel's self-tests (kernel/test/)
 *   kernel.cores(n=None)             cores online (set: 1..possible)
 *   kernel.timeline(width=80)        the last run's GIL timeline (ports/guest/timeline.c)
 *   kernel.trace_dump()              the last run's raw events, framed for qemu/tollbooth.py
 *   kernel.trace(on=None), kernel.trace_clear(), kernel.trace_cost(n=100000)   the trace rings
 *   kernel.stats(), kernel.threads(), kernel.reset_stats()   the GIL's counters (mod_gil.c)
 *   kernel.netstat()                 the socket and TCP tables, as text (net/socket.c)
 *   kernel.nettest(kind="loopback", port=0)   the sockets' self-test (net_selftest.c): (failures,
 *                                    log); "get"/"echo"/"udp" talk to the host on port
 *   kernel._fault_in_interpreter(kind)   a test hook (below)
 * "The last run" is ports/guest/last_run.c's window.
 * Locks: the functions are called with the GIL; every call into the kernel that may sleep, print
 * at length or wait for other threads (shell, timeline, trace_dump, cores) releases it first.
 * The kernel's own locks are taken inside the kernel calls; none is held on return.
 */
#include <string.h>
#include <stdio.h>
#include "runtime/interp.h"
#include "objects/module.h"
#include "gil/gil.h"
#include "kernel/shell.h"
#include "kernel/trace.h"
#include "net/socket.h"
#include "guest.h"

static Obj *k_shell(Obj *self, Obj *const *args, int nargs, Obj *kwnames) {
    (void)self;
    Obj *a[1];
    if (args_parse("shell", args, nargs, kwnames, "command", a) < 0) return NULL;
    if (!str_check(a[0])) return exc_raise(TypeError_t, "shell() argument must be str, not %T", a[0]);
    /* copy: the command runs without the GIL (it may sleep, print, start threads) */
    size_t n = str_nbytes(a[0]);
    char *cmd = mem_alloc(n + 1);
    if (!cmd) return NULL;
    memcpy(cmd, str_data(a[0]), n + 1);
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = shell_run_line(cmd);
    gil_after_blocking(ts);
    mem_free(cmd);
    return int_from_i64(r);
}

static uint32_t main_ident(void)
{
    Interp *in = ts_get()->interp;
    return in->main_ts ? in->main_ts->ident : ts_get()->ident;
}

static Obj *k_timeline(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("timeline", args, nargs, kwnames, "|width", a) < 0) return NULL;
    int64_t w = 80;
    if (a[0] && int_as_i64(a[0], &w) < 0) return NULL;
    uint64_t t0, t1;
    last_run_window(&t0, &t1);
    const char *pol = gil_policy_name(ts_get()->interp);
    uint32_t mid = main_ident();
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    timeline_show((int)w, mid, pol, t0, t1);
    gil_after_blocking(ts);
    return none_ref();
}

static Obj *k_trace_dump(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    uint64_t t0, t1;
    last_run_window(&t0, &t1);
    const char *pol = gil_policy_name(ts_get()->interp);
    uint32_t mid = main_ident();
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    timeline_dump(mid, pol, t0, t1);
    gil_after_blocking(ts);
    return none_ref();
}

static Obj *k_trace(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("trace", args, nargs, kwnames, "|on", a) < 0) return NULL;
    int was = trace_is_enabled();
    if (a[0]) trace_enable(obj_truth(a[0]) > 0);
    return bool_from(was);
}

static Obj *k_trace_clear(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    trace_clear();
    last_run_forget();
    return none_ref();
}

/* kernel.trace_cost(n=100000): ns per trace event (n events appended on this core) */
static Obj *k_trace_cost(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("trace_cost", args, nargs, kwnames, "|n", a) < 0) return NULL;
    int64_t n = 100000;
    if (a[0] && int_as_i64(a[0], &n) < 0) return NULL;
    if (n < 1 || n > 10000000) return exc_raise(ValueError_t, "trace_cost(n): n must be 1..10000000");
    return int_from_u64(trace_cost_ns((unsigned)n));
}

static Obj *run_shell(const char *cmd)
{
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int r = shell_run_line(cmd);
    gil_after_blocking(ts);
    if (r != 0) return exc_raise(RuntimeError_t, "kernel command '%s' failed", cmd);
    return none_ref();
}

static Obj *k_selftest(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("selftest", args, nargs, kwnames, "|name", a) < 0) return NULL;
    char cmd[64] = "selftest";
    if (a[0]) {
        if (!str_check(a[0])) return exc_raise(TypeError_t, "selftest() name must be str");
        snprintf(cmd, sizeof cmd, "selftest %.40s", str_data(a[0]));
    }
    return run_shell(cmd);
}

static Obj *k_cores(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1] = { NULL };
    if (args_parse("cores", args, nargs, kwnames, "|n", a) < 0) return NULL;
    if (a[0]) {
        int64_t n;
        if (int_as_i64(a[0], &n) < 0) return NULL;
        if (n < 1 || n > port_cores_possible())
            return exc_raise(ValueError_t, "cores(n): n must be 1..%d", port_cores_possible());
        ThreadState *ts = ts_get();
        gil_before_blocking(ts);
        port_cores_set((int)n);
        gil_after_blocking(ts);
    }
    return int_from_i64(port_cores_online());
}

/* kernel.netstat(): one line per socket, then one per TCP connection (state, queues, RTO), then
 * the stack's non-zero counters (port_net_stats). */
struct netstat_buf { char *b; size_t cap, n; };
static void netstat_count(void *ctx, const char *name, uint64_t v)
{
    struct netstat_buf *o = ctx;
    if (!v || o->n + 1 >= o->cap) return;
    int k = snprintf(o->b + o->n, o->cap - o->n, " %s=%llu", name, (unsigned long long)v);
    if (k > 0) o->n += (size_t)k < o->cap - o->n ? (size_t)k : o->cap - o->n - 1;
}

static Obj *k_netstat(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self; (void)args; (void)kwnames;
    if (nargs) return exc_raise(TypeError_t, "netstat() takes no arguments");
    struct netstat_buf o = { mem_alloc(8192), 8192, 0 };
    if (!o.b) return NULL;
    o.n = sock_netstat(o.b, o.cap);           /* under net_lock: copies, never waits */
    if (o.n + 10 < o.cap) {
        memcpy(o.b + o.n, "counters:", 9);
        o.n += 9;
        port_net_stats(netstat_count, &o);    /* copied under net_lock, reported after */
        if (o.n + 1 < o.cap) o.b[o.n++] = '\n';
    }
    Obj *r = str_new(o.b, o.n);
    mem_free(o.b);
    return r;
}

/* kernel.nettest(kind="loopback", port=0): (failures, log) of the sockets' self-test
 * (net_selftest.c); runs without the GIL (it sleeps). */
static Obj *k_nettest(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[2] = { NULL, NULL };
    if (args_parse("nettest", args, nargs, kwnames, "|kind port", a) < 0) return NULL;
    const char *kind = "loopback";
    if (a[0]) {
        if (!str_check(a[0])) return exc_raise(TypeError_t, "nettest() kind must be str");
        kind = str_data(a[0]);
    }
    int64_t port = 0;
    if (a[1] && int_as_i64(a[1], &port) < 0) return NULL;
    int loop = !strcmp(kind, "loopback");
    if (!loop && strcmp(kind, "get") && strcmp(kind, "echo") && strcmp(kind, "udp"))
        return exc_raise(ValueError_t, "nettest(kind): kind must be 'loopback', 'get', 'echo' or 'udp'");
    if (!loop && (port < 1 || port > 65535))
        return exc_raise(ValueError_t, "nettest(kind, port): port must be 1..65535");
    size_t cap = 4096;
    char *b = mem_alloc(cap);
    if (!b) return NULL;
    ThreadState *ts = ts_get();
    gil_before_blocking(ts);
    int fails = loop ? net_selftest(b, cap) : net_selftest_host(kind, (uint16_t)port, b, cap);
    gil_after_blocking(ts);
    Obj *log = str_new(b, strlen(b));
    mem_free(b);
    if (!log) return NULL;
    Obj *n = int_from_i64(fails);
    Obj *r = n ? tuple_pack(2, n, log) : NULL;
    XDECREF(n);
    DECREF(log);
    return r;
}

/* kernel._fault_in_interpreter(kind): a TEST HOOK (tests/qemu/test_interp_fault.py), not an API.
 * It makes the calling Python thread fault in interpreter code (this file is linked with the
 * interpreter, outside the kernel's text) the way an undiscovered VM bug would, to check that the kernel contains it
 * (kernel/trap.h, gil_unsafe.c): "null" a store through NULL (data abort), "undef" an undefined
 * instruction, "prefetch" a call through a NULL function pointer (prefetch abort), "stack" C
 * recursion into the thread's stack guard page, "locked" a NULL store while holding an
 * interpreter spinlock (as in an objlock section under `none`). Called with the GIL held, as a
 * VM bug would be.
 * The kernel shell's `fault` command faults in kernel code instead, which must still panic. */
static volatile uintptr_t fault_null_addr;            /* 0: the NULL page is unmapped */
static volatile int fault_recurse_limit = 1 << 30;
static port_spin_t fault_spin;                        /* "locked": held across the fault */
static int fault_spin_ready;
static __attribute__((noinline)) int fault_recurse(int n)
{
    volatile char pad[256];
    pad[0] = (char)n;
    if (n >= fault_recurse_limit) return 0;
    return fault_recurse(n + 1) + pad[0];
}

static Obj *k_fault_in_interpreter(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[1];
    if (args_parse("_fault_in_interpreter", args, nargs, kwnames, "kind", a) < 0) return NULL;
    if (!str_check(a[0])) return exc_raise(TypeError_t, "_fault_in_interpreter() kind must be str");
    const char *k = str_data(a[0]);
    int kind = !strcmp(k, "null") ? 1 : !strcmp(k, "undef") ? 2 : !strcmp(k, "prefetch") ? 3
             : !strcmp(k, "stack") ? 4 : !strcmp(k, "locked") ? 5 : 0;
    if (!kind) return exc_raise(ValueError_t, "_fault_in_interpreter(kind): kind must be 'null', 'undef', "
                                "'prefetch', 'stack' or 'locked'");
    char b[96];
    snprintf(b, sizeof b, "test hook: deliberate fault in interpreter code (%s)\n", k);
    out(b);
    switch (kind) {
    case 1: *(volatile uint32_t *)fault_null_addr = 0xdead; break;
    case 2: __asm__ volatile(".word 0xe7f000f0"); break;     /* permanently undefined */
    case 3: ((void (*)(void))fault_null_addr)(); break;
    case 4: fault_recurse(0); break;
    case 5:                       /* a NULL store inside an interpreter spinlock's critical section */
        if (!fault_spin_ready) { port_spin_init(&fault_spin, "fault-test"); fault_spin_ready = 1; }
        port_spin_lock(&fault_spin);  /* taken again by the next "locked": it must have been freed */
        *(volatile uint32_t *)fault_null_addr = 0xdead;
        port_spin_unlock(&fault_spin);
        break;
    }
    return exc_raise(RuntimeError_t, "_fault_in_interpreter(%s): the fault did not happen", k);
}

/* kernel.last_exit_status(): the exit status of the previous program run at the raw REPL (0;
 * 1 after an uncaught exception; N for sys.exit(N), which the raw REPL reports quietly, as
 * MicroPython's does). qemu/tollbooth.py asks for it after each program. */
static Obj *k_last_exit_status(Obj *self, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)self; (void)args; (void)kwnames;
    if (nargs) return exc_raise(TypeError_t, "last_exit_status() takes no arguments");
    return int_from_i64(kconsole_raw_status());
}

static int kernel_init(Obj *d)
{
    static const MethodDef fns[] = {
        {"shell", k_shell},
        {"timeline", k_timeline}, {"trace_dump", k_trace_dump}, {"trace", k_trace},
        {"trace_clear", k_trace_clear}, {"selftest", k_selftest}, {"cores", k_cores},
        {"trace_cost", k_trace_cost}, {"stats", gil_mod_stats}, {"threads", gil_mod_threads},
        {"reset_stats", gil_mod_reset}, {"_fault_in_interpreter", k_fault_in_interpreter},
        {"last_exit_status", k_last_exit_status}, {"netstat", k_netstat}, {"nettest", k_nettest},
        {NULL, NULL},
    };
    return module_add_functions(d, fns);
}

MODULE_DEF(kernel, kernel_init);
