/*
 * interp/compile/compile.c — code generation: syntax tree + scopes -> code objects (see compile.h).
 * The finished unit's instructions become a code object in assemble.c.
 *
 * One Unit per code object being built (module, function, lambda, class body, comprehension).
 * Jumps name labels and are resolved when the unit is assembled (assemble.c); a label already
 * placed when the jump is emitted makes a backward jump (JUMP_BACKWARD / POP_JUMP_BACKWARD_IF_*),
 * the VM's eval-breaker check points. Exception handling uses regions -> the code object's
 * exception table; a region is paused while code that leaves it is emitted (the unwinding done by
 * return/break/continue), which keeps the table innermost-first. The maximum stack depth is
 * computed by flow analysis over the finished instructions, handlers included (assemble.c).
 * Compile-time only: compile_source runs with the GIL held, on its own arena (Ctx); no global state.
 *
 * Layouts emitted (stack shown after each step):
 *   try/except:  body [region -> H] ; else ; JUMP end
 *                H: [exc] PUSH_EXC_INFO [prev, exc] {region -> C}
 *                   per clause: LOAD type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next;
 *                   STORE name | POP_TOP [prev]; body; POP_EXCEPT; (name = None; del name); JUMP end
 *                   no match: RERAISE
 *                C: [prev, exc2] SWAP 2; POP_EXCEPT; RERAISE
 *   try/finally: body [region -> F]; finally body; JUMP end
 *                F: PUSH_EXC_INFO; finally body {region -> C}; RERAISE; C: as above
 *   with:        mgr; BEFORE_WITH [exit, value]; STORE/POP_TOP; body [region -> W, depth keeps exit];
 *                LOAD_CONST None; DUP_TOP; DUP_TOP; CALL_FUNCTION 3; POP_TOP; JUMP end
 *                W: [exit, exc] PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE S; RERAISE
 *                S: POP_TOP; POP_EXCEPT; POP_TOP
 *   while:       test -> POP_JUMP_IF_FALSE else; top: body; test -> POP_JUMP_BACKWARD_IF_TRUE top
 *   for:         iter; GET_ITER; top: FOR_ITER else; store; body; JUMP_BACKWARD top
 *   await e:     e; GET_AWAITABLE; LOAD_CONST None; YIELD_FROM  (written AWAIT below)
 *   async for:   iter; GET_AITER; top: GET_ANEXT; AWAIT [region -> H, depth keeps the iterator]; store;
 *                body; JUMP_BACKWARD top; H: END_ASYNC_FOR; else
 *   async with:  as with, with BEFORE_ASYNC_WITH; AWAIT for __aenter__, and AWAIT after each call of
 *                __aexit__ (WITH_EXCEPT_START's result included)
 */
#include <string.h>
#include <stdio.h>
#include "compile/compile.h"
#include "compile/assemble.h"
#include "bytecode/code.h"
#include "compile/ast.h"
#include "compile/parser.h"
#include "compile/symtable.h"
#include "compile/lexer.h"

#define MAX_FBLOCKS 20

typedef struct Region {
    int start;              /* instruction index where the current segment began */
    int handler;            /* label */
    int ref, adj;           /* depth = stack depth before instruction `ref`, + adj */
    bool active;
} Region;

/* FB_POP_VALUE: a value a `return` left on the stack while the finally bodies it runs on its way
 * out are compiled inline; a `break`/`continue`/`return` inside such a body unwinds it (pops the
 * pending return value) before leaving, as CPython's POP_VALUE block. Without it a `continue` in
 * the finally body of a `return` jumps back to the loop with one more value on the stack each
 * iteration. */
enum { FB_WHILE, FB_FOR, FB_TRY, FB_FINALLY_TRY, FB_FINALLY_END, FB_HANDLER, FB_HANDLER_NAME, FB_WITH,
       FB_POP_VALUE };

typedef struct {
    int kind;
    int cont, brk;          /* loops: labels */
    Region *reg;
    NodeList *fin;          /* FB_FINALLY_TRY: the finally body */
    Obj *name;              /* FB_HANDLER_NAME */
    bool is_async;          /* FB_WITH of an `async with`: __aexit__'s result is awaited */
} Fblock;

/* index maps: value -> position in a unit's consts/names/varnames array (open addressing) */
typedef struct { int *slot; int cap, n; } IdxMap;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    int kind;
    InstrBuf ins;           /* what emit() appends to; assemble.h */
    Obj **consts;
    int nconsts, capconsts;
    Obj **names;
    int nnames, capnames;
    Obj **varnames;
    int nvarnames, capvarnames;
    Obj **cells, **frees;
    int ncells, nfrees;
    IdxMap mconsts, mnames, mvarnames;
    Fblock fb[MAX_FBLOCKS];
    int nfb;
    int line;
    Obj *name, *qualname;
    int argcount, posonly, kwonly, flags, firstline;
} Unit;

typedef struct {
    Ctx *c;
    Unit *u;
    int mode;
    Obj *source, *filename;
    Obj *s_none_name;
} Comp;

static void compile_expr(Comp *k, Node *e);
static void compile_stmts(Comp *k, NodeList *l);
static void compile_stmt(Comp *k, Node *s);
static void compile_store(Comp *k, Node *t);

/* ---- emission ----------------------------------------------------------------------------------- */
#define GROW(arr, n, cap, type) do { \
    if ((n) == (cap)) { int _nc = (cap) ? (cap) * 2 : 16; \
        (arr) = ctx_grow(k->c, (arr), (size_t)(cap) * sizeof(type), (size_t)_nc * sizeof(type)); (cap) = _nc; } } while (0)

static void emit(Comp *k, int op, int arg)
{
    Unit *u = k->u;
    InstrBuf *b = &u->ins;
    if (b->n == b->cap) {
        int nc = b->cap ? b->cap * 2 : 64;
        b->code = ctx_grow(k->c, b->code, (size_t)b->cap * sizeof(Instr), (size_t)nc * sizeof(Instr));
        b->ilines = ctx_grow(k->c, b->ilines, (size_t)b->cap * sizeof(int), (size_t)nc * sizeof(int));
        b->cap = nc;
    }
    if (arg < 0 || arg > INSTR_ARG_MAX) ctx_error(k->c, NULL, u->line, 0, "too many constants, names or jumps in one code object");
    b->code[b->n] = INSTR_MAKE(op, arg);
    b->ilines[b->n] = u->line;
    b->n++;
}

static int new_label(Comp *k)
{
    InstrBuf *b = &k->u->ins;
    GROW(b->labels, b->nlabels, b->caplabels, int);
    b->labels[b->nlabels] = -1;
    return b->nlabels++;
}

static void place(Comp *k, int label) { k->u->ins.labels[label] = k->u->ins.n; }

static void emit_jump(Comp *k, int op, int label)
{
    int pos = k->u->ins.labels[label];
    if (pos >= 0) {                                /* already placed: backward */
        if (op == OP_JUMP_FORWARD) op = OP_JUMP_BACKWARD;
        else if (op == OP_POP_JUMP_IF_FALSE) op = OP_POP_JUMP_BACKWARD_IF_FALSE;
        else if (op == OP_POP_JUMP_IF_TRUE) op = OP_POP_JUMP_BACKWARD_IF_TRUE;
    }
    emit(k, op, label);
}

static bool const_same(Obj *a, Obj *b)
{
    if (a == b) return true;
    if (TYPE(a) != TYPE(b) || IS_SMALL(a) || IS_SMALL(b)) return false;
    Type *t = TYPE(a);
    if (t == &str_type || t == &bytes_type || t == &int_type) {
        int r = obj_eq(a, b);
        if (r < 0) { exc_clear(); return false; }
        return r == 1;
    }
    if (t == &float_type) {
        double x = float_val(a), y = float_val(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == &tuple_type) {
        if (TUPLE_LEN(a) != TUPLE_LEN(b)) return false;
        for (intptr_t i = 0; i < TUPLE_LEN(a); i++)
            if (!const_same(TUPLE_ITEMS(a)[i], TUPLE_ITEMS(b)[i])) return false;
        return true;
    }
    return false;
}

static unsigned const_hash(Obj *v)
{
    if (IS_SMALL(v)) return (unsigned)SMALL_VAL(v) * 2654435761u;
    Type *t = TYPE(v);
    if (t == &str_type || t == &bytes_type) {
        const char *p = t == &str_type ? str_data(v) : ((BytesObj *)v)->data;
        size_t n = t == &str_type ? str_nbytes(v) : (size_t)((BytesObj *)v)->len;
        unsigned h = 2166136261u;
        for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
        return h ^ (t == &bytes_type);
    }
    if (t == &float_type) {
        double d = float_val(v);
        uint64_t b;
        memcpy(&b, &d, sizeof b);
        return (unsigned)(b ^ (b >> 29)) * 2654435761u;
    }
    if (t == &tuple_type) {
        unsigned h = 7;
        for (intptr_t i = 0; i < TUPLE_LEN(v); i++) h = h * 31 + const_hash(TUPLE_ITEMS(v)[i]);
        return h;
    }
    return (unsigned)((uintptr_t)t >> 4);       /* big ints, None, ...: equal ones collide, fine */
}

static unsigned ptr_hash(Obj *v) { return (unsigned)(((uintptr_t)v >> 4) * 2654435761u); }

/* Find v in arr through map m (by hash/equality); -1 if absent. */
static int idx_find(IdxMap *m, Obj **arr, Obj *v, unsigned h, bool bycontent)
{
    if (!m->cap) return -1;
    unsigned mask = (unsigned)m->cap - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        int s = m->slot[i];
        if (s < 0) return -1;
        if (bycontent ? const_same(arr[s], v) : arr[s] == v) return s;
    }
}

static void idx_insert(Comp *k, IdxMap *m, Obj **arr, int pos, unsigned (*hf)(Obj *))
{
    if ((m->n + 1) * 2 > m->cap) {
        /* The rehash below re-inserts every entry before pos, including the code objects
         * add_const never mapped, so size the table by pos, not by m->n. */
        int cap = m->cap ? m->cap * 2 : 32;
        while ((pos + 1) * 2 > cap) cap *= 2;
        m->slot = ctx_alloc(k->c, (size_t)cap * sizeof(int));
        m->cap = cap;
        m->n = 0;
        for (int i = 0; i < cap; i++) m->slot[i] = -1;
        for (int j = 0; j < pos; j++) {
            unsigned mask = (unsigned)cap - 1, i = hf(arr[j]) & mask;
            while (m->slot[i] >= 0) i = (i + 1) & mask;
            m->slot[i] = j;
            m->n++;
        }
    }
    unsigned mask = (unsigned)m->cap - 1, i = hf(arr[pos]) & mask;
    while (m->slot[i] >= 0) i = (i + 1) & mask;
    m->slot[i] = pos;
    m->n++;
}

static int add_const(Comp *k, Obj *v)
{
    Unit *u = k->u;
    bool code = obj_is(v, &code_type);
    if (!code) {
        int i = idx_find(&u->mconsts, u->consts, v, const_hash(v), true);
        if (i >= 0) return i;
    }
    GROW(u->consts, u->nconsts, u->capconsts, Obj *);
    u->consts[u->nconsts] = v;
    if (!code) idx_insert(k, &u->mconsts, u->consts, u->nconsts, const_hash);
    return u->nconsts++;
}

static void load_const(Comp *k, Obj *v) { emit(k, OP_LOAD_CONST, add_const(k, v)); }

static int add_name(Comp *k, Obj *name)
{
    Unit *u = k->u;
    int i = idx_find(&u->mnames, u->names, name, ptr_hash(name), false);
    if (i >= 0) return i;
    GROW(u->names, u->nnames, u->capnames, Obj *);
    u->names[u->nnames] = name;
    idx_insert(k, &u->mnames, u->names, u->nnames, ptr_hash);
    return u->nnames++;
}

static int add_varname(Comp *k, Obj *name)
{
    Unit *u = k->u;
    int i = idx_find(&u->mvarnames, u->varnames, name, ptr_hash(name), false);
    if (i >= 0) return i;
    GROW(u->varnames, u->nvarnames, u->capvarnames, Obj *);
    u->varnames[u->nvarnames] = name;
    idx_insert(k, &u->mvarnames, u->varnames, u->nvarnames, ptr_hash);
    return u->nvarnames++;
}

static int cell_index(Unit *u, Obj *name)
{
    for (int i = 0; i < u->ncells; i++) if (u->cells[i] == name) return i;
    for (int i = 0; i < u->nfrees; i++) if (u->frees[i] == name) return u->ncells + i;
    return -1;
}

static Obj *intern(Comp *k, const char *s) { return ctx_intern(k->c, s, strlen(s)); }

/* ---- regions (exception table) ------------------------------------------------------------------ */
static void region_begin(Comp *k, Region *r, int handler, int ref, int adj)
{
    r->start = k->u->ins.n;
    r->handler = handler;
    r->ref = ref;
    r->adj = adj;
    r->active = true;
}

static void region_pause(Comp *k, Region *r)
{
    Unit *u = k->u;
    if (!r->active) return;
    r->active = false;
    if (u->ins.n <= r->start) return;
    GROW(u->ins.exc, u->ins.nexc, u->ins.capexc, ExcRec);
    u->ins.exc[u->ins.nexc++] = (ExcRec){r->start, u->ins.n, r->handler, r->ref, r->adj};
}

static void region_resume(Comp *k, Region *r)
{
    if (r->active) return;
    r->active = true;
    r->start = k->u->ins.n;
}

/* [o] -> [result of await o] */
static void emit_await(Comp *k)
{
    emit(k, OP_GET_AWAITABLE, 0);
    load_const(k, None);
    emit(k, OP_YIELD_FROM, 0);
}

static Fblock *push_fb(Comp *k, int kind, Node *at)
{
    Unit *u = k->u;
    if (u->nfb >= MAX_FBLOCKS) ctx_error(k->c, NULL, at->line, at->col, "too many statically nested blocks");
    Fblock *f = &u->fb[u->nfb++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    return f;
}

static void pop_fb(Comp *k) { k->u->nfb--; }

/* ---- names ---------------------------------------------------------------------------------------- */
static void compile_name(Comp *k, Obj *name, int ctx)
{
    Unit *u = k->u;
    Sym *y = scope_lookup(u->scope, name);
    int sc = y ? y->scope : SYM_GLOBAL_IMPLICIT;
    enum { FAST, DEREF, GLOBAL, NAME, CLASSDEREF } how;
    switch (u->kind) {
    case SC_FUNCTION: case SC_COMP:
        how = sc == SYM_LOCAL ? FAST : (sc == SYM_CELL || sc == SYM_FREE) ? DEREF : GLOBAL;
        break;
    case SC_CLASS:
        /* free in the class body: a name only read there, or declared nonlocal (then stores go
         * to the enclosing function's cell too, as CPython) */
        how = sc == SYM_GLOBAL_EXPLICIT ? GLOBAL :
              (sc == SYM_FREE && (!(y->flags & DEF_LOCAL) || (y->flags & DEF_NONLOCAL))) ?
              (ctx == CTX_LOAD ? CLASSDEREF : DEREF) : NAME;
        break;
    default:
        how = sc == SYM_GLOBAL_EXPLICIT ? GLOBAL : NAME;
        break;
    }
    static const int ops[5][3] = {
        {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
        {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
        {OP_LOAD_CLASSDEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
    };
    int op = ops[how][ctx];
    int arg;
    if (how == FAST) arg = add_varname(k, name);
    else if (how == DEREF || how == CLASSDEREF) arg = cell_index(u, name);
    else arg = add_name(k, name);
    if (arg < 0) arg = add_name(k, name), op = ops[NAME][ctx];
    emit(k, op, arg);
}

/* ---- expressions ---------------------------------------------------------------------------------- */
static bool is_const(Node *e) { return e->kind == E_CONST; }

static void compile_cmpop(Comp *k, int op)
{
    switch (op) {
    case C_IS: emit(k, OP_IS_OP, 0); break;
    case C_ISNOT: emit(k, OP_IS_OP, 1); break;
    case C_IN: emit(k, OP_CONTAINS_OP, 0); break;
    case C_NOTIN: emit(k, OP_CONTAINS_OP, 1); break;
    default: emit(k, OP_COMPARE_OP, op); break;
    }
}

static void compile_compare(Comp *k, Node *e)
{
    compile_expr(k, e->a);
    int n = e->l1.n;
    if (n == 1) {
        compile_expr(k, e->l1.items[0]);
        compile_cmpop(k, e->ops[0]);
        return;
    }
    int cleanup = new_label(k), end = new_label(k);
    for (int i = 0; i < n - 1; i++) {
        compile_expr(k, e->l1.items[i]);
        emit(k, OP_DUP_TOP, 0);
        emit(k, OP_ROT_THREE, 0);
        compile_cmpop(k, e->ops[i]);
        emit_jump(k, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    compile_expr(k, e->l1.items[n - 1]);
    compile_cmpop(k, e->ops[n - 1]);
    emit_jump(k, OP_JUMP_FORWARD, end);
    place(k, cleanup);
    emit(k, OP_ROT_TWO, 0);
    emit(k, OP_POP_TOP, 0);
    place(k, end);
}

/* Jump to label when truth(e) == cond; fall through otherwise. */
static void jump_if(Comp *k, Node *e, bool cond, int label)
{
    if (e->kind == E_UNARY && e->op == U_NOT) {
        ctx_enter(k->c, e->line, e->col);
        jump_if(k, e->a, !cond, label);
        ctx_leave(k->c);
        return;
    }
    if (e->kind == E_BOOLOP) {
        bool is_and = e->op == B_AND;
        int n = e->l1.n;
        if (is_and != cond) {
            /* and/false or or/true: any operand decides */
            for (int i = 0; i < n; i++) jump_if(k, e->l1.items[i], cond, label);
        } else {
            int skip = new_label(k);
            for (int i = 0; i < n - 1; i++) jump_if(k, e->l1.items[i], !cond, skip);
            jump_if(k, e->l1.items[n - 1], cond, label);
            place(k, skip);
        }
        return;
    }
    compile_expr(k, e);
    emit_jump(k, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static bool has_starred(NodeList *l)
{
    for (int i = 0; i < l->n; i++) if (l->items[i] && l->items[i]->kind == E_STARRED) return true;
    return false;
}

static bool all_const(NodeList *l)
{
    for (int i = 0; i < l->n; i++) if (!is_const(l->items[i])) return false;
    return true;
}

static Obj *const_tuple(Comp *k, NodeList *l)
{
    Obj *t = tuple_new(l->n);
    if (!t) ctx_fail(k->c);
    for (int i = 0; i < l->n; i++) TUPLE_ITEMS(t)[i] = NEWREF(l->items[i]->v);
    return ctx_keep(k->c, t);
}

/* A sequence display: BUILD_op of the items, or, with starred items, a list built piecewise
 * (then LIST_TO_TUPLE for a tuple, or a set built with SET_UPDATE). */
static void compile_sequence(Comp *k, NodeList *l, int kind)
{
    if (!has_starred(l)) {
        if (kind == E_TUPLE && l->n > 0 && all_const(l)) {
            load_const(k, const_tuple(k, l));
            return;
        }
        for (int i = 0; i < l->n; i++) compile_expr(k, l->items[i]);
        emit(k, kind == E_TUPLE ? OP_BUILD_TUPLE : kind == E_LIST ? OP_BUILD_LIST : OP_BUILD_SET, l->n);
        return;
    }
    bool set = kind == E_SET;
    int i = 0;
    while (i < l->n && l->items[i]->kind != E_STARRED) compile_expr(k, l->items[i++]);
    emit(k, set ? OP_BUILD_SET : OP_BUILD_LIST, i);
    for (; i < l->n; i++) {
        Node *e = l->items[i];
        if (e->kind == E_STARRED) {
            compile_expr(k, e->a);
            emit(k, set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            compile_expr(k, e);
            emit(k, set ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == E_TUPLE) emit(k, OP_LIST_TO_TUPLE, 0);
}

static void compile_dict(Comp *k, Node *e)
{
    int pending = 0;
    bool have = false;
    for (int i = 0; i < e->l1.n; i++) {
        Node *key = e->l1.items[i];
        if (!key) {
            if (!have || pending) {
                emit(k, OP_BUILD_MAP, pending);
                if (have) emit(k, OP_DICT_UPDATE, 1);
                have = true;
                pending = 0;
            }
            compile_expr(k, e->l2.items[i]);
            emit(k, OP_DICT_UPDATE, 1);
            continue;
        }
        compile_expr(k, key);
        compile_expr(k, e->l2.items[i]);
        pending++;
    }
    if (!have || pending) {
        emit(k, OP_BUILD_MAP, pending);
        if (have) emit(k, OP_DICT_UPDATE, 1);
    }
}

static Obj *kwnames_tuple(Comp *k, NodeList *kws)
{
    Obj *t = tuple_new(kws->n);
    if (!t) ctx_fail(k->c);
    for (int i = 0; i < kws->n; i++) TUPLE_ITEMS(t)[i] = NEWREF(kws->items[i]->v);
    return ctx_keep(k->c, t);
}

static void compile_call(Comp *k, Node *e)
{
    bool star = has_starred(&e->l1);
    for (int i = 0; i < e->l2.n; i++) if (!e->l2.items[i]->v) star = true;
    int nargs = e->l1.n, nkw = e->l2.n;
    if (!star && e->a->kind == E_ATTR) {
        compile_expr(k, e->a->a);
        int save = k->u->line;
        k->u->line = e->a->line;
        emit(k, OP_LOAD_METHOD, add_name(k, e->a->v));
        k->u->line = save;
        for (int i = 0; i < nargs; i++) compile_expr(k, e->l1.items[i]);
        for (int i = 0; i < nkw; i++) compile_expr(k, e->l2.items[i]->a);
        k->u->line = e->line;
        if (nkw) {
            load_const(k, kwnames_tuple(k, &e->l2));
            emit(k, OP_CALL_METHOD_KW, nargs + nkw);
        } else {
            emit(k, OP_CALL_METHOD, nargs);
        }
        return;
    }
    compile_expr(k, e->a);
    if (!star) {
        for (int i = 0; i < nargs; i++) compile_expr(k, e->l1.items[i]);
        for (int i = 0; i < nkw; i++) compile_expr(k, e->l2.items[i]->a);
        k->u->line = e->line;
        if (nkw) {
            load_const(k, kwnames_tuple(k, &e->l2));
            emit(k, OP_CALL_FUNCTION_KW, nargs + nkw);
        } else {
            emit(k, OP_CALL_FUNCTION, nargs);
        }
        return;
    }
    compile_sequence(k, &e->l1, E_TUPLE);
    int flags = 0;
    if (nkw) {
        flags = 1;
        emit(k, OP_BUILD_MAP, 0);
        int i = 0;
        while (i < nkw) {
            Node *kw = e->l2.items[i];
            if (!kw->v) {
                compile_expr(k, kw->a);
                emit(k, OP_DICT_MERGE, 1);
                i++;
                continue;
            }
            int n = 0;
            while (i < nkw && e->l2.items[i]->v) {
                load_const(k, e->l2.items[i]->v);
                compile_expr(k, e->l2.items[i]->a);
                i++, n++;
            }
            emit(k, OP_BUILD_MAP, n);
            emit(k, OP_DICT_MERGE, 1);
        }
    }
    k->u->line = e->line;
    emit(k, OP_CALL_FUNCTION_EX, flags);
}

static Obj *make_qualname(Comp *k, Obj *name)
{
    Unit *p = k->u;
    if (!p || p->kind == SC_MODULE) return name;
    Sym *y = scope_lookup(p->scope, name);
    if (y && y->scope == SYM_GLOBAL_EXPLICIT) return name;
    const char *pq = str_data(p->qualname);
    const char *sep = (p->kind == SC_FUNCTION || p->kind == SC_COMP) ? ".<locals>." : ".";
    Obj *q = str_fmt("%s%s%s", pq, sep, str_data(name));
    return ctx_keep(k->c, q);
}

static void unit_enter(Comp *k, Unit *u, Scope *s, int kind, Obj *name, int line)
{
    u->scope = s;
    u->kind = kind;
    u->name = name;
    u->qualname = kind == SC_MODULE ? name : make_qualname(k, name);
    u->line = line;
    u->firstline = line;
    u->parent = k->u;
    k->u = u;
    /* cells and frees, in symbol order */
    for (int pass = 0; pass < 2; pass++) {
        int n = 0;
        for (int i = 0; i < s->nsyms; i++) {
            Sym *y = &s->syms[i];
            bool cell = y->scope == SYM_CELL;
            bool fr = y->scope == SYM_FREE || (y->flags & DEF_FREE_CLASS);
            if (pass == 0 && cell) n++;
            if (pass == 1 && fr) n++;
        }
        if (pass == 0 && kind == SC_CLASS && s->needs_class_cell) n++;
        Obj **arr = n ? ctx_alloc(k->c, (size_t)n * sizeof(Obj *)) : NULL;
        int j = 0;
        for (int i = 0; i < s->nsyms; i++) {
            Sym *y = &s->syms[i];
            bool cell = y->scope == SYM_CELL;
            bool fr = y->scope == SYM_FREE || (y->flags & DEF_FREE_CLASS);
            if ((pass == 0 && cell) || (pass == 1 && fr)) arr[j++] = y->name;
        }
        if (pass == 0 && kind == SC_CLASS && s->needs_class_cell) arr[j++] = intern(k, "__class__");
        if (pass == 0) u->cells = arr, u->ncells = n;
        else u->frees = arr, u->nfrees = n;
    }
}

static Obj *unit_assemble(Comp *k);

static Obj *unit_leave(Comp *k)
{
    Obj *code = unit_assemble(k);
    k->u = k->u->parent;
    return ctx_keep(k->c, code);
}

/* Push the closure tuple for a child code object (if it has free variables); returns MKF flag. */
static int load_closure(Comp *k, Obj *code)
{
    CodeObj *co = CODE(code);
    if (co->nfrees == 0) return 0;
    for (int i = 0; i < co->nfrees; i++) {
        Obj *name = TUPLE_ITEMS(co->freevars)[i];
        int idx = cell_index(k->u, name);
        if (idx < 0) ctx_error(k->c, NULL, k->u->line, 0, "internal compiler error: no cell for '%s'", str_data(name));
        emit(k, OP_LOAD_CLOSURE, idx);
    }
    emit(k, OP_BUILD_TUPLE, co->nfrees);
    return MKF_CLOSURE;
}

static void param_prologue(Comp *k, Args *a)
{
    Unit *u = k->u;
    /* parameters in CPython's order */
    for (int i = 0; i < a->pos.n; i++) add_varname(k, a->pos.items[i]->v);
    for (int i = 0; i < a->kwonly.n; i++) add_varname(k, a->kwonly.items[i]->v);
    if (a->vararg) add_varname(k, a->vararg->v), u->flags |= CO_VARARGS;
    if (a->kwarg) add_varname(k, a->kwarg->v), u->flags |= CO_VARKEYWORDS;
    u->argcount = a->pos.n;
    u->posonly = a->nposonly;
    u->kwonly = a->kwonly.n;
    int nparams = u->nvarnames;
    for (int i = 0; i < u->scope->nsyms; i++) {
        Sym *y = &u->scope->syms[i];
        if (y->scope == SYM_LOCAL) add_varname(k, y->name);
    }
    for (int i = 0; i < nparams; i++) {
        int c = cell_index(u, u->varnames[i]);
        if (c >= 0 && c < u->ncells) {
            emit(k, OP_LOAD_FAST, i);
            emit(k, OP_STORE_DEREF, c);
        }
    }
}

static bool is_docstring(Node *s) { return s->kind == S_EXPR && s->a->kind == E_CONST && obj_is(s->a->v, &str_type); }

static void compile_function(Comp *k, Node *n)
{
    bool lambda = n->kind == E_LAMBDA;
    Args *a = n->args;
    int flags = 0;
    if (!lambda) for (int i = 0; i < n->l2.n; i++) compile_expr(k, n->l2.items[i]);
    /* defaults */
    NodeList defs = {0};
    for (int i = 0; i < a->pos.n; i++) if (a->pos.items[i]->a) nl_push(k->c, &defs, a->pos.items[i]->a);
    if (defs.n) {
        compile_sequence(k, &defs, E_TUPLE);
        flags |= MKF_DEFAULTS;
    }
    int nkwd = 0;
    for (int i = 0; i < a->kwonly.n; i++) {
        Node *p = a->kwonly.items[i];
        if (!p->a) continue;
        load_const(k, p->v);
        compile_expr(k, p->a);
        nkwd++;
    }
    if (nkwd) {
        emit(k, OP_BUILD_MAP, nkwd);
        flags |= MKF_KWDEFAULTS;
    }
    Unit u;
    memset(&u, 0, sizeof u);
    Obj *name = lambda ? intern(k, "<lambda>") : n->v;
    unit_enter(k, &u, n->scope, SC_FUNCTION, name, n->line);
    u.flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if (n->scope->nested) u.flags |= CO_NESTED;
    if (n->scope->generator) u.flags |= CO_GENERATOR;
    if (n->scope->coroutine)
        u.flags |= CO_GENERATOR | (n->scope->generator ? CO_ASYNC_GENERATOR : CO_COROUTINE);
    /* co_consts[0]: the docstring, or None (CPython's convention; the runtime sets __doc__) */
    if (!lambda && n->l1.n && is_docstring(n->l1.items[0])) add_const(k, n->l1.items[0]->a->v);
    else add_const(k, None);
    param_prologue(k, a);
    if (lambda) {
        compile_expr(k, n->a);
        emit(k, OP_RETURN_VALUE, 0);
    } else {
        NodeList *body = &n->l1;
        compile_stmts(k, body);
        Node *last = body->n ? body->items[body->n - 1] : NULL;
        if (!last || last->kind != S_RETURN) {
            if (last) k->u->line = last->line;
            load_const(k, None);
            emit(k, OP_RETURN_VALUE, 0);
        }
    }
    Obj *code = unit_leave(k);
    k->u->line = n->line;
    flags |= load_closure(k, code);
    load_const(k, code);
    emit(k, OP_MAKE_FUNCTION, flags);
    if (!lambda) {
        for (int i = 0; i < n->l2.n; i++) emit(k, OP_CALL_FUNCTION, 1);
        compile_name(k, n->v, CTX_STORE);
    }
}

/* Does a class body or module have `name: annotation` statements (outside nested functions
 * and classes)? Then it starts with __annotations__ = {} (CPython's SETUP_ANNOTATIONS). */
static bool has_annotations(NodeList *l)
{
    for (int i = 0; i < l->n; i++) {
        Node *s = l->items[i];
        if (!s) continue;
        if (s->kind == S_ANNASSIGN && s->a && s->a->kind == E_NAME) return true;
        if (s->kind == S_FUNCDEF || s->kind == S_CLASSDEF) continue;
        if (has_annotations(&s->l1) || has_annotations(&s->l2) || has_annotations(&s->l3) ||
            has_annotations(&s->l4))
            return true;
    }
    return false;
}

static void setup_annotations(Comp *k, NodeList *body)
{
    if (!has_annotations(body)) return;
    emit(k, OP_BUILD_MAP, 0);
    emit(k, OP_STORE_NAME, add_name(k, intern(k, "__annotations__")));
}

static void compile_class(Comp *k, Node *n)
{
    for (int i = 0; i < n->l2.n; i++) compile_expr(k, n->l2.items[i]);
    emit(k, OP_LOAD_BUILD_CLASS, 0);
    Unit u;
    memset(&u, 0, sizeof u);
    unit_enter(k, &u, n->scope, SC_CLASS, n->v, n->line);
    compile_name(k, intern(k, "__name__"), CTX_LOAD);
    emit(k, OP_STORE_NAME, add_name(k, intern(k, "__module__")));
    load_const(k, u.qualname);
    emit(k, OP_STORE_NAME, add_name(k, intern(k, "__qualname__")));
    if (n->l1.n && is_docstring(n->l1.items[0])) {
        load_const(k, n->l1.items[0]->a->v);
        emit(k, OP_STORE_NAME, add_name(k, intern(k, "__doc__")));
    }
    setup_annotations(k, &n->l1);
    compile_stmts(k, &n->l1);
    if (n->scope->needs_class_cell) {
        emit(k, OP_LOAD_CLOSURE, cell_index(k->u, intern(k, "__class__")));
        emit(k, OP_DUP_TOP, 0);
        emit(k, OP_STORE_NAME, add_name(k, intern(k, "__classcell__")));
    } else {
        load_const(k, None);
    }
    emit(k, OP_RETURN_VALUE, 0);
    Obj *code = unit_leave(k);
    k->u->line = n->line;
    int flags = load_closure(k, code);
    load_const(k, code);
    emit(k, OP_MAKE_FUNCTION, flags);
    load_const(k, n->v);
    for (int i = 0; i < n->l3.n; i++) compile_expr(k, n->l3.items[i]);
    if (n->l4.n) {
        for (int i = 0; i < n->l4.n; i++) compile_expr(k, n->l4.items[i]->a);
        load_const(k, kwnames_tuple(k, &n->l4));
        emit(k, OP_CALL_FUNCTION_KW, 2 + n->l3.n + n->l4.n);
    } else {
        emit(k, OP_CALL_FUNCTION, 2 + n->l3.n);
    }
    for (int i = 0; i < n->l2.n; i++) emit(k, OP_CALL_FUNCTION, 1);
    compile_name(k, n->v, CTX_STORE);
}

static void comp_loop(Comp *k, Node *e, int gi)
{
    Node *g = e->l1.items[gi];
    int top = new_label(k), end = new_label(k), h = new_label(k);
    bool aw = g->op == 1;
    if (gi == 0) {
        emit(k, OP_LOAD_FAST, add_varname(k, intern(k, ".0")));
    } else {
        compile_expr(k, g->b);
        emit(k, aw ? OP_GET_AITER : OP_GET_ITER, 0);
    }
    place(k, top);
    if (aw) {                      /* as compile_async_for */
        Region r;
        region_begin(k, &r, h, k->u->ins.n, 0);
        emit(k, OP_GET_ANEXT, 0);
        emit_await(k);
        region_pause(k, &r);
    } else {
        emit_jump(k, OP_FOR_ITER, end);
    }
    compile_store(k, g->a);
    for (int i = 0; i < g->l1.n; i++) jump_if(k, g->l1.items[i], false, top);
    if (gi + 1 < e->l1.n) {
        ctx_enter(k->c, g->line, g->col);
        comp_loop(k, e, gi + 1);
        ctx_leave(k->c);
    } else {
        int depth = e->l1.n + 1;
        switch (e->kind) {
        case E_GENEXP:
            compile_expr(k, e->a);
            if (e->scope->coroutine) emit(k, OP_ASYNC_GEN_WRAP, 0);
            emit(k, OP_YIELD_VALUE, 0);
            emit(k, OP_POP_TOP, 0);
            break;
        case E_LISTCOMP: compile_expr(k, e->a); emit(k, OP_LIST_APPEND, depth); break;
        case E_SETCOMP: compile_expr(k, e->a); emit(k, OP_SET_ADD, depth); break;
        default:
            compile_expr(k, e->a);
            compile_expr(k, e->b);
            emit(k, OP_MAP_ADD, depth);
            break;
        }
    }
    emit_jump(k, OP_JUMP_FORWARD, top);
    if (aw) {
        place(k, h);
        emit(k, OP_END_ASYNC_FOR, 0);
    }
    place(k, end);
}

static void compile_comprehension(Comp *k, Node *e)
{
    Unit u;
    memset(&u, 0, sizeof u);
    unit_enter(k, &u, e->scope, SC_COMP, e->scope->name, e->line);
    u.flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if (e->scope->nested) u.flags |= CO_NESTED;
    if (e->kind == E_GENEXP) u.flags |= CO_GENERATOR;
    if (e->scope->coroutine)
        u.flags |= CO_GENERATOR | (e->kind == E_GENEXP ? CO_ASYNC_GENERATOR : CO_COROUTINE);
    add_varname(k, intern(k, ".0"));
    u.argcount = 1;
    for (int i = 0; i < e->scope->nsyms; i++)
        if (e->scope->syms[i].scope == SYM_LOCAL) add_varname(k, e->scope->syms[i].name);
    switch (e->kind) {
    case E_LISTCOMP: emit(k, OP_BUILD_LIST, 0); break;
    case E_SETCOMP: emit(k, OP_BUILD_SET, 0); break;
    case E_DICTCOMP: emit(k, OP_BUILD_MAP, 0); break;
    default: break;
    }
    comp_loop(k, e, 0);
    if (e->kind == E_GENEXP) load_const(k, None);
    emit(k, OP_RETURN_VALUE, 0);
    Obj *code = unit_leave(k);
    k->u->line = e->line;
    int flags = load_closure(k, code);
    load_const(k, code);
    emit(k, OP_MAKE_FUNCTION, flags);
    compile_expr(k, e->l1.items[0]->b);
    emit(k, e->l1.items[0]->op == 1 ? OP_GET_AITER : OP_GET_ITER, 0);
    emit(k, OP_CALL_FUNCTION, 1);
    if (e->scope->coroutine && e->kind != E_GENEXP) emit_await(k);
}

static void compile_joined(Comp *k, Node *e)
{
    int n = 0;
    for (int i = 0; i < e->l1.n; i++, n++) compile_expr(k, e->l1.items[i]);
    if (n == 1 && e->l1.items[0]->kind == E_FORMATTED) return;
    if (n == 0) {
        load_const(k, ctx_keep(k->c, str_new("", 0)));
        return;
    }
    emit(k, OP_BUILD_STRING, n);
}

static void compile_expr(Comp *k, Node *e)
{
    ctx_enter(k->c, e->line, e->col);
    Unit *u = k->u;
    int saved_line = u->line;
    u->line = e->line;
    switch (e->kind) {
    case E_CONST: load_const(k, e->v); break;
    case E_NAME: compile_name(k, e->v, CTX_LOAD); break;
    case E_BINOP:
        compile_expr(k, e->a);
        compile_expr(k, e->b);
        u->line = e->line;
        emit(k, OP_BINARY_ADD + e->op, 0);
        break;
    case E_UNARY: {
        compile_expr(k, e->a);
        static const int uops[] = {OP_UNARY_NOT, OP_UNARY_NEGATIVE, OP_UNARY_POSITIVE, OP_UNARY_INVERT};
        emit(k, uops[e->op], 0);
        break;
    }
    case E_BOOLOP: {
        int end = new_label(k);
        for (int i = 0; i < e->l1.n; i++) {
            compile_expr(k, e->l1.items[i]);
            if (i + 1 < e->l1.n) emit_jump(k, e->op == B_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        place(k, end);
        break;
    }
    case E_COMPARE: compile_compare(k, e); break;
    case E_IFEXP: {
        int orelse = new_label(k), end = new_label(k);
        jump_if(k, e->a, false, orelse);
        compile_expr(k, e->b);
        emit_jump(k, OP_JUMP_FORWARD, end);
        place(k, orelse);
        compile_expr(k, e->c);
        place(k, end);
        break;
    }
    case E_LAMBDA: compile_function(k, e); break;
    case E_CALL: compile_call(k, e); break;
    case E_ATTR:
        compile_expr(k, e->a);
        u->line = e->line;
        emit(k, OP_LOAD_ATTR, add_name(k, e->v));
        break;
    case E_SUBSCR:
        compile_expr(k, e->a);
        compile_expr(k, e->b);
        u->line = e->line;
        emit(k, OP_BINARY_SUBSCR, 0);
        break;
    case E_SLICE:
        if (e->a) compile_expr(k, e->a); else load_const(k, None);
        if (e->b) compile_expr(k, e->b); else load_const(k, None);
        if (e->c) compile_expr(k, e->c);
        emit(k, OP_BUILD_SLICE, e->c ? 3 : 2);
        break;
    case E_TUPLE: case E_LIST: case E_SET: compile_sequence(k, &e->l1, e->kind); break;
    case E_DICT: compile_dict(k, e); break;
    case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENEXP: compile_comprehension(k, e); break;
    case E_YIELD:
        if (e->a) compile_expr(k, e->a); else load_const(k, None);
        if (k->u->scope->coroutine) emit(k, OP_ASYNC_GEN_WRAP, 0);
        emit(k, OP_YIELD_VALUE, 0);
        break;
    case E_YIELDFROM:
        compile_expr(k, e->a);
        emit(k, OP_GET_YIELD_FROM_ITER, 0);
        load_const(k, None);
        emit(k, OP_YIELD_FROM, 0);
        break;
    case E_AWAIT:
        compile_expr(k, e->a);
        emit_await(k);
        break;
    case E_JOINEDSTR: compile_joined(k, e); break;
    case E_FORMATTED: {
        compile_expr(k, e->a);
        int arg = e->op;
        if (e->b) {
            compile_joined(k, e->b);
            arg |= FVS_HAVE_SPEC;
        }
        emit(k, OP_FORMAT_VALUE, arg);
        break;
    }
    case E_NAMEDEXPR:
        compile_expr(k, e->b);
        emit(k, OP_DUP_TOP, 0);
        compile_store(k, e->a);
        break;
    case E_STARRED:
        ctx_error(k->c, NULL, e->line, e->col, "can't use starred expression here");
    default:
        ctx_error(k->c, NULL, e->line, e->col, "invalid syntax");
    }
    u->line = saved_line;
    ctx_leave(k->c);
}

/* ---- targets -------------------------------------------------------------------------------------- */
static void compile_unpack(Comp *k, Node *t)
{
    NodeList *l = &t->l1;
    int star = -1;
    for (int i = 0; i < l->n; i++) if (l->items[i]->kind == E_STARRED) star = i;
    if (star < 0) {
        emit(k, OP_UNPACK_SEQUENCE, l->n);
    } else {
        int after = l->n - star - 1;
        if (star > 255 || after > 255)
            ctx_error(k->c, NULL, t->line, t->col, "too many expressions in star-unpacking assignment");
        emit(k, OP_UNPACK_EX, star | after << 8);
    }
    for (int i = 0; i < l->n; i++) {
        Node *x = l->items[i];
        compile_store(k, x->kind == E_STARRED ? x->a : x);
    }
}

static void compile_store(Comp *k, Node *t)
{
    switch (t->kind) {
    case E_NAME: compile_name(k, t->v, CTX_STORE); break;
    case E_ATTR:
        compile_expr(k, t->a);
        emit(k, OP_STORE_ATTR, add_name(k, t->v));
        break;
    case E_SUBSCR:
        compile_expr(k, t->a);
        compile_expr(k, t->b);
        emit(k, OP_STORE_SUBSCR, 0);
        break;
    case E_TUPLE: case E_LIST: compile_unpack(k, t); break;
    default:
        ctx_error(k->c, NULL, t->line, t->col, "cannot assign to %s", "expression");
    }
}

static void compile_delete(Comp *k, Node *t)
{
    switch (t->kind) {
    case E_NAME: compile_name(k, t->v, CTX_DEL); break;
    case E_ATTR:
        compile_expr(k, t->a);
        emit(k, OP_DELETE_ATTR, add_name(k, t->v));
        break;
    case E_SUBSCR:
        compile_expr(k, t->a);
        compile_expr(k, t->b);
        emit(k, OP_DELETE_SUBSCR, 0);
        break;
    case E_TUPLE: case E_LIST:
        for (int i = 0; i < t->l1.n; i++) compile_delete(k, t->l1.items[i]);
        break;
    default:
        ctx_error(k->c, NULL, t->line, t->col, "cannot delete expression");
    }
}

/* ---- unwinding (return / break / continue) ------------------------------------------------------ */
static void unwind_fb(Comp *k, int idx, bool preserve)
{
    Unit *u = k->u;
    Fblock *f = &u->fb[idx];
    if (f->reg) region_pause(k, f->reg);
    switch (f->kind) {
    case FB_WHILE: case FB_TRY: break;
    case FB_POP_VALUE:
        if (preserve) emit(k, OP_SWAP, 2);
        emit(k, OP_POP_TOP, 0);
        break;
    case FB_FOR:
        if (preserve) emit(k, OP_ROT_TWO, 0);
        emit(k, OP_POP_TOP, 0);
        break;
    case FB_FINALLY_TRY: {
        /* run the finally body with the block stack as it is outside this try; when a return
         * value is being carried out (preserve), it sits on the stack under an FB_POP_VALUE
         * block in this try's slot (idx < MAX_FBLOCKS, so the slot exists) */
        int saved = u->nfb;
        Fblock copy[MAX_FBLOCKS];
        NodeList *fin = f->fin;
        memcpy(copy, u->fb, sizeof copy);
        u->nfb = idx;
        if (preserve) {
            memset(&u->fb[idx], 0, sizeof u->fb[idx]);
            u->fb[idx].kind = FB_POP_VALUE;
            u->nfb = idx + 1;
        }
        compile_stmts(k, fin);
        memcpy(u->fb, copy, sizeof copy);
        u->nfb = saved;
        break;
    }
    case FB_FINALLY_END:
        if (preserve) {
            emit(k, OP_SWAP, 2);
            emit(k, OP_POP_TOP, 0);
            emit(k, OP_SWAP, 2);
        } else {
            emit(k, OP_POP_TOP, 0);
        }
        emit(k, OP_POP_EXCEPT, 0);
        break;
    case FB_HANDLER:
        if (preserve) emit(k, OP_SWAP, 2);
        emit(k, OP_POP_EXCEPT, 0);
        break;
    case FB_HANDLER_NAME:
        load_const(k, None);
        compile_name(k, f->name, CTX_STORE);
        compile_name(k, f->name, CTX_DEL);
        break;
    case FB_WITH:
        if (preserve) emit(k, OP_SWAP, 2);
        load_const(k, None);
        emit(k, OP_DUP_TOP, 0);
        emit(k, OP_DUP_TOP, 0);
        emit(k, OP_CALL_FUNCTION, 3);
        if (f->is_async) emit_await(k);
        emit(k, OP_POP_TOP, 0);
        break;
    }
}

static void resume_from(Comp *k, int idx)
{
    Unit *u = k->u;
    for (int i = u->nfb - 1; i >= idx; i--)
        if (u->fb[i].reg) region_resume(k, u->fb[i].reg);
}

static void compile_return(Comp *k, Node *s)
{
    Unit *u = k->u;
    if (u->kind != SC_FUNCTION) ctx_error(k->c, NULL, s->line, s->col, "'return' outside function");
    if (s->a && u->scope->coroutine && u->scope->generator)
        ctx_error(k->c, NULL, s->line, s->col, "'return' with value in async generator");
    if (s->a) compile_expr(k, s->a);
    else load_const(k, None);
    u->line = s->line;
    for (int i = u->nfb - 1; i >= 0; i--) unwind_fb(k, i, true);
    emit(k, OP_RETURN_VALUE, 0);
    resume_from(k, 0);
}

static void compile_break_continue(Comp *k, Node *s, bool brk)
{
    Unit *u = k->u;
    int loop = -1;
    for (int i = u->nfb - 1; i >= 0; i--)
        if (u->fb[i].kind == FB_WHILE || u->fb[i].kind == FB_FOR) { loop = i; break; }
    if (loop < 0) {
        if (brk) ctx_error(k->c, NULL, s->line, s->col, "'break' outside loop");
        ctx_error(k->c, NULL, s->line, s->col, "'continue' not properly in loop");
    }
    for (int i = u->nfb - 1; i > loop; i--) unwind_fb(k, i, false);
    Fblock *f = &u->fb[loop];
    if (brk) {
        if (f->kind == FB_FOR) emit(k, OP_POP_TOP, 0);
        emit_jump(k, OP_JUMP_FORWARD, f->brk);
    } else {
        emit_jump(k, OP_JUMP_FORWARD, f->cont);
    }
    resume_from(k, loop + 1);
}

/* ---- compound statements -------------------------------------------------------------------------- */
static bool const_true(Node *e)
{
    if (e->kind != E_CONST) return false;
    if (e->v == True_) return true;
    if (IS_SMALL(e->v)) return SMALL_VAL(e->v) != 0;
    return false;
}

static void compile_while(Comp *k, Node *s)
{
    int top = new_label(k), cont = new_label(k), orelse = new_label(k), end = new_label(k);
    bool forever = const_true(s->a);
    if (!forever) jump_if(k, s->a, false, orelse);
    place(k, top);
    Fblock *f = push_fb(k, FB_WHILE, s);
    f->cont = forever ? top : cont;
    f->brk = end;
    compile_stmts(k, &s->l1);
    pop_fb(k);
    place(k, cont);
    k->u->line = s->line;
    if (forever) emit_jump(k, OP_JUMP_FORWARD, top);
    else jump_if(k, s->a, true, top);
    place(k, orelse);
    compile_stmts(k, &s->l2);
    place(k, end);
}

static void compile_async_for(Comp *k, Node *s)
{
    int top = new_label(k), h = new_label(k), end = new_label(k);
    compile_expr(k, s->b);
    k->u->line = s->line;
    emit(k, OP_GET_AITER, 0);
    place(k, top);
    Region r;
    int ref = k->u->ins.n;
    region_begin(k, &r, h, ref, 0);
    emit(k, OP_GET_ANEXT, 0);
    emit_await(k);
    region_pause(k, &r);
    compile_store(k, s->a);
    Fblock *f = push_fb(k, FB_FOR, s);
    f->cont = top;
    f->brk = end;
    compile_stmts(k, &s->l1);
    pop_fb(k);
    k->u->line = s->line;
    emit_jump(k, OP_JUMP_FORWARD, top);
    place(k, h);
    emit(k, OP_END_ASYNC_FOR, 0);
    compile_stmts(k, &s->l2);
    place(k, end);
}

static void compile_for(Comp *k, Node *s)
{
    if (s->op == 1) {
        compile_async_for(k, s);
        return;
    }
    int top = new_label(k), orelse = new_label(k), end = new_label(k);
    compile_expr(k, s->b);
    k->u->line = s->line;
    emit(k, OP_GET_ITER, 0);
    place(k, top);
    emit_jump(k, OP_FOR_ITER, orelse);
    compile_store(k, s->a);
    Fblock *f = push_fb(k, FB_FOR, s);
    f->cont = top;
    f->brk = end;
    compile_stmts(k, &s->l1);
    pop_fb(k);
    k->u->line = s->line;
    emit_jump(k, OP_JUMP_FORWARD, top);
    place(k, orelse);
    compile_stmts(k, &s->l2);
    place(k, end);
}

static void compile_if(Comp *k, Node *s)
{
    int orelse = new_label(k), end = new_label(k);
    jump_if(k, s->a, false, orelse);
    compile_stmts(k, &s->l1);
    if (s->l2.n) {
        Node *last = s->l1.n ? s->l1.items[s->l1.n - 1] : NULL;
        if (!last || (last->kind != S_RETURN && last->kind != S_RAISE && last->kind != S_BREAK && last->kind != S_CONTINUE))
            emit_jump(k, OP_JUMP_FORWARD, end);
    }
    place(k, orelse);
    compile_stmts(k, &s->l2);
    place(k, end);
}

static void emit_cleanup(Comp *k, int label)
{
    place(k, label);
    emit(k, OP_SWAP, 2);
    emit(k, OP_POP_EXCEPT, 0);
    emit(k, OP_RERAISE, 0);
}

static void compile_try_except(Comp *k, Node *s)
{
    Unit *u = k->u;
    int handler = new_label(k), cleanup = new_label(k), end = new_label(k);
    Region r, rc;
    int ref = u->ins.n;
    region_begin(k, &r, handler, ref, 0);
    Fblock *f = push_fb(k, FB_TRY, s);
    f->reg = &r;
    compile_stmts(k, &s->l1);
    pop_fb(k);
    region_pause(k, &r);
    compile_stmts(k, &s->l3);
    emit_jump(k, OP_JUMP_FORWARD, end);
    place(k, handler);
    u->line = s->l2.items[0]->line;
    emit(k, OP_PUSH_EXC_INFO, 0);
    region_begin(k, &rc, cleanup, ref, 1);
    for (int i = 0; i < s->l2.n; i++) {
        Node *h = s->l2.items[i];
        u->line = h->line;
        int next = new_label(k);
        if (h->a) {
            compile_expr(k, h->a);
            emit(k, OP_CHECK_EXC_MATCH, 0);
            emit_jump(k, OP_POP_JUMP_IF_FALSE, next);
        }
        Region rn;
        int name_cleanup = -1;
        Fblock *fh = push_fb(k, FB_HANDLER, h);
        fh->reg = &rc;
        if (h->v) {
            compile_name(k, h->v, CTX_STORE);
            name_cleanup = new_label(k);
            region_begin(k, &rn, name_cleanup, ref, 1);
            Fblock *fn = push_fb(k, FB_HANDLER_NAME, h);
            fn->reg = &rn;
            fn->name = h->v;
        } else {
            emit(k, OP_POP_TOP, 0);
        }
        compile_stmts(k, &h->l1);
        if (h->v) {
            pop_fb(k);
            region_pause(k, &rn);
        }
        pop_fb(k);
        region_pause(k, &rc);
        emit(k, OP_POP_EXCEPT, 0);
        if (h->v) {
            load_const(k, None);
            compile_name(k, h->v, CTX_STORE);
            compile_name(k, h->v, CTX_DEL);
        }
        emit_jump(k, OP_JUMP_FORWARD, end);
        region_resume(k, &rc);
        if (h->v) {
            place(k, name_cleanup);
            load_const(k, None);
            compile_name(k, h->v, CTX_STORE);
            compile_name(k, h->v, CTX_DEL);
            emit(k, OP_RERAISE, 0);
        }
        place(k, next);
    }
    emit(k, OP_RERAISE, 0);
    region_pause(k, &rc);
    emit_cleanup(k, cleanup);
    place(k, end);
}

static void compile_try(Comp *k, Node *s)
{
    if (!s->l4.n) {
        compile_try_except(k, s);
        return;
    }
    Unit *u = k->u;
    int fin = new_label(k), cleanup = new_label(k), end = new_label(k);
    Region r, rc;
    int ref = u->ins.n;
    region_begin(k, &r, fin, ref, 0);
    Fblock *f = push_fb(k, FB_FINALLY_TRY, s);
    f->reg = &r;
    f->fin = &s->l4;
    if (s->l2.n) compile_try_except(k, s);
    else compile_stmts(k, &s->l1);
    pop_fb(k);
    region_pause(k, &r);
    compile_stmts(k, &s->l4);
    emit_jump(k, OP_JUMP_FORWARD, end);
    place(k, fin);
    emit(k, OP_PUSH_EXC_INFO, 0);
    region_begin(k, &rc, cleanup, ref, 1);
    Fblock *fe = push_fb(k, FB_FINALLY_END, s);
    fe->reg = &rc;
    compile_stmts(k, &s->l4);
    pop_fb(k);
    emit(k, OP_RERAISE, 0);
    region_pause(k, &rc);
    emit_cleanup(k, cleanup);
    place(k, end);
}

static void compile_with(Comp *k, Node *s, int i)
{
    Unit *u = k->u;
    Node *it = s->l1.items[i];
    int exc = new_label(k), cleanup = new_label(k), suppress = new_label(k), end = new_label(k);
    compile_expr(k, it->a);
    u->line = s->line;
    int ref = u->ins.n;
    bool aw = s->op == 1;
    emit(k, aw ? OP_BEFORE_ASYNC_WITH : OP_BEFORE_WITH, 0);
    if (aw) emit_await(k);
    Region r, rc;
    region_begin(k, &r, exc, ref, 0);
    if (it->b) compile_store(k, it->b);
    else emit(k, OP_POP_TOP, 0);
    Fblock *f = push_fb(k, FB_WITH, s);
    f->reg = &r;
    f->is_async = aw;
    if (i + 1 < s->l1.n) compile_with(k, s, i + 1);
    else compile_stmts(k, &s->l2);
    pop_fb(k);
    region_pause(k, &r);
    u->line = s->line;
    load_const(k, None);
    emit(k, OP_DUP_TOP, 0);
    emit(k, OP_DUP_TOP, 0);
    emit(k, OP_CALL_FUNCTION, 3);
    if (aw) emit_await(k);
    emit(k, OP_POP_TOP, 0);
    emit_jump(k, OP_JUMP_FORWARD, end);
    place(k, exc);
    emit(k, OP_PUSH_EXC_INFO, 0);
    region_begin(k, &rc, cleanup, ref, 1);
    emit(k, OP_WITH_EXCEPT_START, 0);
    if (aw) emit_await(k);
    emit_jump(k, OP_POP_JUMP_IF_TRUE, suppress);
    emit(k, OP_RERAISE, 0);
    region_pause(k, &rc);
    emit_cleanup(k, cleanup);
    place(k, suppress);
    emit(k, OP_POP_TOP, 0);
    emit(k, OP_POP_EXCEPT, 0);
    emit(k, OP_POP_TOP, 0);
    place(k, end);
}

static void compile_import(Comp *k, Node *s)
{
    for (int i = 0; i < s->l1.n; i++) {
        Node *a = s->l1.items[i];
        load_const(k, MK_SMALL(0));
        load_const(k, None);
        emit(k, OP_IMPORT_NAME, add_name(k, a->v));
        const char *d = str_data(a->v), *dot = strchr(d, '.');
        if (a->w) {
            while (dot) {
                const char *nx = strchr(dot + 1, '.');
                size_t len = nx ? (size_t)(nx - dot - 1) : strlen(dot + 1);
                emit(k, OP_IMPORT_FROM, add_name(k, ctx_intern(k->c, dot + 1, len)));
                emit(k, OP_ROT_TWO, 0);
                emit(k, OP_POP_TOP, 0);
                dot = nx;
            }
            compile_name(k, a->w, CTX_STORE);
        } else {
            compile_name(k, dot ? ctx_intern(k->c, d, (size_t)(dot - d)) : a->v, CTX_STORE);
        }
    }
}

static void compile_import_from(Comp *k, Node *s)
{
    if (s->v && !s->op && str_equal_cstr(s->v, "__future__")) return;   /* all features are on */
    load_const(k, MK_SMALL(s->op));
    Obj *names = tuple_new(s->l1.n);
    if (!names) ctx_fail(k->c);
    for (int i = 0; i < s->l1.n; i++) TUPLE_ITEMS(names)[i] = NEWREF(s->l1.items[i]->v);
    load_const(k, ctx_keep(k->c, names));
    emit(k, OP_IMPORT_NAME, add_name(k, s->v ? s->v : intern(k, "")));
    if (s->l1.n == 1 && str_equal_cstr(s->l1.items[0]->v, "*")) {
        emit(k, OP_IMPORT_STAR, 0);
        return;
    }
    for (int i = 0; i < s->l1.n; i++) {
        Node *a = s->l1.items[i];
        emit(k, OP_IMPORT_FROM, add_name(k, a->v));
        compile_name(k, a->w ? a->w : a->v, CTX_STORE);
    }
    emit(k, OP_POP_TOP, 0);
}

static void compile_augassign(Comp *k, Node *s)
{
    Node *t = s->a;
    int op = OP_INPLACE_ADD + s->op;
    switch (t->kind) {
    case E_NAME:
        compile_name(k, t->v, CTX_LOAD);
        compile_expr(k, s->b);
        k->u->line = s->line;
        emit(k, op, 0);
        compile_name(k, t->v, CTX_STORE);
        break;
    case E_ATTR:
        compile_expr(k, t->a);
        emit(k, OP_DUP_TOP, 0);
        emit(k, OP_LOAD_ATTR, add_name(k, t->v));
        compile_expr(k, s->b);
        k->u->line = s->line;
        emit(k, op, 0);
        emit(k, OP_ROT_TWO, 0);
        emit(k, OP_STORE_ATTR, add_name(k, t->v));
        break;
    default:
        compile_expr(k, t->a);
        compile_expr(k, t->b);
        emit(k, OP_DUP_TOP_TWO, 0);
        emit(k, OP_BINARY_SUBSCR, 0);
        compile_expr(k, s->b);
        k->u->line = s->line;
        emit(k, op, 0);
        emit(k, OP_ROT_THREE, 0);
        emit(k, OP_STORE_SUBSCR, 0);
        break;
    }
}

static void compile_assign(Comp *k, Node *s)
{
    NodeList *ts = &s->l1;
    Node *v = s->a;
    /* a, b = b, a without building a tuple */
    if (ts->n == 1 && ts->items[0]->kind == E_TUPLE && v->kind == E_TUPLE && ts->items[0]->l1.n == v->l1.n &&
        v->l1.n >= 2 && v->l1.n <= 3 && !has_starred(&v->l1) && !has_starred(&ts->items[0]->l1)) {
        for (int i = 0; i < v->l1.n; i++) compile_expr(k, v->l1.items[i]);
        if (v->l1.n == 2) emit(k, OP_ROT_TWO, 0);
        else {
            emit(k, OP_ROT_THREE, 0);
            emit(k, OP_ROT_TWO, 0);
        }
        for (int i = 0; i < v->l1.n; i++) compile_store(k, ts->items[0]->l1.items[i]);
        return;
    }
    compile_expr(k, v);
    for (int i = 0; i < ts->n; i++) {
        if (i + 1 < ts->n) emit(k, OP_DUP_TOP, 0);
        compile_store(k, ts->items[i]);
    }
}

static void compile_stmt(Comp *k, Node *s)
{
    ctx_enter(k->c, s->line, s->col);
    Unit *u = k->u;
    u->line = s->line;
    switch (s->kind) {
    case S_EXPR:
        if (k->mode == COMPILE_SINGLE && u->kind == SC_MODULE) {
            compile_expr(k, s->a);
            emit(k, OP_PRINT_EXPR, 0);
        } else if (s->a->kind == E_CONST) {
            /* docstrings and bare constants: nothing to run */
        } else {
            compile_expr(k, s->a);
            u->line = s->line;
            emit(k, OP_POP_TOP, 0);
        }
        break;
    case S_ASSIGN: compile_assign(k, s); break;
    case S_AUGASSIGN: compile_augassign(k, s); break;
    case S_ANNASSIGN:
        if (s->b) {
            compile_expr(k, s->b);
            compile_store(k, s->a);
        }
        if (s->a->kind == E_NAME && (u->kind == SC_CLASS || (u->kind == SC_MODULE && k->mode == COMPILE_FILE))) {
            /* __annotations__[name] = annotation (the dict made by setup_annotations) */
            compile_expr(k, s->c);
            compile_name(k, intern(k, "__annotations__"), CTX_LOAD);
            load_const(k, s->a->v);
            emit(k, OP_STORE_SUBSCR, 0);
            break;
        }
        if (s->b) {
            /* stored above */
        } else if (s->a->kind == E_ATTR) {
            compile_expr(k, s->a->a);
            emit(k, OP_POP_TOP, 0);
        } else if (s->a->kind == E_SUBSCR) {
            compile_expr(k, s->a->a);
            emit(k, OP_POP_TOP, 0);
            compile_expr(k, s->a->b);
            emit(k, OP_POP_TOP, 0);
        }
        break;
    case S_RETURN: compile_return(k, s); break;
    case S_DEL:
        for (int i = 0; i < s->l1.n; i++) compile_delete(k, s->l1.items[i]);
        break;
    case S_PASS: case S_GLOBAL: case S_NONLOCAL: break;
    case S_BREAK: compile_break_continue(k, s, true); break;
    case S_CONTINUE: compile_break_continue(k, s, false); break;
    case S_IF: compile_if(k, s); break;
    case S_WHILE: compile_while(k, s); break;
    case S_FOR: compile_for(k, s); break;
    case S_TRY: compile_try(k, s); break;
    case S_WITH: compile_with(k, s, 0); break;
    case S_RAISE: {
        int n = 0;
        if (s->a) compile_expr(k, s->a), n++;
        if (s->b) compile_expr(k, s->b), n++;
        u->line = s->line;
        emit(k, OP_RAISE_VARARGS, n);
        break;
    }
    case S_ASSERT: {
        int end = new_label(k);
        jump_if(k, s->a, true, end);
        emit(k, OP_LOAD_ASSERTION_ERROR, 0);
        if (s->b) {
            compile_expr(k, s->b);
            emit(k, OP_CALL_FUNCTION, 1);
        }
        emit(k, OP_RAISE_VARARGS, 1);
        place(k, end);
        break;
    }
    case S_IMPORT: compile_import(k, s); break;
    case S_IMPORTFROM: compile_import_from(k, s); break;
    case S_FUNCDEF: compile_function(k, s); break;
    case S_CLASSDEF: compile_class(k, s); break;
    default:
        ctx_error(k->c, NULL, s->line, s->col, "invalid syntax");
    }
    ctx_leave(k->c);
}

static void compile_stmts(Comp *k, NodeList *l)
{
    for (int i = 0; i < l->n; i++) compile_stmt(k, l->items[i]);
}

/* ---- handing the unit to the assembler ---------------------------------------------------------- */
static Obj *tuple_of(Comp *k, Obj **v, int n)
{
    Obj *t = tuple_new(n);
    if (!t) ctx_fail(k->c);
    for (int i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NEWREF(v[i]);
    return t;
}

/* The finished unit's code object: its tables as tuples (kept by the Ctx) and its signature, for
 * assemble() to complete with the instructions. */
static Obj *unit_assemble(Comp *k)
{
    Unit *u = k->u;
    Ctx *c = k->c;
    CodeObj meta;
    memset(&meta, 0, sizeof meta);
    meta.consts = ctx_keep(c, tuple_of(k, u->consts, u->nconsts));
    meta.names = ctx_keep(c, tuple_of(k, u->names, u->nnames));
    meta.varnames = ctx_keep(c, tuple_of(k, u->varnames, u->nvarnames));
    meta.cellvars = ctx_keep(c, tuple_of(k, u->cells, u->ncells));
    meta.freevars = ctx_keep(c, tuple_of(k, u->frees, u->nfrees));
    meta.argcount = u->argcount;
    meta.posonlyargcount = u->posonly;
    meta.kwonlyargcount = u->kwonly;
    meta.nlocals = u->nvarnames;
    meta.ncells = u->ncells;
    meta.nfrees = u->nfrees;
    meta.flags = u->flags | (u->ncells + u->nfrees == 0 ? CO_NOFREE : 0);
    meta.name = u->name;
    meta.qualname = u->qualname;
    meta.filename = k->filename;
    meta.firstlineno = u->firstline;
    meta.source = k->source;
    return assemble(c, &u->ins, &meta);
}

/* ---- entry points --------------------------------------------------------------------------------- */
static int utf8_check(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + (size_t)len > n) { *bad = i; return -1; }
        for (int j = 1; j < len; j++)
            if ((p[i + j] & 0xc0) != 0x80) { *bad = i; return -1; }
        if (len == 2 && c < 0xc2) { *bad = i; return -1; }
        if (len == 3 && ((c == 0xe0 && p[i + 1] < 0xa0) || (c == 0xed && p[i + 1] >= 0xa0))) { *bad = i; return -1; }
        if (len == 4 && ((c == 0xf0 && p[i + 1] < 0x90) || (c == 0xf4 && p[i + 1] >= 0x90) || c > 0xf4)) { *bad = i; return -1; }
        i += (size_t)len;
    }
    return 0;
}

static void raise_syntax(Ctx *c, const char *src, size_t len)
{
    /* the source line and the column in characters */
    int line = c->err_line > 0 ? c->err_line : 1;
    const char *p = src, *end = src + len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) { p = end; break; }
        p = nl + 1;
    }
    const char *e = p;
    while (e < end && *e != '\n') e++;
    int col = c->err_col < 0 ? 0 : c->err_col;
    if (p + col > e) col = (int)(e - p);
    int chars = 0;
    for (int i = 0; i < col; i++) if (((unsigned char)p[i] & 0xc0) != 0x80) chars++;
    StrBuf sb;
    sb_init(&sb);
    sb_add(&sb, p, (size_t)(e - p));
    if (p < end) sb_addc(&sb, '\n');
    Obj *text = sb_finish(&sb);
    Obj *msg = str_from_cstr(c->err_msg);
    Obj *lineno = MK_SMALL(line), *offset = MK_SMALL(chars + 1);
    Obj *endoff = MK_SMALL(chars + 2);
    if (!text || !msg) {
        XDECREF(text);
        XDECREF(msg);
        return;
    }
    Obj *info = tuple_pack(6, c->filename, lineno, offset, text, lineno, endoff);
    Obj *args[2] = {msg, info};
    Obj *exc = info ? exc_new(c->err_type, args, 2) : NULL;
    XDECREF(info);
    if (exc) {
        if (obj_setattr(exc, str_intern("msg"), msg) < 0 ||
            obj_setattr(exc, str_intern("filename"), c->filename) < 0 ||
            obj_setattr(exc, str_intern("lineno"), lineno) < 0 ||
            obj_setattr(exc, str_intern("offset"), offset) < 0 ||
            obj_setattr(exc, str_intern("text"), text) < 0 ||
            obj_setattr(exc, str_intern("end_lineno"), lineno) < 0 ||
            obj_setattr(exc, str_intern("end_offset"), endoff) < 0) {
            exc_clear();
        }
        exc_restore(exc);
    }
    DECREF(text);
    DECREF(msg);
}

static Obj *compile_impl(const char *src, size_t len, const char *filename, int mode, bool check_only, int *complete)
{
    Ctx c;
    memset(&c, 0, sizeof c);
    char stack_mark;
    c.stack_top = &stack_mark;
    c.filename = str_from_cstr(filename ? filename : "<string>");
    if (!c.filename) return NULL;
    char *buf = mem_alloc(len + 1);
    if (!buf) {
        DECREF(c.filename);
        return NULL;
    }
    memcpy(buf, src, len);
    buf[len] = 0;
    c.src = buf;
    c.len = len;
    Obj *volatile result = NULL;
    if (setjmp(c.jb) == 0) {
        const char *nul = memchr(buf, 0, len);
        if (nul) {
            int line = 1;
            for (const char *q = buf; q < nul; q++) if (*q == '\n') line++;
            ctx_error(&c, NULL, line, 0, "source code cannot contain null bytes");
        }
        size_t bad;
        if (utf8_check(buf, len, &bad) < 0) {
            int line = 1;
            for (size_t q = 0; q < bad; q++) if (buf[q] == '\n') line++;
            ctx_error(&c, NULL, line, 0,
                      "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; "
                      "see https://peps.python.org/pep-0263/ for details",
                      (unsigned char)buf[bad], str_data(c.filename), line);
        }
        c.lexer = NULL;
        c.lex_error = false;
        Node *m = parse_source(&c, mode == COMPILE_EVAL ? PARSE_EVAL : mode == COMPILE_SINGLE ? PARSE_SINGLE : PARSE_FILE);
        c.lexer = NULL;
        if (check_only) {
            /* as CPython's REPL: a compound statement ends with an empty line */
            size_t e = len;
            size_t b0 = e;
            while (b0 && buf[b0 - 1] != '\n') b0--;
            bool blank_last = true;
            for (size_t q = b0; q < e; q++)
                if (buf[q] != ' ' && buf[q] != '\t' && buf[q] != '\r' && buf[q] != '\f') blank_last = false;
            *complete = !c.saw_compound || (blank_last && b0 > 0);
        } else {
            c.depth = 0;
            Scope *top = symtable_build(&c, m);
            c.depth = 0;
            Comp k;
            memset(&k, 0, sizeof k);
            k.c = &c;
            k.mode = mode;
            k.filename = c.filename;
            k.source = ctx_keep(&c, str_new(buf, len));
            Unit u;
            memset(&u, 0, sizeof u);
            unit_enter(&k, &u, top, SC_MODULE, ctx_intern(&c, "<module>", 8), 1);
            if (mode == COMPILE_EVAL) {
                compile_expr(&k, m->l1.items[0]->a);
                emit(&k, OP_RETURN_VALUE, 0);
            } else {
                NodeList *body = &m->l1;
                if (mode == COMPILE_FILE && body->n && is_docstring(body->items[0])) {
                    u.line = body->items[0]->line;
                    load_const(&k, body->items[0]->a->v);
                    emit(&k, OP_STORE_NAME, add_name(&k, intern(&k, "__doc__")));
                }
                if (mode == COMPILE_FILE) setup_annotations(&k, body);
                compile_stmts(&k, body);
                if (body->n) u.line = body->items[body->n - 1]->line;
                load_const(&k, None);
                emit(&k, OP_RETURN_VALUE, 0);
            }
            Obj *code = unit_assemble(&k);
            result = code;
        }
    } else {
        if (check_only) {
            *complete = c.at_eof ? 0 : 1;
            if (c.err == ERR_SET) {
                /* MemoryError/RecursionError: call it complete and let compile report it */
                exc_clear();
            }
        } else if (c.err == ERR_SYNTAX) {
            if (!c.lex_error && c.lexer) {
                /* as CPython: an error the tokenizer finds in the rest of the source (an
                 * unclosed bracket, an unterminated string, bad indentation) wins over the
                 * parser's */
                Ctx saved = c;
                Lexer *lx0 = c.lexer;
                volatile int last_line = lx0->has_peek ? lx0->peek.line : lx0->tok.line;
                if (setjmp(c.jb) == 0) {
                    Lexer *lx = c.lexer;
                    while (lx->tok.kind != T_EOF) lex_next(lx);
                    memcpy(c.err_msg, saved.err_msg, sizeof c.err_msg);
                    c.err_type = saved.err_type;
                    c.err_line = saved.err_line;
                    c.err_col = saved.err_col;
                } else if (c.err == ERR_SET || (c.unclosed && c.err_line >= last_line)) {
                    /* an unclosed bracket only wins when it opened before the parser's error line */
                    if (c.err == ERR_SET) exc_clear();
                    memcpy(c.err_msg, saved.err_msg, sizeof c.err_msg);
                    c.err_type = saved.err_type;
                    c.err_line = saved.err_line;
                    c.err_col = saved.err_col;
                    c.err = ERR_SYNTAX;
                }
            }
            raise_syntax(&c, buf, len);
        }
    }
    ctx_free(&c);
    DECREF(c.filename);
    mem_free(buf);
    return result;
}

static size_t bom(const char *src, size_t len)
{
    return len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;   /* a UTF-8 BOM: skipped, as CPython */
}

Obj *compile_source(const char *src, size_t len, const char *filename, int mode)
{
    size_t b = bom(src, len);
    return compile_impl(src + b, len - b, filename, mode, false, NULL);
}

int compile_is_complete(const char *src, size_t len)
{
    int complete = 1;
    size_t b = bom(src, len);
    compile_impl(src + b, len - b, "<stdin>", COMPILE_SINGLE, true, &complete);
    return complete;
}
