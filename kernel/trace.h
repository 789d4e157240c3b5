/*
 * kernel/trace.h — per-core trace rings (port_trace lands here). Each core appends only to its
 * own ring with interrupts briefly masked, so appends need no lock and never block. Readers
 * (trace_copy) take a racy snapshot; an event being written at that moment may be torn, which
 * is acceptable for a timeline. Kernel event codes live at 0xF000 and up; the interpreter's
 * codes (interp/port/trace_events.h) stay below.
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

void   trace_event(uint16_t event, uint32_t a, uint32_t b);
size_t trace_copy(int cpu, struct trace_ev *out, size_t max);   /* oldest first */
void   trace_clear(void);
extern volatile int trace_enabled;
#endif
