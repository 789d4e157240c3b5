/*
 * interp/core/state.c — finding the running thread's ThreadState (ts_get), and the process-wide
 * count of child interpreters (interp_live_children). The structures are in core/state.h; they
 * are created and freed by interp/runtime/interp.c (interp_new, ts_new, ts_free).
 *
 * Locks: none. The ThreadState pointer is per thread (port_tls_get); interp_live_children is
 * only touched with atomic operations.
 */
#include "core/state.h"

ThreadState *ts_get(void) { return (ThreadState *)port_tls_get(); }

/* Child interpreters (multiprocessing processes) started and not yet ended: incremented when a
 * process starts and decremented when its thread ends or crashes (interp/mp/mp_process.c), read
 * by the `none` GIL policy (interp/gil/gil_none.c), which must not turn rc_atomic off while
 * another interpreter may be between obj_lock and obj_unlock. */
int interp_live_children;
