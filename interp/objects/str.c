/*
 * interp/objects/str.c — Python's str: immutable UTF-8 text indexed by code point.
 *
 * A StrObj stores its bytes (NUL-terminated), its length in bytes and in code points, an
 * "ascii" flag (then byte index == code point index, so indexing is O(1) in the common case),
 * and its hash, computed on first use (-1 until then; the race of two threads computing it at
 * once is benign: both store the same value).
 *
 * Interning: a process-wide open-addressing table (several interpreters and threads intern at
 * once) protected by intern_lock, a port_spin_t. Interned strings are immortal. The table itself
 * lives on port_malloc so that nothing under the lock can raise.
 *
 * Also here: StrBuf, the growable buffer every repr/format builder uses, and sb_printf with the
 * %R/%S/%T escapes shared with exc_raise. Methods of str are in str_methods.c.
 * Called by: everyone. Locks: intern_lock (leaf lock, held for a table probe only).
 */
#include <string.h>
#include <stdio.h>
#include "core/obj.h"
#include "objects/strfmt.h"

typedef struct {
    Obj base;
    intptr_t hash;
    size_t nbytes;
    size_t nchars;
    uint8_t ascii;
    uint8_t interned;
    char data[];
} StrObj;

#define S(o) ((StrObj *)(o))

int str_check(Obj *o)
{
    if (IS_SMALL(o)) return 0;
    return o->type == &str_type || type_is_subtype(o->type, &str_type);
}

size_t utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static Obj *str_alloc(size_t nbytes)
{
    StrObj *r = (StrObj *)obj_alloc(&str_type, sizeof(StrObj) + nbytes + 1);
    if (!r) return NULL;
    r->hash = -1;
    r->nbytes = nbytes;
    r->data[nbytes] = 0;
    return (Obj *)r;
}

static void str_finish_counts(Obj *o)
{
    StrObj *s = S(o);
    s->nchars = utf8_count(s->data, s->nbytes);
    s->ascii = s->nchars == s->nbytes;
}

static intptr_t hash_bytes(const char *p, size_t n);

/* Single-character strings of ASCII are cached (immortal) — `for c in s` allocates nothing. The
 * cache is process-wide: the interpreters of several processes read it at once, so an entry is
 * published complete (its hash too: nobody writes it afterwards) by a compare-and-swap. */
static Obj *ascii_char[128];

Obj *str_new(const char *p, size_t n)
{
    if (n == 1 && (unsigned char)p[0] < 128) {
        Obj *c = __atomic_load_n(&ascii_char[(unsigned char)p[0]], __ATOMIC_ACQUIRE);
        if (c) return NEWREF(c);   /* immortal, but the caller owns (and will drop) a reference */
        c = str_alloc(1);
        if (!c) return NULL;
        S(c)->data[0] = p[0];
        S(c)->nchars = 1; S(c)->ascii = 1;
        S(c)->hash = hash_bytes(p, 1);
        c->refcnt = IMMORTAL_REFCNT;
        Obj *expected = NULL;
        if (!__atomic_compare_exchange_n(&ascii_char[(unsigned char)p[0]], &expected, c, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
            c->refcnt = 1; DECREF(c); c = expected;
        }
        return NEWREF(c);
    }
    Obj *o = str_alloc(n);
    if (!o) return NULL;
    if (n) memcpy(S(o)->data, p, n);
    str_finish_counts(o);
    return o;
}

Obj *str_from_cstr(const char *s) { return str_new(s, strlen(s)); }

/* A str whose bytes are indexed one per "character" whatever they hold (bytes methods borrow
 * the str implementations through this view). */
Obj *str_new_bytes_view(const char *p, size_t n)
{
    Obj *o = str_alloc(n);
    if (!o) return NULL;
    if (n) memcpy(S(o)->data, p, n);
    S(o)->nchars = n;
    S(o)->ascii = 1;
    return o;
}
const char *str_data(Obj *s) { return S(s)->data; }
size_t str_nbytes(Obj *s) { return S(s)->nbytes; }
size_t str_nchars(Obj *s) { return S(s)->nchars; }
bool str_is_ascii(Obj *s) { return S(s)->ascii; }

bool str_equal_cstr(Obj *s, const char *c)
{
    size_t n = strlen(c);
    return S(s)->nbytes == n && memcmp(S(s)->data, c, n) == 0;
}

static int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static uint32_t utf8_decode(const unsigned char *p, int *len)
{
    unsigned c = p[0];
    if (c < 0x80) { *len = 1; return c; }
    if ((c & 0xE0) == 0xC0) { *len = 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
    if ((c & 0xF0) == 0xE0) { *len = 3; return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); }
    if ((c & 0xF8) == 0xF0) {
        *len = 4;
        return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
    *len = 1; return c;
}

Obj *str_from_codepoint(uint32_t cp)
{
    if (cp > 0x10FFFF) return exc_raise(ValueError_t, "chr() arg not in range(0x110000)");
    char b[4];
    int n = utf8_encode(cp, b);
    return str_new(b, (size_t)n);
}

/* Byte offset of code point i (i <= nchars). */
static size_t cp_offset(Obj *s, size_t i)
{
    if (S(s)->ascii) return i;
    const char *p = S(s)->data;
    size_t off = 0, n = S(s)->nbytes;
    while (i > 0 && off < n) {
        off++;
        while (off < n && ((unsigned char)p[off] & 0xC0) == 0x80) off++;
        i--;
    }
    return off;
}

int str_codepoint_at(Obj *s, size_t i, uint32_t *cp)
{
    size_t off = cp_offset(s, i);
    int l;
    *cp = utf8_decode((const unsigned char *)S(s)->data + off, &l);
    return 0;
}

Obj *str_substr_chars(Obj *s, size_t start, size_t count)
{
    size_t a = cp_offset(s, start);
    size_t b;
    if (S(s)->ascii) b = a + count;
    else {
        const char *p = S(s)->data;
        size_t n = S(s)->nbytes;
        b = a;
        while (count > 0 && b < n) {
            b++;
            while (b < n && ((unsigned char)p[b] & 0xC0) == 0x80) b++;
            count--;
        }
    }
    if (a == 0 && b == S(s)->nbytes && TYPE(s) == &str_type) return NEWREF(s);
    return str_new(S(s)->data + a, b - a);
}

/* ---- hash, compare ----------------------------------------------------------------------------- */
static intptr_t hash_bytes(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)p[i]; h *= 1099511628211ull; }
    h ^= h >> 29;
    intptr_t r = (intptr_t)(h ^ (h >> 32 & (sizeof(intptr_t) < 8 ? 0xFFFFFFFFu : 0)));
    if (r == -1) r = -2;
    return r;
}

static int str_hash(Obj *o, intptr_t *out)
{
    StrObj *s = S(o);
    if (s->hash == -1) s->hash = hash_bytes(s->data, s->nbytes);
    *out = s->hash;
    return 0;
}

static int str_cmp(Obj *a, Obj *b)
{
    size_t na = S(a)->nbytes, nb = S(b)->nbytes;
    int c = memcmp(S(a)->data, S(b)->data, na < nb ? na : nb);
    if (c) return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb;
}

int str_compare3(Obj *a, Obj *b)
{
    const unsigned char *x = (const unsigned char *)S(a)->data, *y = (const unsigned char *)S(b)->data;
    size_t na = S(a)->nbytes, nb = S(b)->nbytes, m = na < nb ? na : nb, i = 0;
    if (m <= 16) {
        while (i < m && x[i] == y[i]) i++;
        return i < m ? (x[i] < y[i] ? -1 : 1) : (na < nb ? -1 : na > nb);
    }
    return str_cmp(a, b);
}

static Obj *str_compare(Obj *a, Obj *b, int op)
{
    if (!str_check(a) || !str_check(b)) return NEWREF(NotImplemented);
    if (op == CMP_EQ || op == CMP_NE) {
        bool eq = a == b || (S(a)->nbytes == S(b)->nbytes &&
                             (S(a)->hash == -1 || S(b)->hash == -1 || S(a)->hash == S(b)->hash) &&
                             memcmp(S(a)->data, S(b)->data, S(a)->nbytes) == 0);
        return bool_from(op == CMP_EQ ? eq : !eq);
    }
    int c;
    {
        /* short strings: compare inline (memcmp's call costs more than the work) */
        const unsigned char *x = (const unsigned char *)S(a)->data, *y = (const unsigned char *)S(b)->data;
        size_t na = S(a)->nbytes, nb = S(b)->nbytes, m = na < nb ? na : nb, i = 0;
        if (m <= 16) {
            while (i < m && x[i] == y[i]) i++;
            c = i < m ? (x[i] < y[i] ? -1 : 1) : (na < nb ? -1 : na > nb);
        } else c = str_cmp(a, b);
    }
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_GT ? c > 0 : c >= 0;
    return bool_from(r);
}

/* ---- interning ------------------------------------------------------------------------------- */
static port_spin_t intern_lock;
static int intern_state;          /* 0 uninit, 1 initialising, 2 ready */
static Obj **intern_tab;
static size_t intern_cap, intern_count;

static void intern_init(void)
{
    int st = __atomic_load_n(&intern_state, __ATOMIC_ACQUIRE);
    if (st == 2) return;
    int zero = 0;
    if (__atomic_compare_exchange_n(&intern_state, &zero, 1, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        port_spin_init(&intern_lock, "intern");
        __atomic_store_n(&intern_state, 2, __ATOMIC_RELEASE);
    } else {
        while (__atomic_load_n(&intern_state, __ATOMIC_ACQUIRE) != 2) { }
    }
}

/* Under intern_lock. */
static Obj *intern_find(const char *p, size_t n, intptr_t h)
{
    if (!intern_cap) return NULL;
    size_t i = (size_t)h & (intern_cap - 1);
    for (;;) {
        Obj *e = intern_tab[i];
        if (!e) return NULL;
        if (S(e)->hash == h && S(e)->nbytes == n && memcmp(S(e)->data, p, n) == 0) return e;
        i = (i + 1) & (intern_cap - 1);
    }
}

/* Under intern_lock; 0 ok, -1 out of platform memory. */
static int intern_insert(Obj *s)
{
    if ((intern_count + 1) * 2 > intern_cap) {
        size_t ncap = intern_cap ? intern_cap * 2 : 1024;
        Obj **nt = port_malloc(ncap * sizeof(Obj *));
        if (!nt) return -1;
        memset(nt, 0, ncap * sizeof(Obj *));
        for (size_t i = 0; i < intern_cap; i++) {
            Obj *e = intern_tab[i];
            if (!e) continue;
            size_t j = (size_t)S(e)->hash & (ncap - 1);
            while (nt[j]) j = (j + 1) & (ncap - 1);
            nt[j] = e;
        }
        port_free(intern_tab);
        intern_tab = nt; intern_cap = ncap;
    }
    size_t j = (size_t)S(s)->hash & (intern_cap - 1);
    while (intern_tab[j]) j = (j + 1) & (intern_cap - 1);
    intern_tab[j] = s;
    intern_count++;
    return 0;
}

static Obj *intern_bytes(const char *p, size_t n, Obj *candidate)
{
    intern_init();
    intptr_t h = hash_bytes(p, n);
    port_spin_lock(&intern_lock);
    Obj *e = intern_find(p, n, h);
    port_spin_unlock(&intern_lock);
    if (e) return e;
    /* Build the immortal copy outside the lock (allocation may raise). */
    Obj *s;
    if (candidate && candidate->refcnt == 1 && TYPE(candidate) == &str_type && !S(candidate)->interned) {
        s = NEWREF(candidate);
    } else {
        s = str_alloc(n);
        if (!s) return NULL;
        memcpy(S(s)->data, p, n);
        str_finish_counts(s);
    }
    S(s)->hash = h;
    port_spin_lock(&intern_lock);
    e = intern_find(p, n, h);
    if (!e) {
        if (intern_insert(s) < 0) {
            port_spin_unlock(&intern_lock);
            DECREF(s);
            return mem_error();
        }
        S(s)->interned = 1;
        s->refcnt = IMMORTAL_REFCNT;
        e = s;
        s = NULL;
    }
    port_spin_unlock(&intern_lock);
    if (s) DECREF(s);
    return e;
}

Obj *str_intern(const char *s) { return intern_bytes(s, strlen(s), NULL); }

Obj *str_intern_obj(Obj *s)
{
    if (S(s)->interned) return NEWREF(s);
    Obj *r = intern_bytes(S(s)->data, S(s)->nbytes, NULL);
    return r ? NEWREF(r) : NULL;
}

/* ---- StrBuf ---------------------------------------------------------------------------------- */
void sb_init(StrBuf *b) { b->p = NULL; b->n = b->cap = 0; b->oom = false; }

static bool sb_grow(StrBuf *b, size_t extra)
{
    if (b->oom) return false;
    if (b->n + extra + 1 <= b->cap) return true;
    size_t nc = b->cap ? b->cap * 2 : 64;
    while (nc < b->n + extra + 1) nc *= 2;
    char *np = mem_realloc(b->p, nc);
    if (!np) { b->oom = true; return false; }
    b->p = np; b->cap = nc;
    return true;
}

/* Make room for `extra` more bytes at once; false (and b->oom) if the heap cannot give them. A
 * request that could overflow the doubling in sb_grow is refused the same way. */
bool sb_reserve(StrBuf *b, size_t extra)
{
    if (!b->oom && extra >= SIZE_MAX / 4 - b->n) b->oom = true;
    return sb_grow(b, extra);
}

void sb_add(StrBuf *b, const char *s, size_t n)
{
    if (!sb_grow(b, n)) return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
void sb_adds(StrBuf *b, const char *s) { sb_add(b, s, strlen(s)); }
void sb_addc(StrBuf *b, char c) { sb_add(b, &c, 1); }

int sb_add_repr(StrBuf *b, Obj *o)
{
    Obj *r = obj_repr(o);
    if (!r) { b->oom = true; return -1; }
    sb_add(b, S(r)->data, S(r)->nbytes);
    DECREF(r);
    return 0;
}

/* ascii(o): repr(o) with every non-ASCII code point escaped (\\x.., \\u...., \\U........); also
 * %a and !a. */
Obj *obj_ascii(Obj *o) {
    Obj *r = obj_repr(o);
    if (!r) return NULL;
    const unsigned char *p = (const unsigned char *)str_data(r);
    size_t len = str_nbytes(r);
    bool ascii = true;
    for (size_t i = 0; i < len; i++) if (p[i] >= 0x80) { ascii = false; break; }
    if (ascii) return r;
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < len;) {
        unsigned c = p[i];
        if (c < 0x80) { sb_addc(&b, (char)c); i++; continue; }
        uint32_t cp; int extra;
        if (c >= 0xF0) { cp = c & 7; extra = 3; } else if (c >= 0xE0) { cp = c & 15; extra = 2; } else { cp = c & 31; extra = 1; }
        i++;
        for (int j = 0; j < extra && i < len; j++, i++) cp = (cp << 6) | (p[i] & 63);
        if (cp < 0x100) sb_printf(&b, "\\x%02x", (int)cp);
        else if (cp < 0x10000) sb_printf(&b, "\\u%04x", (int)cp);
        else sb_printf(&b, "\\U%08x", (int)cp);
    }
    DECREF(r);
    return sb_finish(&b);
}

int sb_add_str(StrBuf *b, Obj *o)
{
    Obj *r = obj_str(o);
    if (!r) { b->oom = true; return -1; }
    sb_add(b, S(r)->data, S(r)->nbytes);
    DECREF(r);
    return 0;
}

void sb_vprintf(StrBuf *b, const char *fmt, va_list ap)
{
    const char *p = fmt ? fmt : "";
    while (*p) {
        const char *q = strchr(p, '%');
        if (!q) { sb_adds(b, p); break; }
        sb_add(b, p, (size_t)(q - p));
        p = q + 1;
        /* collect flags/width/precision/length */
        char spec[32];
        size_t sl = 0;
        spec[sl++] = '%';
        int lmod = 0;       /* 1 = l, 2 = ll, 3 = z */
        bool star = false;
        while (*p && strchr("-+ #0123456789.*", *p) && sl < 20) {
            if (*p == '*') star = true;
            spec[sl++] = *p++;
        }
        if (*p == 'l') { p++; lmod = 1; if (*p == 'l') { p++; lmod = 2; } }
        else if (*p == 'z') { p++; lmod = 3; }
        char conv = *p ? *p++ : 0;
        char tmp[64];
        switch (conv) {
        case '%': sb_addc(b, '%'); break;
        case 'R': sb_add_repr(b, va_arg(ap, Obj *)); break;
        case 'S': sb_add_str(b, va_arg(ap, Obj *)); break;
        case 'T': sb_adds(b, type_name(va_arg(ap, Obj *))); break;
        case 's': {
            int w = star ? va_arg(ap, int) : 0;
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            if (star) {
                spec[sl++] = 's'; spec[sl] = 0;
                size_t len = strnlen(s, (size_t)(w < 0 ? 0 : w));
                sb_add(b, s, len);
            } else if (sl == 1) sb_adds(b, s);
            else {
                spec[sl++] = 's'; spec[sl] = 0;
                int n = snprintf(NULL, 0, spec, s);
                if (n > 0 && sb_grow(b, (size_t)n)) { snprintf(b->p + b->n, (size_t)n + 1, spec, s); b->n += (size_t)n; }
            }
            break;
        }
        case 'c': {
            int c = va_arg(ap, int);
            if (c < 0x80) sb_addc(b, (char)c);
            else { char u[4]; int n = utf8_encode((uint32_t)c, u); sb_add(b, u, (size_t)n); }
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': {
            if (lmod == 2) { spec[sl++] = 'l'; spec[sl++] = 'l'; }
            else if (lmod == 1) spec[sl++] = 'l';
            /* %zd is widened here to ll: the guest's newlib printf has no 'z' modifier. */
            else if (lmod == 3) { spec[sl++] = 'l'; spec[sl++] = 'l'; }
            spec[sl++] = conv; spec[sl] = 0;
            if (lmod == 2) snprintf(tmp, sizeof tmp, spec, va_arg(ap, long long));
            else if (lmod == 1) snprintf(tmp, sizeof tmp, spec, va_arg(ap, long));
            else if (lmod == 3) snprintf(tmp, sizeof tmp, spec, (long long)va_arg(ap, ptrdiff_t));
            else snprintf(tmp, sizeof tmp, spec, va_arg(ap, int));
            sb_adds(b, tmp);
            break;
        }
        case 'f': case 'g': case 'e': {
            spec[sl++] = conv; spec[sl] = 0;
            snprintf(tmp, sizeof tmp, spec, va_arg(ap, double));
            sb_adds(b, tmp);
            break;
        }
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(ap, void *));
            sb_adds(b, tmp);
            break;
        default:
            sb_addc(b, '%');
            if (conv) sb_addc(b, conv);
            break;
        }
    }
}

void sb_printf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(b, fmt, ap);
    va_end(ap);
}

void sb_free(StrBuf *b) { mem_free(b->p); sb_init(b); }

Obj *sb_finish(StrBuf *b)
{
    if (b->oom) {
        sb_free(b);
        if (!exc_occurred()) mem_error();
        return NULL;
    }
    Obj *r = str_new(b->p ? b->p : "", b->n);
    sb_free(b);
    return r;
}

Obj *str_vfmt(const char *fmt, va_list ap)
{
    StrBuf b;
    sb_init(&b);
    sb_vprintf(&b, fmt, ap);
    return sb_finish(&b);
}

Obj *str_fmt(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Obj *r = str_vfmt(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- repr ------------------------------------------------------------------------------------ */
static Obj *str_repr(Obj *o)
{
    const unsigned char *p = (const unsigned char *)S(o)->data;
    size_t n = S(o)->nbytes;
    bool has_sq = memchr(p, '\'', n) != NULL, has_dq = memchr(p, '"', n) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, q);
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            if (c == (unsigned)q || c == '\\') { sb_addc(&b, '\\'); sb_addc(&b, (char)c); }
            else if (c == '\n') sb_add(&b, "\\n", 2);
            else if (c == '\t') sb_add(&b, "\\t", 2);
            else if (c == '\r') sb_add(&b, "\\r", 2);
            else if (c < 0x20 || c == 0x7f) sb_printf(&b, "\\x%02x", c);
            else sb_addc(&b, (char)c);
            i++;
            continue;
        }
        int l;
        uint32_t cp = utf8_decode(p + i, &l);
        if (i + (size_t)l > n) l = (int)(n - i);
        if (cp < 0xA0 || cp == 0xAD) sb_printf(&b, "\\x%02x", cp);
        else if ((cp >= 0x2028 && cp <= 0x2029) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFEFF ||
                 (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064))
            sb_printf(&b, "\\u%04x", cp);
        else sb_add(&b, (const char *)p + i, (size_t)l);
        i += (size_t)l;
    }
    sb_addc(&b, q);
    return sb_finish(&b);
}

static Obj *str_str(Obj *o)
{
    if (TYPE(o) == &str_type) return NEWREF(o);
    return str_new(S(o)->data, S(o)->nbytes);
}

/* ---- sequence protocol ----------------------------------------------------------------------- */
static intptr_t str_len(Obj *o) { return (intptr_t)S(o)->nchars; }

Obj *str_concat(Obj *a, Obj *b)
{
    if (S(a)->nbytes == 0 && TYPE(b) == &str_type) return NEWREF(b);
    if (S(b)->nbytes == 0 && TYPE(a) == &str_type) return NEWREF(a);
    Obj *r = str_alloc(S(a)->nbytes + S(b)->nbytes);
    if (!r) return NULL;
    memcpy(S(r)->data, S(a)->data, S(a)->nbytes);
    memcpy(S(r)->data + S(a)->nbytes, S(b)->data, S(b)->nbytes);
    S(r)->nchars = S(a)->nchars + S(b)->nchars;
    S(r)->ascii = S(a)->ascii && S(b)->ascii;
    return r;
}

static Obj *str_add(Obj *a, Obj *b)
{
    if (!str_check(a)) return NEWREF(NotImplemented);
    if (!str_check(b)) {
        if (!IS_SMALL(b) && (TYPE(b)->flags & TF_HEAPTYPE)) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can only concatenate str (not \"%s\") to str", type_name(b));
    }
    return str_concat(a, b);
}

static Obj *str_mul(Obj *a, Obj *b)
{
    Obj *s = str_check(a) ? a : b, *n = s == a ? b : a;
    if (!int_check(n)) {
        if (!IS_SMALL(n) && (TYPE(n)->flags & TF_HEAPTYPE)) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can't multiply sequence by non-int of type '%s'", type_name(n));
    }
    intptr_t k;
    if (int_as_index(n, &k) < 0) return NULL;
    if (k <= 0) return str_new("", 0);
    if (k == 1 && TYPE(s) == &str_type) return NEWREF(s);
    size_t nb = S(s)->nbytes;
    if (nb && k > INTPTR_MAX / (intptr_t)nb) return exc_raise(OverflowError_t, "repeated string is too long");
    Obj *r = str_alloc(nb * (size_t)k);
    if (!r) return NULL;
    char *d = S(r)->data;
    if (nb == 1) memset(d, S(s)->data[0], (size_t)k);
    else {
        size_t done = nb;
        memcpy(d, S(s)->data, nb);
        while (done < nb * (size_t)k) {
            size_t c = done <= nb * (size_t)k - done ? done : nb * (size_t)k - done;
            memcpy(d + done, d, c);
            done += c;
        }
    }
    S(r)->nchars = S(s)->nchars * (size_t)k;
    S(r)->ascii = S(s)->ascii;
    return r;
}

static Obj *str_mod(Obj *a, Obj *b)
{
    if (!str_check(a)) return NEWREF(NotImplemented);
    return strfmt_percent(a, b);
}

static Obj *str_getitem(Obj *o, Obj *key)
{
    if (IS_SMALL(key) || int_check(key) ||
        ((TYPE(key)->flags & TF_HEAPTYPE) && type_lookup(TYPE(key), str_intern("__index__")))) {
        intptr_t i;
        if (int_as_index_ovf(key, &i, INDEX_OVF_INDEXERROR) < 0) return NULL;
        intptr_t n = (intptr_t)S(o)->nchars;
        if (i < 0) i += n;
        if (i < 0 || i >= n) return exc_raise(IndexError_t, "string index out of range");
        if (S(o)->ascii) return str_new(S(o)->data + i, 1);
        return str_substr_chars(o, (size_t)i, 1);
    }
    if (TYPE(key) == &slice_type) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, (intptr_t)S(o)->nchars, &start, &stop, &step, &len) < 0) return NULL;
        if (len <= 0) return str_new("", 0);
        if (step == 1) return str_substr_chars(o, (size_t)start, (size_t)len);
        StrBuf b;
        sb_init(&b);
        if (S(o)->ascii) {
            for (intptr_t i = 0, j = start; i < len; i++, j += step) sb_addc(&b, S(o)->data[j]);
        } else {
            size_t nc = S(o)->nchars;
            size_t *off = mem_alloc((nc + 1) * sizeof(size_t));
            if (!off) return NULL;
            size_t k = 0;
            for (size_t x = 0; x < S(o)->nbytes; x++)
                if (((unsigned char)S(o)->data[x] & 0xC0) != 0x80) off[k++] = x;
            off[nc] = S(o)->nbytes;
            for (intptr_t i = 0, j = start; i < len; i++, j += step)
                sb_add(&b, S(o)->data + off[j], off[j + 1] - off[j]);
            mem_free(off);
        }
        return sb_finish(&b);
    }
    return exc_raise(TypeError_t, "string indices must be integers, not '%s'", type_name(key));
}

static int str_contains(Obj *o, Obj *x)
{
    if (!str_check(x)) {
        exc_raise(TypeError_t, "'in <string>' requires string as left operand, not %s", type_name(x));
        return -1;
    }
    size_t n = S(x)->nbytes;
    if (n == 0) return 1;
    if (n > S(o)->nbytes) return 0;
    if (n == 1) return memchr(S(o)->data, S(x)->data[0], S(o)->nbytes) != NULL;
    return tb_memmem(S(o)->data, S(o)->nbytes, S(x)->data, n) != NULL;
}

/* iterator */
typedef struct { Obj base; Obj *s; size_t off; } StrIter;

static void strit_dealloc(Obj *o) { XDECREF(((StrIter *)o)->s); obj_free(o); }
static Obj *strit_iter(Obj *o) { return NEWREF(o); }
static Obj *strit_next(Obj *o)
{
    StrIter *it = (StrIter *)o;
    if (!it->s) return NULL;
    size_t n = S(it->s)->nbytes;
    if (it->off >= n) { CLEAR(it->s); return NULL; }
    const char *p = S(it->s)->data + it->off;
    size_t l = 1;
    while (it->off + l < n && ((unsigned char)p[l] & 0xC0) == 0x80) l++;
    it->off += l;
    return str_new(p, l);
}

Type str_iter_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "str_ascii_iterator",
    .base_type = &object_type,
    .size = sizeof(StrIter),
    .dealloc = strit_dealloc,
    .iter = strit_iter,
    .next = strit_next,
};

static Obj *str_iter(Obj *o)
{
    StrIter *it = (StrIter *)obj_alloc(&str_iter_type, sizeof(StrIter));
    if (!it) return NULL;
    it->s = NEWREF(o);
    return (Obj *)it;
}

/* ---- join ------------------------------------------------------------------------------------ */
Obj *str_join(Obj *sep, Obj *iterable)
{
    Obj *seq = iterable;
    bool own = false;
    if ((TYPE(seq) != &list_type || rc_atomic) && TYPE(seq) != &tuple_type) {   /* `none`: copy a list under its lock */
        seq = list_from_iter(iterable);
        if (!seq) return NULL;
        own = true;
    }
    intptr_t n = TYPE(seq) == &list_type ? LIST_LEN(seq) : TUPLE_LEN(seq);
    Obj **items = TYPE(seq) == &list_type ? LIST_ITEMS(seq) : TUPLE_ITEMS(seq);
    size_t total = 0, chars = 0;
    bool ascii = S(sep)->ascii;
    for (intptr_t i = 0; i < n; i++) {
        if (!str_check(items[i])) {
            exc_raise(TypeError_t, "sequence item %zd: expected str instance, %s found", i, type_name(items[i]));
            if (own) DECREF(seq);
            return NULL;
        }
        total += S(items[i])->nbytes;
        chars += S(items[i])->nchars;
        ascii = ascii && S(items[i])->ascii;
    }
    if (n == 1 && TYPE(items[0]) == &str_type) {
        Obj *r = NEWREF(items[0]);
        if (own) DECREF(seq);
        return r;
    }
    if (n > 0) { total += S(sep)->nbytes * (size_t)(n - 1); chars += S(sep)->nchars * (size_t)(n - 1); }
    Obj *r = str_alloc(total);
    if (!r) { if (own) DECREF(seq); return NULL; }
    char *d = S(r)->data;
    for (intptr_t i = 0; i < n; i++) {
        if (i) { memcpy(d, S(sep)->data, S(sep)->nbytes); d += S(sep)->nbytes; }
        memcpy(d, S(items[i])->data, S(items[i])->nbytes);
        d += S(items[i])->nbytes;
    }
    S(r)->nchars = chars;
    S(r)->ascii = ascii;
    if (own) DECREF(seq);
    return r;
}

/* ---- construction ---------------------------------------------------------------------------- */
static Obj *str_new_base(Obj *const *args, int nargs, Obj *kwnames);

size_t str_var_size(Obj *o);
size_t str_var_size(Obj *o) { return sizeof(StrObj) + S(o)->nbytes + 1; }

/* str(...) and a subclass's construction: a subclass's instance is a copy of the str with the
 * subclass as its type (TF_VARSIZE: same layout, no instance dict), never interned. */
static Obj *str_new_slot(Type *t, Obj *const *args, int nargs, Obj *kwnames)
{
    Obj *r = str_new_base(args, nargs, kwnames);
    if (!r || t == &str_type) return r;
    size_t n = S(r)->nbytes, sz = sizeof(StrObj) + n + 1;
    if (t->dictoffset == DICTOFFSET_END)         /* the instance dict and class.c's finalized word */
        sz = ((sz + sizeof(Obj *) - 1) & ~(sizeof(Obj *) - 1)) + 2 * sizeof(Obj *);
    StrObj *o = (StrObj *)obj_alloc(t, sz);
    if (!o) { DECREF(r); return NULL; }
    o->hash = -1;
    o->nbytes = n;
    o->nchars = S(r)->nchars;
    o->ascii = S(r)->ascii;
    memcpy(o->data, S(r)->data, n + 1);
    DECREF(r);
    return (Obj *)o;
}

static Obj *str_new_base(Obj *const *args, int nargs, Obj *kwnames)
{
    if (nargs == 1 && (!kwnames || TUPLE_LEN(kwnames) == 0)) return obj_str(args[0]);   /* str(x) */
    Obj *a[3];
    if (args_parse("str", args, nargs, kwnames, "|object|encoding|errors", a) < 0) return NULL;
    if (!a[0]) return str_new("", 0);
    if (a[1] || a[2]) {
        /* str(b, encoding, errors) is b.decode(encoding, errors), for any bytes-like b */
        Obj *x = a[0];
        if (!obj_isinstance(x, &bytes_type) && !obj_isinstance(x, &bytearray_type) && !obj_isinstance(x, &memoryview_type))
            return exc_raise(TypeError_t, "decoding to str: need a bytes-like object, %s found", type_name(x));
        Obj *b = obj_call1((Obj *)&bytes_type, x);
        if (!b) return NULL;
        Obj *enc = a[1] ? NEWREF(a[1]) : str_from_cstr("utf-8");
        Obj *v[2] = { enc, a[2] };
        Obj *r = enc ? obj_call_method(b, "decode", v, a[2] ? 2 : 1) : NULL;
        XDECREF(enc);
        DECREF(b);
        return r;
    }
    return obj_str(a[0]);
}

static void str_dealloc(Obj *o) { obj_free(o); }

extern const MethodDef str_methods[];   /* str_methods.c */

Type str_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "str",
    .base_type = &object_type,
    .size = sizeof(StrObj),
    .flags = TF_BASETYPE | TF_LEAF | TF_VARSIZE,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash,
    .compare = str_compare,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .iter = str_iter,
    .nb = { [NB_ADD] = str_add, [NB_MUL] = str_mul, [NB_MOD] = str_mod },
    .format = strfmt_str,
    .methods = str_methods,
    .new_ = str_new_slot,
};
