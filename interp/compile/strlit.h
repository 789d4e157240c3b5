/*
 * interp/compile/strlit.h — decoding string, bytes and f-string literals into syntax-tree nodes.
 * Called by the parser (parser.c) when it meets a T_STRING token; errors longjmp through the Ctx
 * (ast.h). Runs under the GIL on the compiling thread's own Ctx; no shared state.
 */
#ifndef INTERP_STRLIT_H
#define INTERP_STRLIT_H

#include "compile/lexer.h"

/* Consume the run of adjacent T_STRING tokens at lx (at least one) and return the node for their
 * concatenation: an E_CONST holding a str or bytes, or an E_JOINEDSTR when any part is an
 * f-string (a lone constant piece comes back as that E_CONST). Mixing bytes and str is a
 * SyntaxError, as in CPython. */
Node *strlit_parse(Ctx *c, Lexer *lx, int mode);

#endif
