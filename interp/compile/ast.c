/*
 * interp/compile/ast.c — the front end's arena and error exit (see ast.h).
 * Called by the lexer, parser, symbol table and compiler of one compile_source call.
 */
#include <string.h>
#include <stdio.h>
#include "compile/ast.h"

#define MAX_DEPTH 1000       /* nesting of expressions/statements any pass may recurse into */

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, cap;
    max_align_t data[];
};

void *ctx_alloc(Ctx *c, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    ArenaChunk *ch = c->chunks;
    if (!ch || ch->cap - ch->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        ch = mem_alloc(sizeof(ArenaChunk) + cap);
        if (!ch) ctx_fail(c);
        ch->used = 0;
        ch->cap = cap;
        ch->next = c->chunks;
        c->chunks = ch;
    }
    void *p = (char *)ch->data + ch->used;
    ch->used += n;
    memset(p, 0, n);
    return p;
}

void *ctx_grow(Ctx *c, void *p, size_t oldn, size_t newn)
{
    void *q = ctx_alloc(c, newn);
    if (p && oldn) memcpy(q, p, oldn < newn ? oldn : newn);
    return q;
}

Obj *ctx_keep(Ctx *c, Obj *o)
{
    if (!o) ctx_fail(c);
    if (c->nobjs == c->capobjs) {
        int cap = c->capobjs ? c->capobjs * 2 : 64;
        Obj **n = mem_realloc(c->objs, (size_t)cap * sizeof(Obj *));
        if (!n) {
            DECREF(o);
            ctx_fail(c);
        }
        c->objs = n;
        c->capobjs = cap;
    }
    c->objs[c->nobjs++] = o;
    return o;
}

Obj *ctx_intern(Ctx *c, const char *s, size_t n)
{
    char buf[128];
    char *p = n < sizeof buf ? buf : ctx_alloc(c, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    Obj *o = str_intern(p);
    if (!o) ctx_fail(c);
    return o;
}

Node *node_new(Ctx *c, int kind, int line, int col)
{
    Node *n = ctx_alloc(c, sizeof(Node));
    n->kind = (uint8_t)kind;
    n->line = line;
    n->col = col;
    return n;
}

void nl_push(Ctx *c, NodeList *l, Node *n)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        l->items = ctx_grow(c, l->items, (size_t)l->cap * sizeof(Node *), (size_t)cap * sizeof(Node *));
        l->cap = cap;
    }
    l->items[l->n++] = n;
}

StrBuf *ctx_sb_new(Ctx *c)
{
    StrBuf *b = ctx_alloc(c, sizeof(StrBuf));     /* in the arena: survives a longjmp */
    if (c->nbufs >= (int)(sizeof c->bufs / sizeof *c->bufs)) {
        exc_raise(RecursionError_t, "maximum recursion depth exceeded during compilation");
        ctx_fail(c);
    }
    sb_init(b);
    c->bufs[c->nbufs++] = b;
    return b;
}

void ctx_sb_free(Ctx *c, StrBuf *b)
{
    for (int i = c->nbufs - 1; i >= 0; i--)
        if (c->bufs[i] == b) {
            c->bufs[i] = c->bufs[--c->nbufs];
            break;
        }
    sb_free(b);
}

void ctx_free(Ctx *c)
{
    while (c->nbufs > 0) sb_free(c->bufs[--c->nbufs]);
    for (int i = 0; i < c->nobjs; i++) DECREF(c->objs[i]);
    mem_free(c->objs);
    c->objs = NULL;
    c->nobjs = c->capobjs = 0;
    while (c->chunks) {
        ArenaChunk *n = c->chunks->next;
        mem_free(c->chunks);
        c->chunks = n;
    }
}

void ctx_error(Ctx *c, Type *type, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err_msg, sizeof c->err_msg, fmt, ap);
    va_end(ap);
    c->err = ERR_SYNTAX;
    c->err_type = type ? type : SyntaxError_t;
    c->err_line = line;
    c->err_col = col;
    longjmp(c->jb, 1);
}

void ctx_fail(Ctx *c)
{
    c->err = ERR_SET;
    if (!exc_occurred()) exc_raise_memory();
    longjmp(c->jb, 1);
}

void ctx_enter(Ctx *c, int line, int col)
{
    char here;
    size_t used = c->stack_top ? (size_t)(c->stack_top - &here) : 0;
    if (++c->depth > MAX_DEPTH || used > FRONT_STACK_BUDGET || c_stack_low()) {
        (void)line; (void)col;
        exc_raise(RecursionError_t, "maximum recursion depth exceeded during compilation");
        ctx_fail(c);
    }
}
