/*
 * kernel/trace.c — the per-core trace rings described in kernel/trace.h. Locks: none (each ring
 * is written only by its own core with interrupts masked; readers take a racy snapshot). The
 * rings are allocated once, by trace_init on core 0 before the other cores start; the pointer
 * is published with a release store and read with an acquire load, so a core sees either no
 * ring (and records nothing) or a whole one. The overwritten-event window (lost_from, lost_until)
 * is written by the reader's thread and read by every core without a lock: a 64-bit value may
 * be read torn while it changes, so an overwrite at that moment may be counted against the old
 * window (trace.h says when callers change it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/trace.h"
#include "kernel/cpu.h"
#include "kernel/console.h"
#include "kernel/tunables.h"
#include "drivers/timer.h"

/* The rings, all cores together, take at most this much of the heap (it is shared with every
 * interpreter; timeline.c copies the rings again while it reads them). */
#define TRACE_BYTES_MAX (32u << 20)

struct ring {
    uint32_t head;                       /* next slot; only the owning core writes it */
    volatile uint32_t wseq;              /* odd while the owner writes an event (lost, slot,
                                          * head): trace_copy_counted's consistency check */
    struct trace_ev *ev;                 /* trace_ring_events slots; NULL before trace_init */
    uint32_t lost[TRACE_KINDS];          /* overwritten inside the watched window, by kind */
};
static struct ring rings[MAX_CPUS];
uint32_t trace_ring_events = TRACE_RING_EVENTS;
volatile int trace_enabled = 1;
static volatile uint64_t lost_from, lost_until = ~0ull;

uint32_t trace_init(const char *events_arg, int ncpus)
{
    uint32_t want = TRACE_RING_EVENTS;
    if (ncpus < 1) ncpus = 1;
    if (ncpus > MAX_CPUS) ncpus = MAX_CPUS;
    if (events_arg && *events_arg) {
        char *end;
        unsigned long v = strtoul(events_arg, &end, 10);
        if (*end || v < TRACE_EVENTS_MIN || v > TRACE_EVENTS_MAX)
            kprintf("trace: TRACE_EVENTS=%s is not %u..%u: %u events a core\n", events_arg,
                    (unsigned)TRACE_EVENTS_MIN, (unsigned)TRACE_EVENTS_MAX, (unsigned)want);
        else {
            want = TRACE_EVENTS_MIN;
            while (want < v) want <<= 1;
        }
    }
    uint32_t n = want;
    while (n > TRACE_EVENTS_MIN && (uint64_t)n * sizeof(struct trace_ev) * (unsigned)ncpus > TRACE_BYTES_MAX)
        n >>= 1;
    struct trace_ev *evs[MAX_CPUS] = { 0 };
    for (;;) {
        int c;
        for (c = 0; c < ncpus; c++)
            if (!(evs[c] = malloc(sizeof(struct trace_ev) * n))) break;
        if (c == ncpus) break;
        for (int k = 0; k < c; k++) free(evs[k]);
        if (n == TRACE_EVENTS_MIN) { kprintf("trace: no memory for the trace rings\n"); return 0; }
        n >>= 1;
    }
    if (events_arg && *events_arg)
        kprintf("trace: rings of %u events a core%s\n", (unsigned)n,
                n < want ? " (TRACE_EVENTS asked for more than the heap can spare)" : "");
    trace_ring_events = n;
    for (int c = 0; c < ncpus; c++) {
        memset(evs[c], 0, sizeof(struct trace_ev) * n);
        __atomic_store_n(&rings[c].ev, evs[c], __ATOMIC_RELEASE);
    }
    return n;
}

void trace_event(uint16_t event, uint32_t a, uint32_t b)
{
    if (!trace_enabled)
        return;
    uint32_t cpsr;
    __asm__ volatile("mrs %0, cpsr; cpsid i" : "=r"(cpsr) :: "memory");
    struct cpu *c = mycpu();
    struct ring *r = &rings[c->id];
    struct trace_ev *ring = __atomic_load_n(&r->ev, __ATOMIC_ACQUIRE);
    if (ring) {
        r->wseq++;
        __asm__ volatile("dmb ish" ::: "memory");
        uint32_t h = r->head;
        struct trace_ev *e = &ring[h & (trace_ring_events - 1)];
        if (h >= trace_ring_events && e->ts >= lost_from && e->ts <= lost_until)
            r->lost[trace_kind(e->event)]++;          /* the oldest event goes */
        e->ts = timer_now();
        e->event = event;
        e->cpu = (uint16_t)c->id;
        e->a = a;
        e->b = b;
        e->seq = h;
        r->head = h + 1;
        __asm__ volatile("dmb ish" ::: "memory");
        r->wseq++;
    }
    __asm__ volatile("msr cpsr_c, %0" :: "r"(cpsr) : "memory");
}

size_t trace_copy(int cpu, struct trace_ev *out, size_t max)
{
    if (cpu < 0 || cpu >= MAX_CPUS)
        return 0;
    struct ring *r = &rings[cpu];
    struct trace_ev *ring = __atomic_load_n(&r->ev, __ATOMIC_ACQUIRE);
    if (!ring)
        return 0;
    uint32_t h = r->head;
    uint32_t n = h < trace_ring_events ? h : trace_ring_events;
    if (n > max)
        n = (uint32_t)max;
    for (uint32_t i = 0; i < n; i++)
        out[i] = ring[(h - n + i) & (trace_ring_events - 1)];
    return n;
}

/* trace_copy, plus this core's overwritten-event counts (lost[TRACE_KINDS]) taken at the same
 * moment as the copy: a copy during which the owner wrote is taken again (wseq, a sequence
 * count), so an event overwritten meanwhile is never both copied and counted as lost. After
 * 64 tries (a core writing without pause) the last copy is kept as it is. */
size_t trace_copy_counted(int cpu, struct trace_ev *out, size_t max, uint64_t *lost)
{
    if (cpu < 0 || cpu >= MAX_CPUS)
        return 0;
    struct ring *r = &rings[cpu];
    size_t n = 0;
    for (int tries = 0; tries < 64; tries++) {
        uint32_t s1 = r->wseq;
        __asm__ volatile("dmb ish" ::: "memory");
        if (s1 & 1)
            continue;
        n = trace_copy(cpu, out, max);
        for (int k = 0; k < TRACE_KINDS; k++)
            lost[k] = r->lost[k];
        __asm__ volatile("dmb ish" ::: "memory");
        if (r->wseq == s1)
            break;
    }
    return n;
}

void trace_clear(void)
{
    for (int i = 0; i < MAX_CPUS; i++) {
        rings[i].head = 0;
        memset(rings[i].lost, 0, sizeof rings[i].lost);
    }
}

void trace_lost_watch(uint64_t from, uint64_t until)
{
    lost_until = until;
    lost_from = from;
    for (int i = 0; i < MAX_CPUS; i++)
        memset(rings[i].lost, 0, sizeof rings[i].lost);
}

void trace_lost_until(uint64_t until) { lost_until = until; }

uint64_t trace_lost(int kind)
{
    uint64_t n = 0;
    if (kind < 0 || kind >= TRACE_KINDS)
        return 0;
    for (int i = 0; i < MAX_CPUS; i++)
        n += rings[i].lost[kind];
    return n;
}

void trace_enable(int on) { trace_enabled = on; }
int trace_is_enabled(void) { return trace_enabled; }

/* The events are recorded under TRACE_COST_PROBE, a code no reader draws; the ring then keeps
 * them as noise. */
uint64_t trace_cost_ns(unsigned n)
{
    if (n == 0) n = 1;
    uint64_t t0 = timer_now();
    for (unsigned i = 0; i < n; i++)
        trace_event(TRACE_COST_PROBE, i, 0);
    uint64_t t1 = timer_now();
    return timer_ticks_to_ns(t1 - t0) / n;
}
