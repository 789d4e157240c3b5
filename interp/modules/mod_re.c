/*
 * interp/modules/mod_re.c — `_re`, the regular-expression engine under interp/lib/re.py.
 *
 * _re.compile(pattern, flags) parses a str or bytes pattern (CPython's syntax: groups, named
 * groups, non-capturing groups, lookahead and lookbehind, atomic groups, conditionals, classes,
 * greedy, lazy and possessive quantifiers, anchors, backreferences, inline and scoped flags, the
 * verbose mode) into a tree, then into a program for a backtracking machine (Russ Cox, "Regular
 * Expression Matching: the Virtual Machine Approach", 2009) with CPython's leftmost-first,
 * last-iteration-wins semantics. A syntax error raises ValueError(message, position), which
 * re.py turns into re.error.
 *
 * The machine never recurses on the text: alternatives wait on an explicit backtrack stack in
 * heap memory (so a hostile pattern or a long text cannot overflow the C stack, which in the
 * guest is the kernel's). It recurses only into lookarounds and atomic groups, as deep as they
 * nest in the pattern, which the parser bounds (MAX_NEST) and c_stack_check guards.
 * Catastrophic backtracking: when the program has no backreference or conditional, a state
 * (branch instruction, position) whose alternatives were all exhausted is remembered as failed
 * (a bitmap, RE2's "BitState" idea with failure-only marks), so every such state is explored at
 * most once and a search costs O(program x text) — `(a+)+b` against 10,000 a's returns at
 * once. Otherwise (or when the bitmap would be too large) a step budget bounds the work and
 * exhausting it raises RuntimeError instead of running for years.
 *
 * Locks: a compiled program is immutable after compile; the subject is an immutable str or
 * bytes (re.py copies a bytearray); each match call has its own machine state. So nothing
 * here locks, under any GIL policy.
 */
#include <stdio.h>
#include <string.h>
#include "objects/module.h"
#include "objects/objects.h"

/* Flag bits, as CPython's re module numbers them. */
#define F_I 2
#define F_L 4
#define F_M 8
#define F_S 16
#define F_U 32
#define F_X 64
#define F_A 256

#define MAX_NEST 200                /* parentheses nesting: bounds parser and machine recursion */
#define MAX_PROG 400000             /* instructions after expanding counted repeats */
#define MAX_GROUPS 1000
#define REP_INF (-1)
#define STEP_BUDGET 200000000ll     /* machine steps per call when failures cannot be memoized */
#define MEMO_MAX_BITS ((size_t)1 << 27)

/* ---- the tree ---------------------------------------------------------------------------------- */
enum { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_CAT, N_ALT, N_GROUP, N_REPEAT, N_ASSERT, N_BACKREF,
       N_LOOK, N_ATOMIC, N_COND };
enum { A_BEGIN, A_BOL, A_END_Z, A_EOL, A_EOL_M, A_WORDB, A_NWORDB };
/* Category bits of a class item (\d \D \w \W \s \S). */
enum { C_DIGIT = 1, C_NDIGIT = 2, C_WORD = 4, C_NWORD = 8, C_SPACE = 16, C_NSPACE = 32 };

typedef struct { uint32_t lo, hi; } Range;
typedef struct {
    Range *r;
    int n, cap;
    int cats;
    bool neg, icase, ascii;
} Class;

typedef struct Node Node;
struct Node {
    int kind;
    uint32_t c;                 /* N_CHAR */
    bool icase, dotall, ascii;  /* N_CHAR/N_CLASS/N_BACKREF: icase; N_ANY: dotall; \b: ascii */
    int cls;                    /* N_CLASS: index into the class table */
    int group;                  /* N_GROUP: capture index or -1; N_BACKREF/N_COND: group */
    int min, max;               /* N_REPEAT; max REP_INF */
    bool greedy, possessive;
    int akind;                  /* N_ASSERT */
    bool behind, neg;           /* N_LOOK */
    Node **kids;                /* N_CAT/N_ALT: n kids; others: kids[0] (and kids[1] for N_COND's no) */
    int nkids, capk;
};

/* ---- the program --------------------------------------------------------------------------------- */
enum { I_CHAR, I_ANY, I_ANYNL, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_MATCH, I_SUCCEED, I_ASSERT,
       I_BACKREF, I_LOOK, I_ATOMIC, I_REP, I_MARK, I_CHECK, I_COND };

typedef struct {
    uint8_t op;
    bool icase, greedy, neg, behind, ascii;
    int32_t x, y;               /* jump targets; I_SAVE/I_MARK/I_CHECK: x = slot; I_ASSERT: x = kind */
    uint32_t c;                 /* I_CHAR (lowered when icase); I_CLASS: class index */
    int32_t min, max;           /* I_REP; I_SPLIT: min = memo ordinal; I_LOOK: min = width */
} Inst;

typedef struct {
    Obj base;
    Inst *prog;
    int nprog;
    Class *classes;
    int nclasses;
    int ngroups;                /* capturing groups, not counting group 0 */
    int nslots;                 /* 2 * (ngroups + 1) + marks + 1 (the last group closed, or -1) */
    int nsplits;                /* memo ordinals: branches and single-character repeats */
    bool memo_ok;               /* no backreference or conditional: failures may be memoized */
    bool is_bytes;
    int flags;                  /* final flags (inline ones included) */
    Obj *groupindex;            /* dict name -> group number */
} ProgObj;

extern Type re_prog_type;

/* ---- the parser ----------------------------------------------------------------------------------- */
typedef struct {
    const uint32_t *p;          /* the pattern's code points */
    intptr_t n, i;
    int flags;
    bool is_bytes;
    int ngroups;
    int depth;
    Obj *groupindex;            /* name -> int */
    bool *open_groups;          /* group n is still open (a backreference to it is an error) */
    int open_cap;
    Class *classes;
    int nclasses, capclasses;
    bool has_backref;
    /* error */
    const char *err;
    char errbuf[256];                  /* room for the longest message parse_group composes (200) */
    intptr_t errpos;
    bool pyerr;                 /* a Python exception (MemoryError, RecursionError) is pending */
    Node **all;                 /* every node, for freeing */
    int nall, capall;
} Parser;

static void *grow(void *p, int *cap, int need, size_t elem) {
    if (need <= *cap) return p;
    int nc = *cap ? *cap * 2 : 8;
    while (nc < need) nc *= 2;
    void *q = mem_realloc(p, (size_t)nc * elem);
    if (q) *cap = nc;
    return q;
}

static bool perr(Parser *ps, const char *msg, intptr_t pos) {
    if (!ps->err && !ps->pyerr) {
        snprintf(ps->errbuf, sizeof ps->errbuf, "%s", msg);
        ps->err = ps->errbuf;
        ps->errpos = pos;
    }
    return false;
}

static Node *node_new(Parser *ps, int kind) {
    Node **na = grow(ps->all, &ps->capall, ps->nall + 1, sizeof(Node *));
    if (!na) { ps->pyerr = true; return NULL; }
    ps->all = na;
    Node *n = mem_alloc(sizeof(Node));
    if (!n) { ps->pyerr = true; return NULL; }
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->group = -1;
    ps->all[ps->nall++] = n;
    return n;
}

static bool node_add(Parser *ps, Node *parent, Node *kid) {
    Node **k = grow(parent->kids, &parent->capk, parent->nkids + 1, sizeof(Node *));
    if (!k) { ps->pyerr = true; return false; }
    parent->kids = k;
    parent->kids[parent->nkids++] = kid;
    return true;
}

static void parser_free(Parser *ps) {
    for (int i = 0; i < ps->nall; i++) {
        mem_free(ps->all[i]->kids);
        mem_free(ps->all[i]);
    }
    mem_free(ps->all);
    mem_free(ps->open_groups);
}

static bool at_end(Parser *ps) { return ps->i >= ps->n; }
static uint32_t peek(Parser *ps) { return ps->i < ps->n ? ps->p[ps->i] : 0; }

static void skip_verbose(Parser *ps) {
    if (!(ps->flags & F_X)) return;
    while (ps->i < ps->n) {
        uint32_t c = ps->p[ps->i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') ps->i++;
        else if (c == '#') {
            while (ps->i < ps->n && ps->p[ps->i] != '\n') ps->i++;
        } else break;
    }
}

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}
static bool is_word_ascii(uint32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int class_new_idx(Parser *ps) {
    Class *c = grow(ps->classes, &ps->capclasses, ps->nclasses + 1, sizeof(Class));
    if (!c) { ps->pyerr = true; return -1; }
    ps->classes = c;
    memset(&c[ps->nclasses], 0, sizeof(Class));
    return ps->nclasses++;
}

static bool class_add(Parser *ps, int ci, uint32_t lo, uint32_t hi) {
    Class *c = &ps->classes[ci];
    Range *r = grow(c->r, &c->cap, c->n + 1, sizeof(Range));
    if (!r) { ps->pyerr = true; return false; }
    c->r = r;
    c->r[c->n].lo = lo;
    c->r[c->n].hi = hi;
    c->n++;
    return true;
}

/* Reads a numeric escape's digits: up to `max` hex digits (exactly `max` when exact). */
static bool read_hex(Parser *ps, int count, uint32_t *out, intptr_t start) {
    uint32_t v = 0;
    for (int k = 0; k < count; k++) {
        int h = ps->i < ps->n ? hexval(ps->p[ps->i]) : -1;
        if (h < 0) {
            intptr_t len = ps->i - start;
            StrBuf b;
            sb_init(&b);
            sb_adds(&b, "incomplete escape ");
            for (intptr_t q = start; q < start + len; q++) sb_addc(&b, (char)ps->p[q]);
            Obj *s = sb_finish(&b);
            if (!s) { ps->pyerr = true; return false; }
            snprintf(ps->errbuf, sizeof ps->errbuf, "%s", str_data(s));
            DECREF(s);
            if (!ps->err) { ps->err = ps->errbuf; ps->errpos = start; }
            return false;
        }
        v = v * 16 + (uint32_t)h;
        ps->i++;
    }
    *out = v;
    return true;
}

static bool bad_escape(Parser *ps, uint32_t c, intptr_t pos) {
    char m[32];
    if (c < 0x80) snprintf(m, sizeof m, "bad escape \\%c", (char)c);
    else snprintf(m, sizeof m, "bad escape");
    return perr(ps, m, pos);
}

/* An escape inside or outside a class that stands for one character: \n, \x41, \0, \101...
 * Returns 1 with *out set, 0 if it is not such an escape (caller handles it), -1 error. */
static int char_escape(Parser *ps, uint32_t e, intptr_t start, bool in_class, uint32_t *out) {
    switch (e) {
    case 'a': *out = 7; return 1;
    case 'f': *out = 12; return 1;
    case 'n': *out = 10; return 1;
    case 'r': *out = 13; return 1;
    case 't': *out = 9; return 1;
    case 'v': *out = 11; return 1;
    case '\\': *out = '\\'; return 1;
    case 'x': return read_hex(ps, 2, out, start) ? 1 : -1;
    case 'u': case 'U':
        if (ps->is_bytes) return bad_escape(ps, e, start) ? 1 : -1;
        if (!read_hex(ps, e == 'u' ? 4 : 8, out, start)) return -1;
        if (*out > 0x10FFFF) {
            StrBuf b;
            sb_init(&b);
            sb_adds(&b, "bad escape ");
            for (intptr_t q = start; q < ps->i; q++) sb_addc(&b, (char)ps->p[q]);
            Obj *s = sb_finish(&b);
            if (!s) { ps->pyerr = true; return -1; }
            snprintf(ps->errbuf, sizeof ps->errbuf, "%s", str_data(s));
            DECREF(s);
            if (!ps->err) { ps->err = ps->errbuf; ps->errpos = start; }
            return -1;
        }
        return 1;
    case '0': {
        uint32_t v = 0;
        for (int k = 0; k < 2 && ps->i < ps->n && ps->p[ps->i] >= '0' && ps->p[ps->i] <= '7'; k++)
            v = v * 8 + (ps->p[ps->i++] - '0');
        *out = v;
        return 1;
    }
    case 'b':
        if (in_class) { *out = 8; return 1; }
        return 0;
    default:
        if (in_class && is_digit(e)) {
            /* in a class a digit escape is octal: up to three digits (8 and 9 are errors) */
            if (e > '7') return bad_escape(ps, e, start) ? 1 : -1;
            uint32_t v = e - '0';
            for (int k = 0; k < 2 && ps->i < ps->n && ps->p[ps->i] >= '0' && ps->p[ps->i] <= '7'; k++)
                v = v * 8 + (ps->p[ps->i++] - '0');
            if (v > 0377) {
                char m[64];
                snprintf(m, sizeof m, "octal escape value \\%c%c%c outside of range 0-0o377",
                         (char)e, (char)ps->p[ps->i - 2], (char)ps->p[ps->i - 1]);
                perr(ps, m, start);
                return -1;
            }
            *out = v;
            return 1;
        }
        if (e < 0x80 && ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || is_digit(e))) return 0;
        *out = e;
        return 1;
    }
}

static int cat_of(uint32_t e) {
    switch (e) {
    case 'd': return C_DIGIT; case 'D': return C_NDIGIT;
    case 'w': return C_WORD; case 'W': return C_NWORD;
    case 's': return C_SPACE; case 'S': return C_NSPACE;
    default: return 0;
    }
}

static Node *parse_class(Parser *ps) {
    intptr_t start = ps->i - 1;     /* the '[' */
    int ci = class_new_idx(ps);
    if (ci < 0) return NULL;
    Class *cl;
    if (peek(ps) == '^' && !at_end(ps)) { ps->classes[ci].neg = true; ps->i++; }
    bool first = true;
    for (;;) {
        if (at_end(ps)) { perr(ps, "unterminated character set", start); return NULL; }
        intptr_t itempos = ps->i;
        uint32_t c = ps->p[ps->i++];
        if (c == ']' && !first) break;
        first = false;
        uint32_t lo;
        if (c == '\\') {
            if (at_end(ps)) { perr(ps, "bad escape (end of pattern)", itempos); return NULL; }
            uint32_t e = ps->p[ps->i++];
            int cat = cat_of(e);
            if (cat) {
                ps->classes[ci].cats |= cat;
                if (peek(ps) == '-' && ps->i + 1 < ps->n && ps->p[ps->i + 1] != ']') {
                    char m[48];
                    snprintf(m, sizeof m, "bad character range \\%c-", (char)e);
                    StrBuf b;
                    sb_init(&b);
                    sb_adds(&b, m);
                    /* CPython shows the range as written: "\w-x" */
                    intptr_t q = ps->i + 1;
                    if (ps->p[q] == '\\' && q + 1 < ps->n) { sb_addc(&b, '\\'); q++; }
                    if (ps->p[q] < 0x80) sb_addc(&b, (char)ps->p[q]);
                    Obj *s = sb_finish(&b);
                    if (!s) { ps->pyerr = true; return NULL; }
                    snprintf(ps->errbuf, sizeof ps->errbuf, "%s", str_data(s));
                    DECREF(s);
                    if (!ps->err) { ps->err = ps->errbuf; ps->errpos = itempos; }
                    return NULL;
                }
                continue;
            }
            int r = char_escape(ps, e, itempos, true, &lo);
            if (r < 0) return NULL;
            if (r == 0) { bad_escape(ps, e, itempos); return NULL; }
        } else lo = c;
        uint32_t hi = lo;
        if (peek(ps) == '-' && ps->i + 1 < ps->n && ps->p[ps->i + 1] != ']') {
            ps->i++;
            intptr_t hipos = ps->i;
            uint32_t c2 = ps->p[ps->i++];
            if (c2 == '\\') {
                if (at_end(ps)) { perr(ps, "bad escape (end of pattern)", hipos); return NULL; }
                uint32_t e = ps->p[ps->i++];
                if (cat_of(e)) {
                    char m[48];
                    snprintf(m, sizeof m, "bad character range %c-\\%c", lo < 0x80 ? (char)lo : '?', (char)e);
                    perr(ps, m, itempos);
                    return NULL;
                }
                int r = char_escape(ps, e, hipos, true, &hi);
                if (r < 0) return NULL;
                if (r == 0) { bad_escape(ps, e, hipos); return NULL; }
            } else hi = c2;
            if (hi < lo) {
                StrBuf b;
                sb_init(&b);
                sb_adds(&b, "bad character range ");
                for (intptr_t q = itempos; q < ps->i; q++) {
                    uint32_t ch = ps->p[q];
                    Obj *one = str_from_codepoint(ch);
                    if (one) { sb_add(&b, str_data(one), str_nbytes(one)); DECREF(one); }
                    else exc_clear();
                }
                Obj *s = sb_finish(&b);
                if (!s) { ps->pyerr = true; return NULL; }
                snprintf(ps->errbuf, sizeof ps->errbuf, "%s", str_data(s));
                DECREF(s);
                if (!ps->err) { ps->err = ps->errbuf; ps->errpos = itempos; }
                return NULL;
            }
        }
        if (!class_add(ps, ci, lo, hi)) return NULL;
    }
    cl = &ps->classes[ci];
    cl->icase = (ps->flags & F_I) != 0;
    cl->ascii = (ps->flags & F_A) != 0 || ps->is_bytes;
    Node *n = node_new(ps, N_CLASS);
    if (!n) return NULL;
    n->cls = ci;
    n->icase = cl->icase;
    return n;
}

static Node *parse_alt(Parser *ps);

static bool read_name(Parser *ps, uint32_t term, Obj **name, intptr_t *namepos, bool allow_number) {
    intptr_t s = ps->i;
    *namepos = s;
    while (ps->i < ps->n && ps->p[ps->i] != term) ps->i++;
    if (ps->i >= ps->n) {
        if (ps->i == s) return perr(ps, "missing group name", s);
        return perr(ps, term == '>' ? "missing >, unterminated name" : "missing ), unterminated name", s);
    }
    if (ps->i == s) return perr(ps, "missing group name", s);
    StrBuf b;
    sb_init(&b);
    bool ok = true;
    bool number = allow_number;
    for (intptr_t q = s; q < ps->i; q++) if (!is_digit(ps->p[q])) number = false;
    for (intptr_t q = s; q < ps->i; q++) {
        uint32_t c = ps->p[q];
        bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        if (!(start || (q > s && is_digit(c)) || number)) ok = false;
        if (c < 0x80) sb_addc(&b, (char)c);
        else {
            Obj *one = str_from_codepoint(c);
            if (one) { sb_add(&b, str_data(one), str_nbytes(one)); DECREF(one); }
            else exc_clear();
        }
    }
    Obj *nm = sb_finish(&b);
    if (!nm) { ps->pyerr = true; return false; }
    ps->i++;    /* the terminator */
    if (!ok) {
        Obj *r = obj_repr(nm);
        if (!r) { DECREF(nm); ps->pyerr = true; return false; }
        char m[140];
        snprintf(m, sizeof m, "bad character in group name %s", str_data(r));
        DECREF(r);
        DECREF(nm);
        return perr(ps, m, s);
    }
    *name = nm;
    return true;
}

static int parse_flags_letters(Parser *ps, int *on, int *off, bool *scoped) {
    /* after "(?": letters [-letters] then ')' or ':' */
    *on = *off = 0;
    *scoped = false;
    bool minus = false;
    for (;;) {
        if (at_end(ps)) { perr(ps, "missing -, : or )", ps->i); return -1; }
        uint32_t c = ps->p[ps->i];
        int f = 0;
        switch (c) {
        case 'i': f = F_I; break; case 'm': f = F_M; break; case 's': f = F_S; break;
        case 'x': f = F_X; break; case 'a': f = F_A; break; case 'u': f = F_U; break;
        case 'L': f = F_L; break;
        }
        if (f) {
            if (minus && (f == F_A || f == F_U || f == F_L)) {
                perr(ps, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'", ps->i + 1);
                return -1;
            }
            if (ps->is_bytes && f == F_U) { perr(ps, "bad inline flags: cannot use 'u' flag with a bytes pattern", ps->i + 1); return -1; }
            if (!ps->is_bytes && f == F_L) { perr(ps, "bad inline flags: cannot use 'L' flag with a str pattern", ps->i + 1); return -1; }
            if (minus) *off |= f; else *on |= f;
            ps->i++;
            continue;
        }
        if (c == '-' && !minus) {
            minus = true;
            ps->i++;
            if (at_end(ps)) { perr(ps, "missing flag", ps->i); return -1; }
            continue;
        }
        if (c == ')') {
            if (minus) { perr(ps, "missing :", ps->i); return -1; }
            ps->i++;
            return 0;
        }
        if (c == ':') { ps->i++; *scoped = true; return 0; }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            perr(ps, minus ? "unknown flag" : "unknown flag", ps->i);
            return -1;
        }
        perr(ps, minus ? "missing flag" : "missing -, : or )", ps->i);
        return -1;
    }
}

static bool set_open(Parser *ps, int g, bool v) {
    if (g >= ps->open_cap) {
        int old = ps->open_cap;
        bool *o = grow(ps->open_groups, &ps->open_cap, g + 1, sizeof(bool));
        if (!o) { ps->pyerr = true; return false; }
        ps->open_groups = o;
        memset(o + old, 0, (size_t)(ps->open_cap - old) * sizeof(bool));
    }
    ps->open_groups[g] = v;
    return true;
}

/* Group number of a name or digits written in the pattern (for (?P=name) and (?(cond)...)):
 * -1 unknown (error set). */
static int group_ref(Parser *ps, Obj *name, intptr_t pos, bool cond) {
    const char *s = str_data(name);
    bool digits = *s != 0;
    for (const char *q = s; *q; q++) if (*q < '0' || *q > '9') digits = false;
    if (digits) {
        long v = 0;
        for (const char *q = s; *q && v < 100000; q++) v = v * 10 + (*q - '0');
        if (v == 0 && cond) { perr(ps, "bad group number", pos); return -1; }
        if (v > ps->ngroups || v >= MAX_GROUPS) {
            char m[64];
            snprintf(m, sizeof m, "invalid group reference %ld", v);
            perr(ps, m, pos);
            return -1;
        }
        return (int)v;
    }
    Obj *g = dict_get(ps->groupindex, name);
    if (!g) {
        Obj *r = obj_repr(name);
        if (!r) { ps->pyerr = true; return -1; }
        char m[140];
        snprintf(m, sizeof m, "unknown group name %s", str_data(r));
        DECREF(r);
        perr(ps, m, pos);
        return -1;
    }
    return (int)SMALL_VAL(g);
}

static Node *parse_group(Parser *ps, intptr_t open) {
    int saved_flags = ps->flags;
    int capture = -1;
    int kind = N_GROUP;
    bool behind = false, neg = false;
    if (peek(ps) == '?' && !at_end(ps)) {
        ps->i++;
        if (at_end(ps)) { perr(ps, "unexpected end of pattern", ps->i); return NULL; }
        uint32_t c = ps->p[ps->i];
        if (c == ':') { ps->i++; }
        else if (c == 'P') {
            ps->i++;
            if (at_end(ps)) { perr(ps, "unexpected end of pattern", ps->i); return NULL; }
            uint32_t d = ps->p[ps->i];
            if (d == '<') {
                ps->i++;
                Obj *name;
                intptr_t npos;
                if (!read_name(ps, '>', &name, &npos, false)) return NULL;
                if (ps->ngroups + 1 >= MAX_GROUPS) { DECREF(name); perr(ps, "too many groups", open); return NULL; }
                Obj *old = dict_get(ps->groupindex, name);
                if (old) {
                    Obj *r = obj_repr(name);
                    DECREF(name);
                    if (!r) { ps->pyerr = true; return NULL; }
                    char m[200];
                    snprintf(m, sizeof m, "redefinition of group name %s as group %d; was group %d",
                             str_data(r), ps->ngroups + 1, (int)SMALL_VAL(old));
                    DECREF(r);
                    perr(ps, m, npos);
                    return NULL;
                }
                capture = ++ps->ngroups;
                int rc = dict_set(ps->groupindex, name, MK_SMALL(capture));
                DECREF(name);
                if (rc < 0) { ps->pyerr = true; return NULL; }
            } else if (d == '=') {
                ps->i++;
                Obj *name;
                intptr_t npos;
                if (!read_name(ps, ')', &name, &npos, false)) return NULL;
                int g = -1;
                Obj *gv = dict_get(ps->groupindex, name);
                if (!gv) {
                    Obj *r = obj_repr(name);
                    DECREF(name);
                    if (!r) { ps->pyerr = true; return NULL; }
                    char m[140];
                    snprintf(m, sizeof m, "unknown group name %s", str_data(r));
                    DECREF(r);
                    perr(ps, m, npos);
                    return NULL;
                }
                DECREF(name);
                g = (int)SMALL_VAL(gv);
                if (g < ps->open_cap && ps->open_groups[g]) { perr(ps, "cannot refer to an open group", npos); return NULL; }
                Node *n = node_new(ps, N_BACKREF);
                if (!n) return NULL;
                n->group = g;
                n->icase = (ps->flags & F_I) != 0;
                ps->has_backref = true;
                return n;
            } else {
                char m[48];
                snprintf(m, sizeof m, "unknown extension ?P%c", d < 0x80 ? (char)d : '?');
                perr(ps, m, ps->i - 1);
                return NULL;
            }
        } else if (c == '#') {
            while (ps->i < ps->n && ps->p[ps->i] != ')') ps->i++;
            if (at_end(ps)) { perr(ps, "missing ), unterminated comment", open); return NULL; }
            ps->i++;
            return node_new(ps, N_EMPTY);
        } else if (c == '=' || c == '!') {
            ps->i++;
            kind = N_LOOK; neg = c == '!';
        } else if (c == '<') {
            ps->i++;
            uint32_t d = peek(ps);
            if (d == '=' || d == '!') {
                ps->i++;
                kind = N_LOOK; behind = true; neg = d == '!';
            } else if (at_end(ps)) {
                perr(ps, "unexpected end of pattern", ps->i);
                return NULL;
            } else {
                /* (?<name>...) is 3.11's spelling too? No: it arrived in 3.12. */
                char m[48];
                snprintf(m, sizeof m, "unknown extension ?<%c", d < 0x80 ? (char)d : '?');
                perr(ps, m, ps->i - 2);
                return NULL;
            }
        } else if (c == '>') {
            ps->i++;
            kind = N_ATOMIC;
        } else if (c == '(') {
            ps->i++;
            Obj *name;
            intptr_t npos;
            if (!read_name(ps, ')', &name, &npos, true)) return NULL;
            int g = group_ref(ps, name, npos, true);
            DECREF(name);
            if (g < 0) return NULL;
            ps->has_backref = true;
            Node *n = node_new(ps, N_COND);
            if (!n) return NULL;
            n->group = g;
            ps->depth++;
            Node *body = parse_alt(ps);
            ps->depth--;
            if (!body) return NULL;
            if (at_end(ps) || peek(ps) != ')') {
                if (!at_end(ps) && peek(ps) == '|') { perr(ps, "conditional backref with more than two branches", ps->i); return NULL; }
                perr(ps, "missing ), unterminated subpattern", open);
                return NULL;
            }
            ps->i++;
            /* body is an N_ALT of at most two branches */
            Node *yes = body, *no = NULL;
            if (body->kind == N_ALT) {
                if (body->nkids > 2) { perr(ps, "conditional backref with more than two branches", open); return NULL; }
                yes = body->kids[0];
                no = body->nkids > 1 ? body->kids[1] : NULL;
            }
            if (!no) { no = node_new(ps, N_EMPTY); if (!no) return NULL; }
            if (!node_add(ps, n, yes) || !node_add(ps, n, no)) return NULL;
            return n;
        } else {
            int on, off;
            bool scoped;
            intptr_t fpos = ps->i;
            if (!strchr("imsxauL-", (int)c) || c == 0) {
                char m[48];
                uint32_t c2 = ps->i + 1 < ps->n ? ps->p[ps->i + 1] : 0;
                if (c == '\\' && c2 && c2 < 0x80) snprintf(m, sizeof m, "unknown extension ?\\%c", (char)c2);
                else snprintf(m, sizeof m, "unknown extension ?%c", c < 0x80 ? (char)c : '?');
                perr(ps, m, fpos - 1);
                return NULL;
            }
            if (parse_flags_letters(ps, &on, &off, &scoped) < 0) return NULL;
            if (!scoped) {
                if (fpos - 2 != 0) {
                    perr(ps, "global flags not at the start of the expression", fpos - 2);
                    return NULL;
                }
                ps->flags |= on;
                return node_new(ps, N_EMPTY);
            }
            ps->flags = (ps->flags | on) & ~off;
            if (on & F_A) ps->flags &= ~F_U;
        }
    } else {
        if (ps->ngroups + 1 >= MAX_GROUPS) { perr(ps, "too many groups", open); return NULL; }
        capture = ++ps->ngroups;
    }
    if (capture > 0 && !set_open(ps, capture, true)) return NULL;
    if (++ps->depth > MAX_NEST) { perr(ps, "too many nested parentheses", open); return NULL; }
    Node *body = parse_alt(ps);
    ps->depth--;
    ps->flags = saved_flags;        /* scoped flags end with their group */
    if (!body) return NULL;
    if (at_end(ps) || peek(ps) != ')') { perr(ps, "missing ), unterminated subpattern", open); return NULL; }
    ps->i++;
    if (capture > 0 && !set_open(ps, capture, false)) return NULL;
    Node *n = node_new(ps, kind);
    if (!n) return NULL;
    n->group = capture;
    n->behind = behind;
    n->neg = neg;
    if (!node_add(ps, n, body)) return NULL;
    return n;
}

static bool is_repeat_char(uint32_t c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

/* Reads {m,n} at ps->i (just after '{'). Returns 1 if it is a repeat, 0 if the brace is a
 * literal (CPython treats "{", "{x}", "{1,x}" as literals), -1 error. */
static int read_braces(Parser *ps, int *mn, int *mx) {
    intptr_t s = ps->i;
    intptr_t q = s;
    int64_t lo = -1, hi = -1;
    bool comma = false;
    int64_t v = 0;
    bool any = false;
    while (q < ps->n && is_digit(ps->p[q])) { if (v < ((int64_t)1 << 40)) v = v * 10 + (int64_t)(ps->p[q] - '0'); q++; any = true; }
    if (any) lo = v;
    if (q < ps->n && ps->p[q] == ',') {
        comma = true;
        q++;
        v = 0; any = false;
        while (q < ps->n && is_digit(ps->p[q])) { if (v < ((int64_t)1 << 40)) v = v * 10 + (int64_t)(ps->p[q] - '0'); q++; any = true; }
        if (any) hi = v;
    }
    if (q >= ps->n || ps->p[q] != '}') return 0;
    if (lo < 0 && !comma) return 0;
    if (!comma) hi = lo;
    if (lo < 0) lo = 0;
    /* CPython's MAXREPEAT is 2**32 - 1; here counts must also fit an int */
    if (lo >= 4294967295ll || hi >= 4294967295ll) { perr(ps, "the repetition number is too large", s); return -1; }
    if (lo > 0x7fffffff || hi > 0x7fffffff) { perr(ps, "the repetition number is too large", s); return -1; }
    if (hi >= 0 && hi < lo) { perr(ps, "min repeat greater than max repeat", s); return -1; }
    ps->i = q + 1;
    *mn = (int)lo;
    *mx = hi < 0 ? REP_INF : (int)hi;
    return 1;
}

static Node *parse_atom(Parser *ps) {
    intptr_t pos = ps->i;
    uint32_t c = ps->p[ps->i++];
    Node *n;
    switch (c) {
    case '.':
        n = node_new(ps, N_ANY);
        if (n) n->dotall = (ps->flags & F_S) != 0;
        return n;
    case '^':
        n = node_new(ps, N_ASSERT);
        if (n) n->akind = (ps->flags & F_M) ? A_BOL : A_BEGIN;
        return n;
    case '$':
        n = node_new(ps, N_ASSERT);
        if (n) n->akind = (ps->flags & F_M) ? A_EOL_M : A_EOL;
        return n;
    case '[':
        return parse_class(ps);
    case '(':
        return parse_group(ps, pos);
    case '\\': {
        if (at_end(ps)) { perr(ps, "bad escape (end of pattern)", pos); return NULL; }
        uint32_t e = ps->p[ps->i++];
        int cat = cat_of(e);
        if (cat) {
            int ci = class_new_idx(ps);
            if (ci < 0) return NULL;
            ps->classes[ci].cats = cat;
            ps->classes[ci].ascii = (ps->flags & F_A) != 0 || ps->is_bytes;
            n = node_new(ps, N_CLASS);
            if (n) n->cls = ci;
            return n;
        }
        int ak = -1;
        switch (e) {
        case 'A': ak = A_BEGIN; break;
        case 'Z': ak = A_END_Z; break;
        case 'b': ak = A_WORDB; break;
        case 'B': ak = A_NWORDB; break;
        }
        if (ak >= 0) {
            n = node_new(ps, N_ASSERT);
            if (n) { n->akind = ak; n->ascii = (ps->flags & F_A) != 0 || ps->is_bytes; }
            return n;
        }
        if (e >= '1' && e <= '9') {
            /* a backreference \N or \NN, or an octal escape of three digits */
            uint32_t d2 = peek(ps), d3 = ps->i + 1 < ps->n ? ps->p[ps->i + 1] : 0;
            if (e <= '7' && d2 >= '0' && d2 <= '7' && d3 >= '0' && d3 <= '7' && !at_end(ps)) {
                uint32_t v = (e - '0') * 64 + (d2 - '0') * 8 + (d3 - '0');
                if (v > 0377) {
                    char m[64];
                    snprintf(m, sizeof m, "octal escape value \\%c%c%c outside of range 0-0o377", (char)e, (char)d2, (char)d3);
                    perr(ps, m, pos);
                    return NULL;
                }
                ps->i += 2;
                n = node_new(ps, N_CHAR);
                if (n) { n->c = v; n->icase = (ps->flags & F_I) != 0; }
                return n;
            }
            int g = (int)(e - '0');
            if (is_digit(d2) && !at_end(ps)) { g = g * 10 + (int)(d2 - '0'); ps->i++; }
            if (g > ps->ngroups) {
                char m[64];
                snprintf(m, sizeof m, "invalid group reference %d", g);
                perr(ps, m, pos + 1);
                return NULL;
            }
            if (g < ps->open_cap && ps->open_groups[g]) { perr(ps, "cannot refer to an open group", pos); return NULL; }
            n = node_new(ps, N_BACKREF);
            if (n) { n->group = g; n->icase = (ps->flags & F_I) != 0; }
            ps->has_backref = true;
            return n;
        }
        uint32_t ch;
        int r = char_escape(ps, e, pos, false, &ch);
        if (r < 0) return NULL;
        if (r == 0) { bad_escape(ps, e, pos); return NULL; }
        n = node_new(ps, N_CHAR);
        if (n) { n->c = ch; n->icase = (ps->flags & F_I) != 0; }
        return n;
    }
    default:
        n = node_new(ps, N_CHAR);
        if (n) { n->c = c; n->icase = (ps->flags & F_I) != 0; }
        return n;
    }
}

static Node *parse_seq(Parser *ps) {
    Node *cat = node_new(ps, N_CAT);
    if (!cat) return NULL;
    for (;;) {
        skip_verbose(ps);
        if (at_end(ps)) break;
        uint32_t c = peek(ps);
        if (c == '|' || c == ')') break;
        intptr_t pos = ps->i;
        if (c == '*' || c == '+' || c == '?') { perr(ps, "nothing to repeat", pos); return NULL; }
        if (c == '{') {
            intptr_t save = ps->i;
            ps->i++;
            int mn, mx;
            int r = read_braces(ps, &mn, &mx);
            if (r < 0) return NULL;
            ps->i = save;
            if (r > 0) { perr(ps, "nothing to repeat", pos); return NULL; }
        }
        if (c_stack_check(" in regular expression parsing") < 0) { ps->pyerr = true; return NULL; }
        Node *atom = parse_atom(ps);
        if (!atom) return NULL;
        /* quantifiers: one per atom, then its lazy '?' or possessive '+' */
        bool quantified = false;
        skip_verbose(ps);
        while (!at_end(ps) && is_repeat_char(peek(ps))) {
            intptr_t qpos = ps->i;
            uint32_t q = ps->p[ps->i++];
            int mn, mx;
            if (q == '*') { mn = 0; mx = REP_INF; }
            else if (q == '+') { mn = 1; mx = REP_INF; }
            else if (q == '?') { mn = 0; mx = 1; }
            else {
                int r = read_braces(ps, &mn, &mx);
                if (r < 0) return NULL;
                if (r == 0) { ps->i = qpos; break; }
            }
            if (quantified) { perr(ps, "multiple repeat", qpos); return NULL; }
            if (atom->kind == N_ASSERT || atom->kind == N_EMPTY) { perr(ps, "nothing to repeat", qpos); return NULL; }
            Node *rep = node_new(ps, N_REPEAT);
            if (!rep) return NULL;
            rep->min = mn;
            rep->max = mx;
            rep->greedy = true;
            if (!at_end(ps) && peek(ps) == '?') { ps->i++; rep->greedy = false; }
            else if (!at_end(ps) && peek(ps) == '+') { ps->i++; rep->possessive = true; }
            if (!node_add(ps, rep, atom)) return NULL;
            atom = rep;
            quantified = true;
            skip_verbose(ps);
        }
        if (!node_add(ps, cat, atom)) return NULL;
    }
    return cat;
}

static Node *parse_alt(Parser *ps) {
    Node *first = parse_seq(ps);
    if (!first) return NULL;
    if (at_end(ps) || peek(ps) != '|') return first;
    Node *alt = node_new(ps, N_ALT);
    if (!alt || !node_add(ps, alt, first)) return NULL;
    while (!at_end(ps) && peek(ps) == '|') {
        ps->i++;
        Node *b = parse_seq(ps);
        if (!b || !node_add(ps, alt, b)) return NULL;
    }
    return alt;
}

/* ---- widths --------------------------------------------------------------------------------------- */
/* Fixed width of a subtree, or -1 if it varies (lookbehind needs a fixed one). */
static long fixed_width(Node *n) {
    switch (n->kind) {
    case N_EMPTY: case N_ASSERT: case N_LOOK: return 0;
    case N_CHAR: case N_ANY: case N_CLASS: return 1;
    case N_BACKREF: return -1;
    case N_CAT: {
        long w = 0;
        for (int i = 0; i < n->nkids; i++) {
            long k = fixed_width(n->kids[i]);
            if (k < 0) return -1;
            w += k;
        }
        return w;
    }
    case N_ALT: case N_COND: {
        long w = -2;
        for (int i = 0; i < n->nkids; i++) {
            long k = fixed_width(n->kids[i]);
            if (k < 0 || (w != -2 && k != w)) return -1;
            w = k;
        }
        return w < 0 ? 0 : w;
    }
    case N_GROUP: case N_ATOMIC: return fixed_width(n->kids[0]);
    case N_REPEAT: {
        if (n->min != n->max) return -1;
        long k = fixed_width(n->kids[0]);
        if (k < 0) return -1;
        return k * n->min;
    }
    }
    return -1;
}

static bool can_be_empty(Node *n) {
    switch (n->kind) {
    case N_CHAR: case N_ANY: case N_CLASS: return false;
    case N_CAT:
        for (int i = 0; i < n->nkids; i++) if (!can_be_empty(n->kids[i])) return false;
        return true;
    case N_ALT:
        for (int i = 0; i < n->nkids; i++) if (can_be_empty(n->kids[i])) return true;
        return false;
    case N_GROUP: case N_ATOMIC: return can_be_empty(n->kids[0]);
    case N_REPEAT: return n->min == 0 || can_be_empty(n->kids[0]);
    default: return true;
    }
}

/* ---- code generation -------------------------------------------------------------------------------- */
typedef struct {
    Inst *p;
    int n, cap;
    int nsplits, nmarks;
    int mark_base;              /* first mark slot = 2 * (ngroups + 1) */
    Parser *ps;
} Gen;

static int emit(Gen *g, int op) {
    if (g->n >= MAX_PROG) { perr(g->ps, "pattern too large (counted repeats expand past the program limit)", -1); return -1; }
    Inst *p = grow(g->p, &g->cap, g->n + 1, sizeof(Inst));
    if (!p) { g->ps->pyerr = true; return -1; }
    g->p = p;
    memset(&p[g->n], 0, sizeof(Inst));
    p[g->n].op = (uint8_t)op;
    return g->n++;
}

static bool gen(Gen *g, Node *n);

static bool is_single(Node *n) { return n->kind == N_CHAR || n->kind == N_ANY || n->kind == N_CLASS; }

static bool gen_star(Gen *g, Node *body, bool greedy) {
    int split = emit(g, I_SPLIT);
    if (split < 0) return false;
    g->p[split].min = g->nsplits++;
    bool empty = can_be_empty(body);
    int mark = -1;
    if (empty) {
        mark = g->mark_base + g->nmarks++;
        int m = emit(g, I_MARK);
        if (m < 0) return false;
        g->p[m].x = mark;
    }
    int bodystart = split + 1;
    if (!gen(g, body)) return false;
    int check = -1;
    if (empty) {
        check = emit(g, I_CHECK);
        if (check < 0) return false;
        g->p[check].x = mark;
    }
    int j = emit(g, I_JMP);
    if (j < 0) return false;
    g->p[j].x = split;
    int out = g->n;
    if (check >= 0) g->p[check].y = out;
    g->p[split].x = greedy ? bodystart : out;
    g->p[split].y = greedy ? out : bodystart;
    return true;
}

static bool gen_sub(Gen *g, int op, Node *body, Node *n) {
    int at = emit(g, op);
    if (at < 0) return false;
    g->p[at].x = at + 1;
    if (n) { g->p[at].neg = n->neg; g->p[at].behind = n->behind; }
    if (!gen(g, body)) return false;
    if (emit(g, I_SUCCEED) < 0) return false;
    g->p[at].y = g->n;
    return true;
}

static bool gen_repeat(Gen *g, Node *n) {
    Node *body = n->kids[0];
    if (n->possessive) {
        /* X*+ is (?>X*) */
        Node tmp = *n;
        tmp.possessive = false;
        int at = emit(g, I_ATOMIC);
        if (at < 0) return false;
        g->p[at].x = at + 1;
        if (!gen_repeat(g, &tmp)) return false;
        if (emit(g, I_SUCCEED) < 0) return false;
        g->p[at].y = g->n;
        return true;
    }
    if (is_single(body)) {
        int r = emit(g, I_REP);
        if (r < 0) return false;
        g->p[r].min = n->min;
        g->p[r].max = n->max;
        g->p[r].greedy = n->greedy;
        g->p[r].c = (uint32_t)g->nsplits++;       /* its memo ordinal */
        return gen(g, body);
    }
    for (int i = 0; i < n->min; i++) if (!gen(g, body)) return false;
    if (n->max == REP_INF) return gen_star(g, body, n->greedy);
    /* (max - min) nested optional copies: X{0,3} = (?:X(?:X(?:X)?)?)? */
    int count = n->max - n->min;
    int *splits = NULL;
    if (count > 0) {
        if ((long)count * 2 > MAX_PROG) { perr(g->ps, "pattern too large (counted repeats expand past the program limit)", -1); return false; }
        splits = mem_alloc(sizeof(int) * (size_t)count);
        if (!splits) { g->ps->pyerr = true; return false; }
    }
    for (int i = 0; i < count; i++) {
        int s = emit(g, I_SPLIT);
        if (s < 0) { mem_free(splits); return false; }
        g->p[s].min = g->nsplits++;
        splits[i] = s;
        if (!gen(g, body)) { mem_free(splits); return false; }
    }
    int end = g->n;
    for (int i = 0; i < count; i++) {
        int s = splits[i];
        g->p[s].x = n->greedy ? s + 1 : end;
        g->p[s].y = n->greedy ? end : s + 1;
    }
    mem_free(splits);
    return true;
}

static bool gen(Gen *g, Node *n) {
    if (c_stack_check(" in regular expression compilation") < 0) { g->ps->pyerr = true; return false; }
    int at;
    switch (n->kind) {
    case N_EMPTY: return true;
    case N_CHAR:
        at = emit(g, I_CHAR);
        if (at < 0) return false;
        g->p[at].icase = n->icase;
        g->p[at].c = n->icase ? str_cp_lower(n->c) : n->c;
        if (n->icase && g->ps->is_bytes) g->p[at].c = n->c < 0x80 ? str_cp_lower(n->c) : n->c;
        return true;
    case N_ANY:
        return emit(g, n->dotall ? I_ANYNL : I_ANY) >= 0;
    case N_CLASS:
        at = emit(g, I_CLASS);
        if (at < 0) return false;
        g->p[at].c = (uint32_t)n->cls;
        return true;
    case N_CAT:
        for (int i = 0; i < n->nkids; i++) if (!gen(g, n->kids[i])) return false;
        return true;
    case N_ALT: {
        int *jumps = mem_alloc(sizeof(int) * (size_t)n->nkids);
        if (!jumps) { g->ps->pyerr = true; return false; }
        for (int i = 0; i < n->nkids; i++) {
            int s = -1;
            if (i < n->nkids - 1) {
                s = emit(g, I_SPLIT);
                if (s < 0) { mem_free(jumps); return false; }
                g->p[s].min = g->nsplits++;
                g->p[s].x = s + 1;
            }
            if (!gen(g, n->kids[i])) { mem_free(jumps); return false; }
            jumps[i] = -1;
            if (i < n->nkids - 1) {
                jumps[i] = emit(g, I_JMP);
                if (jumps[i] < 0) { mem_free(jumps); return false; }
                g->p[s].y = g->n;
            }
        }
        for (int i = 0; i < n->nkids; i++) if (jumps[i] >= 0) g->p[jumps[i]].x = g->n;
        mem_free(jumps);
        return true;
    }
    case N_GROUP:
        if (n->group > 0) {
            at = emit(g, I_SAVE);
            if (at < 0) return false;
            g->p[at].x = 2 * n->group;
        }
        if (!gen(g, n->kids[0])) return false;
        if (n->group > 0) {
            at = emit(g, I_SAVE);
            if (at < 0) return false;
            g->p[at].x = 2 * n->group + 1;
        }
        return true;
    case N_REPEAT:
        return gen_repeat(g, n);
    case N_ASSERT:
        at = emit(g, I_ASSERT);
        if (at < 0) return false;
        g->p[at].x = n->akind;
        g->p[at].ascii = n->ascii;
        return true;
    case N_BACKREF:
        at = emit(g, I_BACKREF);
        if (at < 0) return false;
        g->p[at].x = n->group;
        g->p[at].icase = n->icase;
        return true;
    case N_LOOK: {
        long w = 0;
        if (n->behind) {
            w = fixed_width(n->kids[0]);
            if (w < 0) { perr(g->ps, "look-behind requires fixed-width pattern", -1); return false; }
        }
        at = g->n;
        if (!gen_sub(g, I_LOOK, n->kids[0], n)) return false;
        g->p[at].min = (int32_t)w;
        return true;
    }
    case N_ATOMIC:
        return gen_sub(g, I_ATOMIC, n->kids[0], NULL);
    case N_COND: {
        at = emit(g, I_COND);
        if (at < 0) return false;
        g->p[at].c = (uint32_t)n->group;
        g->p[at].x = at + 1;
        if (!gen(g, n->kids[0])) return false;
        int j = emit(g, I_JMP);
        if (j < 0) return false;
        g->p[at].y = g->n;
        if (!gen(g, n->kids[1])) return false;
        g->p[j].x = g->n;
        return true;
    }
    }
    return true;
}

/* ---- the machine ---------------------------------------------------------------------------------- */
enum { BT_BRANCH, BT_SLOT, BT_FAILMARK, BT_REP_G, BT_REP_L };
typedef struct { int kind; int pc; intptr_t sp; intptr_t a; } BT;

typedef struct { intptr_t start, end; } RunCache;

typedef struct {
    const ProgObj *pg;
    RunCache *runs;             /* per memo ordinal: the last maximal run of a greedy repeat */
    const uint8_t *b;           /* the text as bytes (bytes, or an ASCII str) */
    const uint32_t *w;          /* or as code points */
    intptr_t n;                 /* endpos: the text ends here for the machine */
    intptr_t start;             /* where this attempt began */
    bool must_advance;          /* an empty match at `start` is refused (finditer after an empty match) */
    bool full;                  /* fullmatch: MATCH only at n */
    intptr_t *slots;
    BT *bt;
    intptr_t nbt, capbt;
    uint8_t *memo;              /* failed (split, position) pairs, or NULL */
    intptr_t memo_stride;       /* n + 1 */
    long long steps, budget;
} M;

static inline uint32_t CH(const M *m, intptr_t i) { return m->w ? m->w[i] : m->b[i]; }

static bool is_word(const M *m, uint32_t c, bool ascii) {
    if (ascii || m->pg->is_bytes || c < 0x80) return c < 0x80 && is_word_ascii(c);
    return str_cp_isalnum(c) || c == '_';
}

static bool cat_match(const M *m, int cats, uint32_t c, bool ascii) {
    bool asc = ascii || m->pg->is_bytes;
    if (cats & (C_DIGIT | C_NDIGIT)) {
        bool d = asc || c < 0x80 ? (c >= '0' && c <= '9') : str_cp_isdecimal(c);
        if ((cats & C_DIGIT) && d) return true;
        if ((cats & C_NDIGIT) && !d) return true;
    }
    if (cats & (C_WORD | C_NWORD)) {
        bool w = is_word(m, c, asc);
        if ((cats & C_WORD) && w) return true;
        if ((cats & C_NWORD) && !w) return true;
    }
    if (cats & (C_SPACE | C_NSPACE)) {
        bool s = asc || c < 0x80 ? (c == ' ' || (c >= 9 && c <= 13) || (!asc && c >= 0x1c && c <= 0x1f))
                                 : str_cp_isspace(c);
        if ((cats & C_SPACE) && s) return true;
        if ((cats & C_NSPACE) && !s) return true;
    }
    return false;
}

static bool class_match(const M *m, const Class *cl, uint32_t c) {
    bool in = false;
    if (cl->cats && cat_match(m, cl->cats, c, cl->ascii)) in = true;
    for (int i = 0; !in && i < cl->n; i++) {
        if (c >= cl->r[i].lo && c <= cl->r[i].hi) in = true;
        else if (cl->icase) {
            uint32_t lc, uc;
            if (m->pg->is_bytes) {
                lc = c < 0x80 ? str_cp_lower(c) : c;
                uc = c < 0x80 ? str_cp_upper(c) : c;
            } else {
                lc = str_cp_lower(c);
                uc = str_cp_upper(c);
            }
            if ((lc >= cl->r[i].lo && lc <= cl->r[i].hi) || (uc >= cl->r[i].lo && uc <= cl->r[i].hi)) in = true;
        }
    }
    return in != cl->neg;
}

static bool char_eq_icase(const M *m, uint32_t a, uint32_t lowered) {
    if (m->pg->is_bytes) return (a < 0x80 ? str_cp_lower(a) : a) == lowered;
    if (str_cp_lower(a) == lowered) return true;
    return str_cp_upper(a) == str_cp_upper(lowered);
}

/* Does the single-character instruction `in` match at position i (i < n)? */
static bool one_match(const M *m, const Inst *in, intptr_t i) {
    uint32_t c = CH(m, i);
    switch (in->op) {
    case I_CHAR: return in->icase ? char_eq_icase(m, c, in->c) : c == in->c;
    case I_ANY: return c != '\n';
    case I_ANYNL: return true;
    case I_CLASS: return class_match(m, &m->pg->classes[in->c], c);
    }
    return false;
}

static bool assert_holds(const M *m, int kind, intptr_t sp, bool ascii) {
    intptr_t n = m->n;
    switch (kind) {
    case A_BEGIN: return sp == 0;
    case A_BOL: return sp == 0 || CH(m, sp - 1) == '\n';
    case A_END_Z: return sp == n;
    case A_EOL: return sp == n || (sp == n - 1 && CH(m, sp) == '\n');
    case A_EOL_M: return sp == n || CH(m, sp) == '\n';
    case A_WORDB: case A_NWORDB: {
        bool before = sp > 0 && is_word(m, CH(m, sp - 1), ascii);
        bool after = sp < n && is_word(m, CH(m, sp), ascii);
        return (before != after) == (kind == A_WORDB);
    }
    }
    return false;
}

static int push(M *m, int kind, int pc, intptr_t sp, intptr_t a) {
    if (m->nbt == m->capbt) {
        intptr_t nc = m->capbt ? m->capbt * 2 : 64;
        BT *nb = mem_realloc(m->bt, (size_t)nc * sizeof(BT));
        if (!nb) return -1;
        m->bt = nb;
        m->capbt = nc;
    }
    BT *e = &m->bt[m->nbt++];
    e->kind = kind;
    e->pc = pc;
    e->sp = sp;
    e->a = a;
    return 0;
}

static int set_slot(M *m, int k, intptr_t v) {
    if (push(m, BT_SLOT, k, 0, m->slots[k]) < 0) return -1;
    m->slots[k] = v;
    return 0;
}

/* The failure memo: bit (ordinal, position) set = that state was explored to exhaustion. */
static inline bool memo_failed(const M *m, uint32_t ord, intptr_t sp) {
    if (!m->memo) return false;
    size_t bit = (size_t)ord * (size_t)m->memo_stride + (size_t)sp;
    return (m->memo[bit >> 3] >> (bit & 7)) & 1;
}
static inline int memo_mark_on_fail(M *m, uint32_t ord, intptr_t sp) {
    if (!m->memo) return 0;
    return push(m, BT_FAILMARK, 0, 0, (intptr_t)((size_t)ord * (size_t)m->memo_stride + (size_t)sp));
}

/* Run from pc at sp until I_MATCH / I_SUCCEED (1, *endp set, captures in m->slots) or failure
 * (0, m->slots as on entry). -1: a Python exception (MemoryError, RecursionError, the budget). */
static int run(M *m, int pc, intptr_t sp, intptr_t *endp) {
    const Inst *prog = m->pg->prog;
    intptr_t base = m->nbt;
    intptr_t n = m->n;
    for (;;) {
        if (++m->steps > m->budget) {
            exc_raise(RuntimeError_t, "regular expression backtracking limit exceeded");
            return -1;
        }
        const Inst *in = &prog[pc];
        switch (in->op) {
        case I_CHAR: case I_ANY: case I_ANYNL: case I_CLASS:
            if (sp < n && one_match(m, in, sp)) { sp++; pc++; continue; }
            goto fail;
        case I_SPLIT:
            if (memo_failed(m, (uint32_t)in->min, sp)) goto fail;
            if (memo_mark_on_fail(m, (uint32_t)in->min, sp) < 0) return -1;
            if (push(m, BT_BRANCH, in->y, sp, 0) < 0) return -1;
            pc = in->x;
            continue;
        case I_JMP:
            pc = in->x;
            continue;
        case I_SAVE: case I_MARK:
            if (set_slot(m, in->x, sp) < 0) return -1;
            if (in->op == I_SAVE && (in->x & 1) && set_slot(m, m->pg->nslots - 1, in->x / 2) < 0) return -1;
            pc++;
            continue;
        case I_CHECK:
            /* The loop body matched empty: keep that iteration (its captures) but loop no more,
             * as CPython's matcher does. */
            pc = m->slots[in->x] == sp ? in->y : pc + 1;
            continue;
        case I_MATCH:
            if (m->must_advance && sp == m->start) goto fail;
            if (m->full && sp != n) goto fail;
            /* fall through */
        case I_SUCCEED:
            *endp = sp;
            m->nbt = base;      /* the captures stay as they are; the caller owns their undo */
            return 1;
        case I_ASSERT:
            if (!assert_holds(m, in->x, sp, in->ascii)) goto fail;
            pc++;
            continue;
        case I_BACKREF: {
            intptr_t s0 = m->slots[2 * in->x], s1 = m->slots[2 * in->x + 1];
            if (s0 < 0 || s1 < 0) goto fail;
            intptr_t len = s1 - s0;
            if (sp + len > n) goto fail;
            for (intptr_t k = 0; k < len; k++) {
                uint32_t a = CH(m, s0 + k), b = CH(m, sp + k);
                if (a != b && !(in->icase && char_eq_icase(m, b, m->pg->is_bytes ? (a < 0x80 ? str_cp_lower(a) : a) : str_cp_lower(a))))
                    goto fail;
            }
            sp += len;
            pc++;
            continue;
        }
        case I_COND: {
            intptr_t s0 = m->slots[2 * in->c], s1 = m->slots[2 * in->c + 1];
            pc = (s0 >= 0 && s1 >= 0) ? in->x : in->y;
            continue;
        }
        case I_LOOK: case I_ATOMIC: {
            if (c_stack_check(" in regular expression matching") < 0) return -1;
            intptr_t at = sp;
            if (in->op == I_LOOK && in->behind) {
                at = sp - in->min;
                if (at < 0) {
                    if (in->neg) { pc = in->y; continue; }
                    goto fail;
                }
            }
            int ns = m->pg->nslots;
            intptr_t *saved = mem_alloc(sizeof(intptr_t) * (size_t)ns);
            if (!saved) return -1;
            memcpy(saved, m->slots, sizeof(intptr_t) * (size_t)ns);
            bool saved_ma = m->must_advance, saved_full = m->full;
            m->must_advance = false;
            m->full = false;
            intptr_t end;
            int r = run(m, in->x, at, &end);
            m->must_advance = saved_ma;
            m->full = saved_full;
            if (r < 0) { mem_free(saved); return -1; }
            bool ok = r == 1;
            if (in->op == I_LOOK && in->neg) {
                if (ok) memcpy(m->slots, saved, sizeof(intptr_t) * (size_t)ns);
                mem_free(saved);
                if (ok) goto fail;
                pc = in->y;
                continue;
            }
            if (!ok) { mem_free(saved); goto fail; }
            /* keep the captures the subpattern made, undoably */
            for (int k = 0; k < ns; k++) {
                if (m->slots[k] != saved[k]) {
                    intptr_t now = m->slots[k];
                    m->slots[k] = saved[k];
                    if (set_slot(m, k, now) < 0) { mem_free(saved); return -1; }
                }
            }
            mem_free(saved);
            if (in->op == I_ATOMIC) sp = end;
            pc = in->y;
            continue;
        }
        case I_REP: {
            /* A repeat of one single-character matcher: scan the run once, then hand back
             * (greedy) or take (lazy) one character per backtrack. Each (repeat, position
             * after it) continuation that failed is memoized like a branch. */
            const Inst *atom = &prog[pc + 1];
            intptr_t limit = in->max == REP_INF ? n : (sp + in->max < n ? sp + in->max : n);
            intptr_t e = sp;
            if (in->greedy) {
                /* a run found before from an earlier position ends where it ended (the
                 * search's next start would otherwise rescan it: O(n^2) for `a+b`) */
                RunCache *rc = m->runs && in->max == REP_INF ? &m->runs[in->c] : NULL;
                if (rc && rc->start <= sp && sp <= rc->end) e = rc->end;
                else {
                    while (e < limit && one_match(m, atom, e)) e++;
                    m->steps += e - sp;
                    if (rc) { rc->start = sp; rc->end = e; }
                }
                if (e - sp < in->min) goto fail;
                intptr_t lo = sp + in->min;
                while (e >= lo && memo_failed(m, in->c, e)) e--;
                if (e < lo) goto fail;
                if (e > lo && push(m, BT_REP_G, pc + 2, e, lo) < 0) return -1;
            } else {
                while (e - sp < in->min && e < n && one_match(m, atom, e)) e++;
                m->steps += e - sp;
                if (e - sp < in->min) goto fail;
                intptr_t maxpos = in->max == REP_INF ? n : sp + in->max;
                if (e < maxpos && push(m, BT_REP_L, pc, e, maxpos) < 0) return -1;
                if (memo_failed(m, in->c, e)) goto fail;
            }
            if (memo_mark_on_fail(m, in->c, e) < 0) return -1;
            sp = e;
            pc += 2;
            continue;
        }
        }
    fail:
        for (;;) {
            if (m->nbt == base) return 0;
            BT *e = &m->bt[--m->nbt];
            switch (e->kind) {
            case BT_BRANCH:
                pc = e->pc;
                sp = e->sp;
                goto resume;
            case BT_SLOT:
                m->slots[e->pc] = e->a;
                continue;
            case BT_FAILMARK:
                m->memo[(size_t)e->a >> 3] |= (uint8_t)(1u << ((size_t)e->a & 7));
                continue;
            case BT_REP_G: {
                int cont = e->pc;
                uint32_t ord = prog[cont - 2].c;
                intptr_t np = e->sp - 1, lo = e->a;
                while (np >= lo && memo_failed(m, ord, np)) np--;
                if (np < lo) continue;
                if (np > lo) { e->sp = np; m->nbt++; }    /* keep the entry for the next give-back */
                if (memo_mark_on_fail(m, ord, np) < 0) return -1;
                pc = cont;
                sp = np;
                goto resume;
            }
            case BT_REP_L: {
                int rpc = e->pc;
                intptr_t at = e->sp, maxpos = e->a;
                if (at < n && one_match(m, &prog[rpc + 1], at)) {
                    intptr_t np = at + 1;
                    if (np < maxpos) { e->sp = np; m->nbt++; }
                    if (memo_failed(m, prog[rpc].c, np)) continue;
                    if (memo_mark_on_fail(m, prog[rpc].c, np) < 0) return -1;
                    pc = rpc + 2;
                    sp = np;
                    goto resume;
                }
                continue;
            }
            }
        }
    resume:;
    }
}

/* One attempt sequence: anchored at pos (match/fullmatch) or searching from pos. Returns 1 with
 * m->slots filled (group 0 included), 0 no match, -1 error. */
static int search(M *m, intptr_t pos, bool anchored) {
    const ProgObj *pg = m->pg;
    /* a literal first character lets the search skip ahead */
    uint32_t first = 0;
    bool has_first = pg->nprog > 0 && pg->prog[0].op == I_CHAR && !pg->prog[0].icase;
    if (has_first) first = pg->prog[0].c;
    for (intptr_t s = pos; s <= m->n; s++) {
        if (has_first && !anchored) {
            while (s < m->n && CH(m, s) != first) s++;
            if (s >= m->n) return 0;
        }
        for (int k = 0; k < pg->nslots; k++) m->slots[k] = -1;
        m->start = s;
        intptr_t end;
        int r = run(m, 0, s, &end);
        if (r != 0) {
            if (r == 1) { m->slots[0] = s; m->slots[1] = end; }
            return r;
        }
        if (anchored) return 0;
        m->must_advance = false;
        if (m->nbt) m->nbt = 0;
    }
    return 0;
}

/* Sets up the machine's view of the subject. The caller keeps `subject` alive. */
static int machine_init(M *m, const ProgObj *pg, Obj *subject, intptr_t pos, intptr_t endpos,
                        intptr_t *pos_out, uint32_t **wide_out) {
    memset(m, 0, sizeof *m);
    m->pg = pg;
    *wide_out = NULL;
    intptr_t len;
    if (pg->is_bytes) {
        if (!obj_is(subject, &bytes_type)) { exc_raise(TypeError_t, "expected bytes"); return -1; }
        m->b = (const uint8_t *)BYTES_DATA(subject);
        len = (intptr_t)BYTES_LEN(subject);
    } else {
        if (!str_check(subject)) { exc_raise(TypeError_t, "expected str"); return -1; }
        len = (intptr_t)str_nchars(subject);
        if ((size_t)len == str_nbytes(subject)) m->b = (const uint8_t *)str_data(subject);
        else {
            uint32_t *w = mem_alloc(sizeof(uint32_t) * (size_t)(len ? len : 1));
            if (!w) return -1;
            const unsigned char *p = (const unsigned char *)str_data(subject);
            size_t nb = str_nbytes(subject), i = 0;
            for (intptr_t k = 0; k < len && i < nb; k++) {
                unsigned char c = p[i];
                int l = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
                if (i + (size_t)l > nb) l = 1;
                uint32_t cp = l == 1 ? c : l == 2 ? (c & 0x1Fu) : l == 3 ? (c & 0x0Fu) : (c & 0x07u);
                for (int q = 1; q < l; q++) cp = (cp << 6) | (p[i + (size_t)q] & 0x3Fu);
                i += (size_t)l;
                w[k] = cp;
            }
            m->w = w;
            *wide_out = w;
        }
    }
    if (endpos > len) endpos = len;
    if (endpos < 0) endpos = 0;
    if (pos < 0) pos = 0;
    m->n = endpos;
    *pos_out = pos;
    m->slots = mem_alloc(sizeof(intptr_t) * (size_t)pg->nslots);
    if (!m->slots) { mem_free(*wide_out); return -1; }
    m->budget = STEP_BUDGET;
    if (pg->memo_ok && pg->nsplits > 0) {
        size_t bits = (size_t)pg->nsplits * (size_t)(endpos + 1);
        if (bits <= MEMO_MAX_BITS) {
            m->memo = mem_alloc((bits + 7) / 8);
            if (!m->memo) { exc_clear(); }
            else {
                memset(m->memo, 0, (bits + 7) / 8);
                m->runs = mem_alloc(sizeof(RunCache) * (size_t)pg->nsplits);
                if (!m->runs) exc_clear();
                else for (int k = 0; k < pg->nsplits; k++) m->runs[k].start = m->runs[k].end = -1;
                m->memo_stride = endpos + 1;
                m->budget = (long long)1 << 62;     /* each state runs once: the work is bounded */
            }
        }
    }
    return 0;
}

static void machine_free(M *m, uint32_t *wide) {
    mem_free(m->slots);
    mem_free(m->bt);
    mem_free(m->memo);
    mem_free(m->runs);
    mem_free(wide);
}

/* (start0, end0, start1, end1, ..., lastindex) */
static Obj *slots_tuple(const M *m) {
    int ng = m->pg->ngroups + 1;
    Obj *t = tuple_new(2 * ng + 1);
    if (!t) return NULL;
    for (int k = 0; k < 2 * ng; k++) {
        intptr_t v = m->slots[k];
        /* a group whose end was saved but not its start (or the reverse) did not match */
        intptr_t other = m->slots[k ^ 1];
        if (v < 0 || other < 0) v = -1;
        TUPLE_ITEMS(t)[k] = MK_SMALL(v);
    }
    intptr_t last = m->slots[m->pg->nslots - 1];
    TUPLE_ITEMS(t)[2 * ng] = MK_SMALL(last > 0 ? last : -1);
    return t;
}

/* ---- the program object ---------------------------------------------------------------------------- */
static void prog_dealloc(Obj *o) {
    ProgObj *p = (ProgObj *)o;
    mem_free(p->prog);
    for (int i = 0; i < p->nclasses; i++) mem_free(p->classes[i].r);
    mem_free(p->classes);
    XDECREF(p->groupindex);
    obj_free(o);
}

static int pos_arg(Obj *o, intptr_t dflt, intptr_t *out) {
    if (!o || o == None) { *out = dflt; return 0; }
    return int_as_index_ovf(o, out, INDEX_OVF_CLAMP);
}

/* prog.match(string, pos, endpos, mode, must_advance): mode 0 match, 1 search, 2 fullmatch.
 * A tuple of 2 * (groups + 1) positions (-1 for an unset group), or None. */
static Obj *prog_match(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    Obj *a[5] = { NULL, NULL, NULL, NULL, NULL };
    if (args_parse("match", args, nargs, kw, "string|pos|endpos|mode|must_advance", a) < 0) return NULL;
    ProgObj *pg = (ProgObj *)self;
    intptr_t pos, endpos, mode = 0;
    if (pos_arg(a[1], 0, &pos) < 0 || pos_arg(a[2], INTPTR_MAX, &endpos) < 0 || pos_arg(a[3], 0, &mode) < 0)
        return NULL;
    M m;
    uint32_t *wide;
    if (machine_init(&m, pg, a[0], pos, endpos, &pos, &wide) < 0) return NULL;
    if (pos > m.n) { machine_free(&m, wide); return none_ref(); }
    m.must_advance = a[4] && obj_truth(a[4]) == 1;
    m.full = mode == 2;
    int r = search(&m, pos, mode != 1);
    Obj *res = r < 0 ? NULL : r == 0 ? none_ref() : slots_tuple(&m);
    machine_free(&m, wide);
    return res;
}

/* prog.scan(string, pos, endpos, count): the successive non-overlapping matches of a search, as
 * finditer/findall/sub/split see them (an empty match right after a match is allowed; after an
 * empty match the next one must not be empty at the same place). A list of slot tuples; count
 * > 0 stops after that many. */
static Obj *prog_scan(Obj *self, Obj *const *args, int nargs, Obj *kw) {
    Obj *a[4] = { NULL, NULL, NULL, NULL };
    if (args_parse("scan", args, nargs, kw, "string|pos|endpos|count", a) < 0) return NULL;
    ProgObj *pg = (ProgObj *)self;
    intptr_t pos, endpos, count;
    if (pos_arg(a[1], 0, &pos) < 0 || pos_arg(a[2], INTPTR_MAX, &endpos) < 0 || pos_arg(a[3], 0, &count) < 0)
        return NULL;
    M m;
    uint32_t *wide;
    if (machine_init(&m, pg, a[0], pos, endpos, &pos, &wide) < 0) return NULL;
    Obj *list = list_new(0);
    if (!list) { machine_free(&m, wide); return NULL; }
    bool must_advance = false;
    while (pos <= m.n) {
        m.must_advance = must_advance;
        m.nbt = 0;
        int r = search(&m, pos, false);
        if (r < 0) { DECREF(list); list = NULL; break; }
        if (r == 0) break;
        Obj *t = slots_tuple(&m);
        if (!t || list_append(list, t) < 0) { XDECREF(t); DECREF(list); list = NULL; break; }
        DECREF(t);
        must_advance = m.slots[1] == m.slots[0];
        pos = m.slots[1];
        if (count > 0 && LIST_LEN(list) >= count) break;
    }
    machine_free(&m, wide);
    return list;
}

static Obj *prog_getattr(Obj *self, Obj *name) {
    ProgObj *p = (ProgObj *)self;
    const char *s = str_data(name);
    if (!strcmp(s, "groups")) return int_from_i64(p->ngroups);
    if (!strcmp(s, "flags")) return int_from_i64(p->flags);
    if (!strcmp(s, "groupindex")) return dict_copy(p->groupindex);
    return obj_generic_getattr(self, name);
}

static const MethodDef prog_methods[] = {
    {"match", prog_match}, {"scan", prog_scan}, {NULL, NULL},
};

Type re_prog_type = {
    .base = {IMMORTAL_REFCNT, &type_type}, .name = "_re.Program", .base_type = &object_type,
    .size = sizeof(ProgObj), .dealloc = prog_dealloc, .getattr = prog_getattr,
    .methods = prog_methods,
};

/* _re.compile(pattern, flags) -> Program; ValueError((message, position)) on a syntax error. */
static Obj *f_compile(Obj *s, Obj *const *args, int nargs, Obj *kw) {
    (void)s;
    Obj *a[2] = { NULL, NULL };
    if (args_parse("compile", args, nargs, kw, "pattern|flags", a) < 0) return NULL;
    int64_t flags = 0;
    if (a[1] && int_as_i64(a[1], &flags) < 0) return NULL;
    Parser ps;
    memset(&ps, 0, sizeof ps);
    Obj *pat = a[0];
    uint32_t *cps;
    intptr_t n;
    if (obj_is(pat, &bytes_type)) {
        ps.is_bytes = true;
        n = (intptr_t)BYTES_LEN(pat);
        cps = mem_alloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
        if (!cps) return NULL;
        for (intptr_t i = 0; i < n; i++) cps[i] = (unsigned char)BYTES_DATA(pat)[i];
    } else if (str_check(pat)) {
        n = (intptr_t)str_nchars(pat);
        cps = mem_alloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
        if (!cps) return NULL;
        for (intptr_t i = 0; i < n; i++) {
            uint32_t c = 0;
            str_codepoint_at(pat, (size_t)i, &c);
            cps[i] = c;
        }
    } else {
        return exc_raise(TypeError_t, "first argument must be string or compiled pattern");
    }
    ps.p = cps;
    ps.n = n;
    ps.flags = (int)flags;
    if (!ps.is_bytes && !(ps.flags & F_A)) ps.flags |= F_U;
    ps.groupindex = dict_new();
    if (!ps.groupindex) { mem_free(cps); return NULL; }
    /* Global inline flags ((?x) and friends) must come first (3.11), so one pass sees them
     * before the rest of the pattern. */
    Node *root = parse_alt(&ps);
    if (root && !at_end(&ps)) {
        if (peek(&ps) == ')') perr(&ps, "unbalanced parenthesis", ps.i);
        root = NULL;
    }
    if ((ps.flags & F_A) && (ps.flags & F_U) && (flags & F_U)) {
        perr(&ps, "ASCII and UNICODE flags are incompatible", -1);
        root = NULL;
    }
    Gen g;
    memset(&g, 0, sizeof g);
    g.ps = &ps;
    g.mark_base = 2 * (ps.ngroups + 1);
    ProgObj *po = NULL;
    if (root && gen(&g, root) && emit(&g, I_MATCH) >= 0) {
        po = (ProgObj *)obj_alloc(&re_prog_type, sizeof(ProgObj));
        if (po) {
            po->prog = g.p;
            po->nprog = g.n;
            po->classes = ps.classes;
            po->nclasses = ps.nclasses;
            po->ngroups = ps.ngroups;
            po->nslots = 2 * (ps.ngroups + 1) + g.nmarks + 1;     /* + the last group closed */
            po->nsplits = g.nsplits;
            po->memo_ok = !ps.has_backref;
            po->is_bytes = ps.is_bytes;
            po->flags = ps.flags;
            po->groupindex = NEWREF(ps.groupindex);
            ps.classes = NULL;
            ps.nclasses = 0;
            g.p = NULL;
        } else ps.pyerr = true;
    }
    mem_free(g.p);
    for (int i = 0; i < ps.nclasses; i++) mem_free(ps.classes[i].r);
    mem_free(ps.classes);
    parser_free(&ps);
    DECREF(ps.groupindex);
    mem_free(cps);
    if (po) return (Obj *)po;
    if (ps.pyerr || !ps.err) {
        if (!exc_occurred()) exc_raise(RuntimeError_t, "regular expression compilation failed");
        return NULL;
    }
    Obj *msg = str_from_cstr(ps.err);
    Obj *posv = ps.errpos >= 0 ? int_from_i64(ps.errpos) : none_ref();
    if (!msg || !posv) { XDECREF(msg); XDECREF(posv); return NULL; }
    Obj *eargs[2] = { msg, posv };
    Obj *e = exc_new(ValueError_t, eargs, 2);
    DECREF(msg);
    DECREF(posv);
    if (!e) return NULL;
    exc_raise_obj(e);
    DECREF(e);
    return NULL;
}

static const MethodDef re_fns[] = { {"compile", f_compile}, {NULL, NULL} };

static int re_init(Obj *d) {
    if (type_ready_shared(&re_prog_type) < 0) return -1;
    return module_add_functions(d, re_fns);
}

MODULE_DEF(_re, re_init);
