/*
 * interp/runtime/vm.h — the bytecode evaluator (vm.c) and calls into it from C (call.c).
 *
 * vm_eval runs a frame until it returns (or yields, for a generator frame) and is re-entrant:
 * C code calling Python (obj_call on a function) re-enters it. Python-to-Python calls made by
 * the CALL_* opcodes do NOT recurse in C: the callee frame is pushed and run by the same
 * vm_eval loop, so deep Python recursion costs no C stack (only the frame arena). C-level
 * re-entries are bounded separately (by the real C stack, c_stack_low) because the guest stack is small.
 * Callers hold the GIL.
 */
#ifndef INTERP_VM_H
#define INTERP_VM_H

#include "core/obj.h"
#include "core/state.h"

struct Frame;

/* C re-entries per thread (vm_eval called from C: a Python __init__ run by type(), __repr__ by
 * print, sorted(key=), generators resumed by next()...) and object.c's rec_enter (nested
 * container repr/compare) are bounded by the thread's real C stack: vm_eval refuses to start
 * with RecursionError once c_stack_low() (obj.h) says the stack is within its reserve of the
 * guard page. Measured on the host (x86-64, -O2, gdb $sp): one __init__ re-entry level
 * (vm_eval_inner -> type_call -> heap_new -> vm_call_function -> vm_eval_inner) costs 672 bytes.
 * Python-to-Python calls made by CALL_* cost none (inline frames): deep pure-Python recursion is
 * bounded by recursion_limit (1000) and uses only the frame arena (~100 B + locals per level).
 * ts->c_depth still counts the re-entries (for diagnostics); it limits nothing. */

Obj *vm_eval(struct Frame *f);               /* runs f (entry frame); new ref or NULL */
Obj *vm_call_function(Obj *func, Obj *const *args, int nargs, Obj *kwnames);  /* function_type.call */
/* Run a code object as a module/class body with the given globals and locals dict. */
Obj *vm_run_code(Obj *code, Obj *globals, Obj *locals);
/* Run a class body function with locals = ns (for __build_class__). */
Obj *vm_run_class_body(Obj *func, Obj *ns);
int vm_eval_breaker(ThreadState *ts);        /* 0 ok, -1 with an exception */
int vm_stop_raise(ThreadState *ts);          /* in->stop_request seen: raise SystemExit(-15), -1 */
void vm_request_stop(Interp *in);             /* set in->stop_request and in->eval_breaker (any thread) */
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
