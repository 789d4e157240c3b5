/*
 * ports/guest/timeline.c — the kernel's trace rings read back for people, as the interpreter's
 * story: a text timeline of the GIL (kernel.timeline() at the Python console) and a framed,
 * checksummed export of the raw events (kernel.trace_dump(); qemu/tollbooth.py turns it into
 * Perfetto JSON and a PNG). The export also carries the scheduler's switch events
 * (TRACE_K_SWITCH, kernel/trace.h: a = from tid, b = to tid; Python thread idents are kernel
 * tids) so the host can draw which thread each core really ran. It knows the interpreter's event
 * codes (interp/port/trace_events.h) and draws GIL states from them, which is why it lives in the
 * guest port and not in kernel/ (the kernel treats codes below 0xF000 as opaque).
 *
 * Called by ports/guest/mod_kernel.c on the console thread, without the GIL. Locks: none; reads
 * the rings with trace_copy() (a racy snapshot: events written meanwhile may be missed, never
 * block anyone). Each core's ring is copied together with its overwritten-event counts
 * (trace_copy_counted): the cores keep writing while we read (the console thread's own events,
 * the network stack's 10 ms tick), and counts read at another moment than the copy would count
 * an event overwritten in between as shown and as not shown. Only the interpreter's events (codes below 0xF000) are drawn.
 * A window longer than the rings keep (trace_ring_events a core, TRACE_EVENTS=N at boot) is
 * never drawn silently in part: both say which stretch they show and how many events of each
 * kind they do not (say_not_shown; the export's header carries the counts: ring, from,
 * shown_from, until, notshown=code:count,...).
 *
 * Per-thread state machine over the events (a = thread ident unless noted):
 *   GIL_TAKE, THREAD_RUN          -> holds the GIL ('#')
 *   IO_BEGIN                      -> blocked / sleeping ('z') until IO_END
 *   IO_END                        -> waits for the GIL ('-') until GIL_TAKE
 *   GIL_DROP                      -> 'z' inside an I/O bracket, else waits ('-')
 *   THREAD_START (a = new thread) -> waits ('-');  THREAD_EXIT -> gone (' ')
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "port/trace_events.h"
#include "kernel/trace.h"
#include "kernel/cpu.h"
#include "kernel/console.h"
#include "drivers/timer.h"
#include "guest.h"

#define TL_MAX_THREADS 12

/* The events shown, and what the window [run_from, until] had that is not among them: a core's
 * ring that wrapped only knows its recent past, so the events shown start at shown_from (below);
 * the window's events before it are either overwritten (counted by the kernel, trace_lost) or
 * still in another core's ring but left out (counted here, skipped[kind]). */
struct evbuf {
    struct trace_ev *ev;
    size_t n;
    uint64_t run_from, shown_from, until;
    uint64_t skipped[TRACE_KINDS];
    uint64_t lost[TRACE_KINDS];          /* overwritten, read with each core's copy */
};

static int by_ts(const void *a, const void *b)
{
    const struct trace_ev *x = a, *y = b;
    if (x->ts != y->ts) return x->ts < y->ts ? -1 : 1;
    if (x->cpu != y->cpu) return x->cpu < y->cpu ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Interpreter events of every core within [t0, t1] (ticks), oldest first. A core whose ring has
 * wrapped only knows its recent past: the window then starts at the oldest event that core still
 * holds, so every core's events cover the whole window (otherwise the states would be guessed
 * from some cores' events alone). */
static struct evbuf collect(uint64_t t0, uint64_t t1, int with_switches)
{
    static struct evbuf zero;
    struct evbuf r = zero;
    size_t ring = trace_ring_events;
    size_t cap = ring * (size_t)cpus_possible;
    r.run_from = t0;
    r.until = t1;
    r.ev = malloc(sizeof *r.ev * cap);
    if (!r.ev) return r;
    for (int c = 0; c < cpus_possible; c++) {
        size_t k = trace_copy(c, r.ev, ring);
        if (k == ring && r.ev[0].ts > t0)
            t0 = r.ev[0].ts;
    }
    r.shown_from = t0;
    for (int c = 0; c < cpus_possible; c++) {
        size_t base = r.n;
        uint64_t lost[TRACE_KINDS];
        size_t k = trace_copy_counted(c, r.ev + base, ring, lost);
        for (int j = 0; j < TRACE_KINDS; j++)
            r.lost[j] += lost[j];
        for (size_t i = 0; i < k; i++) {
            struct trace_ev *e = &r.ev[base + i];
            if (e->ts >= r.run_from && e->ts < t0) { r.skipped[trace_kind(e->event)]++; continue; }
            if ((e->event < 0xF000 || (with_switches && e->event == TRACE_K_SWITCH)) &&
                e->ts >= t0 && e->ts <= t1)
                r.ev[r.n++] = *e;
        }
    }
    qsort(r.ev, r.n, sizeof *r.ev, by_ts);
    return r;
}

/* Events of kind k in the window that are not shown: overwritten or left out. */
static uint64_t not_shown(const struct evbuf *b, int k)
{
    return b->skipped[k] + b->lost[k];
}

/* n with thousands separators ("2,729") */
static const char *count_str(char *buf, size_t size, uint64_t n)
{
    char d[24];
    int l = snprintf(d, sizeof d, "%llu", (unsigned long long)n), p = 0;
    for (int i = 0; i < l && p < (int)size - 2; i++) {
        if (i && (l - i) % 3 == 0) buf[p++] = ',';
        buf[p++] = d[i];
    }
    buf[p] = 0;
    return buf;
}

static void ms_str(char *buf, size_t size, uint64_t ticks)
{
    uint64_t us = timer_ticks_to_ns(ticks) / 1000;
    snprintf(buf, size, "%llu.%llu ms", (unsigned long long)(us / 1000), (unsigned long long)(us % 1000 / 100));
}

/* When the rings did not keep the whole window: what is shown, what is not (by kind), and how
 * to keep a whole run. Prints nothing when everything is shown. */
static void say_not_shown(const struct evbuf *b, const char *what)
{
    uint64_t all = 0;
    for (int k = 0; k < 64; k++) all += not_shown(b, k);     /* the interpreter's events */
    if (b->shown_from <= b->run_from && !all) return;
    char shown[32], run[32], n0[24], n1[24], n2[24], n3[24], n4[24], n5[24];
    ms_str(shown, sizeof shown, b->until > b->shown_from ? b->until - b->shown_from : 0);
    ms_str(run, sizeof run, b->until > b->run_from ? b->until - b->run_from : 0);
    kprintf("%s: the trace rings (%s events a core) wrapped: showing the last %s of %s; "
            "%s earlier failed wake-ups, %s drop requests, %s forced switches, %s GIL takes "
            "not shown (%s events in all)\n", what, count_str(n0, sizeof n0, trace_ring_events),
            shown, run,
            count_str(n1, sizeof n1, not_shown(b, TR_GIL_FAILED_WAKEUP)),
            count_str(n2, sizeof n2, not_shown(b, TR_GIL_DROP_REQUEST)),
            count_str(n3, sizeof n3, not_shown(b, TR_GIL_FORCED_SWITCH)),
            count_str(n4, sizeof n4, not_shown(b, TR_GIL_TAKE)), count_str(n5, sizeof n5, all));
    /* a size that would have kept this window: scaled by the part missing, a power of two */
    uint64_t span = b->until > b->shown_from ? b->until - b->shown_from : 1, need = trace_ring_events;
    uint64_t want = (uint64_t)trace_ring_events * (b->until - b->run_from) / (span ? span : 1) * 5 / 4;
    while (need < want && need < TRACE_EVENTS_MAX) need <<= 1;
    kprintf("  to keep a whole run, boot with bigger rings: TRACE_EVENTS=%llu (make run "
            "TRACE_EVENTS=%llu, tollbooth.py run --trace-events %llu)\n",
            (unsigned long long)need, (unsigned long long)need, (unsigned long long)need);
}

static uint64_t ns_to_ticks(uint64_t ns)
{
    return ns / 1000 * timer_freq() / 1000000 + (ns % 1000) * timer_freq() / 1000000000u;
}

static int per_thread(uint16_t ev)
{
    return ev == TR_GIL_TAKE || ev == TR_GIL_DROP || ev == TR_THREAD_RUN || ev == TR_THREAD_SLEEP || ev == TR_THREAD_WAKE ||
           ev == TR_IO_BEGIN || ev == TR_IO_END || ev == TR_THREAD_START || ev == TR_THREAD_EXIT;
}

enum { S_NONE, S_HOLD, S_WAIT, S_SLEEP, S_N };
static const char state_ch[S_N] = { ' ', '#', '-', 'z' };

void timeline_show(int width, uint32_t main_ident, const char *policy, uint64_t t0_ns, uint64_t t1_ns)
{
    if (width < 40) width = 40;
    if (width > 400) width = 400;
    uint64_t t0 = ns_to_ticks(t0_ns), t1 = ns_to_ticks(t1_ns);
    struct evbuf b = collect(t0, t1, 0);
    if (!b.ev) { kprintf("timeline: out of memory\n"); return; }
    if (b.n == 0) {
        say_not_shown(&b, "timeline");
        kprintf("timeline: no GIL events in the last run (run some threads first, e.g. demos.run('countdown'))\n");
        free(b.ev);
        return;
    }
    t0 = b.ev[0].ts;
    if (t1 <= t0) t1 = t0 + 1;
    uint32_t ids[TL_MAX_THREADS];
    int nt = 0, dropped_threads = 0;
    for (size_t i = 0; i < b.n; i++) {
        if (!per_thread(b.ev[i].event)) continue;
        uint32_t id = b.ev[i].a;
        int k = 0;
        while (k < nt && ids[k] != id) k++;
        if (k == nt) {
            if (nt < TL_MAX_THREADS) ids[nt++] = id;
            else dropped_threads++;
        }
    }
    const int label = 11, stats = 17;   /* "| 100%  100%  100%" */
    int cols = width - label - 2 - stats;
    int ncpu = cpus_possible;
    if (ncpu > 8) ncpu = 8;
    /* time per column per thread per state, and GIL holder time per column per core */
    uint64_t (*acc)[S_N] = calloc((size_t)nt * (size_t)cols, sizeof *acc);
    uint64_t *hold = calloc((size_t)(ncpu + 1) * (size_t)cols * (size_t)(nt + 1), sizeof *hold);
    uint64_t tot[TL_MAX_THREADS][S_N];
    memset(tot, 0, sizeof tot);
    if (!acc || !hold) { free(acc); free(hold); free(b.ev); kprintf("timeline: out of memory\n"); return; }
    int st[TL_MAX_THREADS], inio[TL_MAX_THREADS], core[TL_MAX_THREADS];
    uint64_t since[TL_MAX_THREADS];
    /* initial state from each thread's first event */
    for (int k = 0; k < nt; k++) {
        st[k] = S_NONE; inio[k] = 0; core[k] = 0; since[k] = t0;
        for (size_t i = 0; i < b.n; i++) {
            if (b.ev[i].a != ids[k] || !per_thread(b.ev[i].event)) continue;
            switch (b.ev[i].event) {
            case TR_GIL_DROP: case TR_IO_BEGIN: st[k] = S_HOLD; break;
            case TR_GIL_TAKE: st[k] = b.ev[i].b ? S_WAIT : S_NONE; break;
            case TR_IO_END: st[k] = S_SLEEP; inio[k] = 1; break;
            case TR_THREAD_SLEEP: st[k] = b.ev[i].b ? S_HOLD : S_HOLD; break;
            default: st[k] = S_NONE; break;
            }
            core[k] = b.ev[i].cpu;
            break;
        }
    }
    uint64_t span = t1 - t0;
    /* add [from, to) in state s of thread k */
#define ADD(k, from, to, s) do {                                                       \
        uint64_t f_ = (from), t_ = (to);                                               \
        while (f_ < t_) {                                                              \
            int c_ = (int)((f_ - t0) * (uint64_t)cols / span);                         \
            if (c_ >= cols) c_ = cols - 1;                                             \
            uint64_t end_ = t0 + ((uint64_t)(c_ + 1) * span + cols - 1) / (uint64_t)cols; \
            if (end_ > t_ || c_ == cols - 1) end_ = t_;                                \
            if (end_ <= f_) end_ = f_ + 1;                                             \
            acc[(size_t)(k) * (size_t)cols + (size_t)c_][s] += end_ - f_;              \
            tot[k][s] += end_ - f_;                                                    \
            if ((s) == S_HOLD) {                                                       \
                int cc_ = core[k] < ncpu ? core[k] : ncpu - 1;                         \
                hold[((size_t)cc_ * (size_t)cols + (size_t)c_) * (size_t)(nt + 1) + (size_t)(k)] += end_ - f_; \
                hold[((size_t)ncpu * (size_t)cols + (size_t)c_) * (size_t)(nt + 1) + (size_t)(k)] += end_ - f_; \
            }                                                                          \
            f_ = end_;                                                                 \
        }                                                                              \
    } while (0)
    uint64_t switches = 0, dropreq = 0, forced = 0, failed = 0, hand_n = 0, hand_sum = 0, hand_max = 0;
    uint64_t last_drop = 0;
    uint32_t last_taker = 0;
    for (size_t i = 0; i < b.n; i++) {
        struct trace_ev *e = &b.ev[i];
        switch (e->event) {
        case TR_GIL_DROP_REQUEST: dropreq++; continue;
        case TR_GIL_FORCED_SWITCH: forced++; continue;
        case TR_GIL_FAILED_WAKEUP: failed++; continue;
        default: break;
        }
        if (!per_thread(e->event)) continue;
        int k = 0;
        while (k < nt && ids[k] != e->a) k++;
        if (k == nt) continue;
        int ns = st[k];
        switch (e->event) {
        case TR_GIL_TAKE:
            ns = S_HOLD;
            if (last_taker && last_taker != e->a) {
                switches++;
                if (last_drop) {
                    uint64_t l = e->ts - last_drop;
                    hand_n++; hand_sum += l; if (l > hand_max) hand_max = l;
                }
            }
            last_taker = e->a;
            last_drop = 0;
            break;
        case TR_THREAD_RUN: ns = S_HOLD; break;
        case TR_GIL_DROP: ns = st[k] == S_NONE ? S_NONE : inio[k] ? S_SLEEP : S_WAIT; last_drop = e->ts; break;
        case TR_IO_BEGIN: inio[k] = 1; ns = S_SLEEP; break;
        case TR_IO_END: inio[k] = 0; ns = st[k] == S_HOLD ? S_HOLD : S_WAIT; break;
        case TR_THREAD_SLEEP: ns = e->b ? S_SLEEP : (inio[k] ? S_SLEEP : S_NONE); break;
        case TR_THREAD_START: ns = S_WAIT; break;
        case TR_THREAD_EXIT: ns = S_NONE; break;
        default: break;
        }
        if (ns != st[k]) {
            ADD(k, since[k], e->ts, st[k]);
            st[k] = ns;
            since[k] = e->ts;
        }
        if (ns == S_HOLD) core[k] = e->cpu;
    }
    for (int k = 0; k < nt; k++)
        ADD(k, since[k], t1, st[k]);
#undef ADD
    uint64_t span_us = timer_ticks_to_ns(span) / 1000;
    int nogil = policy && (!strcmp(policy, "none") || !strcmp(policy, "unsafe"));
    kprintf("timeline: %llu.%03llu ms, %llu us per column, %d threads, policy %s (cores %d/%d)\n",
            (unsigned long long)(span_us / 1000), (unsigned long long)(span_us % 1000),
            (unsigned long long)(span_us / (uint64_t)cols), nt, policy ? policy : "?",
            cpus_online(), cpus_possible);
    say_not_shown(&b, "timeline");
    char *line = malloc((size_t)width + 64);
    if (!line) goto out;
    /* time axis */
    int p = snprintf(line, (size_t)width + 64, "%-*s|", label, "time (ms)");
    for (int c = 0; c < cols; c++) line[p + c] = ' ';
    for (int c = 0; c < cols; c += 16) {
        char num[16];
        unsigned long long ms = (unsigned long long)((uint64_t)c * span_us / (uint64_t)cols / 1000);
        int l = snprintf(num, sizeof num, "%llu", ms);
        if (c + l <= cols) memcpy(line + p + c, num, (size_t)l);
    }
    p += cols;
    snprintf(line + p, 64, "| held  wait  zz\n");
    kprintf("%s", line);
    for (int k = 0; k < nt; k++) {
        char name[24];
        snprintf(name, sizeof name, "%c %s%lu", 'A' + k, ids[k] == main_ident ? "main " : "t", (unsigned long)ids[k]);
        if (ids[k] == main_ident) snprintf(name, sizeof name, "%c main", 'A' + k);
        p = snprintf(line, (size_t)width + 64, "%-*.*s|", label, label, name);
        for (int c = 0; c < cols; c++) {
            uint64_t *a = acc[(size_t)k * (size_t)cols + (size_t)c];
            int best = S_NONE;
            uint64_t bv = a[S_NONE];
            for (int s = S_HOLD; s < S_N; s++)
                if (a[s] > bv || (a[s] == bv && s == S_HOLD && bv)) { best = s; bv = a[s]; }
            line[p++] = state_ch[best];
        }
        uint64_t all = span ? span : 1;
        snprintf(line + p, 64, "| %3d%%  %3d%%  %3d%%\n", (int)(tot[k][S_HOLD] * 100 / all),
                 (int)(tot[k][S_WAIT] * 100 / all), (int)(tot[k][S_SLEEP] * 100 / all));
        kprintf("%s", line);
    }
    for (int r = 0; r <= ncpu; r++) {
        char name[24];
        if (r == ncpu) snprintf(name, sizeof name, nogil ? "running" : "GIL holder");
        else snprintf(name, sizeof name, "cpu%d", r);
        p = snprintf(line, (size_t)width + 64, "%-*s|", label, name);
        uint64_t busy = 0;
        for (int c = 0; c < cols; c++) {
            uint64_t *h = &hold[((size_t)r * (size_t)cols + (size_t)c) * (size_t)(nt + 1)];
            int best = -1;
            uint64_t bv = 0, sum = 0;
            for (int k = 0; k < nt; k++) { sum += h[k]; if (h[k] > bv) { bv = h[k]; best = k; } }
            busy += sum;
            /* a letter when someone held it for at least a third of the column */
            line[p++] = best >= 0 && sum * 3 * (uint64_t)cols >= span ? (char)('A' + best) : '.';
        }
        int pct = (int)(busy * 100 / (span ? span : 1));
        if (r < ncpu && pct > 100) pct = 100;     /* no GIL: runnable threads share the core */
        snprintf(line + p, 64, "| %3d%%\n", pct);
        kprintf("%s", line);
    }
    free(line);
    if (nogil)
        kprintf("legend: # runs bytecode (no GIL: running or runnable)  z sleeps / blocked in I/O\n"
                "        blank: not started or finished; A..: which thread ran on that core;\n"
                "        'running' over 100%%: threads ran bytecode at the same time\n");
    else
        kprintf("legend: # holds the GIL (runs bytecode)  - waits for the GIL  z sleeps / blocked in I/O\n"
                "        blank: not started or finished; A..: which thread held the GIL on that core\n");
    uint64_t hmean = hand_n ? timer_ticks_to_ns(hand_sum / hand_n) / 1000 : 0;
    kprintf("switches %llu, drop requests %llu, forced switches %llu, failed wake-ups %llu, "
            "hand-off mean %llu us max %llu us%s\n",
            (unsigned long long)switches, (unsigned long long)dropreq, (unsigned long long)forced,
            (unsigned long long)failed, (unsigned long long)hmean,
            (unsigned long long)(timer_ticks_to_ns(hand_max) / 1000),
            dropped_threads ? " (more threads than rows: first 12 shown)" : "");
out:
    free(acc);
    free(hold);
    free(b.ev);
}

/* ---- export ------------------------------------------------------------------------------- */
static uint32_t crc_table[256];

static uint32_t crc32_update(uint32_t crc, const unsigned char *p, size_t n)
{
    if (!crc_table[1]) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            crc_table[i] = c;
        }
    }
    crc = ~crc;
    while (n--) crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Record layout (little endian, 20 bytes): u64 ts (timer ticks), u16 cpu, u16 event, u32 a, u32 b. */
void timeline_dump(uint32_t main_ident, const char *policy, uint64_t t0_ns, uint64_t t1_ns)
{
    struct evbuf b = collect(ns_to_ticks(t0_ns), ns_to_ticks(t1_ns), 1);
    if (!b.ev) { kprintf("trace_dump: out of memory\n"); return; }
    size_t nbytes = b.n * 20;
    unsigned char *raw = malloc(nbytes + 3);
    if (!raw) { free(b.ev); kprintf("trace_dump: out of memory\n"); return; }
    for (size_t i = 0; i < b.n; i++) {
        unsigned char *r = raw + i * 20;
        struct trace_ev *e = &b.ev[i];
        for (int k = 0; k < 8; k++) r[k] = (unsigned char)(e->ts >> (8 * k));
        r[8] = (unsigned char)e->cpu; r[9] = (unsigned char)(e->cpu >> 8);
        r[10] = (unsigned char)e->event; r[11] = (unsigned char)(e->event >> 8);
        for (int k = 0; k < 4; k++) r[12 + k] = (unsigned char)(e->a >> (8 * k));
        for (int k = 0; k < 4; k++) r[16 + k] = (unsigned char)(e->b >> (8 * k));
    }
    uint32_t crc = crc32_update(0, raw, nbytes);
    say_not_shown(&b, "trace_dump");
    /* what the window had that the records do not: "code:count,..." by event code (kind 80,
     * "every other code", as 65535) */
    char lost[TRACE_KINDS * 16 + 1];
    int lp = 0;
    lost[0] = 0;
    for (int k = 0; k < TRACE_KINDS; k++) {
        uint64_t v = not_shown(&b, k);
        if (v && lp < (int)sizeof lost - 32)
            lp += snprintf(lost + lp, sizeof lost - (size_t)lp, "%s%u:%llu", lp ? "," : "",
                           (unsigned)trace_kind_event(k), (unsigned long long)v);
    }
    kprintf("\n-----BEGIN TOLLBOOTH TRACE v1 events=%u bytes=%u hz=%u cpus=%d online=%d main=%lu policy=%s "
            "ring=%lu from=%llu shown_from=%llu until=%llu notshown=%s-----\n",
            (unsigned)b.n, (unsigned)nbytes, (unsigned)timer_freq(), cpus_possible, cpus_online(),
            (unsigned long)main_ident, policy ? policy : "?", (unsigned long)trace_ring_events,
            (unsigned long long)b.run_from, (unsigned long long)b.shown_from,
            (unsigned long long)b.until, lost[0] ? lost : "none");
    char line[80];
    for (size_t off = 0; off < nbytes; off += 57) {     /* 57 bytes -> 76 characters */
        size_t n = nbytes - off < 57 ? nbytes - off : 57;
        int p = 0;
        for (size_t i = 0; i < n; i += 3) {
            unsigned v = (unsigned)raw[off + i] << 16;
            if (i + 1 < n) v |= (unsigned)raw[off + i + 1] << 8;
            if (i + 2 < n) v |= raw[off + i + 2];
            line[p++] = b64[(v >> 18) & 63];
            line[p++] = b64[(v >> 12) & 63];
            line[p++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
            line[p++] = i + 2 < n ? b64[v & 63] : '=';
        }
        line[p++] = '\n';
        console_write(line, (size_t)p);
    }
    kprintf("-----END TOLLBOOTH TRACE crc32=%08lx-----\n", (unsigned long)crc);
    free(raw);
    free(b.ev);
}
