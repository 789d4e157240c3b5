/*
 * interp/modules/mod_gil.c — the `gil` module: seeing the toll booth from Python.
 *   gil.stats()        dict: policy, switches, acquisitions, drop_requests, forced_switches,
 *                      failed_wakeups, handoff_mean_us, handoff_max_us, violations, corruptions,
 *                      threads, switch_interval, check_interval, core_run_ms and
 *                      core_wait_ms (per core: bytecode running / GIL waiting time),
 *                      handoff_total_ms (the time the GIL sat free with a waiter), and prio's
 *                      prio_slices, prio_preemptions, prio_resumes, prio_futile_wakeups,
 *                      prio_spin_hits, prio_spin_misses
 *   gil.threads()      list of dicts per live thread: ident, held_ms, wait_ms, acquisitions,
 *                      forced_drops, drop_requests_sent, io_waits
 *   gil.reset()        zero the counters
 *   gil.cores([n])     cores online (set to n first when given: port_cores_set; -1 = refused)
 *   gil.policies()     the policy names
 *   gil.trace_check()  (takes, overlaps) from the host's trace ring: overlaps must be 0 under
 *                      new/old/prio ("at most one thread runs bytecode", from the trace);
 *                      on the guest (acquisitions, violations) from the holder records
 *   gil.trace_reset()  empty the host's trace ring
 *   gil.trace()        host: the GIL events still in the trace ring, oldest first, as tuples
 *                      (name, a, b) with name one of "take", "drop", "drop_request",
 *                      "wait_expired", "io_begin", "io_end", "policy" and a/b as in
 *                      interp/port/trace_events.h (take/drop/drop_request/wait_expired are recorded
 *                      under the GIL's lock, so their order is the true order); guest: []
 *   stats() adds the mechanism counters timed_wait_expiries, drop_requests_immediate,
 *   drop_requests_after_expiry, io_takes_contended, io_takes_expired,
 *   io_takes_requested_at_once; threads() the same per thread plus io_takes and max_passed
 *   (interp/gil/gil.h: GilThreadStats). `old`'s ticker and battle: interval_checks (policy
 *   checks: one per check_interval ticks while >1 thread), battle_rounds (releases with a
 *   waiter that re-took the GIL first), battle_wakeups (those that woke a sleeping waiter) and
 *   battle_ns (the holder's time in those rounds).
 * Called by: Python code with the GIL held.
 */
#include "gil/gil.h"
#include "objects/module.h"
#include "port/trace_events.h"

static Interp *cur(void) { return ts_get()->interp; }

static int put_u(Obj *d, const char *k, uint64_t v) {
    Obj *o = int_from_u64(v);
    if (!o) return -1;
    int r = dict_set_s(d, k, o);
    DECREF(o);
    return r;
}
static int put_f(Obj *d, const char *k, double v) {
    Obj *o = float_new(v);
    if (!o) return -1;
    int r = dict_set_s(d, k, o);
    DECREF(o);
    return r;
}

static int put_core_list(Obj *d, const char *k, const uint64_t *v, int n) {
    Obj *l = list_new(0);
    if (!l) return -1;
    for (int i = 0; i < n; i++) {
        Obj *f = float_new((double)v[i] / 1e6);
        if (!f || list_append(l, f) < 0) { XDECREF(f); DECREF(l); return -1; }
        DECREF(f);
    }
    int r = dict_set_s(d, k, l);
    DECREF(l);
    return r;
}

Obj *gil_mod_stats(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    GilStats st;
    Interp *in = cur();
    gil_stats(in, &st);
    int ncores = port_cores_possible();
    if (ncores > GIL_MAX_CORES) ncores = GIL_MAX_CORES;
    Obj *d = dict_new();
    if (!d) return NULL;
    Obj *pn = str_from_cstr(gil_policy_name(in));
    if (!pn || dict_set_s(d, "policy", pn) < 0) { XDECREF(pn); DECREF(d); return NULL; }
    DECREF(pn);
    if (put_u(d, "switches", st.switches) < 0 || put_u(d, "acquisitions", st.acquisitions) < 0 ||
        put_u(d, "drop_requests", st.drop_requests) < 0 ||
        put_u(d, "forced_switches", st.forced_switches) < 0 ||
        put_u(d, "failed_wakeups", st.failed_wakeups) < 0 ||
        put_u(d, "interval_checks", st.interval_checks) < 0 ||
        put_u(d, "battle_rounds", st.battle_rounds) < 0 ||
        put_u(d, "battle_wakeups", st.battle_wakeups) < 0 ||
        put_u(d, "battle_ns", st.battle_ns) < 0 ||
        put_u(d, "timed_wait_expiries", st.timed_wait_expiries) < 0 ||
        put_u(d, "drop_requests_immediate", st.drop_requests_immediate) < 0 ||
        put_u(d, "drop_requests_after_expiry", st.drop_requests_after_expiry) < 0 ||
        put_u(d, "io_takes_contended", st.io_takes_contended) < 0 ||
        put_u(d, "io_takes_expired", st.io_takes_expired) < 0 ||
        put_u(d, "io_takes_requested_at_once", st.io_takes_requested_at_once) < 0 ||
        put_f(d, "handoff_mean_us", st.handoff_count ? (double)st.handoff_total_ns / 1e3 / (double)st.handoff_count : 0.0) < 0 ||
        put_f(d, "handoff_max_us", (double)st.handoff_max_ns / 1e3) < 0 ||
        put_u(d, "violations", st.violations) < 0 || put_u(d, "corruptions", st.corruptions) < 0 ||
        put_u(d, "threads", (uint64_t)st.nthreads) < 0 ||
        put_f(d, "switch_interval", (double)gil_get_switch_interval(in) / 1e9) < 0 ||
        put_u(d, "check_interval", (uint64_t)gil_get_check_interval(in)) < 0 ||
        put_core_list(d, "core_run_ms", st.core_run_ns, ncores) < 0 ||
        put_core_list(d, "core_wait_ms", st.core_wait_ns, ncores) < 0) {
        DECREF(d);
        return NULL;
    }
    /* the time the GIL sat free with a waiter (the sum of the hand-offs), and prio's slices */
    if (put_f(d, "handoff_total_ms", (double)st.handoff_total_ns / 1e6) < 0 ||
        put_u(d, "prio_slices", st.prio_slices) < 0 ||
        put_u(d, "prio_preemptions", st.prio_preemptions) < 0 ||
        put_u(d, "prio_resumes", st.prio_resumes) < 0 ||
        put_u(d, "prio_futile_wakeups", st.prio_futile_wakeups) < 0 ||
        put_u(d, "prio_spin_hits", st.prio_spin_hits) < 0 ||
        put_u(d, "prio_spin_misses", st.prio_spin_misses) < 0) {
        DECREF(d);
        return NULL;
    }
    return d;
}

Obj *gil_mod_threads(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    GilThreadStats buf[256];
    int cnt = gil_thread_stats(cur(), buf, 256);
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < cnt; i++) {
        Obj *d = dict_new();
        if (!d) { DECREF(l); return NULL; }
        GilThreadStats *t = &buf[i];
        if (put_u(d, "ident", t->ident) < 0 || put_f(d, "held_ms", (double)t->held_ns / 1e6) < 0 ||
            put_f(d, "wait_ms", (double)t->wait_ns / 1e6) < 0 ||
            put_u(d, "acquisitions", t->acquisitions) < 0 ||
            put_u(d, "forced_drops", t->forced_drops) < 0 ||
            put_u(d, "drop_requests_sent", t->drop_requests_sent) < 0 ||
            put_u(d, "io_waits", t->io_waits) < 0 ||
            put_u(d, "timed_wait_expiries", t->timed_wait_expiries) < 0 ||
            put_u(d, "drop_requests_immediate", t->drop_requests_immediate) < 0 ||
            put_u(d, "drop_requests_after_expiry", t->drop_requests_after_expiry) < 0 ||
            put_u(d, "io_takes", t->io_takes) < 0 ||
            put_u(d, "io_takes_contended", t->io_takes_contended) < 0 ||
            put_u(d, "io_takes_expired", t->io_takes_expired) < 0 ||
            put_u(d, "io_takes_requested_at_once", t->io_takes_requested_at_once) < 0 ||
            put_u(d, "max_passed", t->max_passed) < 0 || list_append(l, d) < 0) {
            DECREF(d);
            DECREF(l);
            return NULL;
        }
        DECREF(d);
    }
    return l;
}

Obj *gil_mod_reset(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    gil_stats_reset(cur());
    return none_ref();
}

static Obj *f_cores(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s;
    Obj *v[1];
    if (args_parse("cores", a, n, k, "|n", v) < 0) return NULL;
    if (v[0] && v[0] != None) {
        int64_t c;
        if (int_as_i64(v[0], &c) < 0) return NULL;
        if (c < 1 || c > port_cores_possible())
            return exc_raise(ValueError_t, "cores must be between 1 and %d", port_cores_possible());
        if (port_cores_set((int)c) < 0) return exc_raise(OSError_t, "cannot set the number of cores");
    }
    return int_from_i64(port_cores_online());
}

static Obj *f_policies(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    Obj *l = list_new(0);
    if (!l) return NULL;
    for (int i = 0; gil_policy_names[i]; i++) {
        Obj *o = str_from_cstr(gil_policy_names[i]);
        if (!o || list_append(l, o) < 0) { XDECREF(o); DECREF(l); return NULL; }
        DECREF(o);
    }
    return l;
}

/* gil.trace_check(): walk the trace ring (where the port can read it back, port_trace_readable:
 * the host) and count moments where a GIL take was recorded while another thread still held it
 * (take/drop events are recorded under the GIL's own lock, so their order in the ring is the true
 * order). Returns (takes, overlaps). */
static Obj *f_trace_check(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    if (!port_trace_readable()) {
        /* guest: the kernel's per-core rings are not readable from interp/; answer from the
         * holder records instead (acquisitions, and the atomic holder counter's violations) */
        GilStats st;
        gil_stats(ts_get()->interp, &st);
        Obj *t = int_from_u64(st.acquisitions), *o = int_from_u64(st.violations);
        Obj *res = (t && o) ? tuple_pack(2, t, o) : NULL;
        XDECREF(t);
        XDECREF(o);
        return res;
    }
    uint64_t cnt = port_trace_count(), takes = 0, overlaps = 0;
    uint32_t holder = 0;
    int synced = 0;
    for (uint64_t i = 0; i < cnt; i++) {
        TraceRec r;
        if (port_trace_get(i, &r) != 0) continue;
        if (r.event == TR_GIL_POLICY) { synced = 0; holder = 0; continue; }
        if (r.event == TR_GIL_TAKE) {
            if (synced && holder) overlaps++;
            holder = r.a;
            takes++;
            synced = 1;
        } else if (r.event == TR_GIL_DROP && synced) {
            if (holder != r.a) overlaps++;
            holder = 0;
        }
    }
    Obj *t = int_from_u64(takes), *o = int_from_u64(overlaps);
    Obj *res = (t && o) ? tuple_pack(2, t, o) : NULL;
    XDECREF(t);
    XDECREF(o);
    return res;
}

static Obj *f_trace(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    Obj *l = list_new(0);
    if (!l) return NULL;
    if (!port_trace_readable()) return l;      /* guest: nothing to read back here */
    static const struct { uint16_t ev; const char *name; } names[] = {
        {TR_GIL_TAKE, "take"}, {TR_GIL_DROP, "drop"}, {TR_GIL_DROP_REQUEST, "drop_request"},
        {TR_GIL_WAIT_EXPIRED, "wait_expired"}, {TR_IO_BEGIN, "io_begin"}, {TR_IO_END, "io_end"},
        {TR_GIL_POLICY, "policy"},
    };
    uint64_t cnt = port_trace_count();
    uint64_t first = cnt > (1u << 16) ? cnt - (1u << 16) : 0;   /* older ones are overwritten */
    for (uint64_t i = first; i < cnt; i++) {
        TraceRec r;
        if (port_trace_get(i, &r) != 0) continue;
        const char *nm = NULL;
        for (size_t j = 0; j < sizeof names / sizeof names[0]; j++)
            if (names[j].ev == r.event) nm = names[j].name;
        if (!nm) continue;
        Obj *e = str_from_cstr(nm), *x = int_from_u64(r.a), *y = int_from_u64(r.b);
        Obj *tup = (e && x && y) ? tuple_pack(3, e, x, y) : NULL;
        XDECREF(e);
        XDECREF(x);
        XDECREF(y);
        if (!tup || list_append(l, tup) < 0) { XDECREF(tup); DECREF(l); return NULL; }
        DECREF(tup);
    }
    return l;
}

static Obj *f_trace_reset(Obj *s, Obj *const *a, int n, Obj *k) {
    (void)s; (void)a; (void)n; (void)k;
    port_trace_reset();                        /* guest: nothing to reset here */
    return none_ref();
}

static const MethodDef gil_fns[] = {
    {"stats", gil_mod_stats}, {"threads", gil_mod_threads}, {"reset", gil_mod_reset}, {"cores", f_cores},
    {"policies", f_policies}, {"trace_check", f_trace_check}, {"trace_reset", f_trace_reset},
    {"trace", f_trace},
    {NULL, NULL},
};

static int gilmod_init(Obj *d) {
    return module_add_functions(d, gil_fns);
}

MODULE_DEF(gil, gilmod_init);
