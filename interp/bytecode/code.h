/*
 * interp/bytecode/code.h — code objects: what the compiler (interp/compile/compile.c, assembled by
 * interp/compile/assemble.c) hands the VM (interp/runtime/vm.c).
 *
 * A code object is immutable once built and may be shared by many threads and functions; the VM
 * may use `vm_cache` for its own per-code data (set it once, under the GIL).
 *
 * Bytecode: `code[0..ncode)` of 32-bit words, opcode in the low 8 bits and argument in the high
 * 24 (INSTR_OP/INSTR_ARG in opcodes.h). An "offset" anywhere in this interface is an instruction
 * INDEX, not a byte offset; jump arguments are absolute indices too. Execution starts at index 0.
 *
 * Locals ("fast" slots), CPython layout: co_varnames lists positional parameters first
 * (argcount of them, the first posonlyargcount positional-only), then keyword-only parameters
 * (kwonlyargcount), then the *args name if CO_VARARGS, then the **kwargs name if CO_VARKEYWORDS,
 * then the other locals. nlocals == len(varnames). Parameters are bound into slots 0.. by the
 * caller's argument matching (the runtime); the other slots start unset (NULL).
 *
 * Cells: the frame has ncells + nfrees cell slots: cellvars first (fresh empty cells made at frame
 * entry), then freevars (the function's closure tuple, in co_freevars order). LOAD_DEREF /
 * STORE_DEREF / LOAD_CLOSURE arguments index this combined array. A parameter that is also a cell
 * variable needs nothing from the VM: the compiler emits `LOAD_FAST p; STORE_DEREF c` at entry.
 * Methods that use `super` or `__class__` get a freevar `__class__`; zero-argument super() takes
 * that cell and the frame's first local (slot 0). A class body that provides the cell returns it
 * (see LOAD_BUILD_CLASS in opcodes.h).
 *
 * Exceptions: an exception table, no block stack. When an instruction at index i raises (or a
 * RERAISE runs), the VM scans exctab[0..nexc) and takes the FIRST entry with start <= i < end (the
 * compiler lists inner ranges before the ranges that enclose them). It pops the value stack down
 * to `depth` values (counted from the frame's stack base), pushes the exception instance and jumps
 * to `target`. No entry: the exception leaves the frame. Handlers in compiled code begin with
 * PUSH_EXC_INFO (except / finally) or WITH_EXCEPT_START after it (with) — see compile.c.
 * The traceback entry for the frame is added when an exception is raised by an ordinary
 * instruction (line of that instruction), not when RERAISE re-raises it.
 *
 * Lines: `lines[0..nlines)` are runs {start, line}: instructions from `start` up to the next run's
 * start are on `line`. code_addr2line() looks them up. `source` is the whole source text (a str,
 * shared by all code objects of one compile) or NULL; code_source_line() gets one line from it for
 * tracebacks.
 *
 * Generators: a code object with CO_GENERATOR makes a generator when called; its frame starts at
 * index 0 on the first next()/send(None).
 *
 * Docstrings (CPython's convention): a function's co_consts[0] is its docstring if that is a str
 * (the compiler puts None there otherwise, lambdas included). Class and module bodies store
 * __doc__ themselves with STORE_NAME.
 *
 * Class bodies (flags 0, run with a fresh locals dict by __build_class__) begin with
 * `__module__ = __name__; __qualname__ = '<qualname>'` and end by returning the `__class__` cell
 * (also stored as `__classcell__`) when a method uses super() or __class__, else None.
 */
#ifndef INTERP_CODE_H
#define INTERP_CODE_H

#include "core/obj.h"
#include "bytecode/opcodes.h"

/* co_flags (CPython's values) */
#define CO_OPTIMIZED 0x0001      /* a function body: fast locals, no locals dict */
#define CO_NEWLOCALS 0x0002      /* a new locals dict/array per call */
#define CO_VARARGS 0x0004        /* has *args */
#define CO_VARKEYWORDS 0x0008    /* has **kwargs */
#define CO_NESTED 0x0010         /* defined inside another function */
#define CO_GENERATOR 0x0020      /* contains yield: calling it returns a generator */
#define CO_NOFREE 0x0040         /* no cellvars or freevars */
#define CO_COROUTINE 0x0080      /* an `async def` body: calling it returns a coroutine (CO_GENERATOR is
                                    set too, so every call path makes the suspendable object) */
#define CO_ASYNC_GENERATOR 0x0200 /* an `async def` body with yield: calling it returns an async generator
                                    (CO_GENERATOR set too; not CO_COROUTINE) */

typedef struct {
    uint32_t start, end;         /* protected instruction indices [start, end) */
    uint32_t target;             /* handler's instruction index */
    uint32_t depth;              /* stack depth to unwind to before pushing the exception */
} ExcEntry;

typedef struct {
    uint32_t start;              /* first instruction index of the run */
    int32_t line;                /* 1-based source line */
} LineEntry;

typedef struct CodeObj {
    Obj base;
    Instr *code;                 /* ncode instruction words */
    int ncode;
    Obj *consts;                 /* tuple */
    Obj *names;                  /* tuple of interned str: globals, attributes, imports, LOAD_NAME */
    Obj *varnames;               /* tuple of str: fast locals (parameters first, see above) */
    Obj *cellvars;               /* tuple of str */
    Obj *freevars;               /* tuple of str */
    int argcount;                /* positional parameters, including positional-only */
    int posonlyargcount;
    int kwonlyargcount;
    int nlocals, ncells, nfrees; /* len(varnames), len(cellvars), len(freevars) */
    int stacksize;               /* maximum value-stack depth, exact (exception handlers included) */
    int flags;                   /* CO_* */
    Obj *name;                   /* str: "f", "<module>", "<lambda>", "<listcomp>", "<genexpr>", class name */
    Obj *qualname;               /* str: "C.f", "f.<locals>.g" */
    Obj *filename;               /* str */
    int firstlineno;
    LineEntry *lines;
    int nlines;
    ExcEntry *exctab;
    int nexc;
    Obj *source;                 /* str: the whole source, or NULL */
    void *vm_cache;              /* the VM's, NULL initially; freed with mem_free if set */
} CodeObj;

#define CODE(o) ((CodeObj *)(o))

/* Build a code object. The fields of *init are copied; the Obj * fields are STOLEN (all must be
 * non-NULL except source), the arrays are copied. Returns NULL with MemoryError on failure (the
 * stolen references are released). */
Obj *code_new(const CodeObj *init);

/* Line of the instruction at index `offset` (clamped into range); firstlineno if there is none. */
int code_addr2line(Obj *code, int offset);

/* Line `lineno` (1-based) of the code's source, without its newline and leading whitespace,
 * as a new str; NULL without an exception when unknown. */
Obj *code_source_line(Obj *code, int lineno);

#endif
