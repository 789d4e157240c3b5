/*
 * interp/modules/mod_time.c — the `time` module: time, monotonic, perf_counter, process_time and their
 * *_ns variants, sleep (releases the GIL while sleeping), and MicroPython's sleep_ms, sleep_us,
 * ticks_ms, ticks_us, ticks_diff, ticks_add so MicroPython-style programs run unchanged.
 * Called by: Python code. Locks: the GIL is dropped around the sleep (gil_before_blocking).
 */
#include "gil/gil.h"
#include "runtime/vm.h"
#include "objects/module.h"
#include "port/trace_events.h"
#include <time.h>

static Obj *f_time(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return float_new((double)port_wall_time_ns() / 1e9);
}
static Obj *f_time_ns(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_u64(port_wall_time_ns());
}
static Obj *f_monotonic(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return float_new((double)port_time_ns() / 1e9);
}
static Obj *f_monotonic_ns(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_u64(port_time_ns());
}
static uint64_t cpu_ns(void) {
    return port_cpu_time_ns();    /* guest: no per-process accounting; monotonic time */
}
static Obj *f_process_time(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return float_new((double)cpu_ns() / 1e9);
}
static Obj *f_process_time_ns(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_u64(cpu_ns());
}

/* Sleep ns without the GIL. Ctrl-C ends the sleep: the main thread gets KeyboardInterrupt. */
static Obj *sleep_ns(uint64_t ns) {
    ThreadState *ts = ts_get();
    port_trace(TR_THREAD_SLEEP, ts->ident, (uint32_t)(ns / 1000 > 0xffffffffu ? 0xffffffffu : ns / 1000));
    gil_before_blocking(ts);
    int r = 0;
#ifdef TOLLPY_FUZZ
    bool sliced = true;     /* the fuzz harness stops leftover threads as terminate() does */
#else
    bool sliced = ts->interp->mp != NULL;
#endif
    if (!sliced) {
        r = port_sleep_ns(ns);
    } else {
        /* a multiprocessing child: sleep in slices so terminate() is noticed within 20 ms */
        uint64_t end = port_time_ns() + ns;
        for (;;) {
            uint64_t now = port_time_ns();
            if (now >= end || interp_stop_requested(ts->interp)) break;
            r = port_sleep_ns(end - now < 20000000u ? end - now : 20000000u);
            if (r < 0) break;
        }
    }
    gil_after_blocking(ts);
    port_trace(TR_THREAD_WAKE, ts->ident, 0);
    if (interp_stop_requested(ts->interp)) { vm_stop_raise(ts); return NULL; }
    if (r < 0 && ts == ts->interp->main_ts) {
        port_interrupt_clear();
        return exc_raise(KeyboardInterrupt_t, "");
    }
    return none_ref();
}

static Obj *f_sleep(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    if (args_parse("sleep", a, n, k, "secs", v) < 0) return NULL;
    double d;
    if (num_as_double(v[0], &d) < 0) return NULL;
    if (d != d) return exc_raise(ValueError_t, "Invalid value NaN (not a number)");
    if (d < 0) return exc_raise(ValueError_t, "sleep length must be non-negative");
    if (d > 1e9) return exc_raise(OverflowError_t, "sleep length is too large");
    return sleep_ns((uint64_t)(d * 1e9));
}

static int int_arg(const char *fn, Obj *const *a, int n, Obj *k, int64_t *out) {
    Obj *v[1];
    if (args_parse(fn, a, n, k, "n", v) < 0) return -1;
    if (int_as_i64(v[0], out) < 0) return -1;
    if (*out < 0) { exc_raise(ValueError_t, "sleep length must be non-negative"); return -1; }
    return 0;
}
static Obj *f_sleep_ms(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    int64_t v;
    if (int_arg("sleep_ms", a, n, k, &v) < 0) return NULL;
    return sleep_ns((uint64_t)v * 1000000ull);
}
static Obj *f_sleep_us(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    int64_t v;
    if (int_arg("sleep_us", a, n, k, &v) < 0) return NULL;
    return sleep_ns((uint64_t)v * 1000ull);
}
/* MicroPython ticks wrap at 2**30 */
#define TICKS_MASK ((1ll << 30) - 1)
static Obj *f_ticks_ms(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_i64((int64_t)(port_time_ns() / 1000000ull) & TICKS_MASK);
}
static Obj *f_ticks_us(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    return int_from_i64((int64_t)(port_time_ns() / 1000ull) & TICKS_MASK);
}
static Obj *f_ticks_diff(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[2];
    int64_t x, y;
    if (args_parse("ticks_diff", a, n, k, "ticks1,ticks2", v) < 0) return NULL;
    if (int_as_i64(v[0], &x) < 0 || int_as_i64(v[1], &y) < 0) return NULL;
    int64_t d = ((x - y + (1ll << 29)) & TICKS_MASK) - (1ll << 29);
    return int_from_i64(d);
}
static Obj *f_ticks_add(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[2];
    int64_t x, y;
    if (args_parse("ticks_add", a, n, k, "ticks,delta", v) < 0) return NULL;
    if (int_as_i64(v[0], &x) < 0 || int_as_i64(v[1], &y) < 0) return NULL;
    return int_from_i64((x + y) & TICKS_MASK);
}

static const MethodDef time_fns[] = {
    {"time", f_time}, {"time_ns", f_time_ns}, {"monotonic", f_monotonic},
    {"monotonic_ns", f_monotonic_ns}, {"perf_counter", f_monotonic},
    {"perf_counter_ns", f_monotonic_ns}, {"process_time", f_process_time},
    {"process_time_ns", f_process_time_ns}, {"sleep", f_sleep}, {"sleep_ms", f_sleep_ms},
    {"sleep_us", f_sleep_us}, {"ticks_ms", f_ticks_ms}, {"ticks_us", f_ticks_us},
    {"ticks_diff", f_ticks_diff}, {"ticks_add", f_ticks_add},
    {NULL, NULL},
};

static int time_init(Obj *d) {
    return module_add_functions(d, time_fns);
}

MODULE_DEF(time, time_init);
