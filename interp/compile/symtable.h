/*
 * interp/compile/symtable.h — which names are local, global, free or cell in each scope (CPython's
 * rules): a name bound in a function is local unless declared global/nonlocal; a name used but
 * not bound is free if an enclosing function binds it, else global; class bodies do not make
 * their names visible to nested functions; comprehensions and generator expressions are scopes.
 * Called by compile_source between parsing and code generation.
 */
#ifndef INTERP_SYMTABLE_H
#define INTERP_SYMTABLE_H

#include "compile/ast.h"

enum { SC_MODULE, SC_FUNCTION, SC_CLASS, SC_COMP };
enum { SYM_LOCAL = 1, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT, SYM_FREE, SYM_CELL };

/* flags while collecting */
enum {
    DEF_LOCAL = 1, DEF_PARAM = 2, DEF_GLOBAL = 4, DEF_NONLOCAL = 8, USE = 16,
    DEF_FREE_CLASS = 32,     /* a class passes this free name through to its methods */
};

typedef struct Sym {
    Obj *name;               /* interned */
    int flags;
    int scope;               /* SYM_* after analysis */
} Sym;

typedef struct Scope {
    int kind;
    Obj *name;
    struct Scope *parent;
    Sym *syms;
    int nsyms, capsyms;
    int *hash;               /* open addressing over syms, -1 empty */
    int hcap;
    struct Scope **children;
    int nchildren, capchildren;
    bool generator;          /* contains yield */
    bool coroutine;          /* an `async def` body */
    bool nested;             /* inside a function */
    bool needs_class_cell;   /* class scope: a method uses super/__class__ */
    bool has_star_import;
    Node *node;
} Scope;

/* Build and analyse the scopes of module `m`; sets node->scope on S_MODULE, S_FUNCDEF,
 * S_CLASSDEF, E_LAMBDA and comprehensions. Errors longjmp through the Ctx. */
Scope *symtable_build(Ctx *c, Node *m);
Sym *scope_lookup(Scope *s, Obj *name);     /* NULL if the scope never mentions name */

#endif
