/*
 * interp/compile/assemble.h — the assembler: one code object's instructions, as code generation
 * (compile.c) emitted them, to a finished code object (interp/bytecode/code.h).
 *
 * Code generation appends to an InstrBuf: instructions with their source lines, jumps whose
 * argument is a label number, and exception regions whose handler is a label. assemble()
 * resolves the labels, measures the stack, builds the line and exception tables and makes the
 * code object. Compile-time only: called from compile_source (GIL held), on the compilation's own
 * arena (Ctx); no global state. Errors longjmp through the Ctx (ctx_error/ctx_fail).
 */
#ifndef INTERP_ASSEMBLE_H
#define INTERP_ASSEMBLE_H

#include "core/obj.h"
#include "bytecode/code.h"
#include "compile/ast.h"

/* One exception region: instructions [start, end) go to `handler` (a label until assembled) with
 * the stack cut to the depth before instruction `ref`, plus `adj`. */
typedef struct { int start, end, handler, ref, adj; } ExcRec;

/* One unit's instructions while they are emitted; arrays grow in the Ctx arena. */
typedef struct {
    Instr *code;            /* a jump's argument is a label number until assembled */
    int *ilines;            /* source line of each instruction */
    int n, cap;
    int *labels;            /* label number -> instruction index; -1 until placed */
    int nlabels, caplabels;
    ExcRec *exc;            /* innermost first (compile.c's regions) */
    int nexc, capexc;
} InstrBuf;

/* The code object for b. `meta` gives everything but the instructions: consts, names,
 * varnames, cellvars, freevars (tuples), name, qualname, filename, source (all borrowed, kept
 * alive by the Ctx), the signature counts, nlocals/ncells/nfrees, flags and firstlineno; the
 * rest of it is ignored. Resolves b's labels in place. Returns a new reference; an internal
 * inconsistency (an unplaced label, paths disagreeing on the stack depth) is ctx_error'd. */
Obj *assemble(Ctx *c, InstrBuf *b, const CodeObj *meta);

#endif
