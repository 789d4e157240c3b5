/*
 * interp/compile/strlit.c — string and bytes literals from their tokens: escape sequences
 * (\n, \x.., \u...., \N{...}, octal), adjacent-literal concatenation, and f-strings split into
 * literal pieces and replacement fields (E_JOINEDSTR of E_CONST and E_FORMATTED nodes).
 *
 * The lexer returns each literal whole (prefix and quotes included); this file decodes it. The
 * expression inside a replacement field is handed back to the grammar (parse_fstring_expr in
 * parser.c) on a sub-lexer over just that slice of the source. Errors longjmp through the Ctx
 * like the rest of the front end (ast.h); StrBufs come from ctx_sb_new so a longjmp frees them.
 * Runs under the GIL on the compiling thread's own Ctx: no shared state, no locks.
 */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include "compile/strlit.h"
#include "compile/parser.h"
#include "bytecode/opcodes.h"

/* What the decoders carry: the front-end context, and the parse mode for field expressions. */
typedef struct {
    Ctx *c;
    int mode;
} LitCtx;

__attribute__((noreturn)) static void unicode_err(LitCtx *p, const Token *t, bool bytes, size_t a, size_t b, const char *what)
{
    ctx_error(p->c, NULL, t->line, t->col, "(%s error) '%s' codec can't decode bytes in position %zu-%zu: %s",
              bytes ? "value" : "unicode", bytes ? "unicodeescape" : "unicodeescape", a, b, what);
}

static void add_utf8(StrBuf *b, uint32_t cp)
{
    char u[4];
    int n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xc0 | cp >> 6); u[1] = (char)(0x80 | (cp & 63)); n = 2; }
    else if (cp < 0x10000) { u[0] = (char)(0xe0 | cp >> 12); u[1] = (char)(0x80 | ((cp >> 6) & 63)); u[2] = (char)(0x80 | (cp & 63)); n = 3; }
    else { u[0] = (char)(0xf0 | cp >> 18); u[1] = (char)(0x80 | ((cp >> 12) & 63)); u[2] = (char)(0x80 | ((cp >> 6) & 63)); u[3] = (char)(0x80 | (cp & 63)); n = 4; }
    sb_add(b, u, (size_t)n);
}

/* \N{...}: a small table of the names people actually type (no full Unicode database here) */
static uint32_t unicode_name_lookup(const char *s, size_t n)
{
    static const struct { const char *name; uint32_t cp; } names[] = {
        {"BULLET", 0x2022}, {"EM DASH", 0x2014}, {"EN DASH", 0x2013}, {"DEGREE SIGN", 0xb0},
        {"HORIZONTAL ELLIPSIS", 0x2026}, {"COPYRIGHT SIGN", 0xa9}, {"REGISTERED SIGN", 0xae},
        {"EURO SIGN", 0x20ac}, {"POUND SIGN", 0xa3}, {"YEN SIGN", 0xa5}, {"MICRO SIGN", 0xb5},
        {"NO-BREAK SPACE", 0xa0}, {"SPACE", 0x20}, {"LEFT DOUBLE QUOTATION MARK", 0x201c},
        {"RIGHT DOUBLE QUOTATION MARK", 0x201d}, {"LEFT SINGLE QUOTATION MARK", 0x2018},
        {"RIGHT SINGLE QUOTATION MARK", 0x2019}, {"CHECK MARK", 0x2713}, {"HEAVY CHECK MARK", 0x2714},
        {"MULTIPLICATION SIGN", 0xd7}, {"DIVISION SIGN", 0xf7}, {"PLUS-MINUS SIGN", 0xb1},
        {"INFINITY", 0x221e}, {"RIGHTWARDS ARROW", 0x2192}, {"LEFTWARDS ARROW", 0x2190},
        {"UPWARDS ARROW", 0x2191}, {"DOWNWARDS ARROW", 0x2193}, {"SECTION SIGN", 0xa7},
        {"PILCROW SIGN", 0xb6}, {"LATIN SMALL LETTER E WITH ACUTE", 0xe9},
        {"LATIN SMALL LETTER SHARP S", 0xdf}, {"GREEK SMALL LETTER ALPHA", 0x3b1},
        {"GREEK SMALL LETTER BETA", 0x3b2}, {"GREEK SMALL LETTER PI", 0x3c0},
        {"GREEK SMALL LETTER LAMDA", 0x3bb}, {"GREEK SMALL LETTER MU", 0x3bc},
        {"GREEK CAPITAL LETTER OMEGA", 0x3a9}, {"GREEK CAPITAL LETTER DELTA", 0x394},
        {"GREEK CAPITAL LETTER SIGMA", 0x3a3}, {"SNOWMAN", 0x2603}, {"BLACK STAR", 0x2605},
        {"WHITE STAR", 0x2606}, {"BLACK HEART SUIT", 0x2665}, {"WHITE SMILING FACE", 0x263a},
        {"MIDDLE DOT", 0xb7}, {"NULL", 0}, {"LINE FEED", 0xa}, {"CHARACTER TABULATION", 9},
        {"ESCAPE", 0x1b}, {"DELETE", 0x7f}, {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500},
        {"BOX DRAWINGS LIGHT VERTICAL", 0x2502}, {"FULL BLOCK", 0x2588}, {"LIGHT SHADE", 0x2591},
        {"SNAKE", 0x1f40d}, {"GRINNING FACE", 0x1f600}, {"THUMBS UP SIGN", 0x1f44d},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *a = names[i].name;
        if (strlen(a) != n) continue;
        size_t k = 0;
        while (k < n && (s[k] >= 'a' && s[k] <= 'z' ? s[k] - 32 : s[k]) == a[k]) k++;
        if (k == n) return names[i].cp ? names[i].cp : 0x110000;    /* NULL: see caller */
    }
    return 0;
}

static int hexval(int c)
{
    if ((c >= '0' && c <= '9')) return c - '0';
    c |= 32;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Decode s[0..n) (the inside of a literal) into b. */
static void decode_into(LitCtx *p, const Token *t, StrBuf *b, const char *s, size_t n, bool raw, bool bytes)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (bytes && c >= 0x80)
            ctx_error(p->c, NULL, t->line, t->col, "bytes can only contain ASCII literal characters");
        if (c == '\r') {
            if (i + 1 < n && s[i + 1] == '\n') i++;
            sb_addc(b, '\n');
            continue;
        }
        if (c != '\\' || raw) {
            sb_addc(b, (char)c);
            continue;
        }
        if (i + 1 >= n) { sb_addc(b, '\\'); break; }
        size_t at = i;
        char e = s[++i];
        switch (e) {
        case '\n': break;
        case '\\': sb_addc(b, '\\'); break;
        case '\'': sb_addc(b, '\''); break;
        case '"': sb_addc(b, '"'); break;
        case 'a': sb_addc(b, '\a'); break;
        case 'b': sb_addc(b, '\b'); break;
        case 'f': sb_addc(b, '\f'); break;
        case 'n': sb_addc(b, '\n'); break;
        case 'r': sb_addc(b, '\r'); break;
        case 't': sb_addc(b, '\t'); break;
        case 'v': sb_addc(b, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = e - '0';
            for (int k = 0; k < 2 && i + 1 < n && (s[i + 1] >= '0' && s[i + 1] <= '7'); k++) v = v * 8 + (s[++i] - '0');
            if (bytes) { sb_addc(b, (char)(v & 0xff)); }
            else add_utf8(b, (uint32_t)v);
            break;
        }
        case 'x': case 'u': case 'U': {
            int nd = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (bytes && e != 'x') { sb_addc(b, '\\'); sb_addc(b, e); break; }
            uint32_t v = 0;
            for (int k = 0; k < nd; k++) {
                int h = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
                if (h < 0) {
                    unicode_err(p, t, bytes, at, i, e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
                }
                v = v * 16 + (uint32_t)h;
                i++;
            }
            if (bytes) sb_addc(b, (char)v);
            else if (v > 0x10ffff) unicode_err(p, t, false, at, i, "illegal Unicode character");
            else add_utf8(b, v);
            break;
        }
        case 'N':
            if (!bytes) {
                const char *nm = s + i + 1;
                const char *close = i + 1 < n && *nm == '{' ? memchr(nm, '}', n - i - 1) : NULL;
                if (!close) unicode_err(p, t, false, at, i, "malformed \\N character escape");
                uint32_t cp = unicode_name_lookup(nm + 1, (size_t)(close - nm - 1));
                i = (size_t)(close - s);
                if (!cp) unicode_err(p, t, false, at, i, "unknown Unicode character name");
                if (cp == 0x110000) sb_addc(b, 0);
                else add_utf8(b, cp);
                break;
            }
            /* fallthrough */
        default:
            sb_addc(b, '\\');
            sb_addc(b, e);
            break;
        }
    }
}

static void parse_fstring(LitCtx *p, const Token *t, Node *js, StrBuf *lit, const char *s, const char *e, bool raw,
                          int depth);

/* compute line/line_start of a pointer inside token t */
static void pos_in_token(const Token *t, const char *q, int *line, const char **ls)
{
    int l = t->line;
    const char *start = t->s - t->col;
    for (const char *x = t->s; x < q; x++)
        if (*x == '\n') { l++; start = x + 1; }
    *line = l;
    *ls = start;
}

static void flush_lit(LitCtx *p, Node *js, StrBuf *lit, const Token *t)
{
    if (lit->n == 0) return;
    Node *c = node_new(p->c, E_CONST, t->line, t->col);
    c->v = ctx_keep(p->c, str_new(lit->p, lit->n));
    nl_push(p->c, &js->l1, c);
    lit->n = 0;
}

/* One replacement field starting after '{' at s; returns the pointer after the closing '}'. */
static const char *parse_field(LitCtx *p, const Token *t, Node *js, StrBuf *lit, const char *s, const char *e, bool raw,
                               int depth)
{
    /* find the end of the expression */
    const char *q = s;
    int nest = 0;
    char instr = 0;
    for (; q < e; q++) {
        char ch = *q;
        /* CPython 3.11: no backslash anywhere in the expression, inside its strings too */
        if (ch == '\\') ctx_error(p->c, NULL, t->line, t->col, "f-string expression part cannot include a backslash");
        if (instr) {
            if (ch == instr) instr = 0;
            continue;
        }
        if (ch == '\'' || ch == '"') { instr = ch; continue; }
        if (ch == '(' || ch == '[' || ch == '{') nest++;
        else if (ch == ')' || ch == ']' || ch == '}') {
            if (nest == 0) break;
            nest--;
        } else if (nest == 0 && (ch == ':' || (ch == '!' && q + 1 < e && q[1] != '='))) break;
        else if (ch == '#') ctx_error(p->c, NULL, t->line, t->col, "f-string expression part cannot include '#'");
    }
    if (q >= e) ctx_error(p->c, NULL, t->line, t->col, "f-string: expecting '}'");
    /* self-documenting {x=} */
    const char *xe = q;
    bool selfdoc = false;
    {
        const char *r = q;
        while (r > s && (r[-1] == ' ')) r--;
        if (r > s && r[-1] == '=' && !(r - 1 > s && strchr("=!<>", r[-2]))) {
            selfdoc = true;
            xe = r - 1;
        }
    }
    const char *ws = s;
    while (ws < xe && (*ws == ' ' || *ws == '\n' || *ws == '\t')) ws++;
    if (ws == xe) ctx_error(p->c, NULL, t->line, t->col, "f-string: empty expression not allowed");
    int line;
    const char *ls;
    pos_in_token(t, s, &line, &ls);
    Node *expr = parse_fstring_expr(p->c, p->mode, s, xe, line, ls);
    if (selfdoc) {
        sb_add(lit, s, (size_t)(q - s));
    }
    Node *f = node_new(p->c, E_FORMATTED, expr->line, expr->col);
    f->a = expr;
    f->op = selfdoc ? FVC_REPR : FVC_NONE;
    if (*q == '!') {
        q++;
        if (q >= e) ctx_error(p->c, NULL, t->line, t->col, "f-string: expecting '}'");
        switch (*q) {
        case 's': f->op = FVC_STR; break;
        case 'r': f->op = FVC_REPR; break;
        case 'a': f->op = FVC_ASCII; break;
        default:
            ctx_error(p->c, NULL, t->line, t->col, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        q++;
        if (q >= e || (*q != ':' && *q != '}')) ctx_error(p->c, NULL, t->line, t->col, "f-string: expecting '}'");
    }
    if (selfdoc && f->op == FVC_REPR && *q == ':') f->op = FVC_NONE;
    if (*q == ':') {
        q++;
        /* the spec runs to the matching '}' */
        const char *ss = q;
        int n2 = 0;
        for (; q < e; q++) {
            if (*q == '{') n2++;
            else if (*q == '}') {
                if (n2 == 0) break;
                n2--;
            }
        }
        if (q >= e) ctx_error(p->c, NULL, t->line, t->col, "f-string: expecting '}'");
        if (depth >= 2) ctx_error(p->c, NULL, t->line, t->col, "f-string: expressions nested too deeply");
        Node *spec = node_new(p->c, E_JOINEDSTR, t->line, t->col);
        StrBuf *sl = ctx_sb_new(p->c);
        parse_fstring(p, t, spec, sl, ss, q, raw, depth + 1);
        flush_lit(p, spec, sl, t);
        ctx_sb_free(p->c, sl);
        f->b = spec;
    }
    if (q >= e || *q != '}') ctx_error(p->c, NULL, t->line, t->col, "f-string: expecting '}'");
    flush_lit(p, js, lit, t);
    nl_push(p->c, &js->l1, f);
    return q + 1;
}

static void parse_fstring(LitCtx *p, const Token *t, Node *js, StrBuf *lit, const char *s, const char *e, bool raw,
                          int depth)
{
    const char *q = s;
    while (q < e) {
        const char *r = q;
        while (r < e && *r != '{' && *r != '}') r++;
        decode_into(p, t, lit, q, (size_t)(r - q), raw, false);
        if (r >= e) break;
        if (*r == '{') {
            if (r + 1 < e && r[1] == '{' && depth == 0) { sb_addc(lit, '{'); q = r + 2; continue; }
            q = parse_field(p, t, js, lit, r + 1, e, raw, depth);
        } else {
            if (r + 1 < e && r[1] == '}' && depth == 0) { sb_addc(lit, '}'); q = r + 2; continue; }
            ctx_error(p->c, NULL, t->line, t->col, "f-string: single '}' is not allowed");
        }
    }
}

Node *strlit_parse(Ctx *ctx, Lexer *lx, int mode)
{
    LitCtx lc = {ctx, mode};
    LitCtx *p = &lc;
    Node *first = node_new(p->c, E_CONST, lx->tok.line, lx->tok.col);
    StrBuf *bp = ctx_sb_new(p->c);
#define b (*bp)
    bool any_f = false, bytes = false;
    int n = 0;
    Node *js = NULL;
    Token t0 = lx->tok;
    while (lx->tok.kind == T_STRING) {
        Token t = lx->tok;
        const char *s = t.s;
        bool raw = false, isb = false, isf = false;
        while (*s != '"' && *s != '\'') {
            char c = (char)(*s | 32);
            if (c == 'r') raw = true;
            else if (c == 'b') isb = true;
            else if (c == 'f') isf = true;
            s++;
        }
        size_t ql = (t.n - (size_t)(s - t.s)) >= 6 && s[1] == s[0] && s[2] == s[0] ? 3 : 1;
        const char *cs = s + ql, *ce = t.s + t.n - ql;
        if (n > 0 && isb != bytes) {
            ctx_sb_free(p->c, bp);
            ctx_error(p->c, NULL, t0.line, t0.col, "cannot mix bytes and nonbytes literals");
        }
        bytes = isb;
        if (isf) {
            if (!js) js = node_new(p->c, E_JOINEDSTR, t0.line, t0.col);
            any_f = true;
            parse_fstring(p, &t, js, &b, cs, ce, raw, 0);
        } else {
            decode_into(p, &t, &b, cs, (size_t)(ce - cs), raw, isb);
        }
        n++;
        lex_next(lx);
    }
    if (b.oom) {
        ctx_sb_free(p->c, bp);
        exc_raise_memory();
        ctx_fail(p->c);
    }
    if (any_f) {
        flush_lit(p, js, &b, &t0);
        ctx_sb_free(p->c, bp);
        if (js->l1.n == 0) {
            first->v = ctx_keep(p->c, str_new("", 0));
            return first;
        }
        if (js->l1.n == 1 && js->l1.items[0]->kind == E_CONST) return js->l1.items[0];
        return js;
    }
    Obj *v = bytes ? bytes_new(b.p ? b.p : "", b.n) : str_new(b.p ? b.p : "", b.n);
    ctx_sb_free(p->c, bp);
    first->v = ctx_keep(p->c, v);
    return first;
#undef b
}
