/*
 * interp/core/cstack.c — the C-stack budget: c_stack_low(), true once the running thread's stack
 * is within its reserve of the guard page (interp/core/obj.h). The deallocator's trashcan
 * (mem.c) and c_stack_check (interp/objects/object.c, which raises RecursionError) ask it.
 *
 * Locks: none; it reads only the running thread's own stack bounds (port_stack_bounds).
 */
#include "core/obj.h"

/*
 * Every C path that recurses on user data (re-entering vm_eval, repr/compare/hash of nested
 * containers, nested iterators, the compiler, multiprocessing's copies) asks c_stack_check
 * first. The budget is the real stack of the running thread (port_stack_bounds), so no
 * sys.setrecursionlimit value can walk the interpreter into the guard page: the check fires
 * while C_STACK_RESERVE bytes are still free, enough for the leaf work that follows an error
 * (building the RecursionError, unwinding, an `except` handler's prints, a trap frame on the
 * guest). The reserve is at most a quarter of the stack, so small thread stacks
 * (threading.stack_size(32768)) still leave most of it usable. */
/* port.h's profile: host 256 KiB (512 KiB under ASan, whose redzones triple frame sizes), guest
 * 12 KiB of its 64 KiB thread stacks. */
#define C_STACK_RESERVE ((uintptr_t)port_platform()->c_stack_reserve)

bool c_stack_low(void) {
    uintptr_t lo, hi;
    port_stack_bounds(&lo, &hi);
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (sp <= lo || sp > hi) return false;      /* unknown stack (boot stack, signal stack) */
    uintptr_t reserve = (hi - lo) / 4;
    if (reserve > C_STACK_RESERVE) reserve = C_STACK_RESERVE;
    return sp - lo < reserve;
}

