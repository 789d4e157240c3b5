/*
 * kernel/trace.c — the per-core trace rings described in kernel/trace.h. Locks: none (each ring
 * is written only by its own core with interrupts masked; readers take a racy snapshot).
 */
#include <string.h>
#include "kernel/trace.h"
#include "kernel/cpu.h"
#include "drivers/timer.h"

struct ring {
    uint32_t head;                       /* next slot; only the owning core writes it */
    struct trace_ev ev[TRACE_RING_EVENTS];
};
static struct ring rings[MAX_CPUS];
volatile int trace_enabled = 1;

void trace_event(uint16_t event, uint32_t a, uint32_t b)
{
    if (!trace_enabled)
        return;
    uint32_t cpsr;
    __asm__ volatile("mrs %0, cpsr; cpsid i" : "=r"(cpsr) :: "memory");
    struct cpu *c = mycpu();
    struct ring *r = &rings[c->id];
    uint32_t h = r->head;
    struct trace_ev *e = &r->ev[h & (TRACE_RING_EVENTS - 1)];
    e->ts = timer_now();
    e->event = event;
    e->cpu = (uint16_t)c->id;
    e->a = a;
    e->b = b;
    e->seq = h;
    r->head = h + 1;
    __asm__ volatile("msr cpsr_c, %0" :: "r"(cpsr) : "memory");
}

size_t trace_copy(int cpu, struct trace_ev *out, size_t max)
{
    if (cpu < 0 || cpu >= MAX_CPUS)
        return 0;
    struct ring *r = &rings[cpu];
    uint32_t h = r->head;
    uint32_t n = h < TRACE_RING_EVENTS ? h : TRACE_RING_EVENTS;
    if (n > max)
        n = (uint32_t)max;
    for (uint32_t i = 0; i < n; i++)
        out[i] = r->ev[(h - n + i) & (TRACE_RING_EVENTS - 1)];
    return n;
}

void trace_clear(void)
{
    for (int i = 0; i < MAX_CPUS; i++)
        rings[i].head = 0;
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
