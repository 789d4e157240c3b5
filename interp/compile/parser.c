/*
 * interp/compile/parser.c — Python's grammar by recursive descent (see parser.h, ast.h for node shapes).
 *
 * One token of lookahead plus lex_peek. Assignment targets and keyword arguments are parsed as
 * expressions first and checked afterwards (set_context), as CPython's old parser did. Recursion
 * is bounded by ctx_enter (RecursionError) and the lexer's bracket limit. String literals,
 * including f-strings, are decoded in strlit.c; it calls back into parse_fstring_expr for the
 * expression inside each replacement field. Runs under the GIL on the compiling thread's own Ctx.
 */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include "compile/parser.h"
#include "bytecode/opcodes.h"
#include "compile/lexer.h"
#include "compile/strlit.h"
#include "objects/objects.h"

typedef struct P {
    Ctx *c;
    Lexer *lx;
    int mode;
} P;

#define TOK (p->lx->tok)
#define KIND (p->lx->tok.kind)

static Node *parse_test(P *p);
static Node *parse_expr(P *p);
static Node *parse_or_test(P *p);
static Node *parse_testlist_star(P *p, bool allow_star);
static Node *parse_exprlist(P *p);
static Node *parse_star_or_test(P *p);
static void parse_block(P *p, NodeList *body, const char *what, int line);
static Node *parse_statement(P *p, NodeList *out);
static void parse_atom_trailers(P *p, Node **pn);
static Node *parse_yield(P *p);

__attribute__((noreturn)) static void err_tok(P *p, const char *msg)
{
    ctx_error(p->c, NULL, TOK.line, TOK.col, "%s", msg);
}

__attribute__((noreturn)) static void err_syntax(P *p)
{
    if (KIND == T_EOF) p->c->at_eof = true;
    if (KIND == T_INDENT) ctx_error(p->c, IndentationError_t, TOK.line, TOK.col, "unexpected indent");
    if (KIND == T_DEDENT && p->lx->last_kind == T_DEDENT)
        ctx_error(p->c, IndentationError_t, TOK.line, TOK.col, "unexpected unindent");
    err_tok(p, "invalid syntax");
}

static void next(P *p) { lex_next(p->lx); }
static bool is_kw(P *p, int kw) { return KIND == T_NAME && TOK.kw == kw; }
static bool accept(P *p, int kind)
{
    if (KIND != kind) return false;
    next(p);
    return true;
}
static bool accept_kw(P *p, int kw)
{
    if (!is_kw(p, kw)) return false;
    next(p);
    return true;
}
static void expect(P *p, int kind)
{
    if (!accept(p, kind)) err_syntax(p);
}
static void expect_colon(P *p)
{
    if (KIND == T_COLON) { next(p); return; }
    if (KIND == T_EQUAL) err_tok(p, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (KIND == T_NEWLINE || KIND == T_EOF) {
        /* CPython points just after the previous token */
        err_tok(p, "expected ':'");
    }
    err_syntax(p);
}

static Node *mk(P *p, int kind) { return node_new(p->c, kind, TOK.line, TOK.col); }
static Node *mk_at(P *p, int kind, Node *at) { return node_new(p->c, kind, at->line, at->col); }

static Obj *tok_name(P *p)
{
    if (KIND != T_NAME || TOK.kw) err_syntax(p);
    Obj *n = ctx_intern(p->c, TOK.s, TOK.n);
    next(p);
    return n;
}

/* Can the current token start an expression? */
static bool starts_expr(P *p)
{
    switch (KIND) {
    case T_NAME:
        switch (TOK.kw) {
        case 0: case KW_None: case KW_True: case KW_False: case KW_not: case KW_lambda: case KW_await:
            return true;
        default: return false;
        }
    case T_NUMBER: case T_STRING: case T_LPAR: case T_LSQB: case T_LBRACE: case T_MINUS:
    case T_PLUS: case T_TILDE: case T_ELLIPSIS:
        return true;
    default: return false;
    }
}

/* ---- assignment targets ------------------------------------------------------------------------ */
static const char *expr_desc(Node *n)
{
    switch (n->kind) {
    case E_CONST:
        if (n->v == None) return "None";
        if (n->v == True_) return "True";
        if (n->v == False_) return "False";
        if (n->v == &ellipsis_obj) return "ellipsis";
        return "literal";
    case E_CALL: return "function call";
    case E_BINOP: case E_UNARY: case E_BOOLOP: return "expression";
    case E_COMPARE: return "comparison";
    case E_IFEXP: return "conditional expression";
    case E_LAMBDA: return "lambda";
    case E_DICT: return "dict literal";
    case E_SET: return "set display";
    case E_LISTCOMP: return "list comprehension";
    case E_SETCOMP: return "set comprehension";
    case E_DICTCOMP: return "dict comprehension";
    case E_GENEXP: return "generator expression";
    case E_YIELD: case E_YIELDFROM: return "yield expression";
    case E_JOINEDSTR: case E_FORMATTED: return "f-string expression";
    case E_NAMEDEXPR: return "named expression";
    case E_TUPLE: return "tuple";
    case E_LIST: return "list";
    case E_STARRED: return "starred";
    default: return "expression";
    }
}

/* Mark n as a store/del target; `top` with '=': CPython's "here. Maybe you meant '=='" hint. */
static void set_context(P *p, Node *n, int ctx, bool eq_hint)
{
    switch (n->kind) {
    case E_NAME:
        n->op = ctx;
        return;
    case E_ATTR: case E_SUBSCR:
        n->op = ctx;
        return;
    case E_TUPLE: case E_LIST: {
        n->op = ctx;
        int stars = 0;
        for (int i = 0; i < n->l1.n; i++) {
            Node *e = n->l1.items[i];
            if (e->kind == E_STARRED) {
                if (ctx == CTX_DEL) ctx_error(p->c, NULL, e->line, e->col, "cannot delete starred");
                if (++stars > 1) ctx_error(p->c, NULL, n->line, n->col, "multiple starred expressions in assignment");
                e->op = ctx;
                set_context(p, e->a, ctx, false);
            } else {
                set_context(p, e, ctx, false);
            }
        }
        return;
    }
    case E_STARRED:
        if (ctx == CTX_DEL) ctx_error(p->c, NULL, n->line, n->col, "cannot delete starred");
        ctx_error(p->c, NULL, n->line, n->col, "starred assignment target must be in a list or tuple");
    default:
        break;
    }
    const char *d = expr_desc(n);
    if (ctx == CTX_DEL) ctx_error(p->c, NULL, n->line, n->col, "cannot delete %s", d);
    if (n->kind == E_CONST && (n->v == None || n->v == True_ || n->v == False_))
        ctx_error(p->c, NULL, n->line, n->col, "cannot assign to %s", d);
    if (eq_hint && n->kind != E_COMPARE && n->kind != E_BOOLOP && !(n->kind == E_UNARY && n->op == U_NOT) &&
        n->kind != E_IFEXP && n->kind != E_LAMBDA && n->kind != E_GENEXP && n->kind != E_YIELD && n->kind != E_YIELDFROM)
        ctx_error(p->c, NULL, n->line, n->col, "cannot assign to %s here. Maybe you meant '==' instead of '='?", d);
    ctx_error(p->c, NULL, n->line, n->col, "cannot assign to %s", d);
}

/* ---- atoms ---------------------------------------------------------------------------------------- */
static Node *parse_number(P *p)
{
    Node *n = mk(p, E_CONST);
    char buf[64];
    size_t len = TOK.n;
    char *s = len < sizeof buf ? buf : ctx_alloc(p->c, len + 1);
    size_t k = 0;
    for (size_t i = 0; i < len; i++) if (TOK.s[i] != '_') s[k++] = TOK.s[i];
    s[k] = 0;
    bool isfloat = false;
    int base = 10;
    if (k > 1 && s[0] == '0' && strchr("xXoObB", s[1])) {
        base = (s[1] | 32) == 'x' ? 16 : (s[1] | 32) == 'o' ? 8 : 2;
    } else {
        for (size_t i = 0; i < k; i++) if (s[i] == '.' || (s[i] | 32) == 'e') isfloat = true;
    }
    Obj *v;
    if (base == 10 && k > 0 && (s[k - 1] | 32) == 'j') {
        s[k - 1] = 0;
        v = complex_new(0.0, strtod(s, NULL));
    } else if (isfloat) {
        v = float_new(strtod(s, NULL));
    } else if (base != 10) {
        v = int_from_str(s + 2, k - 2, base);
    } else if (k <= 18) {
        v = int_from_i64(strtoll(s, NULL, 10));
    } else {
        v = int_from_str(s, k, 10);
    }
    if (!v) {
        if (exc_matches(ValueError_t)) {
            Obj *e = exc_fetch();
            Obj *msg = obj_str(e);
            DECREF(e);
            if (!msg) ctx_fail(p->c);
            ctx_keep(p->c, msg);
            const char *m = str_data(msg);
            ctx_error(p->c, NULL, TOK.line, TOK.col, "%s%s", m,
                      strstr(m, "Exceeds the limit") ? " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits." : "");
        }
        ctx_fail(p->c);
    }
    n->v = ctx_keep(p->c, v);
    next(p);
    return n;
}

/* After '(' / '[' / '{' parse elements separated by commas until `close`; the first element may
 * be followed by a comprehension. Returns the node kind to make. */
static void check_comp_elt(P *p, Node *elt)
{
    if (elt && elt->kind == E_STARRED)
        ctx_error(p->c, NULL, elt->line, elt->col, "iterable unpacking cannot be used in comprehension");
}

static void parse_comp_for(P *p, NodeList *gens)
{
    while (is_kw(p, KW_for) || is_kw(p, KW_async)) {
        Node *g = mk(p, E_COMPFOR);
        if (is_kw(p, KW_async)) {            /* async for: where it may appear is the symbol table's business */
            next(p);
            if (!is_kw(p, KW_for)) err_syntax(p);
            g->op = 1;
        }
        next(p);
        /* target: exprlist */
        Node *t = parse_exprlist(p);
        set_context(p, t, CTX_STORE, false);
        g->a = t;
        if (!accept_kw(p, KW_in)) err_syntax(p);
        g->b = parse_or_test(p);
        while (is_kw(p, KW_if)) {
            next(p);
            nl_push(p->c, &g->l1, parse_or_test(p));
        }
        nl_push(p->c, gens, g);
    }
}

static void forgot_comma(P *p, Node *prev)
{
    if (starts_expr(p) && KIND != T_MINUS && KIND != T_PLUS && KIND != T_TILDE && KIND != T_LSQB && KIND != T_LPAR)
        ctx_error(p->c, NULL, prev->line, prev->col, "invalid syntax. Perhaps you forgot a comma?");
}

/* An unparenthesised `name := value` where the grammar allows a named_expression (if/elif/while
 * conditions, list and set displays and their comprehension element, subscripts): e parsed, the
 * lexer on `:=`. Other targets stay a syntax error. */
static Node *maybe_named(P *p, Node *e)
{
    if (KIND != T_COLONEQUAL || e->kind != E_NAME) return e;
    Node *w = mk_at(p, E_NAMEDEXPR, e);
    next(p);
    e->op = CTX_STORE;
    w->a = e;
    w->b = parse_test(p);
    return w;
}

static Node *parse_paren(P *p)
{
    Node *start = mk(p, E_TUPLE);
    next(p);                                     /* ( */
    if (accept(p, T_RPAR)) return start;         /* () */
    if (is_kw(p, KW_yield)) {
        Node *y = parse_yield(p);
        expect(p, T_RPAR);
        return y;
    }
    Node *first = parse_star_or_test(p);
    if (KIND == T_COLONEQUAL && first->kind == E_NAME) {
        Node *w = mk_at(p, E_NAMEDEXPR, first);
        next(p);
        first->op = CTX_STORE;
        w->a = first;
        w->b = parse_test(p);
        first = w;
    }
    if (is_kw(p, KW_for) || is_kw(p, KW_async)) {
        Node *g = mk_at(p, E_GENEXP, start);
        check_comp_elt(p, first);
        g->a = first;
        parse_comp_for(p, &g->l1);
        expect(p, T_RPAR);
        return g;
    }
    if (accept(p, T_RPAR)) {
        if (first->kind == E_STARRED) ctx_error(p->c, NULL, first->line, first->col, "cannot use starred expression here");
        return first;                            /* parenthesized expression */
    }
    nl_push(p->c, &start->l1, first);
    while (accept(p, T_COMMA)) {
        if (KIND == T_RPAR) break;
        nl_push(p->c, &start->l1, parse_star_or_test(p));
    }
    if (KIND != T_RPAR) forgot_comma(p, start->l1.items[start->l1.n - 1]);
    expect(p, T_RPAR);
    return start;
}

static Node *parse_list(P *p)
{
    Node *n = mk(p, E_LIST);
    next(p);
    if (accept(p, T_RSQB)) return n;
    Node *first = maybe_named(p, parse_star_or_test(p));
    if (is_kw(p, KW_for) || is_kw(p, KW_async)) {
        n->kind = E_LISTCOMP;
        check_comp_elt(p, first);
        n->a = first;
        parse_comp_for(p, &n->l1);
        expect(p, T_RSQB);
        return n;
    }
    nl_push(p->c, &n->l1, first);
    while (accept(p, T_COMMA)) {
        if (KIND == T_RSQB) break;
        nl_push(p->c, &n->l1, maybe_named(p, parse_star_or_test(p)));
    }
    if (KIND != T_RSQB) forgot_comma(p, n->l1.items[n->l1.n - 1]);
    expect(p, T_RSQB);
    return n;
}

static Node *parse_brace(P *p)
{
    Node *n = mk(p, E_DICT);
    next(p);
    if (accept(p, T_RBRACE)) return n;
    bool isdict;
    Node *k = NULL, *v = NULL;
    if (accept(p, T_DOUBLESTAR)) {
        isdict = true;
        v = parse_expr(p);
    } else {
        k = parse_star_or_test(p);
        if (accept(p, T_COLON)) {
            isdict = true;
            v = parse_test(p);
        } else {
            isdict = false;
            k = maybe_named(p, k);
        }
    }
    if (is_kw(p, KW_for) || is_kw(p, KW_async)) {
        if (isdict && !k) err_tok(p, "dict unpacking cannot be used in dict comprehension");
        n->kind = isdict ? E_DICTCOMP : E_SETCOMP;
        check_comp_elt(p, k);
        n->a = k;
        n->b = v;
        parse_comp_for(p, &n->l1);
        expect(p, T_RBRACE);
        return n;
    }
    if (!isdict) {
        n->kind = E_SET;
        nl_push(p->c, &n->l1, k);
        while (accept(p, T_COMMA)) {
            if (KIND == T_RBRACE) break;
            nl_push(p->c, &n->l1, maybe_named(p, parse_star_or_test(p)));
        }
        if (KIND != T_RBRACE) forgot_comma(p, n->l1.items[n->l1.n - 1]);
        expect(p, T_RBRACE);
        return n;
    }
    nl_push(p->c, &n->l1, k);
    nl_push(p->c, &n->l2, v);
    while (accept(p, T_COMMA)) {
        if (KIND == T_RBRACE) break;
        if (accept(p, T_DOUBLESTAR)) {
            nl_push(p->c, &n->l1, NULL);
            nl_push(p->c, &n->l2, parse_expr(p));
            continue;
        }
        Node *kk = parse_test(p);
        if (KIND != T_COLON) {
            if (KIND == T_COMMA || KIND == T_RBRACE)
                ctx_error(p->c, NULL, kk->line, kk->col, "':' expected after dictionary key");
            err_syntax(p);
        }
        next(p);
        nl_push(p->c, &n->l1, kk);
        nl_push(p->c, &n->l2, parse_test(p));
    }
    expect(p, T_RBRACE);
    return n;
}

static Node *parse_atom(P *p)
{
    Node *n;
    switch (KIND) {
    case T_NAME:
        switch (TOK.kw) {
        case 0:
            n = mk(p, E_NAME);
            n->v = tok_name(p);
            return n;
        case KW_None: case KW_True: case KW_False:
            n = mk(p, E_CONST);
            n->v = TOK.kw == KW_None ? None : TOK.kw == KW_True ? True_ : False_;
            next(p);
            return n;
        default:
            err_syntax(p);
        }
    case T_NUMBER: return parse_number(p);
    case T_STRING: return strlit_parse(p->c, p->lx, p->mode);   /* strlit.c */
    case T_ELLIPSIS:
        n = mk(p, E_CONST);
        n->v = &ellipsis_obj;
        next(p);
        return n;
    case T_LPAR: return parse_paren(p);
    case T_LSQB: return parse_list(p);
    case T_LBRACE: return parse_brace(p);
    default:
        err_syntax(p);
    }
}

static Node *parse_subscript_item(P *p)
{
    Node *lo = NULL;
    int line = TOK.line, col = TOK.col;
    if (KIND != T_COLON) {
        lo = parse_star_or_test(p);
        if (KIND == T_COLONEQUAL) return maybe_named(p, lo);
        if (KIND != T_COLON) return lo;
    }
    Node *s = node_new(p->c, E_SLICE, line, col);
    s->a = lo;
    next(p);                                     /* : */
    if (KIND != T_COLON && KIND != T_RSQB && KIND != T_COMMA) s->b = parse_test(p);
    if (accept(p, T_COLON)) {
        if (KIND != T_RSQB && KIND != T_COMMA) s->c = parse_test(p);
    }
    return s;
}

static void parse_call_args(P *p, Node *call)
{
    bool seen_kw = false, seen_dstar = false;
    while (KIND != T_RPAR) {
        if (accept(p, T_STAR)) {
            Node *s = mk(p, E_STARRED);
            s->a = parse_test(p);
            if (seen_dstar) ctx_error(p->c, NULL, s->line, s->col, "iterable argument unpacking follows keyword argument unpacking");
            nl_push(p->c, &call->l1, s);
        } else if (KIND == T_DOUBLESTAR) {
            Node *k = mk(p, E_KEYWORD);
            next(p);
            k->a = parse_test(p);
            seen_dstar = true;
            nl_push(p->c, &call->l2, k);
        } else {
            Node *e = parse_test(p);
            if (KIND == T_EQUAL) {
                if (e->kind != E_NAME) {
                    if (e->kind == E_CONST)
                        ctx_error(p->c, NULL, e->line, e->col, "expression cannot contain assignment, perhaps you meant \"==\"?");
                    ctx_error(p->c, NULL, e->line, e->col, "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                next(p);
                Node *k = mk_at(p, E_KEYWORD, e);
                k->v = e->v;
                k->a = parse_test(p);
                for (int i = 0; i < call->l2.n; i++)
                    if (call->l2.items[i]->v == k->v)
                        ctx_error(p->c, NULL, k->line, k->col, "keyword argument repeated: %s", str_data(k->v));
                seen_kw = true;
                nl_push(p->c, &call->l2, k);
            } else if (KIND == T_COLONEQUAL && e->kind == E_NAME) {
                Node *w = mk_at(p, E_NAMEDEXPR, e);
                next(p);
                e->op = CTX_STORE;
                w->a = e;
                w->b = parse_test(p);
                nl_push(p->c, &call->l1, w);
            } else if (is_kw(p, KW_for) || is_kw(p, KW_async)) {
                Node *g = mk_at(p, E_GENEXP, e);
                g->a = e;
                parse_comp_for(p, &g->l1);
                if (call->l1.n + call->l2.n > 0 || KIND == T_COMMA) {
                    if (!(KIND == T_COMMA && lex_peek(p->lx)->kind == T_RPAR && call->l1.n + call->l2.n == 0))
                        ctx_error(p->c, NULL, e->line, e->col, "Generator expression must be parenthesized");
                }
                nl_push(p->c, &call->l1, g);
            } else {
                if (seen_dstar)
                    ctx_error(p->c, NULL, e->line, e->col, "positional argument follows keyword argument unpacking");
                if (seen_kw)
                    ctx_error(p->c, NULL, e->line, e->col, "positional argument follows keyword argument");
                nl_push(p->c, &call->l1, e);
            }
        }
        if (!accept(p, T_COMMA)) {
            if (KIND != T_RPAR && call->l1.n) forgot_comma(p, call->l1.items[call->l1.n - 1]);
            break;
        }
    }
    expect(p, T_RPAR);
}

static void parse_atom_trailers(P *p, Node **pn)
{
    Node *n = *pn;
    for (;;) {
        if (KIND == T_LPAR) {
            Node *c = mk(p, E_CALL);
            c->line = n->line;
            c->col = n->col;
            next(p);
            c->a = n;
            parse_call_args(p, c);
            n = c;
        } else if (KIND == T_LSQB) {
            Node *s = mk_at(p, E_SUBSCR, n);
            next(p);
            s->a = n;
            Node *first = parse_subscript_item(p);
            if (KIND == T_COMMA) {
                Node *t = mk_at(p, E_TUPLE, first);
                nl_push(p->c, &t->l1, first);
                while (accept(p, T_COMMA)) {
                    if (KIND == T_RSQB) break;
                    nl_push(p->c, &t->l1, parse_subscript_item(p));
                }
                first = t;
            }
            s->b = first;
            expect(p, T_RSQB);
            n = s;
        } else if (KIND == T_DOT) {
            next(p);
            Node *a = mk_at(p, E_ATTR, n);
            a->a = n;
            a->v = tok_name(p);
            n = a;
        } else {
            break;
        }
    }
    *pn = n;
}

/* Constant folding of arithmetic on number literals (CPython folds these too): only small ints
 * and floats, only results that are small ints or floats, and errors (1/0) are left to run time
 * so they raise on the right line. */
static bool foldable_num(Obj *v) { return IS_SMALL(v) || obj_is(v, &float_type); }

static void fold_binop(P *p, Node *b)
{
    Node *x = b->a, *y = b->b;
    if (x->kind != E_CONST || y->kind != E_CONST) return;
    Obj *u = x->v, *v = y->v;
    if (!foldable_num(u) || !foldable_num(v) || b->op == NB_MATMUL) return;
    bool ints = IS_SMALL(u) && IS_SMALL(v);
    if (b->op == NB_POW && (!ints || SMALL_VAL(v) < 0 || SMALL_VAL(v) > 64)) return;
    if ((b->op == NB_LSHIFT || b->op == NB_RSHIFT) && (!ints || SMALL_VAL(v) < 0 || SMALL_VAL(v) > 62)) return;
    Obj *r = obj_binop(u, v, b->op);
    if (!r) {
        exc_clear();
        return;
    }
    if (!foldable_num(r)) {
        DECREF(r);
        return;
    }
    b->kind = E_CONST;
    b->v = ctx_keep(p->c, r);
    b->a = b->b = NULL;
}

static Node *parse_power(P *p)
{
    Node *n;
    if (is_kw(p, KW_await)) {
        /* await_primary: 'await' primary (binds tighter than **); where it may appear is the
         * symbol table's business */
        n = mk(p, E_AWAIT);
        next(p);
        Node *a = parse_atom(p);
        parse_atom_trailers(p, &a);
        n->a = a;
    } else {
        n = parse_atom(p);
        parse_atom_trailers(p, &n);
    }
    if (KIND == T_DOUBLESTAR) {
        Node *b = mk_at(p, E_BINOP, n);
        next(p);
        b->op = NB_POW;
        b->a = n;
        extern Node *parse_factor_(P *p);
        ctx_enter(p->c, b->line, b->col);
        b->b = parse_factor_(p);
        ctx_leave(p->c);
        fold_binop(p, b);
        n = b;
    }
    return n;
}

Node *parse_factor_(P *p);
Node *parse_factor_(P *p)
{
    int op;
    switch (KIND) {
    case T_MINUS: op = U_NEG; break;
    case T_PLUS: op = U_POS; break;
    case T_TILDE: op = U_INVERT; break;
    default: return parse_power(p);
    }
    Node *u = mk(p, E_UNARY);
    next(p);
    ctx_enter(p->c, u->line, u->col);
    u->op = op;
    u->a = parse_factor_(p);
    ctx_leave(p->c);
    /* fold -literal (CPython's constant folding; keeps `n = -1` one LOAD_CONST) */
    if (op == U_NEG && u->a->kind == E_CONST && (int_check(u->a->v) || obj_is(u->a->v, &float_type)) &&
        !obj_is(u->a->v, &bool_type)) {
        Obj *v = u->a->v;
        Obj *r;
        if (IS_SMALL(v) && SMALL_VAL(v) != SMALL_MIN) r = MK_SMALL(-SMALL_VAL(v));
        else r = obj_neg(v);
        u->kind = E_CONST;
        u->v = ctx_keep(p->c, r);
        u->a = NULL;
    }
    return u;
}

/* binary operators by precedence climbing */
static int binop_prec(P *p, int *op)
{
    switch (KIND) {
    case T_VBAR: *op = NB_OR; return 1;
    case T_CIRCUMFLEX: *op = NB_XOR; return 2;
    case T_AMPER: *op = NB_AND; return 3;
    case T_LEFTSHIFT: *op = NB_LSHIFT; return 4;
    case T_RIGHTSHIFT: *op = NB_RSHIFT; return 4;
    case T_PLUS: *op = NB_ADD; return 5;
    case T_MINUS: *op = NB_SUB; return 5;
    case T_STAR: *op = NB_MUL; return 6;
    case T_SLASH: *op = NB_TRUEDIV; return 6;
    case T_PERCENT: *op = NB_MOD; return 6;
    case T_DOUBLESLASH: *op = NB_FLOORDIV; return 6;
    case T_AT: *op = NB_MATMUL; return 6;
    default: return 0;
    }
}

static Node *parse_binary(P *p, int minprec)
{
    Node *left = parse_factor_(p);
    int op, prec;
    while ((prec = binop_prec(p, &op)) >= minprec && prec > 0) {
        next(p);
        ctx_enter(p->c, left->line, left->col);
        Node *right = parse_binary(p, prec + 1);
        ctx_leave(p->c);
        Node *b = mk_at(p, E_BINOP, left);
        b->op = op;
        b->a = left;
        b->b = right;
        fold_binop(p, b);
        left = b;
    }
    return left;
}

static Node *parse_expr(P *p) { return parse_binary(p, 1); }

static int comp_op(P *p)
{
    switch (KIND) {
    case T_LESS: return CMP_LT;
    case T_LESSEQUAL: return CMP_LE;
    case T_EQEQUAL: return CMP_EQ;
    case T_NOTEQUAL: return CMP_NE;
    case T_GREATER: return CMP_GT;
    case T_GREATEREQUAL: return CMP_GE;
    case T_NAME:
        if (TOK.kw == KW_in) return C_IN;
        if (TOK.kw == KW_is) return C_IS;
        if (TOK.kw == KW_not && lex_peek(p->lx)->kind == T_NAME && lex_peek(p->lx)->kw == KW_in) return C_NOTIN;
        return -1;
    default: return -1;
    }
}

static Node *parse_comparison(P *p)
{
    Node *left = parse_expr(p);
    int op = comp_op(p);
    if (op < 0) return left;
    Node *c = mk_at(p, E_COMPARE, left);
    c->a = left;
    int nops = 0, cap = 0;
    while ((op = comp_op(p)) >= 0) {
        next(p);
        if (op == C_NOTIN) next(p);
        else if (op == C_IS && accept_kw(p, KW_not)) op = C_ISNOT;
        if (nops == cap) {
            c->ops = ctx_grow(p->c, c->ops, (size_t)cap * sizeof(int), (size_t)(cap ? cap * 2 : 4) * sizeof(int));
            cap = cap ? cap * 2 : 4;
        }
        c->ops[nops++] = op;
        nl_push(p->c, &c->l1, parse_expr(p));
    }
    return c;
}

static Node *parse_not_test(P *p)
{
    if (is_kw(p, KW_not)) {
        Node *u = mk(p, E_UNARY);
        next(p);
        ctx_enter(p->c, u->line, u->col);
        u->op = U_NOT;
        u->a = parse_not_test(p);
        ctx_leave(p->c);
        return u;
    }
    return parse_comparison(p);
}

static Node *parse_and_test(P *p)
{
    Node *n = parse_not_test(p);
    if (!is_kw(p, KW_and)) return n;
    Node *b = mk_at(p, E_BOOLOP, n);
    b->op = B_AND;
    nl_push(p->c, &b->l1, n);
    while (accept_kw(p, KW_and)) nl_push(p->c, &b->l1, parse_not_test(p));
    return b;
}

static Node *parse_or_test(P *p)
{
    Node *n = parse_and_test(p);
    if (!is_kw(p, KW_or)) return n;
    Node *b = mk_at(p, E_BOOLOP, n);
    b->op = B_OR;
    nl_push(p->c, &b->l1, n);
    while (accept_kw(p, KW_or)) nl_push(p->c, &b->l1, parse_and_test(p));
    return b;
}

static Args *parse_params(P *p, int close, bool lambda);

static Node *parse_lambda(P *p)
{
    Node *n = mk(p, E_LAMBDA);
    next(p);
    n->args = parse_params(p, T_COLON, true);
    expect(p, T_COLON);
    n->a = parse_test(p);
    return n;
}

static Node *parse_test(P *p)
{
    ctx_enter(p->c, TOK.line, TOK.col);
    Node *n;
    if (is_kw(p, KW_lambda)) {
        n = parse_lambda(p);
    } else {
        n = parse_or_test(p);
        if (is_kw(p, KW_if)) {
            Node *i = mk_at(p, E_IFEXP, n);
            next(p);
            i->b = n;
            i->a = parse_or_test(p);
            if (!is_kw(p, KW_else)) err_tok(p, "expected 'else' after 'if' expression");
            next(p);
            i->c = parse_test(p);
            n = i;
        }
    }
    ctx_leave(p->c);
    return n;
}

static Node *parse_star_or_test(P *p)
{
    if (KIND == T_STAR) {
        Node *s = mk(p, E_STARRED);
        next(p);
        s->a = parse_expr(p);
        return s;
    }
    return parse_test(p);
}

/* exprlist (for targets): star_expr | expr, comma separated; stops before `in` */
static Node *parse_target_item(P *p)
{
    if (KIND == T_STAR) {
        Node *s = mk(p, E_STARRED);
        next(p);
        s->a = parse_expr(p);
        return s;
    }
    return parse_expr(p);
}

static Node *parse_exprlist(P *p)
{
    Node *first = parse_target_item(p);
    if (KIND != T_COMMA) return first;
    Node *t = mk_at(p, E_TUPLE, first);
    nl_push(p->c, &t->l1, first);
    while (accept(p, T_COMMA)) {
        if (!starts_expr(p) && KIND != T_STAR) break;
        nl_push(p->c, &t->l1, parse_target_item(p));
    }
    return t;
}

/* testlist_star_expr: a bare tuple when there is a comma */
static Node *parse_testlist_star(P *p, bool allow_star)
{
    Node *first = allow_star ? parse_star_or_test(p) : parse_test(p);
    if (KIND != T_COMMA) return first;
    Node *t = mk_at(p, E_TUPLE, first);
    nl_push(p->c, &t->l1, first);
    while (accept(p, T_COMMA)) {
        if (!starts_expr(p) && KIND != T_STAR) break;
        nl_push(p->c, &t->l1, allow_star ? parse_star_or_test(p) : parse_test(p));
    }
    return t;
}

static Node *parse_yield(P *p)
{
    Node *y = mk(p, E_YIELD);
    next(p);
    if (accept_kw(p, KW_from)) {
        y->kind = E_YIELDFROM;
        y->a = parse_test(p);
        return y;
    }
    if (starts_expr(p) || KIND == T_STAR) y->a = parse_testlist_star(p, true);
    return y;
}

/* ---- parameters ----------------------------------------------------------------------------- */
static Node *parse_param(P *p, bool lambda)
{
    Node *a = mk(p, S_ARG);
    a->v = tok_name(p);
    if (!lambda && accept(p, T_COLON)) (void)parse_test(p);      /* annotation: ignored */
    return a;
}

static void check_dup_param(P *p, Args *args, Node *a)
{
    NodeList *ls[2] = {&args->pos, &args->kwonly};
    for (int l = 0; l < 2; l++)
        for (int i = 0; i < ls[l]->n; i++)
            if (ls[l]->items[i] != a && ls[l]->items[i]->v == a->v) goto dup;
    if (args->vararg && args->vararg != a && args->vararg->v == a->v) goto dup;
    if (args->kwarg && args->kwarg != a && args->kwarg->v == a->v) goto dup;
    return;
dup:
    ctx_error(p->c, NULL, a->line, a->col, "duplicate argument '%s' in function definition", str_data(a->v));
}

static Args *parse_params(P *p, int close, bool lambda)
{
    Args *args = ctx_alloc(p->c, sizeof(Args));
    bool seen_default = false, seen_star = false;
    while (KIND != close) {
        if (accept(p, T_SLASH)) {
            if (seen_star || args->nposonly) err_syntax(p);
            if (args->pos.n == 0) ctx_error(p->c, NULL, TOK.line, TOK.col, "at least one argument must precede /");
            args->nposonly = args->pos.n;
        } else if (accept(p, T_STAR)) {
            if (seen_star) err_tok(p, "* argument may appear only once");
            seen_star = true;
            if (KIND == T_NAME) {
                args->vararg = parse_param(p, lambda);
                check_dup_param(p, args, args->vararg);
            } else if (KIND != T_COMMA) {
                err_tok(p, "named arguments must follow bare *");
            } else if (lex_peek(p->lx)->kind == close) {
                err_tok(p, "named arguments must follow bare *");
            }
        } else if (KIND == T_DOUBLESTAR) {
            next(p);
            args->kwarg = parse_param(p, lambda);
            check_dup_param(p, args, args->kwarg);
            accept(p, T_COMMA);
            if (KIND != close) err_tok(p, "arguments cannot follow var-keyword argument");
            break;
        } else {
            Node *a = parse_param(p, lambda);
            if (accept(p, T_EQUAL)) {
                a->a = parse_test(p);
                if (!seen_star) seen_default = true;
            } else if (seen_default && !seen_star) {
                ctx_error(p->c, NULL, a->line, a->col, "non-default argument follows default argument");
            }
            nl_push(p->c, seen_star ? &args->kwonly : &args->pos, a);
            check_dup_param(p, args, a);
        }
        if (!accept(p, T_COMMA)) break;
    }
    return args;
}

/* ---- statements ----------------------------------------------------------------------------- */
static void end_simple(P *p)
{
    if (KIND == T_NEWLINE) { next(p); return; }
    if (KIND == T_EOF) return;
    err_syntax(p);
}

static Node *parse_dotted(P *p, bool *star_ok)
{
    (void)star_ok;
    int line = TOK.line, col = TOK.col;
    const char *s = TOK.s;
    tok_name(p);
    const char *e = s;
    Token last;
    last.s = s;
    last.n = 0;
    while (KIND == T_DOT) {
        next(p);
        last = TOK;
        tok_name(p);
    }
    e = last.n ? last.s + last.n : s;
    Node *a = node_new(p->c, S_ALIAS, line, col);
    if (e == s) {
        /* single name: recompute end from the source */
        const char *q = s;
        while (*q == '_' || (unsigned)((*q | 32) - 'a') < 26u || (*q >= '0' && *q <= '9') || (unsigned char)*q >= 0x80) q++;
        e = q;
    }
    /* strip whitespace around dots */
    char buf[256];
    size_t k = 0;
    for (const char *q = s; q < e && k < sizeof buf - 1; q++)
        if (*q != ' ' && *q != '\t' && *q != '\\' && *q != '\n') buf[k++] = *q;
    a->v = ctx_intern(p->c, buf, k);
    return a;
}

static Node *parse_import(P *p)
{
    Node *n = mk(p, S_IMPORT);
    next(p);
    do {
        Node *a = parse_dotted(p, NULL);
        if (accept_kw(p, KW_as)) a->w = tok_name(p);
        nl_push(p->c, &n->l1, a);
    } while (accept(p, T_COMMA));
    return n;
}

static Node *parse_from(P *p)
{
    Node *n = mk(p, S_IMPORTFROM);
    next(p);
    int level = 0;
    for (;;) {
        if (accept(p, T_DOT)) level++;
        else if (accept(p, T_ELLIPSIS)) level += 3;
        else break;
    }
    n->op = level;
    if (!is_kw(p, KW_import) || level == 0) n->v = parse_dotted(p, NULL)->v;
    if (!accept_kw(p, KW_import)) err_syntax(p);
    if (KIND == T_STAR) {
        Node *a = mk(p, S_ALIAS);
        a->v = str_intern("*");
        next(p);
        nl_push(p->c, &n->l1, a);
        return n;
    }
    bool paren = accept(p, T_LPAR);
    do {
        if (paren && KIND == T_RPAR) break;
        Node *a = mk(p, S_ALIAS);
        a->v = tok_name(p);
        if (accept_kw(p, KW_as)) a->w = tok_name(p);
        nl_push(p->c, &n->l1, a);
    } while (accept(p, T_COMMA));
    if (paren) expect(p, T_RPAR);
    else if (n->l1.n && KIND == T_NEWLINE && p->lx->last_kind == T_COMMA) err_tok(p, "trailing comma not allowed without surrounding parentheses");
    return n;
}

static int augassign_op(int kind)
{
    switch (kind) {
    case T_PLUSEQUAL: return NB_ADD;
    case T_MINEQUAL: return NB_SUB;
    case T_STAREQUAL: return NB_MUL;
    case T_SLASHEQUAL: return NB_TRUEDIV;
    case T_DOUBLESLASHEQUAL: return NB_FLOORDIV;
    case T_PERCENTEQUAL: return NB_MOD;
    case T_DOUBLESTAREQUAL: return NB_POW;
    case T_LEFTSHIFTEQUAL: return NB_LSHIFT;
    case T_RIGHTSHIFTEQUAL: return NB_RSHIFT;
    case T_AMPEREQUAL: return NB_AND;
    case T_VBAREQUAL: return NB_OR;
    case T_CIRCUMFLEXEQUAL: return NB_XOR;
    case T_ATEQUAL: return NB_MATMUL;
    default: return -1;
    }
}

static Node *parse_expr_stmt(P *p)
{
    Node *first = is_kw(p, KW_yield) ? parse_yield(p) : parse_testlist_star(p, true);
    int aug = augassign_op(KIND);
    if (aug >= 0) {
        if (first->kind != E_NAME && first->kind != E_ATTR && first->kind != E_SUBSCR)
            ctx_error(p->c, NULL, first->line, first->col, "'%s' is an illegal expression for augmented assignment",
                      expr_desc(first));
        Node *n = mk_at(p, S_AUGASSIGN, first);
        next(p);
        first->op = CTX_STORE;
        n->a = first;
        n->op = aug;
        n->b = is_kw(p, KW_yield) ? parse_yield(p) : parse_testlist_star(p, true);
        return n;
    }
    if (KIND == T_COLON) {
        /* annotated assignment: the annotation is evaluated nowhere (a documented gap) */
        Node *n = mk_at(p, S_ANNASSIGN, first);
        if (first->kind != E_NAME && first->kind != E_ATTR && first->kind != E_SUBSCR) {
            if (first->kind == E_TUPLE) ctx_error(p->c, NULL, first->line, first->col, "only single target (not tuple) can be annotated");
            ctx_error(p->c, NULL, first->line, first->col, "illegal target for annotation");
        }
        next(p);
        n->c = parse_test(p);
        set_context(p, first, CTX_STORE, false);
        n->a = first;
        if (accept(p, T_EQUAL)) n->b = is_kw(p, KW_yield) ? parse_yield(p) : parse_testlist_star(p, true);
        return n;
    }
    if (KIND == T_EQUAL) {
        Node *n = mk_at(p, S_ASSIGN, first);
        Node *value = first;
        while (accept(p, T_EQUAL)) {
            set_context(p, value, CTX_STORE, true);
            nl_push(p->c, &n->l1, value);
            value = is_kw(p, KW_yield) ? parse_yield(p) : parse_testlist_star(p, true);
        }
        if (value->kind == E_STARRED) ctx_error(p->c, NULL, value->line, value->col, "can't use starred expression here");
        n->a = value;
        return n;
    }
    if (first->kind == E_STARRED) ctx_error(p->c, NULL, first->line, first->col, "can't use starred expression here");
    if (first->kind == E_NAME && starts_expr(p) && KIND != T_LPAR && KIND != T_LSQB && KIND != T_MINUS &&
        KIND != T_PLUS && KIND != T_TILDE &&
        (str_equal_cstr(first->v, "print") || str_equal_cstr(first->v, "exec"))) {
        ctx_error(p->c, NULL, first->line, first->col, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                  str_data(first->v), str_data(first->v));
    }
    Node *n = mk_at(p, S_EXPR, first);
    n->a = first;
    return n;
}

static Node *parse_small(P *p)
{
    Node *n;
    if (KIND == T_NAME) {
        switch (TOK.kw) {
        case KW_pass: n = mk(p, S_PASS); next(p); return n;
        case KW_break: n = mk(p, S_BREAK); next(p); return n;
        case KW_continue: n = mk(p, S_CONTINUE); next(p); return n;
        case KW_return:
            n = mk(p, S_RETURN);
            next(p);
            if (starts_expr(p) || KIND == T_STAR) n->a = parse_testlist_star(p, true);
            return n;
        case KW_raise:
            n = mk(p, S_RAISE);
            next(p);
            if (starts_expr(p)) {
                n->a = parse_test(p);
                if (accept_kw(p, KW_from)) n->b = parse_test(p);
            }
            return n;
        case KW_global: case KW_nonlocal:
            n = mk(p, TOK.kw == KW_global ? S_GLOBAL : S_NONLOCAL);
            next(p);
            do {
                Node *nm = mk(p, E_NAME);
                nm->v = tok_name(p);
                nl_push(p->c, &n->l1, nm);
            } while (accept(p, T_COMMA));
            return n;
        case KW_del:
            n = mk(p, S_DEL);
            next(p);
            do {
                if (!starts_expr(p)) break;
                Node *t = parse_expr(p);
                set_context(p, t, CTX_DEL, false);
                nl_push(p->c, &n->l1, t);
            } while (accept(p, T_COMMA));
            if (n->l1.n == 0) err_syntax(p);
            return n;
        case KW_assert:
            n = mk(p, S_ASSERT);
            next(p);
            n->a = parse_test(p);
            if (accept(p, T_COMMA)) n->b = parse_test(p);
            return n;
        case KW_import: return parse_import(p);
        case KW_from: return parse_from(p);
        default: break;
        }
    }
    return parse_expr_stmt(p);
}

static void parse_simple(P *p, NodeList *out)
{
    for (;;) {
        nl_push(p->c, out, parse_small(p));
        if (!accept(p, T_SEMI)) break;
        if (KIND == T_NEWLINE || KIND == T_EOF) break;
    }
    end_simple(p);
}

static void parse_block(P *p, NodeList *body, const char *what, int line)
{
    if (KIND != T_NEWLINE) {
        parse_simple(p, body);
        return;
    }
    next(p);
    if (KIND != T_INDENT) {
        if (KIND == T_EOF) p->c->at_eof = true;
        ctx_error(p->c, IndentationError_t, TOK.line, TOK.col, "expected an indented block after %s on line %d", what, line);
    }
    next(p);
    while (KIND != T_DEDENT && KIND != T_EOF) parse_statement(p, body);
    accept(p, T_DEDENT);
}

static Node *parse_if(P *p, const char *what)
{
    Node *n = mk(p, S_IF);
    int line = TOK.line;
    next(p);
    n->a = maybe_named(p, parse_test(p));
    if (KIND == T_COLONEQUAL) err_syntax(p);
    expect_colon(p);
    parse_block(p, &n->l1, what, line);
    if (is_kw(p, KW_elif)) {
        nl_push(p->c, &n->l2, parse_if(p, "'elif' statement"));
    } else if (is_kw(p, KW_else)) {
        int l2 = TOK.line;
        next(p);
        expect_colon(p);
        parse_block(p, &n->l2, "'else' statement", l2);
    }
    return n;
}

static void parse_else(P *p, NodeList *l)
{
    if (is_kw(p, KW_else)) {
        int line = TOK.line;
        next(p);
        expect_colon(p);
        parse_block(p, l, "'else' statement", line);
    }
}

static Node *parse_try(P *p)
{
    Node *n = mk(p, S_TRY);
    int line = TOK.line;
    next(p);
    expect_colon(p);
    parse_block(p, &n->l1, "'try' statement", line);
    while (is_kw(p, KW_except)) {
        Node *h = mk(p, S_HANDLER);
        int hl = TOK.line;
        next(p);
        if (KIND == T_STAR) err_tok(p, "except* is not supported");
        if (KIND != T_COLON) {
            h->a = parse_test(p);
            if (KIND == T_COMMA) {
                ctx_error(p->c, NULL, h->a->line, h->a->col, "multiple exception types must be parenthesized");
            }
            if (accept_kw(p, KW_as)) h->v = tok_name(p);
        }
        expect_colon(p);
        parse_block(p, &h->l1, "'except' statement", hl);
        if (n->l2.n && !n->l2.items[n->l2.n - 1]->a)
            ctx_error(p->c, NULL, n->l2.items[n->l2.n - 1]->line, n->l2.items[n->l2.n - 1]->col, "default 'except:' must be last");
        nl_push(p->c, &n->l2, h);
    }
    if (n->l2.n) parse_else(p, &n->l3);
    if (is_kw(p, KW_finally)) {
        int fl = TOK.line;
        next(p);
        expect_colon(p);
        parse_block(p, &n->l4, "'finally' statement", fl);
    }
    if (!n->l2.n && !n->l4.n) {
        if (KIND == T_EOF) p->c->at_eof = true;
        err_tok(p, "expected 'except' or 'finally' block");
    }
    return n;
}

static Node *parse_with(P *p)
{
    Node *n = mk(p, S_WITH);
    int line = TOK.line;
    next(p);
    /* with (a as b, c as d): — parenthesized items (3.10+) */
    bool paren = false;
    if (KIND == T_LPAR) {
        /* decide: look for `as` at depth 1 cheaply by trying to parse as items */
        paren = false;
    }
    (void)paren;
    do {
        Node *it = mk(p, S_WITHITEM);
        it->a = parse_test(p);
        if (accept_kw(p, KW_as)) {
            Node *t = parse_expr(p);
            if (KIND == T_COMMA && false) (void)0;
            set_context(p, t, CTX_STORE, false);
            it->b = t;
        }
        nl_push(p->c, &n->l1, it);
    } while (accept(p, T_COMMA));
    expect_colon(p);
    parse_block(p, &n->l2, "'with' statement", line);
    return n;
}

static Node *parse_for(P *p, int line)
{
    Node *n = mk(p, S_FOR);
    next(p);
    n->a = parse_exprlist(p);
    set_context(p, n->a, CTX_STORE, false);
    if (!accept_kw(p, KW_in)) err_syntax(p);
    n->b = parse_testlist_star(p, true);
    expect_colon(p);
    parse_block(p, &n->l1, "'for' statement", line);
    parse_else(p, &n->l2);
    return n;
}

static Node *parse_funcdef(P *p)
{
    Node *n = mk(p, S_FUNCDEF);
    int line = TOK.line;
    next(p);
    n->v = tok_name(p);
    if (KIND != T_LPAR) err_tok(p, "expected '('");
    next(p);
    n->args = parse_params(p, T_RPAR, false);
    expect(p, T_RPAR);
    if (accept(p, T_RARROW)) (void)parse_test(p);
    expect_colon(p);
    parse_block(p, &n->l1, "function definition", line);
    return n;
}

static Node *parse_classdef(P *p)
{
    Node *n = mk(p, S_CLASSDEF);
    int line = TOK.line;
    next(p);
    n->v = tok_name(p);
    if (accept(p, T_LPAR)) {
        Node *call = mk(p, E_CALL);
        parse_call_args(p, call);
        n->l3 = call->l1;
        for (int i = 0; i < call->l3.n; i++) (void)0;
        for (int i = 0; i < call->l2.n; i++) {
            Node *k = call->l2.items[i];
            if (!k->v) ctx_error(p->c, NULL, k->line, k->col, "**kwargs in a class statement are not supported");
        }
        n->l4 = call->l2;           /* metaclass= and the keywords for __init_subclass__ */
        for (int i = 0; i < n->l3.n; i++)
            if (n->l3.items[i]->kind == E_STARRED)
                ctx_error(p->c, NULL, n->l3.items[i]->line, n->l3.items[i]->col, "starred bases are not supported");
    }
    expect_colon(p);
    parse_block(p, &n->l1, "class definition", line);
    return n;
}

static Node *parse_statement(P *p, NodeList *out)
{
    ctx_enter(p->c, TOK.line, TOK.col);
    Node *n = NULL;
    if (KIND == T_INDENT) ctx_error(p->c, IndentationError_t, TOK.line, TOK.col, "unexpected indent");
    if (KIND == T_NAME) {
        int line = TOK.line;
        switch (TOK.kw) {
        case KW_if: n = parse_if(p, "'if' statement"); break;
        case KW_while:
            n = mk(p, S_WHILE);
            next(p);
            n->a = maybe_named(p, parse_test(p));
            expect_colon(p);
            parse_block(p, &n->l1, "'while' statement", line);
            parse_else(p, &n->l2);
            break;
        case KW_for: n = parse_for(p, line); break;
        case KW_try: n = parse_try(p); break;
        case KW_with: n = parse_with(p); break;
        case KW_def: n = parse_funcdef(p); break;
        case KW_class: n = parse_classdef(p); break;
        case KW_async: {
            /* async def / async for / async with: the plain node with op = 1, placed at `async` */
            int col = TOK.col;
            next(p);
            if (is_kw(p, KW_def)) n = parse_funcdef(p);
            else if (is_kw(p, KW_for)) n = parse_for(p, line);
            else if (is_kw(p, KW_with)) n = parse_with(p);
            else err_syntax(p);
            n->op = 1;
            n->line = line;
            n->col = col;
            break;
        }
        case KW_else: case KW_elif: case KW_except: case KW_finally: err_syntax(p);
        default: break;
        }
    } else if (KIND == T_AT) {
        NodeList decos = {0};
        while (accept(p, T_AT)) {
            nl_push(p->c, &decos, parse_test(p));
            expect(p, T_NEWLINE);
        }
        if (is_kw(p, KW_def)) n = parse_funcdef(p);
        else if (is_kw(p, KW_class)) n = parse_classdef(p);
        else if (is_kw(p, KW_async) && lex_peek(p->lx)->kw == KW_def) {
            next(p);
            n = parse_funcdef(p);
            n->op = 1;
        }
        else err_syntax(p);
        n->l2 = decos;
    }
    if (n) {
        p->c->saw_compound = true;
        nl_push(p->c, out, n);
    } else {
        parse_simple(p, out);
    }
    ctx_leave(p->c);
    return n;
}

Node *parse_source(Ctx *c, int mode)
{
    Lexer *lxp = ctx_alloc(c, sizeof(Lexer));      /* outlives a longjmp: see compile_impl */
#define lx (*lxp)
    lex_init(&lx, c, c->src, c->src + c->len, 1, c->src, false);
    P p = {c, &lx, mode};
    c->lexer = &lx;
    lex_next(&lx);
    Node *m = node_new(c, S_MODULE, 1, 0);
    if (mode == PARSE_EVAL) {
        /* eval() ignores leading blanks, as CPython */
        while (lx.tok.kind == T_NEWLINE || lx.tok.kind == T_INDENT) lex_next(&lx);
        if (lx.tok.kind == T_INDENT) ctx_error(c, IndentationError_t, lx.tok.line, lx.tok.col, "unexpected indent");
        Node *e = parse_testlist_star(&p, true);
        Node *s = node_new(c, S_EXPR, e->line, e->col);
        s->a = e;
        nl_push(c, &m->l1, s);
        while (lx.tok.kind == T_NEWLINE || lx.tok.kind == T_DEDENT) lex_next(&lx);
        if (lx.tok.kind != T_EOF) err_syntax(&p);
        return m;
    }
    while (lx.tok.kind != T_EOF) {
        if (lx.tok.kind == T_NEWLINE) { lex_next(&lx); continue; }
        if (lx.tok.kind == T_DEDENT) { lex_next(&lx); continue; }
        parse_statement(&p, &m->l1);
    }
    return m;
#undef lx
}

/* ---- f-string replacement fields (the literal around them is decoded in strlit.c) -------------- */
Node *parse_fstring_expr(Ctx *c, int mode, const char *s, const char *e, int line, const char *line_start)
{
    Lexer *subp = ctx_alloc(c, sizeof(Lexer));   /* big: keep it off the C stack */
#define sub (*subp)
    lex_init(&sub, c, s, e, line, line_start, true);
    P sp = {c, &sub, mode};
    lex_next(&sub);
    Node *expr = is_kw(&sp, KW_yield) ? parse_yield(&sp) : parse_testlist_star(&sp, true);
    if (sub.tok.kind != T_EOF) {
        ctx_error(c, NULL, sub.tok.line, sub.tok.col, "f-string: invalid syntax");
    }
#undef sub
    return expr;
}
