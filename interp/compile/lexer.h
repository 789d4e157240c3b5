/*
 * interp/compile/lexer.h — Python tokens from source text, on demand, one token of lookahead.
 *
 * Produces NEWLINE/INDENT/DEDENT like CPython's tokenizer: indentation is measured with tabs to
 * multiples of 8 and, to detect TabError, with tabs as 1; newlines inside brackets are ignored;
 * a backslash at the end of a line joins lines. String literals are returned whole (prefix and
 * quotes included) and decoded by strlit.c. Errors go through ctx_error (ast.h).
 * Called by the parser and strlit.c (which steps over the run of string tokens).
 */
#ifndef INTERP_LEXER_H
#define INTERP_LEXER_H

#include "compile/ast.h"

enum TokKind {
    T_EOF, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_NUMBER, T_STRING,
    /* operators */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA, T_SEMI, T_PLUS,
    T_MINUS, T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS, T_GREATER, T_EQUAL, T_DOT, T_PERCENT,
    T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL, T_GREATEREQUAL, T_TILDE, T_CIRCUMFLEX, T_LEFTSHIFT,
    T_RIGHTSHIFT, T_DOUBLESTAR, T_PLUSEQUAL, T_MINEQUAL, T_STAREQUAL, T_SLASHEQUAL,
    T_PERCENTEQUAL, T_AMPEREQUAL, T_VBAREQUAL, T_CIRCUMFLEXEQUAL, T_LEFTSHIFTEQUAL,
    T_RIGHTSHIFTEQUAL, T_DOUBLESTAREQUAL, T_DOUBLESLASH, T_DOUBLESLASHEQUAL, T_AT, T_ATEQUAL,
    T_RARROW, T_ELLIPSIS, T_COLONEQUAL, T_BANG,
};

/* keywords (Token.kw for T_NAME; 0 = not a keyword) */
#define KEYWORDS(X) \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) X(break) X(class) \
    X(continue) X(def) X(del) X(elif) X(else) X(except) X(finally) X(for) X(from) X(global) \
    X(if) X(import) X(in) X(is) X(lambda) X(nonlocal) X(not) X(or) X(pass) X(raise) \
    X(return) X(try) X(while) X(with) X(yield)
enum {
    KW_NONE_,
#define X(k) KW_##k,
    KEYWORDS(X)
#undef X
};

typedef struct {
    int kind, kw;
    const char *s;        /* text in the source */
    size_t n;
    int line, col;        /* 1-based line, 0-based column of the first byte */
    int end_line, end_col;
} Token;

#define LEX_MAX_INDENT 100
#define LEX_MAX_PAREN 200

typedef struct Lexer {
    Ctx *ctx;
    const char *p, *end;  /* scan position, end of input */
    int line;
    const char *line_start;
    int indent[LEX_MAX_INDENT + 1], altindent[LEX_MAX_INDENT + 1], nindent;
    int pending;          /* > 0: DEDENTs to emit; < 0: an INDENT to emit */
    char paren[LEX_MAX_PAREN];
    int paren_line[LEX_MAX_PAREN], paren_col[LEX_MAX_PAREN], nparen;
    bool at_bol, done, any_token_on_line, expr_mode;
    int last_kind;
    Token tok, peek;      /* the current token and (if has_peek) the next */
    bool has_peek;
} Lexer;

/* Set up over src[0..len) (src NUL-terminated at len). expr_mode: an f-string expression — no
 * indentation, newlines ignored, as if inside brackets. */
void lex_init(Lexer *lx, Ctx *ctx, const char *src, const char *end, int line, const char *line_start,
              bool expr_mode);
void lex_next(Lexer *lx);                 /* advance lx->tok */
const Token *lex_peek(Lexer *lx);         /* the token after lx->tok */
const char *tok_kind_name(int kind);      /* for messages: "'('" etc. */

#endif
