/*
 * interp/compile/parser.h — recursive descent from tokens to the syntax tree (ast.h).
 * Called by compile_source; errors longjmp through the Ctx (SyntaxError with CPython 3.11's
 * messages for the common mistakes).
 */
#ifndef INTERP_PARSER_H
#define INTERP_PARSER_H

#include "compile/ast.h"

enum { PARSE_FILE, PARSE_SINGLE, PARSE_EVAL };

/* The tree of c->src[0..c->len). PARSE_EVAL returns an S_MODULE holding one S_EXPR. */
Node *parse_source(Ctx *c, int mode);

/* The expression of one f-string replacement field, source s[0..e) starting on `line` whose
 * first character is at line_start (for columns). Called by strlit.c; the whole slice must be
 * one (yield or testlist) expression, else SyntaxError "f-string: invalid syntax". */
Node *parse_fstring_expr(Ctx *c, int mode, const char *s, const char *e, int line, const char *line_start);

#endif
