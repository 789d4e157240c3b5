/* tests/unit/gil_stubs.c — the few interpreter symbols interp/gil/gil*.c need, for the host unit test
 * (so test-gil links without the VM and object files; the core files it needs, state.c and
 * objlock.c, are linked as they are). Never linked into tollpy. */
#include "core/obj.h"
#include "core/state.h"
#include <stdio.h>

/* interp/core/mem.c in the real build (set by the `unsafe` policy while it runs) */
const MemChecks *volatile mem_checks;
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
