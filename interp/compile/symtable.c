/*
 * interp/compile/symtable.c — scopes and name resolution (see symtable.h).
 *
 * Two passes, as CPython's symtable.c: collect (every scope records which names it binds, uses,
 * declares global/nonlocal), then analyse top-down with the set of names bound by enclosing
 * functions, bubbling each child's free names back up so the binding scope turns them into
 * cells. `super` or `__class__` used in a function is an implicit use of `__class__`, which a
 * class scope provides as a cell.
 */
#include <string.h>
#include "compile/symtable.h"

typedef struct {
    Ctx *c;
    Scope *cur;
    Obj *s_class, *s_super, *s_dot0;
} ST;

static Scope *scope_new(ST *st, int kind, Obj *name, Node *node)
{
    Scope *s = ctx_alloc(st->c, sizeof(Scope));
    s->kind = kind;
    s->name = name;
    s->parent = st->cur;
    s->node = node;
    s->nested = st->cur && (st->cur->kind == SC_FUNCTION || st->cur->kind == SC_COMP || st->cur->nested);
    if (node) node->scope = s;
    if (st->cur) {
        Scope *p = st->cur;
        if (p->nchildren == p->capchildren) {
            int cap = p->capchildren ? p->capchildren * 2 : 4;
            p->children = ctx_grow(st->c, p->children, (size_t)p->capchildren * sizeof(Scope *), (size_t)cap * sizeof(Scope *));
            p->capchildren = cap;
        }
        p->children[p->nchildren++] = s;
    }
    return s;
}

static unsigned ptr_hash(Obj *o) { return (unsigned)(((uintptr_t)o >> 4) * 2654435761u); }

Sym *scope_lookup(Scope *s, Obj *name)
{
    if (!s->hcap) return NULL;
    unsigned m = (unsigned)s->hcap - 1;
    for (unsigned i = ptr_hash(name) & m;; i = (i + 1) & m) {
        int k = s->hash[i];
        if (k < 0) return NULL;
        if (s->syms[k].name == name) return &s->syms[k];
    }
}

static Sym *sym_add(Ctx *c, Scope *s, Obj *name)
{
    Sym *y = scope_lookup(s, name);
    if (y) return y;
    if (s->nsyms == s->capsyms) {
        int cap = s->capsyms ? s->capsyms * 2 : 8;
        s->syms = ctx_grow(c, s->syms, (size_t)s->capsyms * sizeof(Sym), (size_t)cap * sizeof(Sym));
        s->capsyms = cap;
    }
    if ((s->nsyms + 1) * 2 > s->hcap) {
        int hcap = s->hcap ? s->hcap * 2 : 16;
        while ((s->nsyms + 1) * 2 > hcap) hcap *= 2;
        s->hash = ctx_alloc(c, (size_t)hcap * sizeof(int));
        s->hcap = hcap;
        for (int i = 0; i < hcap; i++) s->hash[i] = -1;
        for (int k = 0; k < s->nsyms; k++) {
            unsigned m = (unsigned)hcap - 1, i = ptr_hash(s->syms[k].name) & m;
            while (s->hash[i] >= 0) i = (i + 1) & m;
            s->hash[i] = k;
        }
    }
    int k = s->nsyms++;
    y = &s->syms[k];
    memset(y, 0, sizeof *y);
    y->name = name;
    unsigned m = (unsigned)s->hcap - 1, i = ptr_hash(name) & m;
    while (s->hash[i] >= 0) i = (i + 1) & m;
    s->hash[i] = k;
    return y;
}

static void add_flag(ST *st, Obj *name, int flag) { sym_add(st->c, st->cur, name)->flags |= flag; }

static void visit_expr(ST *st, Node *e);
static void visit_stmts(ST *st, NodeList *l);

static void visit_list(ST *st, NodeList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i]) visit_expr(st, l->items[i]);
}

static void visit_params(ST *st, Args *a)
{
    for (int i = 0; i < a->pos.n; i++) add_flag(st, a->pos.items[i]->v, DEF_PARAM);
    for (int i = 0; i < a->kwonly.n; i++) add_flag(st, a->kwonly.items[i]->v, DEF_PARAM);
    if (a->vararg) add_flag(st, a->vararg->v, DEF_PARAM);
    if (a->kwarg) add_flag(st, a->kwarg->v, DEF_PARAM);
}

static void visit_defaults(ST *st, Args *a)
{
    for (int i = 0; i < a->pos.n; i++) if (a->pos.items[i]->a) visit_expr(st, a->pos.items[i]->a);
    for (int i = 0; i < a->kwonly.n; i++) if (a->kwonly.items[i]->a) visit_expr(st, a->kwonly.items[i]->a);
}

static void visit_comp(ST *st, Node *e, const char *name)
{
    Node *g0 = e->l1.items[0];
    visit_expr(st, g0->b);                   /* the outermost iterable: evaluated outside */
    Scope *saved = st->cur;
    st->cur = scope_new(st, SC_COMP, ctx_intern(st->c, name, strlen(name)), e);
    if (e->kind == E_GENEXP) st->cur->generator = true;
    add_flag(st, st->s_dot0, DEF_PARAM);
    for (int i = 0; i < e->l1.n; i++) {
        Node *g = e->l1.items[i];
        if (i > 0) visit_expr(st, g->b);
        visit_expr(st, g->a);
        visit_list(st, &g->l1);
    }
    if (e->a) visit_expr(st, e->a);
    if (e->b) visit_expr(st, e->b);
    /* An asynchronous comprehension (an `async for` clause or an await inside) is a coroutine
     * that the enclosing code awaits, so that code must be able to await; a generator
     * expression becomes an async generator instead and may appear anywhere. */
    Scope *cs = st->cur;
    for (int i = 0; i < e->l1.n; i++) if (e->l1.items[i]->op == 1) cs->coroutine = true;
    st->cur = saved;
    if (cs->coroutine && e->kind != E_GENEXP) {
        if (saved->kind == SC_COMP) saved->coroutine = true;     /* checked in turn when it ends */
        else if (!saved->coroutine)
            ctx_error(st->c, NULL, e->line, e->col, "asynchronous comprehension outside of an asynchronous function");
    }
}

static void visit_expr(ST *st, Node *e)
{
    ctx_enter(st->c, e->line, e->col);
    switch (e->kind) {
    case E_NAME:
        if (e->op == CTX_LOAD) {
            add_flag(st, e->v, USE);
            if ((e->v == st->s_super || e->v == st->s_class) && st->cur->kind == SC_FUNCTION)
                add_flag(st, st->s_class, USE);
        } else {
            add_flag(st, e->v, DEF_LOCAL);
        }
        break;
    case E_LAMBDA: {
        visit_defaults(st, e->args);
        Scope *saved = st->cur;
        st->cur = scope_new(st, SC_FUNCTION, ctx_intern(st->c, "<lambda>", 8), e);
        visit_params(st, e->args);
        visit_expr(st, e->a);
        st->cur = saved;
        break;
    }
    case E_LISTCOMP: visit_comp(st, e, "<listcomp>"); break;
    case E_SETCOMP: visit_comp(st, e, "<setcomp>"); break;
    case E_DICTCOMP: visit_comp(st, e, "<dictcomp>"); break;
    case E_GENEXP: visit_comp(st, e, "<genexpr>"); break;
    case E_NAMEDEXPR:
        if (st->cur->kind == SC_COMP) {
            /* PEP 572: the target binds in the nearest enclosing non-comprehension scope */
            Scope *t = st->cur;
            while (t->kind == SC_COMP) t = t->parent;
            if (t->kind == SC_CLASS)
                ctx_error(st->c, NULL, e->line, e->col,
                          "assignment expression within a comprehension cannot be used in a class body");
            for (Scope *q = st->cur; q != t; q = q->parent)
                sym_add(st->c, q, e->a->v)->flags |= t->kind == SC_MODULE ? DEF_GLOBAL : DEF_NONLOCAL;
            sym_add(st->c, t, e->a->v)->flags |= DEF_LOCAL;
            visit_expr(st, e->b);
            break;
        }
        visit_expr(st, e->a);
        visit_expr(st, e->b);
        break;
    case E_YIELD: case E_YIELDFROM: {
        Scope *s = st->cur;
        if (s->kind == SC_MODULE || s->kind == SC_CLASS)
            ctx_error(st->c, NULL, e->line, e->col, "'yield' outside function");
        if (s->kind == SC_COMP) {
            const char *n = str_data(s->name);
            ctx_error(st->c, NULL, e->line, e->col, "'yield' inside %s",
                      !strcmp(n, "<listcomp>") ? "list comprehension" : !strcmp(n, "<setcomp>") ? "set comprehension" :
                      !strcmp(n, "<dictcomp>") ? "dict comprehension" : "generator expression");
        }
        if (s->coroutine && e->kind == E_YIELDFROM)
            ctx_error(st->c, NULL, e->line, e->col, "'yield from' inside async function");
        s->generator = true;
        if (e->a) visit_expr(st, e->a);
        break;
    }
    case E_AWAIT: {
        Scope *s = st->cur;
        if (s->kind == SC_MODULE || s->kind == SC_CLASS)
            ctx_error(st->c, NULL, e->line, e->col, "'await' outside function");
        if (s->kind == SC_COMP) s->coroutine = true;   /* an asynchronous comprehension: visit_comp checks */
        if (!s->coroutine) ctx_error(st->c, NULL, e->line, e->col, "'await' outside async function");
        visit_expr(st, e->a);
        break;
    }
    default:
        if (e->a) visit_expr(st, e->a);
        if (e->b) visit_expr(st, e->b);
        if (e->c) visit_expr(st, e->c);
        visit_list(st, &e->l1);
        visit_list(st, &e->l2);
        break;
    }
    ctx_leave(st->c);
}

static void visit_stmt(ST *st, Node *s)
{
    ctx_enter(st->c, s->line, s->col);
    switch (s->kind) {
    case S_FUNCDEF: {
        visit_list(st, &s->l2);
        visit_defaults(st, s->args);
        add_flag(st, s->v, DEF_LOCAL);
        Scope *saved = st->cur;
        st->cur = scope_new(st, SC_FUNCTION, s->v, s);
        st->cur->coroutine = s->op == 1;
        visit_params(st, s->args);
        visit_stmts(st, &s->l1);
        st->cur = saved;
        break;
    }
    case S_CLASSDEF: {
        visit_list(st, &s->l2);
        visit_list(st, &s->l3);
        visit_list(st, &s->l4);
        add_flag(st, s->v, DEF_LOCAL);
        Scope *saved = st->cur;
        st->cur = scope_new(st, SC_CLASS, s->v, s);
        visit_stmts(st, &s->l1);
        st->cur = saved;
        break;
    }
    case S_IMPORT:
        for (int i = 0; i < s->l1.n; i++) {
            Node *a = s->l1.items[i];
            if (a->w) add_flag(st, a->w, DEF_LOCAL);
            else {
                const char *d = str_data(a->v), *dot = strchr(d, '.');
                add_flag(st, dot ? ctx_intern(st->c, d, (size_t)(dot - d)) : a->v, DEF_LOCAL);
            }
        }
        break;
    case S_IMPORTFROM:
        for (int i = 0; i < s->l1.n; i++) {
            Node *a = s->l1.items[i];
            if (str_equal_cstr(a->v, "*")) {
                if (st->cur->kind != SC_MODULE)
                    ctx_error(st->c, NULL, s->line, s->col, "import * only allowed at module level");
                st->cur->has_star_import = true;
                continue;
            }
            add_flag(st, a->w ? a->w : a->v, DEF_LOCAL);
        }
        break;
    case S_GLOBAL: case S_NONLOCAL: {
        bool g = s->kind == S_GLOBAL;
        if (!g && st->cur->kind == SC_MODULE)
            ctx_error(st->c, NULL, s->line, s->col, "nonlocal declaration not allowed at module level");
        for (int i = 0; i < s->l1.n; i++) {
            Node *n = s->l1.items[i];
            Sym *y = sym_add(st->c, st->cur, n->v);
            const char *nm = str_data(n->v);
            if (y->flags & DEF_PARAM)
                ctx_error(st->c, NULL, s->line, s->col, "name '%s' is parameter and %s", nm, g ? "global" : "nonlocal");
            if (g && (y->flags & DEF_NONLOCAL))
                ctx_error(st->c, NULL, s->line, s->col, "name '%s' is nonlocal and global", nm);
            if (!g && (y->flags & DEF_GLOBAL))
                ctx_error(st->c, NULL, s->line, s->col, "name '%s' is nonlocal and global", nm);
            if (y->flags & DEF_LOCAL)
                ctx_error(st->c, NULL, s->line, s->col, "name '%s' is assigned to before %s declaration", nm, g ? "global" : "nonlocal");
            if (y->flags & USE)
                ctx_error(st->c, NULL, s->line, s->col, "name '%s' is used prior to %s declaration", nm, g ? "global" : "nonlocal");
            y->flags |= g ? DEF_GLOBAL : DEF_NONLOCAL;
        }
        break;
    }
    case S_HANDLER:
        if (s->a) visit_expr(st, s->a);
        if (s->v) add_flag(st, s->v, DEF_LOCAL);
        visit_stmts(st, &s->l1);
        break;
    case S_ANNASSIGN:
        visit_expr(st, s->a);
        if (s->b) visit_expr(st, s->b);
        /* a class body or a module evaluates a simple name's annotation into __annotations__ */
        if (s->a->kind == E_NAME && s->c && (st->cur->kind == SC_CLASS || st->cur->kind == SC_MODULE))
            visit_expr(st, s->c);
        break;
    case S_TRY:
        visit_stmts(st, &s->l1);
        visit_stmts(st, &s->l2);
        visit_stmts(st, &s->l3);
        visit_stmts(st, &s->l4);
        break;
    default:
        if ((s->kind == S_FOR || s->kind == S_WITH) && s->op == 1 && !st->cur->coroutine)
            ctx_error(st->c, NULL, s->line, s->col, s->kind == S_FOR ? "'async for' outside async function"
                      : "'async with' outside async function");
        /* statements whose children are expressions and statement lists */
        if (s->a) visit_expr(st, s->a);
        if (s->kind == S_ASSIGN || s->kind == S_DEL) {
            visit_list(st, &s->l1);
        } else if (s->kind == S_WITH) {
            for (int i = 0; i < s->l1.n; i++) {
                Node *it = s->l1.items[i];
                visit_expr(st, it->a);
                if (it->b) visit_expr(st, it->b);
            }
            visit_stmts(st, &s->l2);
            break;
        } else if (s->kind == S_AUGASSIGN) {
            /* the target is read and written */
            if (s->a->kind == E_NAME) add_flag(st, s->a->v, USE | DEF_LOCAL);
        } else {
            visit_stmts(st, &s->l1);
        }
        if (s->b) visit_expr(st, s->b);
        if (s->c) visit_expr(st, s->c);
        visit_stmts(st, &s->l2);
        break;
    }
    ctx_leave(st->c);
}

static void visit_stmts(ST *st, NodeList *l)
{
    for (int i = 0; i < l->n; i++) {
        Node *n = l->items[i];
        if (n->kind >= S_EXPR) visit_stmt(st, n);
        else visit_expr(st, n);
    }
}

/* ---- analysis ---------------------------------------------------------------------------------- */
typedef struct { Obj **v; int n, cap; int *h; int hcap; } NameSet;   /* hashed by pointer */

static bool ns_has(NameSet *s, Obj *n)
{
    if (!s->hcap) return false;
    unsigned m = (unsigned)s->hcap - 1;
    for (unsigned i = ptr_hash(n) & m;; i = (i + 1) & m) {
        if (s->h[i] < 0) return false;
        if (s->v[s->h[i]] == n) return true;
    }
}

static void ns_add(Ctx *c, NameSet *s, Obj *n)
{
    if (ns_has(s, n)) return;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        s->v = ctx_grow(c, s->v, (size_t)s->cap * sizeof(Obj *), (size_t)cap * sizeof(Obj *));
        s->cap = cap;
    }
    s->v[s->n++] = n;
    if (s->n * 2 > s->hcap) {
        int hcap = s->hcap ? s->hcap * 2 : 16;
        while (s->n * 2 > hcap) hcap *= 2;
        s->h = ctx_alloc(c, (size_t)hcap * sizeof(int));
        s->hcap = hcap;
        for (int i = 0; i < hcap; i++) s->h[i] = -1;
        for (int k = 0; k < s->n; k++) {
            unsigned m = (unsigned)hcap - 1, i = ptr_hash(s->v[k]) & m;
            while (s->h[i] >= 0) i = (i + 1) & m;
            s->h[i] = k;
        }
        return;
    }
    unsigned m = (unsigned)s->hcap - 1, i = ptr_hash(n) & m;
    while (s->h[i] >= 0) i = (i + 1) & m;
    s->h[i] = s->n - 1;
}

static void find_nonlocal_decl(Node *body, Obj *name, int *line, int *col);

static void analyze(ST *st, Scope *s, NameSet *bound, NameSet *free_out)
{
    Ctx *c = st->c;
    ctx_enter(c, 0, 0);
    bool func = s->kind == SC_FUNCTION || s->kind == SC_COMP;
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        if (y->flags & DEF_GLOBAL) y->scope = SYM_GLOBAL_EXPLICIT;
        else if (y->flags & DEF_NONLOCAL) {
            if (!ns_has(bound, y->name)) {
                int line = s->node ? s->node->line : 1, col = 0;
                if (s->node) find_nonlocal_decl(s->node, y->name, &line, &col);
                ctx_error(c, NULL, line, col, "no binding for nonlocal '%s' found", str_data(y->name));
            }
            y->scope = SYM_FREE;
        } else if (y->flags & (DEF_LOCAL | DEF_PARAM)) {
            y->scope = SYM_LOCAL;
        } else if (s->kind != SC_MODULE && ns_has(bound, y->name)) {
            y->scope = SYM_FREE;
        } else {
            y->scope = SYM_GLOBAL_IMPLICIT;
        }
    }
    NameSet nb = {0};
    if (s->nchildren == 0) goto children_done;
    if (s->kind != SC_MODULE) {
        for (int i = 0; i < bound->n; i++) {
            Sym *y = scope_lookup(s, bound->v[i]);
            if (y && y->scope == SYM_GLOBAL_EXPLICIT) continue;
            ns_add(c, &nb, bound->v[i]);
        }
    }
    if (func) {
        for (int i = 0; i < s->nsyms; i++)
            if (s->syms[i].scope == SYM_LOCAL) ns_add(c, &nb, s->syms[i].name);
    }
    if (s->kind == SC_CLASS) ns_add(c, &nb, st->s_class);
    for (int k = 0; k < s->nchildren; k++) {
        NameSet cf = {0};
        analyze(st, s->children[k], &nb, &cf);
        for (int i = 0; i < cf.n; i++) {
            Obj *n = cf.v[i];
            if (s->kind == SC_CLASS && n == st->s_class) {
                s->needs_class_cell = true;
                continue;
            }
            Sym *y = scope_lookup(s, n);
            if (func) {
                if (y && y->scope == SYM_LOCAL) y->scope = SYM_CELL;
                else if (!y) {
                    y = sym_add(c, s, n);
                    y->scope = SYM_FREE;
                }
            } else if (s->kind == SC_CLASS) {
                if (y && y->scope == SYM_LOCAL) y->flags |= DEF_FREE_CLASS;
                else if (!y) {
                    y = sym_add(c, s, n);
                    y->scope = SYM_FREE;
                } else if (y->scope != SYM_FREE) {
                    y->flags |= DEF_FREE_CLASS;
                }
            }
        }
    }
children_done:
    for (int i = 0; i < s->nsyms; i++) {
        Sym *y = &s->syms[i];
        if (y->scope == SYM_FREE || (y->flags & DEF_FREE_CLASS)) ns_add(c, free_out, y->name);
    }
    ctx_leave(c);
}

static void find_nonlocal_decl_list(NodeList *l, Obj *name, int *line, int *col)
{
    for (int i = 0; i < l->n; i++) {
        Node *n = l->items[i];
        if (!n || n->kind < S_EXPR) continue;
        if (n->kind == S_NONLOCAL) {
            for (int k = 0; k < n->l1.n; k++)
                if (n->l1.items[k]->v == name) { *line = n->line; *col = n->col; return; }
        }
        if (n->kind == S_FUNCDEF || n->kind == S_CLASSDEF) continue;
        find_nonlocal_decl_list(&n->l1, name, line, col);
        find_nonlocal_decl_list(&n->l2, name, line, col);
        find_nonlocal_decl_list(&n->l3, name, line, col);
        find_nonlocal_decl_list(&n->l4, name, line, col);
    }
}

static void find_nonlocal_decl(Node *body, Obj *name, int *line, int *col)
{
    find_nonlocal_decl_list(&body->l1, name, line, col);
}

Scope *symtable_build(Ctx *c, Node *m)
{
    ST st = {c, NULL, NULL, NULL, NULL};
    st.s_class = ctx_intern(c, "__class__", 9);
    st.s_super = ctx_intern(c, "super", 5);
    st.s_dot0 = ctx_intern(c, ".0", 2);
    Scope *top = scope_new(&st, SC_MODULE, ctx_intern(c, "<module>", 8), m);
    st.cur = top;
    int depth = c->depth;
    visit_stmts(&st, &m->l1);
    c->depth = depth;
    NameSet bound = {0}, fr = {0};
    analyze(&st, top, &bound, &fr);
    return top;
}
