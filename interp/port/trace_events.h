/*
 * interp/port/trace_events.h — event codes for port_trace(event, a, b) (both ports share them).
 *
 * Codes 0x00-0x3f belong to the GIL and threads (interp/gil/gil*.c, mod_thread.c, mod_time.c),
 * 0x80-0xff to the VM. `a`/`b` per event below. The guest kernel's own events are 0xF000 and up
 * (kernel/trace.h), and it treats these as opaque; ports/guest/timeline.c draws them. This file is
 * the one definition: nothing else may copy the codes.
 */
#ifndef INTERP_TRACE_EVENTS_H
#define INTERP_TRACE_EVENTS_H

#include <stdint.h>

enum {
    TR_GIL_TAKE = 0x01,          /* a = thread ident, b = wait time in us (saturated) */
    TR_GIL_DROP = 0x02,          /* a = thread ident, b = held time in us */
    TR_GIL_DROP_REQUEST = 0x03,  /* a = requesting thread ident, b = holder ident */
    TR_GIL_FORCED_SWITCH = 0x04, /* a = thread forced off, b = thread that took over */
    TR_GIL_FAILED_WAKEUP = 0x05, /* a = woken thread ident, b = holder it found */
    TR_THREAD_RUN = 0x06,        /* a = thread ident, b = core */
    TR_THREAD_SLEEP = 0x07,      /* a = thread ident, b = sleep in us */
    TR_THREAD_WAKE = 0x08,       /* a = thread ident */
    TR_IO_BEGIN = 0x09,          /* a = thread ident (gil_before_blocking) */
    TR_IO_END = 0x0a,            /* a = thread ident (gil_after_blocking) */
    TR_THREAD_START = 0x0b,      /* a = new thread ident */
    TR_THREAD_EXIT = 0x0c,       /* a = thread ident */
    TR_GIL_POLICY = 0x0d,        /* a = policy index */
    TR_GIL_CORRUPTION = 0x0e,    /* a = thread ident (unsafe policy found a refcount race) */
    TR_GIL_WAIT_EXPIRED = 0x0f,  /* a = waiter ident, b = holder ident (a timed GIL wait expired) */
};

/* One trace record (the host ring's layout; the kernel may use its own). */
typedef struct {
    uint64_t seq;
    uint64_t t_ns;
    uint32_t tid;
    uint16_t core;
    uint16_t event;
    uint32_t a, b;
} TraceRec;

/* Readers, for tests and the `gil` module (both ports; port_trace_readable in port.h says whether
 * they see anything: the guest's count is always 0, its get fails, its reset does nothing). */
uint64_t port_trace_count(void);
int port_trace_get(uint64_t i, TraceRec *out);    /* 0 ok, -1 overwritten / not yet written */
void port_trace_reset(void);

#endif
