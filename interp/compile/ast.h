/*
 * interp/compile/ast.h — the syntax tree the parser builds and the compiler walks, and the context
 * (arena, error exit) the three front-end passes share.
 *
 * Nodes live in an arena freed in one go when compile_source returns; objects the parser makes
 * (constants, interned names are borrowed) are held by the context's `objs` list and released
 * with it. Errors anywhere in the front end longjmp to compile_source's exit with either a
 * SyntaxError description (message, line, column) or an exception already set (MemoryError,
 * RecursionError), so no pass checks return codes. Called under the GIL; no shared state.
 */
#ifndef INTERP_AST_H
#define INTERP_AST_H

#include <setjmp.h>
#include "core/obj.h"

typedef struct Node Node;
typedef struct { Node **items; int n, cap; } NodeList;

enum NodeKind {
    /* expressions */
    E_CONST, E_NAME, E_BINOP, E_UNARY, E_BOOLOP, E_COMPARE, E_IFEXP, E_LAMBDA, E_CALL, E_ATTR,
    E_SUBSCR, E_SLICE, E_TUPLE, E_LIST, E_SET, E_DICT, E_STARRED, E_LISTCOMP, E_SETCOMP,
    E_DICTCOMP, E_GENEXP, E_YIELD, E_YIELDFROM, E_AWAIT, E_JOINEDSTR, E_FORMATTED, E_NAMEDEXPR,
    E_KEYWORD,      /* call keyword: v = name (NULL for **), a = value */
    E_COMPFOR,      /* comprehension clause: a = target, b = iter, l1 = ifs; op = 1 for `async for` */
    /* statements */
    S_EXPR, S_ASSIGN, S_AUGASSIGN, S_ANNASSIGN, S_RETURN, S_DEL, S_PASS, S_BREAK, S_CONTINUE,
    S_IF, S_WHILE, S_FOR, S_TRY, S_HANDLER, S_WITH, S_WITHITEM, S_RAISE, S_ASSERT, S_IMPORT,
    S_IMPORTFROM, S_ALIAS, S_GLOBAL, S_NONLOCAL, S_FUNCDEF, S_CLASSDEF, S_ARG, S_MODULE,
};

/* E_UNARY ops */
enum { U_NOT, U_NEG, U_POS, U_INVERT };
/* E_BOOLOP ops */
enum { B_AND, B_OR };
/* E_COMPARE extra ops beyond enum CmpOp (0..5) */
enum { C_IS = 6, C_ISNOT, C_IN, C_NOTIN };
/* name context */
enum { CTX_LOAD, CTX_STORE, CTX_DEL };

typedef struct Args {
    NodeList pos;          /* S_ARG nodes: positional (posonly first); a = default or NULL */
    int nposonly;
    Node *vararg;          /* S_ARG or NULL */
    NodeList kwonly;       /* S_ARG; a = default or NULL */
    Node *kwarg;           /* S_ARG or NULL */
} Args;

struct Scope;

/* One node shape for everything; the comment on each kind in parser.c says which fields it uses:
 *  E_CONST v | E_NAME v op=ctx | E_BINOP a op b (op: enum BinOp) | E_UNARY op a | E_BOOLOP op l1
 *  E_COMPARE a l1 (comparators) ops | E_IFEXP a=test b=body c=orelse | E_LAMBDA args a
 *  E_CALL a l1=args l2=keywords | E_ATTR a v | E_SUBSCR a b | E_SLICE a b c
 *  E_TUPLE/E_LIST/E_SET l1 op=ctx | E_DICT l1=keys (NULL: **) l2=values | E_STARRED a op=ctx
 *  E_*COMP/E_GENEXP a=elt b=value(dict) l1=E_COMPFOR | E_YIELD a? | E_YIELDFROM a | E_AWAIT a
 *  E_JOINEDSTR l1 | E_FORMATTED a op=conversion b=spec(E_JOINEDSTR)? | E_NAMEDEXPR a b
 *  S_EXPR a | S_ASSIGN l1=targets a=value | S_AUGASSIGN a op b | S_ANNASSIGN a b=value? c=ann
 *  S_RETURN a? | S_DEL l1 | S_IF a l1 l2 | S_WHILE a l1 l2 | S_FOR a b l1 l2
 *  S_TRY l1=body l2=handlers l3=orelse l4=finally | S_HANDLER a=type? v=name? l1
 *  S_WITH l1=items l2=body | S_WITHITEM a b? | S_RAISE a? b? | S_ASSERT a b?
 *  S_IMPORT l1=aliases | S_IMPORTFROM v=module? op=level l1 | S_ALIAS v=name w=asname?
 *  S_GLOBAL/S_NONLOCAL l1=E_NAME | S_FUNCDEF v args l1=body l2=decorators
 *  (S_FUNCDEF, S_FOR, S_WITH: op = 1 for the `async` form)
 *  S_CLASSDEF v l1=body l2=decorators l3=bases l4=keywords (E_KEYWORD) | S_ARG v a=default? | S_MODULE l1 */
struct Node {
    uint8_t kind;
    int op;
    int line, col;         /* 1-based line, 0-based byte column */
    Node *a, *b, *c;
    NodeList l1, l2, l3, l4;
    Obj *v, *w;            /* borrowed: interned names or constants held by the context */
    int *ops;              /* E_COMPARE: one op per comparator */
    Args *args;            /* S_FUNCDEF, E_LAMBDA */
    struct Scope *scope;   /* set by the symbol table for scope-making nodes */
};

/* ---- the shared context ---------------------------------------------------------------------- */
/* C stack the front end may use below compile_source's frame before it raises RecursionError
 * ("maximum recursion depth exceeded during compilation"): the platform's compile_stack_budget
 * (interp/port/port.h: 1 MiB host, 10 KiB guest). Guest threads have small stacks (the console
 * thread 64 KiB, Python threads 64 KiB by default), so the guest budget is small: deep nesting
 * then fails cleanly instead of hitting the guard page. A build may fix it (-DFRONT_STACK_BUDGET). */
#ifndef FRONT_STACK_BUDGET
#define FRONT_STACK_BUDGET (port_platform()->compile_stack_budget)
#endif
enum { ERR_NONE, ERR_SYNTAX, ERR_SET };

typedef struct ArenaChunk ArenaChunk;

typedef struct Ctx {
    jmp_buf jb;
    ArenaChunk *chunks;
    Obj **objs;            /* owned references, released at the end */
    int nobjs, capobjs;
    const char *src;       /* the whole source (NUL-terminated copy) */
    size_t len;
    Obj *filename;         /* str */
    int err;               /* ERR_* */
    Type *err_type;        /* SyntaxError, IndentationError, TabError */
    char err_msg[512];
    int err_line, err_col; /* 1-based line, 0-based column (byte) */
    int err_end_col;
    int depth;             /* recursion guard shared by the passes */
    char *stack_top;       /* address of a local in compile_source: stack use is measured from it */
    bool at_eof;           /* the error was found at the end of input (the REPL wants more) */
    bool lex_error;        /* the error came from the tokenizer */
    bool unclosed;         /* the error is "'(' was never closed" */
    StrBuf *bufs[8];       /* string buffers in use, freed if an error longjmps past them */
    int nbufs;
    bool saw_compound;     /* a compound statement was parsed (the REPL waits for a blank line) */
    struct Lexer *lexer;   /* the main lexer while parsing (to finish tokenizing after an error) */
} Ctx;

void *ctx_alloc(Ctx *c, size_t n);                          /* zeroed; longjmps on MemoryError */
void *ctx_grow(Ctx *c, void *p, size_t oldn, size_t newn);   /* arena realloc */
Obj *ctx_keep(Ctx *c, Obj *o);                               /* o is a new ref (NULL: longjmp) */
Obj *ctx_intern(Ctx *c, const char *s, size_t n);            /* an interned str (borrowed) */
Node *node_new(Ctx *c, int kind, int line, int col);
void nl_push(Ctx *c, NodeList *l, Node *n);
void ctx_free(Ctx *c);
StrBuf *ctx_sb_new(Ctx *c);            /* an initialised StrBuf in the arena, freed by ctx_free on error */
void ctx_sb_free(Ctx *c, StrBuf *b);
/* Record a SyntaxError (type NULL = SyntaxError) and longjmp. */
__attribute__((noreturn, format(printf, 5, 6)))
void ctx_error(Ctx *c, Type *type, int line, int col, const char *fmt, ...);
__attribute__((noreturn)) void ctx_fail(Ctx *c);            /* an exception is already set */
void ctx_enter(Ctx *c, int line, int col);                  /* recursion guard */
static inline void ctx_leave(Ctx *c) { c->depth--; }

#endif
