/*
 * interp/vm.h — the bytecode evaluator.
 *
 * vm_eval runs a frame until it returns (or yields, for a generator frame) and is re-entrant:
 * C code calling Python (obj_call on a function) re-enters it. Python-to-Python calls made by
 * the CALL_* opcodes do NOT recurse in C: the callee frame is pushed and run by the same
 * vm_eval loop, so deep Python recursion costs no C stack (only the frame arena). C-level
 * re-entries are bounded separately (VM_C_RECURSION_LIMIT) because the guest stack is small.
 * Callers hold the GIL.
 */
#ifndef INTERP_VM_H
#define INTERP_VM_H

#include "obj.h"
#include "state.h"

struct Frame;

/* C re-entries of vm_eval per thread (each costs ~VM_C_BYTES_PER_LEVEL of C stack on the
 * guest, measured). Python recursion that stays in bytecode is bounded by recursion_limit. */
#ifdef TOLLPY_HOST
#define VM_C_RECURSION_LIMIT 3000
#else
#define VM_C_RECURSION_LIMIT 150
#endif

Obj *vm_eval(struct Frame *f);               /* runs f (entry frame); new ref or NULL */
Obj *vm_call_function(Obj *func, Obj *const *args, int nargs, Obj *kwnames);  /* function_type.call */
/* Run a code object as a module/class body with the given globals and locals dict. */
Obj *vm_run_code(Obj *code, Obj *globals, Obj *locals);
/* Run a class body function with locals = ns (for __build_class__). */
Obj *vm_run_class_body(Obj *func, Obj *ns);
int vm_eval_breaker(ThreadState *ts);        /* 0 ok, -1 with an exception */
int vm_super_args(Type **cls, Obj **self);   /* zero-argument super(): borrowed results */
/* Resume a generator frame: sent value (borrowed; NULL on first run = None); if exc is non-NULL
 * it is thrown in at the suspension point (steals exc). Returns the yielded/returned value;
 * *done tells which (the frame is then FRAME_DONE). */
Obj *vm_resume(struct Frame *f, Obj *sent, Obj *exc, int *done);
/* Add a traceback entry for frame f to the exception instance exc. */
void vm_tb_add(Obj *exc, struct Frame *f);
Obj *vm_globals(void);                       /* borrowed: the running frame's globals or NULL */
Obj *vm_locals(void);                        /* new ref: locals dict (a snapshot for functions) */

#endif
