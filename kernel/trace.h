/*
 * kernel/trace.h — per-core trace rings (the guest port's port_trace lands here). Locks: none.
 * Each core appends only to its own ring with interrupts briefly masked, so appends need no lock
 * and never block. Readers (trace_copy) take a racy snapshot; an event being written at that
 * moment may be torn, which is acceptable for a timeline.
 * Event codes: the kernel's own live at 0xF000 and up (below); 0xEFFF is trace_cost_ns's probe;
 * everything below is the client's (the interpreter's, interp/port/trace_events.h), opaque to the
 * kernel. The kernel does not interpret those: the text timeline and the export that draw GIL
 * states from them are the guest port's (ports/guest/timeline.c).
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

void   trace_event(uint16_t event, uint32_t a, uint32_t b);
size_t trace_copy(int cpu, struct trace_ev *out, size_t max);   /* oldest first */
void   trace_clear(void);
extern volatile int trace_enabled;        /* 0: trace_event records nothing */
void   trace_enable(int on);
int    trace_is_enabled(void);
/* Cost of one trace_event() call in ns: n calls on this core, interrupts as they are. */
uint64_t trace_cost_ns(unsigned n);
#endif
