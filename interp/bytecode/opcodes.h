/*
 * interp/bytecode/opcodes.h — every bytecode instruction, in one X-macro table.
 *
 * Read by the compiler (interp/compile/assemble.c: stack depth), the VM (interp/runtime/vm.c: computed-goto table)
 * and the disassembler (interp/bytecode/dis.c: names and argument kinds). Written by the front end; the VM
 * implements what each line's comment says. Opcode numbers are positions in this table and no
 * compiled code outlives the binary that made it, so an opcode may be added anywhere outside the
 * groups whose order the VM relies on (the BINARY_* / INPLACE_* runs, marked below).
 *
 * Encoding (see interp/bytecode/code.h): one instruction = one 32-bit word, opcode in the low 8 bits,
 * argument in the high 24 bits (INSTR_OP / INSTR_ARG). There is no EXTENDED_ARG: the compiler
 * refuses code whose arguments do not fit 24 bits. Jump arguments are ABSOLUTE instruction
 * indices (word index into co_code, not bytes). The disassembler prints offsets as index*2 so
 * listings look like CPython's.
 *
 * Columns: X(NAME, FLAGS, EFFECT)
 *   FLAGS  OPF_* bits below: does it use its argument, what kind of argument it is (for dis), is it
 *          a jump, is it a backward jump (an eval-breaker check point), does it end a block.
 *   EFFECT net stack effect when execution falls through to the next instruction, as an
 *          expression in `arg`. For jumps, the effect when the jump is taken is given by
 *          opcode_jump_effect() below (it differs only for FOR_ITER and JUMP_IF_*_OR_POP).
 *
 * Stack notation in comments: [a, b] -> [c] means b was on top and is replaced by c.
 * "NULL" on the stack is a C NULL pointer used as a marker (LOAD_METHOD), never visible to Python.
 *
 * Exceptions use an exception table (CPython 3.11 style, no block stack): see code.h. When an
 * instruction raises inside a protected range the VM pops the value stack down to the entry's
 * depth, pushes the exception instance and jumps to the handler. No instruction below sets up or
 * pops a block.
 *
 * Eval breaker check points: every instruction with OPF_BACK (JUMP_BACKWARD,
 * POP_JUMP_BACKWARD_IF_*) and the CALL_* family. Forward jumps never need a check.
 */
#ifndef INTERP_OPCODES_H
#define INTERP_OPCODES_H

#include <stdint.h>

enum {
    OPF_ARG = 1 << 0,     /* the argument is meaningful */
    OPF_JUMP = 1 << 1,    /* arg is an absolute jump target (instruction index) */
    OPF_BACK = 1 << 2,    /* a backward jump: check the eval breaker */
    OPF_NOFALL = 1 << 3,  /* never falls through (unconditional jump, return, raise) */
    OPF_CONST = 1 << 4,   /* arg indexes co_consts */
    OPF_NAME = 1 << 5,    /* arg indexes co_names */
    OPF_LOCAL = 1 << 6,   /* arg indexes co_varnames (fast locals) */
    OPF_FREE = 1 << 7,    /* arg indexes cellvars + freevars (cells first) */
    OPF_CMP = 1 << 8,     /* arg is an enum CmpOp (obj.h) */
    OPF_CALL = 1 << 9,    /* a call: eval-breaker check point */
};

#define A OPF_ARG
#define OPCODES(X) \
    /* ---- stack shuffling -------------------------------------------------------------------- */ \
    X(NOP,                 0,                       0)       /* nothing */ \
    X(POP_TOP,             0,                      -1)       /* [a] -> [] */ \
    X(ROT_TWO,             0,                       0)       /* [a, b] -> [b, a] */ \
    X(ROT_THREE,           0,                       0)       /* [a, b, c] -> [c, a, b] */ \
    X(ROT_FOUR,            0,                       0)       /* [a, b, c, d] -> [d, a, b, c] */ \
    X(DUP_TOP,             0,                       1)       /* [a] -> [a, a] */ \
    X(DUP_TOP_TWO,         0,                       2)       /* [a, b] -> [a, b, a, b] */ \
    X(COPY,                A,                       1)       /* push stack[-arg] (arg >= 1; COPY 1 == DUP_TOP) */ \
    X(SWAP,                A,                       0)       /* swap stack[-1] and stack[-arg] (arg >= 2) */ \
    /* ---- constants and variables ------------------------------------------------------------ */ \
    X(LOAD_CONST,          A|OPF_CONST,             1)       /* [] -> [co_consts[arg]] */ \
    X(LOAD_FAST,           A|OPF_LOCAL,             1)       /* [] -> [local arg]; UnboundLocalError if unset: \
                                                                "cannot access local variable 'x' where it is not associated with a value" */ \
    X(STORE_FAST,          A|OPF_LOCAL,            -1)       /* [v] -> []; local arg = v */ \
    X(DELETE_FAST,         A|OPF_LOCAL,             0)       /* unset local arg (UnboundLocalError if unset) */ \
    X(LOAD_DEREF,          A|OPF_FREE,              1)       /* [] -> [cell arg's contents]; NameError/UnboundLocalError if empty: \
                                                                cellvar: "cannot access local variable 'x' ..."; freevar: \
                                                                "cannot access free variable 'x' where it is not associated with a value in enclosing scope" */ \
    X(STORE_DEREF,         A|OPF_FREE,             -1)       /* [v] -> []; cell arg contents = v */ \
    X(DELETE_DEREF,        A|OPF_FREE,              0)       /* empty cell arg */ \
    X(LOAD_CLOSURE,        A|OPF_FREE,              1)       /* [] -> [the cell object arg itself] (to build a closure tuple) */ \
    X(LOAD_CLASSDEREF,     A|OPF_FREE,              1)       /* class bodies: [] -> [locals dict[name of cell arg]] if present, \
                                                                else the cell's contents (NameError if empty) */ \
    X(LOAD_GLOBAL,         A|OPF_NAME,              1)       /* [] -> [globals[n] or builtins[n]]; NameError "name 'x' is not defined" */ \
    X(STORE_GLOBAL,        A|OPF_NAME,             -1)       /* [v] -> []; globals[n] = v */ \
    X(DELETE_GLOBAL,       A|OPF_NAME,              0)       /* del globals[n]; NameError if missing */ \
    X(LOAD_NAME,           A|OPF_NAME,              1)       /* module/class bodies: locals dict, then globals, then builtins */ \
    X(STORE_NAME,          A|OPF_NAME,             -1)       /* [v] -> []; locals dict[n] = v */ \
    X(DELETE_NAME,         A|OPF_NAME,              0)       /* del locals dict[n]; NameError if missing */ \
    /* ---- attributes and items --------------------------------------------------------------- */ \
    X(LOAD_ATTR,           A|OPF_NAME,              0)       /* [o] -> [o.name] */ \
    X(STORE_ATTR,          A|OPF_NAME,             -2)       /* [v, o] -> []; o.name = v */ \
    X(DELETE_ATTR,         A|OPF_NAME,             -1)       /* [o] -> []; del o.name */ \
    X(LOAD_METHOD,         A|OPF_NAME,              1)       /* [o] -> [func, o] if o.name is a plain function found on the type \
                                                                (unbound method: call it with o first), else [NULL, o.name] */ \
    X(BINARY_SUBSCR,       0,                      -1)       /* [o, k] -> [o[k]] */ \
    X(STORE_SUBSCR,        0,                      -3)       /* [v, o, k] -> []; o[k] = v */ \
    X(DELETE_SUBSCR,       0,                      -2)       /* [o, k] -> []; del o[k] */ \
    X(BUILD_SLICE,         A,                   1 - arg)     /* arg 2: [start, stop] -> [slice]; arg 3: [start, stop, step] -> [slice] */ \
    /* ---- operators: BINARY_* and INPLACE_* are contiguous in enum BinOp order (obj.h), so the VM \
     *      may compute obj_binop(a, b, op - OP_BINARY_ADD) / obj_inplace_binop(a, b, op - OP_INPLACE_ADD) */ \
    X(BINARY_ADD,          0,                      -1)       /* [a, b] -> [a + b] */ \
    X(BINARY_SUBTRACT,     0,                      -1)       /* [a, b] -> [a - b] */ \
    X(BINARY_MULTIPLY,     0,                      -1)       /* [a, b] -> [a * b] */ \
    X(BINARY_TRUE_DIVIDE,  0,                      -1)       /* [a, b] -> [a / b] */ \
    X(BINARY_FLOOR_DIVIDE, 0,                      -1)       /* [a, b] -> [a // b] */ \
    X(BINARY_MODULO,       0,                      -1)       /* [a, b] -> [a % b] */ \
    X(BINARY_POWER,        0,                      -1)       /* [a, b] -> [a ** b] */ \
    X(BINARY_LSHIFT,       0,                      -1)       /* [a, b] -> [a << b] */ \
    X(BINARY_RSHIFT,       0,                      -1)       /* [a, b] -> [a >> b] */ \
    X(BINARY_AND,          0,                      -1)       /* [a, b] -> [a & b] */ \
    X(BINARY_OR,           0,                      -1)       /* [a, b] -> [a | b] */ \
    X(BINARY_XOR,          0,                      -1)       /* [a, b] -> [a ^ b] */ \
    X(BINARY_MATRIX_MULTIPLY, 0,                   -1)       /* [a, b] -> [a @ b] */ \
    X(INPLACE_ADD,         0,                      -1)       /* [a, b] -> [a += b] (__iadd__, falling back to +) */ \
    X(INPLACE_SUBTRACT,    0,                      -1) \
    X(INPLACE_MULTIPLY,    0,                      -1) \
    X(INPLACE_TRUE_DIVIDE, 0,                      -1) \
    X(INPLACE_FLOOR_DIVIDE, 0,                     -1) \
    X(INPLACE_MODULO,      0,                      -1) \
    X(INPLACE_POWER,       0,                      -1) \
    X(INPLACE_LSHIFT,      0,                      -1) \
    X(INPLACE_RSHIFT,      0,                      -1) \
    X(INPLACE_AND,         0,                      -1) \
    X(INPLACE_OR,          0,                      -1) \
    X(INPLACE_XOR,         0,                      -1) \
    X(INPLACE_MATRIX_MULTIPLY, 0,                  -1) \
    X(UNARY_POSITIVE,      0,                       0)       /* [a] -> [+a] */ \
    X(UNARY_NEGATIVE,      0,                       0)       /* [a] -> [-a] */ \
    X(UNARY_NOT,           0,                       0)       /* [a] -> [not a] (a bool) */ \
    X(UNARY_INVERT,        0,                       0)       /* [a] -> [~a] */ \
    X(COMPARE_OP,          A|OPF_CMP,              -1)       /* [a, b] -> [a <op> b], arg an enum CmpOp */ \
    X(IS_OP,               A,                      -1)       /* [a, b] -> [a is b] (arg 0) / [a is not b] (arg 1) */ \
    X(CONTAINS_OP,         A,                      -1)       /* [a, b] -> [a in b] (arg 0) / [a not in b] (arg 1) */ \
    /* ---- jumps (arg = absolute instruction index) ------------------------------------------- */ \
    X(JUMP_FORWARD,        A|OPF_JUMP|OPF_NOFALL,   0)       /* goto arg (arg > this index) */ \
    X(JUMP_BACKWARD,       A|OPF_JUMP|OPF_BACK|OPF_NOFALL, 0) /* check eval breaker, goto arg (arg <= this index) */ \
    X(POP_JUMP_IF_FALSE,   A|OPF_JUMP,             -1)       /* [v] -> []; if not v: goto arg (forward) */ \
    X(POP_JUMP_IF_TRUE,    A|OPF_JUMP,             -1)       /* [v] -> []; if v: goto arg (forward) */ \
    X(POP_JUMP_BACKWARD_IF_FALSE, A|OPF_JUMP|OPF_BACK, -1)   /* as POP_JUMP_IF_FALSE, backward: check eval breaker when taken */ \
    X(POP_JUMP_BACKWARD_IF_TRUE,  A|OPF_JUMP|OPF_BACK, -1)   /* as POP_JUMP_IF_TRUE, backward (bottom-tested while loops) */ \
    X(JUMP_IF_FALSE_OR_POP, A|OPF_JUMP,            -1)       /* if not TOS: goto arg keeping TOS; else pop it (and / or) */ \
    X(JUMP_IF_TRUE_OR_POP, A|OPF_JUMP,             -1)       /* if TOS: goto arg keeping TOS; else pop it */ \
    X(GET_ITER,            0,                       0)       /* [o] -> [iter(o)] */ \
    X(FOR_ITER,            A|OPF_JUMP,              1)       /* [it] -> [it, next(it)]; when exhausted: [it] -> [] and goto arg. \
                                                                StopIteration from next() = exhausted; other errors propagate */ \
    /* ---- building containers ---------------------------------------------------------------- */ \
    X(BUILD_TUPLE,         A,                   1 - arg)     /* [a1..an] -> [(a1, .., an)] */ \
    X(BUILD_LIST,          A,                   1 - arg)     /* [a1..an] -> [[a1, .., an]] */ \
    X(BUILD_SET,           A,                   1 - arg)     /* [a1..an] -> [{a1, .., an}] */ \
    X(BUILD_MAP,           A,                 1 - 2 * arg)   /* [k1, v1, .. kn, vn] -> [{k1: v1, ..}] (inserted in order) */ \
    X(BUILD_STRING,        A,                   1 - arg)     /* [s1..sn] -> [s1 + .. + sn] (all str; f-strings) */ \
    X(LIST_APPEND,         A,                      -1)       /* pop v, then stack[-arg].append(v) (arg counted after the pop; comprehensions) */ \
    X(SET_ADD,             A,                      -1)       /* pop v, then stack[-arg].add(v) */ \
    X(MAP_ADD,             A,                      -2)       /* pop v, pop k, then stack[-arg][k] = v */ \
    X(LIST_EXTEND,         A,                      -1)       /* [v] popped, then stack[-arg].extend(v) (a list) */ \
    X(SET_UPDATE,          A,                      -1)       /* [v] popped, then stack[-arg].update(v) (a set) */ \
    X(DICT_UPDATE,         A,                      -1)       /* [m] popped, then stack[-arg].update(m) (dict display {**m}) \
                                                                TypeError "'T' object is not a mapping" */ \
    X(DICT_MERGE,          A,                      -1)       /* as DICT_UPDATE for f(**m): TypeError on a duplicate key \
                                                                "f() got multiple values for keyword argument 'k'" */ \
    X(LIST_TO_TUPLE,       0,                       0)       /* [list] -> [tuple(list)] */ \
    X(UNPACK_SEQUENCE,     A,                   arg - 1)     /* [seq] -> [x_n, .., x_1] (x_1 on top); ValueError \
                                                                "not enough values to unpack (expected n, got m)" / "too many values to unpack (expected n)" */ \
    X(UNPACK_EX,           A,        (arg & 0xff) + (arg >> 8))  /* a, *b, c = seq: arg = before | after << 8; pushes after.., list, before.. \
                                                                (first item ends on top) */ \
    /* ---- calls and functions ---------------------------------------------------------------- */ \
    X(CALL_FUNCTION,       A|OPF_CALL,           -arg)       /* [f, a1..an] -> [f(a1..an)] */ \
    X(CALL_FUNCTION_KW,    A|OPF_CALL,         -arg - 1)     /* [f, a1..an, kwnames] -> [f(...)]: arg = n counts positional and keyword \
                                                                values; kwnames a tuple of str naming the last len(kwnames) values \
                                                                (exactly obj.h's CallFn layout) */ \
    X(CALL_FUNCTION_EX,    A|OPF_CALL,      -1 - (arg & 1))  /* [f, args_tuple] or [f, args_tuple, kwargs_dict] (arg & 1) -> [f(*a, **k)] */ \
    X(CALL_METHOD,         A|OPF_CALL,         -arg - 1)     /* [x, y, a1..an] after LOAD_METHOD: if x is NULL, y(a1..an); else x(y, a1..an) */ \
    X(CALL_METHOD_KW,      A|OPF_CALL,         -arg - 2)     /* [x, y, a1..an, kwnames]: like CALL_METHOD with kwnames as CALL_FUNCTION_KW */ \
    X(MAKE_FUNCTION,       A,  -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 3) & 1))) \
                                                             /* [defaults?, kwdefaults?, closure?, code] -> [function]; each present when \
                                                                flag set: 0x01 defaults tuple, 0x02 kwdefaults dict (name -> value), \
                                                                0x08 closure tuple of cells (order = code's co_freevars). \
                                                                Name and qualname come from the code object; __module__ from globals['__name__'] */ \
    X(RETURN_VALUE,        OPF_NOFALL,             -1)       /* [v] -> return v from the frame (the rest of the stack is discarded) */ \
    X(YIELD_VALUE,         0,                       0)       /* [v] -> yield v; on resume push the sent value (None for next()) */ \
    X(GET_YIELD_FROM_ITER, 0,                       0)       /* [o] -> [iter(o)] (a generator is left as is) */ \
    X(YIELD_FROM,          0,                      -1)       /* [it, v] -> send v into it (next if v is None / it is not a generator); if it \
                                                                yields w: yield w from this frame and, on resume, replace v with the sent \
                                                                value and execute YIELD_FROM again (the instruction pointer stays here); \
                                                                if it finishes with StopIteration(r): [it, v] -> [r] */ \
    X(LOAD_BUILD_CLASS,    0,                       1)       /* [] -> [builtins.__build_class__] \
                                                                called as __build_class__(body_function, name, *bases). The body code \
                                                                ends by returning the __class__ cell if it has one (see compile.c), \
                                                                else None; __build_class__ then sets the cell to the new class */ \
    /* ---- exceptions (see the exception table in code.h) ------------------------------------- */ \
    X(RAISE_VARARGS,       A|OPF_NOFALL,         -arg)       /* arg 0: re-raise ts->handled (RuntimeError "No active exception to reraise"); \
                                                                arg 1: [e] raise e; arg 2: [e, cause] raise e from cause. A class is \
                                                                instantiated with no arguments */ \
    X(RERAISE,             OPF_NOFALL,             -1)       /* [e] -> raise e again, adding no traceback entry for this frame */ \
    X(PUSH_EXC_INFO,       0,                       1)       /* [e] -> [prev, e]; prev = ts->handled (None if none); ts->handled = e */ \
    X(POP_EXCEPT,          0,                      -1)       /* [prev] -> []; ts->handled = prev (NULL if prev is None) */ \
    X(CHECK_EXC_MATCH,     0,                       0)       /* [e, t] -> [e, isinstance(e, t)]; t a class or a tuple of classes, else \
                                                                TypeError "catching classes that do not inherit from BaseException is not allowed" */ \
    X(LOAD_ASSERTION_ERROR, 0,                      1)       /* [] -> [AssertionError] (the class) */ \
    X(BEFORE_WITH,         0,                       1)       /* [mgr] -> [bound mgr.__exit__, mgr.__enter__()]; TypeError like CPython 3.11 \
                                                                "'T' object does not support the context manager protocol" */ \
    X(WITH_EXCEPT_START,   0,                       1)       /* [exit, prev, e] -> [exit, prev, e, exit(type(e), e, tb)] (tb: e.__traceback__ \
                                                                or None) */ \
    /* ---- coroutines (PEP 492; runtime/gen.c) ------------------------------------------------- */ \
    X(GET_AWAITABLE,       0,                       0)       /* [o] -> [the iterator `await o` delegates to]: o itself for a coroutine, else \
                                                                o.__await__(); TypeError "object T can't be used in 'await' expression". \
                                                                Followed by LOAD_CONST None; YIELD_FROM */ \
    X(GET_AITER,           0,                       0)       /* [o] -> [o.__aiter__()] (async for) */ \
    X(GET_ANEXT,           0,                       1)       /* [ait] -> [ait, awaitable of ait.__anext__()] */ \
    X(END_ASYNC_FOR,       0,                      -2)       /* handler of an async for's __anext__ await: [ait, e] -> [] when e is a \
                                                                StopAsyncIteration (the loop ends), else raise e again */ \
    X(ASYNC_GEN_WRAP,      0,                       0)       /* [v] -> [v marked as an async generator's own yield] (before YIELD_VALUE \
                                                                in an async generator: what awaits pass through stays unmarked) */ \
    X(BEFORE_ASYNC_WITH,   0,                       1)       /* [mgr] -> [bound mgr.__aexit__, mgr.__aenter__()] (awaited next); TypeError \
                                                                "'T' object does not support the asynchronous context manager protocol" */ \
    /* ---- imports ---------------------------------------------------------------------------- */ \
    X(IMPORT_NAME,         A|OPF_NAME,             -1)       /* [level, fromlist] -> [module]; __import__(name, globals, None, fromlist, level). \
                                                                fromlist None: returns the top package (import a.b binds a) */ \
    X(IMPORT_FROM,         A|OPF_NAME,              1)       /* [m] -> [m, m.name]; ImportError "cannot import name 'x' from 'm' (unknown location)" */ \
    X(IMPORT_STAR,         0,                      -1)       /* [m] -> []; copy m's public names (or __all__) into the locals dict */ \
    /* ---- f-strings and the REPL ------------------------------------------------------------- */ \
    X(FORMAT_VALUE,        A,                -((arg & 4) >> 2))  /* [v] or [v, spec] (arg & 4) -> [format(conv(v), spec)]: arg & 3 = conversion \
                                                                (0 none, 1 !s, 2 !r, 3 !a) */ \
    X(PRINT_EXPR,          0,                      -1)       /* [v] -> []; REPL ("single" mode): if v is not None print repr(v) and set builtins._ */ \
    X(SETUP_ANNOTATIONS,   0,                       0)       /* reserved, never emitted */

/* opcode numbers: OP_NOP, OP_POP_TOP, ... */
enum Opcode {
#define X(name, flags, effect) OP_##name,
    OPCODES(X)
#undef X
    OP__COUNT
};
#undef A

_Static_assert(OP__COUNT <= 256, "opcodes must fit 8 bits");
_Static_assert(OP_BINARY_MATRIX_MULTIPLY - OP_BINARY_ADD == 12, "BINARY_* must follow enum BinOp");
_Static_assert(OP_INPLACE_MATRIX_MULTIPLY - OP_INPLACE_ADD == 12, "INPLACE_* must follow enum BinOp");

/* ---- instruction words ------------------------------------------------------------------------ */
typedef uint32_t Instr;
#define INSTR_OP(w) ((int)((w) & 0xffu))
#define INSTR_ARG(w) ((int)((w) >> 8))
#define INSTR_MAKE(op, arg) ((Instr)(((uint32_t)(arg) << 8) | (uint32_t)(op)))
#define INSTR_ARG_MAX 0xffffff

/* FORMAT_VALUE argument bits */
#define FVC_MASK 3
#define FVC_NONE 0
#define FVC_STR 1
#define FVC_REPR 2
#define FVC_ASCII 3
#define FVS_HAVE_SPEC 4

/* MAKE_FUNCTION flags */
#define MKF_DEFAULTS 0x01
#define MKF_KWDEFAULTS 0x02
#define MKF_CLOSURE 0x08

/* Tables (interp/bytecode/code.c). */
extern const char *const opcode_names[OP__COUNT];
extern const uint16_t opcode_flags[OP__COUNT];
int opcode_stack_effect(int op, int arg);            /* falling through */
int opcode_jump_effect(int op, int arg);             /* when the jump is taken */

#endif
