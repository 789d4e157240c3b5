/*
 * interp/compile/lexer.c — the tokenizer (see lexer.h). Messages follow CPython 3.11's tokenizer.
 * Called by the parser; state lives in the Lexer, errors longjmp through ctx_error.
 */
#include <string.h>
#include <stdio.h>
#include "compile/lexer.h"

static const char *const kw_names[] = {
    "",
#define X(k) #k,
    KEYWORDS(X)
#undef X
};

/* every error raised here is a tokenizer error (they take priority over the parser's) */
#define ctx_error(c, ...) ((c)->lex_error = true, ctx_error((c), __VA_ARGS__))

static int col_of(Lexer *lx, const char *p) { return (int)(p - lx->line_start); }

__attribute__((noreturn)) static void lex_err(Lexer *lx, const char *p, const char *msg)
{
    ctx_error(lx->ctx, NULL, lx->line, col_of(lx, p), "%s", msg);
}

void lex_init(Lexer *lx, Ctx *ctx, const char *src, const char *end, int line, const char *line_start,
              bool expr_mode)
{
    memset(lx, 0, sizeof *lx);
    lx->ctx = ctx;
    lx->p = src;
    lx->end = end;
    lx->line = line;
    lx->line_start = line_start;
    lx->at_bol = !expr_mode;
    lx->expr_mode = expr_mode;
    lx->last_kind = T_NEWLINE;
}

static bool is_id_start(unsigned char c) { return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80; }
static bool is_id_char(unsigned char c) { return is_id_start(c) || (c >= '0' && c <= '9'); }

/* Measure the indentation at the start of a line; returns false for blank/comment lines
 * (consumed, including their newline). */
static bool lex_indent(Lexer *lx, int *col, int *altcol)
{
    for (;;) {
        const char *p = lx->p;
        int c = 0, alt = 0;
        for (; p < lx->end; p++) {
            if (*p == ' ') c++, alt++;
            else if (*p == '\t') c = (c / 8 + 1) * 8, alt++;
            else if (*p == '\f') c = alt = 0;
            else break;
        }
        if (p < lx->end && (*p == '#' || *p == '\n' || *p == '\r')) {
            while (p < lx->end && *p != '\n') p++;
            if (p < lx->end) {
                p++;
                lx->line++;
                lx->line_start = p;
                lx->p = p;
                continue;
            }
            lx->p = p;
            return false;
        }
        if (p >= lx->end) {
            lx->p = p;
            return false;
        }
        if (*p == '\\' && p + 1 < lx->end && (p[1] == '\n' || p[1] == '\r')) {
            /* a continuation line at the start: indentation counts from here */
        }
        lx->p = p;
        *col = c;
        *altcol = alt;
        return true;
    }
}

static int utf8_decode(const char *s, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) { *cp = p[0]; return 1; }
    if (p[0] < 0xe0) { *cp = (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f); return 2; }
    if (p[0] < 0xf0) { *cp = (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f); return 3; }
    *cp = (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 | (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
    return 4;
}

static bool bad_ident_cp(uint32_t c)
{
    if (c >= 0x80 && c <= 0xbf) return c != 0xaa && c != 0xb5 && c != 0xba;
    if (c == 0xd7 || c == 0xf7) return true;
    if (c >= 0x2000 && c <= 0x206f) return c != 0x203f && c != 0x2040 && c != 0x2054;  /* punctuation */
    if (c >= 0x20a0 && c <= 0x20cf) return true;     /* currency */
    if (c >= 0x2190 && c <= 0x2bff) return true;     /* arrows, math, technical, box, shapes, dingbats */
    if (c >= 0x3000 && c <= 0x3004) return true;
    if (c >= 0xfe10 && c <= 0xfe6f) return c != 0xfe33 && c != 0xfe34 && !(c >= 0xfe4d && c <= 0xfe4f);
    if (c >= 0xff01 && c <= 0xff0f) return true;
    if (c >= 0x1f000 && c <= 0x1faff) return true;   /* emoji and symbols */
    if (c == 0xfeff) return true;
    return false;
}

static void set_tok(Lexer *lx, Token *t, int kind, const char *s, size_t n)
{
    t->kind = kind;
    t->kw = 0;
    t->s = s;
    t->n = n;
    t->line = lx->line;
    t->col = col_of(lx, s);
}

static void lex_number(Lexer *lx, Token *t)
{
    const char *s = lx->p, *p = s;
    int c = (unsigned char)*p;
    const char *kind = "decimal";
    if (c == '0' && p + 1 < lx->end && strchr("xXoObB", p[1]) && p[1]) {
        int base = (p[1] | 32) == 'x' ? 16 : (p[1] | 32) == 'o' ? 8 : 2;
        kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        p += 2;
        int nd = 0;
        for (;;) {
            if (*p == '_') p++;
            int d = (unsigned char)*p;
            int v = (d >= '0' && d <= '9') ? d - '0' : ((d | 32) >= 'a' && (d | 32) <= 'f') ? (d | 32) - 'a' + 10 : 99;
            if (v < base) { p++; nd++; continue; }
            if (p[-1] == '_' || nd == 0 || is_id_char((unsigned char)*p) || (v < 10 && v >= base)) {
                char msg[64];
                if (v < 10 && v >= base) {
                    snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", *p, kind);
                    lex_err(lx, p, msg);
                }
                snprintf(msg, sizeof msg, "invalid %s literal", kind);
                lex_err(lx, p[-1] == '_' || nd == 0 ? p : p, msg);
            }
            break;
        }
        lx->p = p;
        set_tok(lx, t, T_NUMBER, s, (size_t)(p - s));
        return;
    }
    bool isfloat = false;
    bool leading_zero = c == '0';
    bool nonzero = false;
    #define DIGITS() do { \
        while ((*p >= '0' && *p <= '9') || (*p == '_' && (p[1] >= '0' && p[1] <= '9'))) { \
            if (*p != '0' && *p != '_') { nonzero = true; } p++; } \
        if (*p == '_') lex_err(lx, p + 1, "invalid decimal literal"); } while (0)
    if (c != '.') DIGITS();
    bool intpart_nonzero = nonzero;
    if (*p == '.') {
        isfloat = true;
        p++;
        DIGITS();
    }
    if ((*p | 32) == 'e') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-') q++;
        if ((*q >= '0' && *q <= '9')) {
            isfloat = true;
            p = q;
            DIGITS();
        } else {
            lex_err(lx, p + 1, "invalid decimal literal");
        }
    }
    #undef DIGITS
    if ((*p | 32) == 'j') { p++; isfloat = true; }   /* an imaginary literal: 2j, 1.5e3J, 01j */
    if (is_id_char((unsigned char)*p)) lex_err(lx, p, "invalid decimal literal");
    if (!isfloat && leading_zero && intpart_nonzero)
        ctx_error(lx->ctx, NULL, lx->line, col_of(lx, s),
                  "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    lx->p = p;
    set_tok(lx, t, T_NUMBER, s, (size_t)(p - s));
}

/* A string literal starting at q (the opening quote); s = start of the prefix. */
static void lex_string(Lexer *lx, Token *t, const char *s, const char *q)
{
    char quote = *q;
    bool triple = q + 2 < lx->end && q[1] == quote && q[2] == quote;
    bool raw = false;
    for (const char *x = s; x < q; x++) if ((*x | 32) == 'r') raw = true;
    int start_line = lx->line;
    const char *start_ls = lx->line_start;
    const char *p = q + (triple ? 3 : 1);
    for (;;) {
        if (p >= lx->end) {
            char msg[96];
            if (triple) {
                int dl = lx->line;
                if (lx->line_start == lx->end && dl > start_line) dl--;
                snprintf(msg, sizeof msg, "unterminated triple-quoted string literal (detected at line %d)", dl);
            } else {
                snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", lx->line);
            }
            lx->ctx->at_eof = triple;
            ctx_error(lx->ctx, NULL, start_line, (int)(s - start_ls), "%s", msg);
        }
        char c = *p;
        if (c == '\\' && p + 1 < lx->end) {
            (void)raw;        /* a backslash escapes the quote even in raw strings */
            if (p[1] == '\n') {
                lx->line++;
                lx->line_start = p + 2;
            }
            p += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                ctx_error(lx->ctx, NULL, start_line, (int)(s - start_ls),
                          "unterminated string literal (detected at line %d)", lx->line);
            }
            lx->line++;
            lx->line_start = p + 1;
            p++;
            continue;
        }
        if (c == quote) {
            if (!triple) { p++; break; }
            if (p + 2 < lx->end && p[1] == quote && p[2] == quote) { p += 3; break; }
        }
        p++;
    }
    t->kind = T_STRING;
    t->kw = 0;
    t->s = s;
    t->n = (size_t)(p - s);
    t->line = start_line;
    t->col = (int)(s - start_ls);
    lx->p = p;
}

static const struct { const char *s; int kind; } ops3[] = {
    {"**=", T_DOUBLESTAREQUAL}, {"//=", T_DOUBLESLASHEQUAL}, {">>=", T_RIGHTSHIFTEQUAL},
    {"<<=", T_LEFTSHIFTEQUAL}, {"...", T_ELLIPSIS},
};
static const struct { const char *s; int kind; } ops2[] = {
    {"==", T_EQEQUAL}, {"!=", T_NOTEQUAL}, {"<=", T_LESSEQUAL}, {">=", T_GREATEREQUAL},
    {"<<", T_LEFTSHIFT}, {">>", T_RIGHTSHIFT}, {"**", T_DOUBLESTAR}, {"//", T_DOUBLESLASH},
    {"+=", T_PLUSEQUAL}, {"-=", T_MINEQUAL}, {"*=", T_STAREQUAL}, {"/=", T_SLASHEQUAL},
    {"%=", T_PERCENTEQUAL}, {"&=", T_AMPEREQUAL}, {"|=", T_VBAREQUAL}, {"^=", T_CIRCUMFLEXEQUAL},
    {"@=", T_ATEQUAL}, {"->", T_RARROW}, {":=", T_COLONEQUAL},
};
static const char ops1_chars[] = "()[]{}:,;+-*/|&<>=.%~^@!";
static const int ops1_kinds[] = {
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA, T_SEMI, T_PLUS, T_MINUS,
    T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS, T_GREATER, T_EQUAL, T_DOT, T_PERCENT, T_TILDE,
    T_CIRCUMFLEX, T_AT, T_BANG,
};

static void lex_scan(Lexer *lx, Token *t)
{
    Ctx *ctx = lx->ctx;
again:
    if (lx->pending > 0) {
        lx->pending--;
        set_tok(lx, t, T_DEDENT, lx->p, 0);
        return;
    }
    if (lx->pending < 0) {
        lx->pending = 0;
        set_tok(lx, t, T_INDENT, lx->line_start, (size_t)(lx->p - lx->line_start));
        return;
    }
    if (lx->at_bol && lx->nparen == 0) {
        lx->at_bol = false;
        int col, alt;
        if (!lex_indent(lx, &col, &alt)) {
            /* end of input */
            goto eof;
        }
        int cur = lx->nindent ? lx->indent[lx->nindent - 1] : 0;
        int curalt = lx->nindent ? lx->altindent[lx->nindent - 1] : 0;
        if (col == cur) {
            if (alt != curalt) ctx_error(ctx, TabError_t, lx->line, col_of(lx, lx->p), "inconsistent use of tabs and spaces in indentation");
        } else if (col > cur) {
            if (alt <= curalt) ctx_error(ctx, TabError_t, lx->line, col_of(lx, lx->p), "inconsistent use of tabs and spaces in indentation");
            if (lx->nindent >= LEX_MAX_INDENT) ctx_error(ctx, IndentationError_t, lx->line, col_of(lx, lx->p), "too many levels of indentation");
            lx->indent[lx->nindent] = col;
            lx->altindent[lx->nindent] = alt;
            lx->nindent++;
            lx->pending = -1;
            goto again;
        } else {
            int n = 0;
            while (lx->nindent > 0 && lx->indent[lx->nindent - 1] > col) lx->nindent--, n++;
            cur = lx->nindent ? lx->indent[lx->nindent - 1] : 0;
            curalt = lx->nindent ? lx->altindent[lx->nindent - 1] : 0;
            if (col != cur)
                ctx_error(ctx, IndentationError_t, lx->line, col_of(lx, lx->p),
                          "unindent does not match any outer indentation level");
            if (alt != curalt) ctx_error(ctx, TabError_t, lx->line, col_of(lx, lx->p), "inconsistent use of tabs and spaces in indentation");
            lx->pending = n;
            goto again;
        }
    }
    /* skip blanks, comments, continuation lines, newlines inside brackets */
    for (;;) {
        const char *p = lx->p;
        while (p < lx->end && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
        if (p < lx->end && *p == '#') while (p < lx->end && *p != '\n') p++;
        lx->p = p;
        if (p < lx->end && *p == '\\') {
            const char *q = p + 1;
            if (q < lx->end && *q == '\r') q++;
            if (q < lx->end && *q == '\n') {
                lx->line++;
                lx->line_start = lx->p = q + 1;
                if (lx->p >= lx->end) {
                    ctx->at_eof = true;
                    ctx_error(ctx, NULL, lx->line, 0, "unexpected EOF while parsing");
                }
                continue;
            }
            if (q >= lx->end) {
                ctx->at_eof = true;
                ctx_error(ctx, NULL, lx->line, col_of(lx, q), "unexpected EOF while parsing");
            }
            lex_err(lx, q, "unexpected character after line continuation character");
        }
        if (p < lx->end && (*p == '\n' || *p == '\r')) {
            if (lx->nparen > 0 || lx->expr_mode) {
                if (*p == '\r' && p + 1 < lx->end && p[1] == '\n') p++;
                lx->line++;
                lx->line_start = lx->p = p + 1;
                continue;
            }
            set_tok(lx, t, T_NEWLINE, p, 1);
            if (*p == '\r' && p + 1 < lx->end && p[1] == '\n') p++;
            lx->line++;
            lx->line_start = lx->p = p + 1;
            lx->at_bol = true;
            t->line = lx->line - 1;
            return;
        }
        break;
    }
    const char *p = lx->p;
    if (p >= lx->end) goto eof;
    unsigned char c = (unsigned char)*p;
    if (is_id_start(c)) {
        const char *s = p;
        while (p < lx->end && is_id_char((unsigned char)*p)) p++;
        size_t n = (size_t)(p - s);
        /* string prefixes */
        if (n <= 2 && p < lx->end && (*p == '"' || *p == '\'')) {
            bool ok = true;
            int fb = 0;
            for (size_t i = 0; i < n; i++) {
                char x = (char)(s[i] | 32);
                if (x != 'r' && x != 'b' && x != 'u' && x != 'f') ok = false;
                if (x == 'f' || x == 'b') fb++;
                if (x == 'u' && n == 2) ok = false;
            }
            if (n == 2 && (s[0] | 32) == (s[1] | 32)) ok = false;
            if (ok && fb <= 1) {
                lex_string(lx, t, s, p);
                return;
            }
        }
        for (const char *q = s; q < p; q++)
            if ((unsigned char)*q >= 0x80) {
                /* non-ASCII identifiers (UTF-8 already validated): refuse the symbol blocks
                 * CPython's XID rules refuse most often (an approximation of them) */
                uint32_t cp;
                int len = utf8_decode(q, &cp);
                if (bad_ident_cp(cp))
                    ctx_error(ctx, NULL, lx->line, col_of(lx, q), "invalid character '%.*s' (U+%04X)", len, q, (unsigned)cp);
                q += len - 1;
            }
        lx->p = p;
        set_tok(lx, t, T_NAME, s, n);
        if (n >= 2 && n <= 8) {
            for (int k = 1; k < (int)(sizeof kw_names / sizeof *kw_names); k++)
                if (strlen(kw_names[k]) == n && memcmp(kw_names[k], s, n) == 0) { t->kw = k; break; }
        }
        return;
    }
    if ((c >= '0' && c <= '9') || (c == '.' && p + 1 < lx->end && (p[1] >= '0' && p[1] <= '9'))) {
        lex_number(lx, t);
        return;
    }
    if (c == '"' || c == '\'') {
        lex_string(lx, t, p, p);
        return;
    }
    for (size_t i = 0; i < sizeof ops3 / sizeof *ops3; i++)
        if (lx->end - p >= 3 && memcmp(p, ops3[i].s, 3) == 0) {
            lx->p = p + 3;
            set_tok(lx, t, ops3[i].kind, p, 3);
            return;
        }
    for (size_t i = 0; i < sizeof ops2 / sizeof *ops2; i++)
        if (lx->end - p >= 2 && memcmp(p, ops2[i].s, 2) == 0) {
            lx->p = p + 2;
            set_tok(lx, t, ops2[i].kind, p, 2);
            return;
        }
    const char *o = c ? strchr(ops1_chars, c) : NULL;
    if (o) {
        int kind = ops1_kinds[o - ops1_chars];
        lx->p = p + 1;
        set_tok(lx, t, kind, p, 1);
        if (kind == T_LPAR || kind == T_LSQB || kind == T_LBRACE) {
            if (lx->nparen >= LEX_MAX_PAREN) lex_err(lx, p, "too many nested parentheses");
            lx->paren[lx->nparen] = (char)c;
            lx->paren_line[lx->nparen] = lx->line;
            lx->paren_col[lx->nparen] = col_of(lx, p);
            lx->nparen++;
        } else if (kind == T_RPAR || kind == T_RSQB || kind == T_RBRACE) {
            if (lx->nparen == 0) {
                ctx_error(ctx, NULL, lx->line, col_of(lx, p), "unmatched '%c'", c);
            }
            char open = lx->paren[lx->nparen - 1];
            char want = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (want != (char)c) {
                if (lx->paren_line[lx->nparen - 1] != lx->line)
                    ctx_error(ctx, NULL, lx->line, col_of(lx, p),
                              "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                              c, open, lx->paren_line[lx->nparen - 1]);
                ctx_error(ctx, NULL, lx->line, col_of(lx, p),
                          "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
            }
            lx->nparen--;
        }
        return;
    }
    if (c == 0 && p < lx->end) lex_err(lx, p, "source code cannot contain null bytes");
    if (c == '$' || c == '?' || c == '`') lex_err(lx, p, "invalid syntax");
    ctx_error(ctx, NULL, lx->line, col_of(lx, p), "invalid character '%c' (U+%04X)", c, c);

eof:
    lx->p = lx->end;
    if (lx->nparen > 0 && !lx->expr_mode) {
        ctx->at_eof = true;
        ctx->unclosed = true;
        ctx_error(ctx, NULL, lx->paren_line[lx->nparen - 1], lx->paren_col[lx->nparen - 1],
                  "'%c' was never closed", lx->paren[lx->nparen - 1]);
    }
    if (!lx->expr_mode && lx->last_kind != T_NEWLINE && lx->last_kind != T_DEDENT &&
        lx->last_kind != T_INDENT) {
        set_tok(lx, t, T_NEWLINE, lx->p, 0);
        return;
    }
    if (lx->nindent > 0 && !lx->expr_mode) {
        lx->nindent--;
        set_tok(lx, t, T_DEDENT, lx->p, 0);
    } else {
        set_tok(lx, t, T_EOF, lx->p, 0);
    }
    /* past a final newline: CPython puts end-of-input on the last line */
    if (lx->line_start == lx->end && lx->line > 1 && !lx->expr_mode) {
        const char *q = lx->end - 1;
        if (q > lx->ctx->src && q[-1] == '\r') q--;
        const char *ls = q;
        while (ls > lx->ctx->src && ls[-1] != '\n') ls--;
        t->line = lx->line - 1;
        t->col = (int)(q - ls);
    }
}

static void lex_one(Lexer *lx, Token *t)
{
    lex_scan(lx, t);
    t->end_line = lx->line;
    t->end_col = t->kind == T_NEWLINE ? t->col + 1 : t->col + (int)t->n;
    lx->last_kind = t->kind;
}

void lex_next(Lexer *lx)
{
    if (lx->has_peek) {
        lx->tok = lx->peek;
        lx->has_peek = false;
        return;
    }
    lex_one(lx, &lx->tok);
}

const Token *lex_peek(Lexer *lx)
{
    if (!lx->has_peek) {
        lex_one(lx, &lx->peek);
        lx->has_peek = true;
    }
    return &lx->peek;
}

const char *tok_kind_name(int kind)
{
    switch (kind) {
    case T_EOF: return "end of file";
    case T_NEWLINE: return "newline";
    case T_INDENT: return "indent";
    case T_DEDENT: return "dedent";
    case T_NAME: return "name";
    case T_NUMBER: return "number";
    case T_STRING: return "string";
    default: return "operator";
    }
}
