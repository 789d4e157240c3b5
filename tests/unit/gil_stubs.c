/* tests/unit/gil_stubs.c — the few interpreter symbols interp/gil/gil*.c need, for the host unit test
 * (so test-gil links without the VM and object files). Never linked into tollpy. */
#include "core/obj.h"
#include "core/state.h"
#include <stdio.h>

volatile bool rc_atomic;
static Type rt_type, val_type;
Type type_type;
Type *RuntimeError_t = &rt_type, *ValueError_t = &val_type;
int stub_exc_count;
Obj *exc_raise(Type *t, const char *fmt, ...) {
    (void)t;
    stub_exc_count++;
    fprintf(stderr, "[stub exc_raise] %s\n", fmt);
    return NULL;
}
ThreadState *ts_get(void) { return port_tls_get(); }
/* gil_unsafe.c's fault containment (interp_crashed) ends a multiprocessing child through this;
 * the host port never offers it a fault, so it is never called here. */
void mp_child_crashed(Interp *in) { (void)in; }
