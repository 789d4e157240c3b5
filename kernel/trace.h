/*
 * kernel/trace.h — per-core trace rings (the guest port's port_trace lands here). Locks: none.
 * Each core appends only to its own ring with interrupts briefly masked, so appends need no lock
 * and never block. Readers (trace_copy) take a racy snapshot; an event being written at that
 * moment may be torn, which is acceptable for a timeline.
 * Event codes: the kernel's own live at 0xF000 and up (below); 0xEFFF is trace_cost_ns's probe;
 * everything below is the client's (the interpreter's, interp/port/trace_events.h), opaque to the
 * kernel. The kernel does not interpret those: the text timeline and the export that draw GIL
 * states from them are the guest port's (ports/guest/timeline.c).
 *
 * Size: trace_ring_events a core (a power of two), chosen once at boot by trace_init from the
 * boot argument TRACE_EVENTS (default TRACE_RING_EVENTS, kernel/tunables.h). A ring that is full
 * overwrites its oldest event; the overwritten events are counted by kind (trace_kind) when they
 * fall inside the watched window (trace_lost_watch), so a reader can say what it no longer has.
 */
#ifndef KERNEL_TRACE_H
#define KERNEL_TRACE_H
#include <stdint.h>
#include <stddef.h>

struct trace_ev {
    uint64_t ts;        /* generic timer ticks (CNTVCT) */
    uint16_t event;
    uint16_t cpu;
    uint32_t a, b;
    uint32_t seq;       /* per-core sequence number */
};

enum {
    TRACE_K_SWITCH = 0xF000,   /* a = from tid, b = to tid */
    TRACE_K_WAKE,              /* a = tid, b = 0 woken / 1 timeout */
    TRACE_K_SLEEP,             /* a = tid */
    TRACE_K_PREEMPT,           /* a = tid */
    TRACE_K_EXIT,              /* a = tid */
    TRACE_K_IRQ,               /* a = irq number */
    TRACE_K_CPU_ON,            /* a = cpu */
    TRACE_K_CPU_OFF,           /* a = cpu */
};

#define TRACE_COST_PROBE 0xEFFF   /* trace_cost_ns's events: no reader draws them */

/* Event kinds for the overwritten-event counts: codes 0..63 (the client's) are kinds 0..63, the
 * kernel's 0xF000..0xF00F kinds 64..79, every other code kind 80. */
#define TRACE_KINDS 81
static inline int trace_kind(uint16_t event)
{
    if (event < 64) return event;
    if (event >= 0xF000 && event < 0xF010) return 64 + (event - 0xF000);
    return 80;
}
/* The code of kind k (k < 80); kind 80 ("other") answers 0xFFFF. */
static inline uint16_t trace_kind_event(int k)
{
    return k < 64 ? (uint16_t)k : k < 80 ? (uint16_t)(0xF000 + k - 64) : 0xFFFF;
}

extern uint32_t trace_ring_events;        /* events a core's ring holds (a power of two) */
/* Size the rings (boot, core 0, before the other cores start; TRACE_EVENTS=N: rounded up to a
 * power of two, within TRACE_EVENTS_MIN..MAX and what the heap gives). Events traced before
 * it are not recorded. Returns the size chosen. */
#define TRACE_EVENTS_MIN 1024u
#define TRACE_EVENTS_MAX (1u << 20)
uint32_t trace_init(const char *events_arg, int ncpus);

void   trace_event(uint16_t event, uint32_t a, uint32_t b);
size_t trace_copy(int cpu, struct trace_ev *out, size_t max);   /* oldest first */
/* The same, with that core's overwritten-event counts by kind (lost[TRACE_KINDS]) consistent
 * with the copy (kernel/trace.c). */
size_t trace_copy_counted(int cpu, struct trace_ev *out, size_t max, uint64_t *lost);
void   trace_clear(void);
extern volatile int trace_enabled;        /* 0: trace_event records nothing */
void   trace_enable(int on);
int    trace_is_enabled(void);
/* Count the events that rings overwrite from now on whose time is within [from, until] ticks
 * (the counts start at 0; until may be moved later with trace_lost_until). Racy against cores
 * appending at that moment (an overwrite may be counted against the old window): callers watch
 * a window from its start, before the run it covers has started its threads. */
void     trace_lost_watch(uint64_t from, uint64_t until);
void     trace_lost_until(uint64_t until);
/* Overwritten events of kind k (trace_kind) inside the watched window, all cores. */
uint64_t trace_lost(int kind);
/* Cost of one trace_event() call in ns: n calls on this core, interrupts as they are. */
uint64_t trace_cost_ns(unsigned n);
#endif
