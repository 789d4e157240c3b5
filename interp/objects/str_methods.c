/*
 * interp/objects/str_methods.c — the methods of str (split, join, strip, find, replace, ...).
 *
 * Works on the UTF-8 bytes directly wherever byte and code point semantics agree (searching,
 * splitting, stripping ASCII) and converts byte offsets to code point indices only where a
 * method returns an index (find/index/count). Case mapping and the is*() tests cover ASCII;
 * other code points are left unchanged / classified conservatively.
 * Called through str_type.methods (str.c). Locks: none.
 */
#include <string.h>
#include "core/obj.h"
#include "objects/strfmt.h"
#include "objects/objects.h"

#define D(o) str_data(o)
#define NB(o) str_nbytes(o)
#define NOKW(name) do { if (kw && TUPLE_LEN(kw)) return exc_raise(TypeError_t, "%s() takes no keyword arguments", name); } while (0)

static int is_ws(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13) || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f; }

static int need_str(Obj *o, const char *what)
{
    if (!str_check(o)) {
        exc_raise(TypeError_t, "%s arg must be None or str", what);
        return -1;
    }
    return 0;
}

static int want_args(const char *name, int nargs, int lo, int hi)
{
    if (nargs < lo) {
        if (lo == hi) exc_raise(TypeError_t, "%s() takes exactly one argument (%d given)", name, nargs);
        else exc_raise(TypeError_t, "%s expected at least %d argument%s, got %d", name, lo, lo == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > hi) {
        if (hi == 0) exc_raise(TypeError_t, "str.%s() takes no arguments (%d given)", name, nargs);
        else exc_raise(TypeError_t, "%s expected at most %d argument%s, got %d", name, hi, hi == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static size_t cp_index(Obj *s, size_t byteoff)
{
    if (str_is_ascii(s)) return byteoff;
    return utf8_count(D(s), byteoff);
}

/* Convert code point index range [start,end) (already clamped) to bytes */
static size_t byte_off(Obj *s, intptr_t cp)
{
    if (str_is_ascii(s)) return (size_t)cp;
    const char *p = D(s);
    size_t n = NB(s), off = 0;
    while (cp > 0 && off < n) {
        off++;
        while (off < n && ((unsigned char)p[off] & 0xC0) == 0x80) off++;
        cp--;
    }
    return off;
}

/* Python's start/end argument handling for find/count/startswith. */
static int range_args(Obj *s, Obj *const *args, int nargs, int first, size_t *bs, size_t *be)
{
    intptr_t n = (intptr_t)str_nchars(s), st = 0, en = n;
    /* Huge bounds clamp, as slice bounds do (CPython's _PyEval_SliceIndex). */
    if (nargs > first && args[first] != None) { if (int_as_index_ovf(args[first], &st, INDEX_OVF_CLAMP) < 0) return -1; }
    if (nargs > first + 1 && args[first + 1] != None) { if (int_as_index_ovf(args[first + 1], &en, INDEX_OVF_CLAMP) < 0) return -1; }
    if (st < 0) { st += n; if (st < 0) st = 0; }
    if (en < 0) { en += n; if (en < 0) en = 0; }
    if (en > n) en = n;
    if (st > n) { *bs = NB(s) + 1; *be = NB(s); return 0; }
    if (st > en) { *bs = 1; *be = 0; return 0; }
    *bs = byte_off(s, st);
    *be = byte_off(s, en);
    return 0;
}

static const char *find_bytes(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn == 0) return h;
    if (nn > hn) return NULL;
    return tb_memmem(h, hn, nd, nn);
}

static const char *rfind_bytes(const char *h, size_t hn, const char *nd, size_t nn)
{
    if (nn > hn) return NULL;
    for (size_t i = hn - nn + 1; i-- > 0;)
        if (memcmp(h + i, nd, nn) == 0) return h + i;
    return NULL;
}

static Obj *do_find(Obj *self, Obj *const *args, int nargs, const char *name, int rev, int raise)
{
    if (want_args(name, nargs, 1, 3) < 0) return NULL;
    if (!str_check(args[0]))
        return exc_raise(TypeError_t, "must be str, not %s", type_name(args[0]));
    size_t bs, be;
    if (range_args(self, args, nargs, 1, &bs, &be) < 0) return NULL;
    const char *r = NULL;
    if (bs <= be) r = (rev ? rfind_bytes : find_bytes)(D(self) + bs, be - bs, D(args[0]), NB(args[0]));
    if (!r) {
        if (raise) return exc_raise(ValueError_t, "substring not found");
        return MK_SMALL(-1);
    }
    return MK_SMALL((intptr_t)cp_index(self, (size_t)(r - D(self))));
}

static Obj *m_find(Obj *s, Obj *const *a, int n, Obj *kw) { NOKW("find"); return do_find(s, a, n, "find", 0, 0); }
static Obj *m_rfind(Obj *s, Obj *const *a, int n, Obj *kw) { NOKW("rfind"); return do_find(s, a, n, "rfind", 1, 0); }
static Obj *m_index(Obj *s, Obj *const *a, int n, Obj *kw) { NOKW("index"); return do_find(s, a, n, "index", 0, 1); }
static Obj *m_rindex(Obj *s, Obj *const *a, int n, Obj *kw) { NOKW("rindex"); return do_find(s, a, n, "rindex", 1, 1); }

static Obj *m_count(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    NOKW("count");
    if (want_args("count", nargs, 1, 3) < 0) return NULL;
    if (!str_check(args[0])) return exc_raise(TypeError_t, "must be str, not %s", type_name(args[0]));
    size_t bs, be;
    if (range_args(self, args, nargs, 1, &bs, &be) < 0) return NULL;
    if (bs > be) return MK_SMALL(0);
    size_t nn = NB(args[0]);
    if (nn == 0) {
        return MK_SMALL((intptr_t)utf8_count(D(self) + bs, be - bs) + 1);
    }
    intptr_t c = 0;
    const char *p = D(self) + bs, *e = D(self) + be;
    while ((p = find_bytes(p, (size_t)(e - p), D(args[0]), nn))) { c++; p += nn; }
    return MK_SMALL(c);
}

static Obj *m_replace(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    NOKW("replace");
    if (want_args("replace", nargs, 2, 3) < 0) return NULL;
    if (!str_check(args[0])) return exc_raise(TypeError_t, "replace() argument 1 must be str, not %s", type_name(args[0]));
    if (!str_check(args[1])) return exc_raise(TypeError_t, "replace() argument 2 must be str, not %s", type_name(args[1]));
    intptr_t maxc = -1;
    if (nargs > 2 && int_as_index(args[2], &maxc) < 0) return NULL;
    const char *old = D(args[0]), *nw = D(args[1]);
    size_t on = NB(args[0]), nwn = NB(args[1]);
    StrBuf b;
    sb_init(&b);
    const char *p = D(self), *e = p + NB(self);
    if (on == 0) {
        /* insert between every code point */
        intptr_t c = 0;
        while (1) {
            if (maxc < 0 || c < maxc) { sb_add(&b, nw, nwn); c++; }
            if (p >= e) break;
            const char *q = p + 1;
            while (q < e && ((unsigned char)*q & 0xC0) == 0x80) q++;
            sb_add(&b, p, (size_t)(q - p));
            p = q;
        }
        return sb_finish(&b);
    }
    intptr_t c = 0;
    while (maxc < 0 || c < maxc) {
        const char *q = find_bytes(p, (size_t)(e - p), old, on);
        if (!q) break;
        sb_add(&b, p, (size_t)(q - p));
        sb_add(&b, nw, nwn);
        p = q + on;
        c++;
    }
    sb_add(&b, p, (size_t)(e - p));
    return sb_finish(&b);
}

static int add_piece(Obj *list, const char *p, size_t n)
{
    Obj *s = str_new(p, n);
    if (!s) return -1;
    int r = list_append(list, s);
    DECREF(s);
    return r;
}

static Obj *do_split(Obj *self, Obj *const *args, int nargs, Obj *kw, int rev)
{
    Obj *a[2];
    if (!kw && nargs <= 2) { a[0] = nargs > 0 ? args[0] : NULL; a[1] = nargs > 1 ? args[1] : NULL; }
    else if (args_parse(rev ? "rsplit" : "split", args, nargs, kw, "|sep|maxsplit", a) < 0) return NULL;
    Obj *sep = a[0] && a[0] != None ? a[0] : NULL;
    intptr_t maxs = -1;
    if (a[1] && int_as_index(a[1], &maxs) < 0) return NULL;
    if (sep && need_str(sep, "must be str or None,") < 0) return NULL;
    if (sep && NB(sep) == 0) return exc_raise(ValueError_t, "empty separator");
    Obj *list = list_new(0);
    if (!list) return NULL;
    const char *p = D(self), *e = p + NB(self);
    intptr_t c = 0;
    if (!sep) {
        if (!rev) {
            while (1) {
                while (p < e && is_ws((unsigned char)*p)) p++;
                if (p >= e) break;
                if (maxs >= 0 && c >= maxs) {
                    if (add_piece(list, p, (size_t)(e - p)) < 0) goto fail;
                    break;
                }
                const char *q = p;
                while (q < e && !is_ws((unsigned char)*q)) q++;
                if (add_piece(list, p, (size_t)(q - p)) < 0) goto fail;
                c++;
                p = q;
            }
        } else {
            while (1) {
                while (e > p && is_ws((unsigned char)e[-1])) e--;
                if (e <= p) break;
                if (maxs >= 0 && c >= maxs) {
                    if (add_piece(list, p, (size_t)(e - p)) < 0) goto fail;
                    break;
                }
                const char *q = e;
                while (q > p && !is_ws((unsigned char)q[-1])) q--;
                if (add_piece(list, q, (size_t)(e - q)) < 0) goto fail;
                c++;
                e = q;
            }
            /* reverse */
            intptr_t n = LIST_LEN(list);
            for (intptr_t i = 0; i < n / 2; i++) {
                Obj *t = LIST_ITEMS(list)[i]; LIST_ITEMS(list)[i] = LIST_ITEMS(list)[n - 1 - i]; LIST_ITEMS(list)[n - 1 - i] = t;
            }
        }
        return list;
    }
    const char *sp = D(sep);
    size_t sn = NB(sep);
    if (!rev) {
        while (maxs < 0 || c < maxs) {
            const char *q = find_bytes(p, (size_t)(e - p), sp, sn);
            if (!q) break;
            if (add_piece(list, p, (size_t)(q - p)) < 0) goto fail;
            p = q + sn; c++;
        }
        if (add_piece(list, p, (size_t)(e - p)) < 0) goto fail;
    } else {
        while (maxs < 0 || c < maxs) {
            const char *q = rfind_bytes(p, (size_t)(e - p), sp, sn);
            if (!q) break;
            if (add_piece(list, q + sn, (size_t)(e - q - sn)) < 0) goto fail;
            e = q; c++;
        }
        if (add_piece(list, p, (size_t)(e - p)) < 0) goto fail;
        intptr_t n = LIST_LEN(list);
        for (intptr_t i = 0; i < n / 2; i++) {
            Obj *t = LIST_ITEMS(list)[i]; LIST_ITEMS(list)[i] = LIST_ITEMS(list)[n - 1 - i]; LIST_ITEMS(list)[n - 1 - i] = t;
        }
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}
static Obj *m_split(Obj *s, Obj *const *a, int n, Obj *kw) { return do_split(s, a, n, kw, 0); }
static Obj *m_rsplit(Obj *s, Obj *const *a, int n, Obj *kw) { return do_split(s, a, n, kw, 1); }

static Obj *m_splitlines(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[1];
    if (args_parse("splitlines", args, nargs, kw, "|keepends", a) < 0) return NULL;
    int keep = a[0] ? obj_truth(a[0]) : 0;
    Obj *list = list_new(0);
    if (!list) return NULL;
    const char *p = D(self), *e = p + NB(self);
    while (p < e) {
        const char *q = p;
        while (q < e && *q != '\n' && *q != '\r' && *q != '\v' && *q != '\f' && *q != 0x1c && *q != 0x1d && *q != 0x1e) q++;
        const char *eol = q;
        if (q < e) { if (*q == '\r' && q + 1 < e && q[1] == '\n') q += 2; else q++; }
        if (add_piece(list, p, (size_t)((keep ? q : eol) - p)) < 0) { DECREF(list); return NULL; }
        p = q;
    }
    return list;
}

static Obj *do_strip(Obj *self, Obj *const *args, int nargs, Obj *kw, int left, int right, const char *name)
{
    NOKW(name);
    if (want_args(name, nargs, 0, 1) < 0) return NULL;
    const char *chars = NULL;
    size_t cn = 0;
    if (nargs == 1 && args[0] != None) {
        if (!str_check(args[0])) return exc_raise(TypeError_t, "%s arg must be None or str", name);
        chars = D(args[0]); cn = NB(args[0]);
    }
    const char *p = D(self), *e = p + NB(self);
    if (!chars) {
        if (left) while (p < e && is_ws((unsigned char)*p)) p++;
        if (right) while (e > p && is_ws((unsigned char)e[-1])) e--;
    } else if (str_is_ascii(args[0])) {
        if (left) while (p < e && memchr(chars, *p, cn)) p++;
        if (right) while (e > p && memchr(chars, e[-1], cn)) e--;
    } else {
        /* multi-byte chars: compare whole code points */
        while (left && p < e) {
            size_t l = 1; while (p + l < e && ((unsigned char)p[l] & 0xC0) == 0x80) l++;
            if (!find_bytes(chars, cn, p, l)) break;
            p += l;
        }
        while (right && e > p) {
            const char *q = e - 1; while (q > p && ((unsigned char)*q & 0xC0) == 0x80) q--;
            if (!find_bytes(chars, cn, q, (size_t)(e - q))) break;
            e = q;
        }
    }
    if (p == D(self) && e == D(self) + NB(self) && TYPE(self) == &str_type) return NEWREF(self);
    return str_new(p, (size_t)(e - p));
}
static Obj *m_strip(Obj *s, Obj *const *a, int n, Obj *kw) { return do_strip(s, a, n, kw, 1, 1, "strip"); }
static Obj *m_lstrip(Obj *s, Obj *const *a, int n, Obj *kw) { return do_strip(s, a, n, kw, 1, 0, "lstrip"); }
static Obj *m_rstrip(Obj *s, Obj *const *a, int n, Obj *kw) { return do_strip(s, a, n, kw, 0, 1, "rstrip"); }

static Obj *do_startsends(Obj *self, Obj *const *args, int nargs, Obj *kw, int ends)
{
    const char *name = ends ? "endswith" : "startswith";
    NOKW(name);
    if (want_args(name, nargs, 1, 3) < 0) return NULL;
    size_t bs, be;
    if (range_args(self, args, nargs, 1, &bs, &be) < 0) return NULL;
    Obj *x = args[0];
    Obj *const *items = &x;
    intptr_t n = 1;
    if (TYPE(x) == &tuple_type) { items = TUPLE_ITEMS(x); n = TUPLE_LEN(x); }
    for (intptr_t i = 0; i < n; i++) {
        Obj *t = items[i];
        if (!str_check(t)) {
            if (TYPE(x) == &tuple_type)
                return exc_raise(TypeError_t, "tuple for %s must only contain str, not %s", name, type_name(t));
            return exc_raise(TypeError_t, "%s first arg must be str or a tuple of str, not %s", name, type_name(t));
        }
        if (bs > be) continue;
        size_t tn = NB(t);
        if (tn > be - bs) continue;
        const char *where = ends ? D(self) + be - tn : D(self) + bs;
        if (memcmp(where, D(t), tn) == 0) return bool_from(1);
    }
    return bool_from(0);
}
static Obj *m_startswith(Obj *s, Obj *const *a, int n, Obj *kw) { return do_startsends(s, a, n, kw, 0); }
static Obj *m_endswith(Obj *s, Obj *const *a, int n, Obj *kw) { return do_startsends(s, a, n, kw, 1); }

/* Case mapping: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (the everyday scripts).
 * Returns the mapped code point. Two mappings are one-to-many (SpecialCasing.txt), handled by
 * do_case: ß upper-cases to "SS", and İ (U+0130) lower-cases to "i" + U+0307 COMBINING DOT
 * ABOVE, for which cp_lower returns only the 'i' (enough for isupper/islower). */
static uint32_t cp_lower(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if (c == 0x130) return 'i';
    if (c >= 0x100 && c <= 0x137) return c | 1;
    if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;
    if (c >= 0x14A && c <= 0x177) return c | 1;
    if (c == 0x178) return 0xFF;
    if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 0x25;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 0x3F;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

static uint32_t cp_upper(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
    if (c == 0xFF) return 0x178;
    if (c == 0xB5) return 0x39C;
    if (c == 0x131) return 'I';   /* dotless ı: before the pairs, whose partner would be İ */
    if (c >= 0x100 && c <= 0x137) return c & ~1u;
    if (c >= 0x139 && c <= 0x148) return (c & 1) ? c : c - 1;
    if (c >= 0x14A && c <= 0x177) return c & ~1u;
    if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c : c - 1;
    if (c == 0x17F) return 'S';
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 0x20;
    if (c == 0x3C2) return 0x3A3;
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 0x25;
    if (c == 0x3CC) return 0x38C;
    if (c == 0x3CD || c == 0x3CE) return c - 0x3F;
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    return c;
}

static bool cp_isupper(uint32_t c) { return cp_lower(c) != c; }
static bool cp_islower(uint32_t c) { return cp_upper(c) != c || c == 0xDF; }
static bool cp_cased(uint32_t c) { return cp_isupper(c) || cp_islower(c); }

static bool cp_isalpha(uint32_t c)
{
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (cp_cased(c)) return true;
    return c == 0xAA || c == 0xBA || (c >= 0x180 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) ||
           (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F) || (c >= 0x5D0 && c <= 0x5EA) ||
           (c >= 0x620 && c <= 0x64A) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
}

static bool cp_decimal(uint32_t c)
{
    static const uint32_t zeros[] = { 0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6,
                                      0xC66, 0xCE6, 0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10 };
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
        if (c >= zeros[i] && c <= zeros[i] + 9) return true;
    return false;
}

static bool cp_digit(uint32_t c)
{
    return cp_decimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) ||
           (c >= 0x2488 && c <= 0x2490) || (c >= 0x2776 && c <= 0x277E);
}

static bool cp_numeric(uint32_t c)
{
    static const uint32_t han[] = { 0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
                                    0x5341, 0x767E, 0x5343, 0x4E07, 0x5104, 0x96F6 };
    if (cp_digit(c) || (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2189) || (c >= 0x2460 && c <= 0x249B) ||
        (c >= 0x2776 && c <= 0x2793)) return true;
    for (size_t i = 0; i < sizeof han / sizeof han[0]; i++) if (c == han[i]) return true;
    return false;
}

static uint32_t dec(const char *p, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)p[*i];
    int l = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (*i + (size_t)l > n) l = 1;
    uint32_t cp = l == 1 ? c : l == 2 ? (c & 0x1Fu) : l == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (int k = 1; k < l; k++) cp = (cp << 6) | ((unsigned char)p[*i + (size_t)k] & 0x3Fu);
    *i += (size_t)l;
    return cp;
}

static void enc(StrBuf *b, uint32_t c)
{
    char o[4];
    int n;
    if (c < 0x80) { o[0] = (char)c; n = 1; }
    else if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) { o[0] = (char)(0xE0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 0x3F)); o[2] = (char)(0x80 | (c & 0x3F)); n = 3; }
    else { o[0] = (char)(0xF0 | (c >> 18)); o[1] = (char)(0x80 | ((c >> 12) & 0x3F)); o[2] = (char)(0x80 | ((c >> 6) & 0x3F)); o[3] = (char)(0x80 | (c & 0x3F)); n = 4; }
    sb_add(b, o, (size_t)n);
}

/* mode: 0 upper, 1 lower, 2 capitalize, 3 title, 4 swapcase */
static Obj *do_case(Obj *self, int nargs, const char *name, int mode)
{
    if (want_args(name, nargs, 0, 0) < 0) return NULL;
    const char *p = D(self);
    size_t n = NB(self), i = 0;
    StrBuf b;
    sb_init(&b);
    bool prev_cased = false, first = true;
    bool raw = str_is_ascii(self) && utf8_count(p, n) != n;   /* bytes viewed as str: ASCII only */
    while (i < n) {
        uint32_t c;
        if (raw) {
            c = (unsigned char)p[i++];
            if (c >= 0x80) { sb_addc(&b, (char)c); prev_cased = false; first = false; continue; }
        } else c = dec(p, n, &i);
        bool to_up;
        switch (mode) {
        case 0: to_up = true; break;
        case 1: to_up = false; break;
        case 2: to_up = first; break;
        case 3: to_up = !prev_cased; prev_cased = cp_cased(c); break;
        default: to_up = cp_islower(c); if (!to_up && !cp_isupper(c)) { enc(&b, c); first = false; continue; } break;
        }
        first = false;
        if (to_up) {
            if (c == 0xDF) sb_adds(&b, (mode == 2 || mode == 3) ? "Ss" : "SS");
            else enc(&b, cp_upper(c));
        } else if (c == 0x130) {
            sb_adds(&b, "i\xcc\x87");   /* "i" + U+0307 in UTF-8 */
        } else enc(&b, cp_lower(c));
    }
    return sb_finish(&b);
}
static Obj *m_upper(Obj *s, Obj *const *a, int n, Obj *kw) { (void)a; (void)kw; return do_case(s, n, "upper", 0); }
static Obj *m_lower(Obj *s, Obj *const *a, int n, Obj *kw) { (void)a; (void)kw; return do_case(s, n, "lower", 1); }
static Obj *m_capitalize(Obj *s, Obj *const *a, int n, Obj *kw) { (void)a; (void)kw; return do_case(s, n, "capitalize", 2); }
static Obj *m_title(Obj *s, Obj *const *a, int n, Obj *kw) { (void)a; (void)kw; return do_case(s, n, "title", 3); }
static Obj *m_swapcase(Obj *s, Obj *const *a, int n, Obj *kw) { (void)a; (void)kw; return do_case(s, n, "swapcase", 4); }
static Obj *m_casefold(Obj *s, Obj *const *a, int n, Obj *kw) { (void)a; (void)kw; return do_case(s, n, "casefold", 1); }

static Obj *do_is(Obj *self, int mode)
{
    const char *p = D(self);
    size_t n = NB(self), i = 0;
    if (n == 0) return bool_from(mode == 9 || mode == 4);
    if (mode == 5 || mode == 6) {   /* isupper / islower: at least one cased, none of the other */
        int cased = 0;
        while (i < n) {
            uint32_t c = dec(p, n, &i);
            if (cp_islower(c)) { if (mode == 5) return bool_from(0); cased = 1; }
            else if (cp_isupper(c)) { if (mode == 6) return bool_from(0); cased = 1; }
        }
        return bool_from(cased);
    }
    if (mode == 7) {   /* isidentifier */
        bool firstc = true;
        while (i < n) {
            uint32_t c = dec(p, n, &i);
            bool ok = cp_isalpha(c) || c == '_' || (!firstc && c >= '0' && c <= '9');
            if (!ok) return bool_from(0);
            firstc = false;
        }
        return bool_from(1);
    }
    if (mode == 8) {   /* istitle */
        bool prev = false, any = false;
        while (i < n) {
            uint32_t c = dec(p, n, &i);
            if (cp_isupper(c)) { if (prev) return bool_from(0); prev = any = true; }
            else if (cp_islower(c)) { if (!prev) return bool_from(0); prev = any = true; }
            else prev = false;
        }
        return bool_from(any);
    }
    while (i < n) {
        uint32_t c = dec(p, n, &i);
        bool ok;
        switch (mode) {
        case 0: ok = cp_decimal(c); break;
        case 10: ok = cp_digit(c); break;
        case 11: ok = cp_numeric(c); break;
        case 1: ok = cp_isalpha(c); break;
        case 2: ok = cp_isalpha(c) || cp_numeric(c); break;
        case 3: ok = c < 0x80 ? is_ws((unsigned char)c) : (c == 0x85 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029); break;
        case 4: ok = c < 0x80; break;
        case 9: ok = (c >= 0x20 && c < 0x7f) || c >= 0xA1; break;
        default: ok = false;
        }
        if (!ok) return bool_from(0);
    }
    return bool_from(1);
}
#define ISM(nm, mode) static Obj *m_##nm(Obj *s, Obj *const *a, int n, Obj *kw) { (void)a; (void)kw; \
    return want_args(#nm, n, 0, 0) < 0 ? NULL : do_is(s, mode); }
ISM(isdigit, 10) ISM(isdecimal, 0) ISM(isnumeric, 11) ISM(isalpha, 1) ISM(isalnum, 2) ISM(isspace, 3)
ISM(isascii, 4) ISM(isupper, 5) ISM(islower, 6) ISM(isidentifier, 7) ISM(istitle, 8)

static Obj *m_isprintable(Obj *s, Obj *const *a, int n, Obj *kw)
{
    (void)a; (void)kw; (void)n;
    return do_is(s, 9);
}

static Obj *do_pad(Obj *self, Obj *const *args, int nargs, Obj *kw, const char *name, int mode)
{
    NOKW(name);
    if (want_args(name, nargs, 1, 2) < 0) return NULL;
    intptr_t w;
    if (int_as_index(args[0], &w) < 0) return NULL;
    const char *fill = " ";
    size_t fn = 1;
    if (nargs > 1) {
        if (!str_check(args[1]) || str_nchars(args[1]) != 1)
            return exc_raise(TypeError_t, "The fill character must be exactly one character long");
        fill = D(args[1]); fn = NB(args[1]);
    }
    intptr_t len = (intptr_t)str_nchars(self);
    if (w <= len) return TYPE(self) == &str_type ? NEWREF(self) : str_new(D(self), NB(self));
    intptr_t pad = w - len, l, r;
    if (mode == 0) { l = 0; r = pad; }
    else if (mode == 1) { l = pad; r = 0; }
    else { l = pad / 2 + (pad & w & 1); r = pad - l; }
    StrBuf b;
    sb_init(&b);
    for (intptr_t i = 0; i < l && !b.oom; i++) sb_add(&b, fill, fn);
    sb_add(&b, D(self), NB(self));
    for (intptr_t i = 0; i < r && !b.oom; i++) sb_add(&b, fill, fn);
    return sb_finish(&b);
}
static Obj *m_ljust(Obj *s, Obj *const *a, int n, Obj *kw) { return do_pad(s, a, n, kw, "ljust", 0); }
static Obj *m_rjust(Obj *s, Obj *const *a, int n, Obj *kw) { return do_pad(s, a, n, kw, "rjust", 1); }
static Obj *m_center(Obj *s, Obj *const *a, int n, Obj *kw) { return do_pad(s, a, n, kw, "center", 2); }

static Obj *m_zfill(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    NOKW("zfill");
    if (want_args("zfill", nargs, 1, 1) < 0) return NULL;
    intptr_t w;
    if (int_as_index(args[0], &w) < 0) return NULL;
    intptr_t len = (intptr_t)str_nchars(self);
    if (w <= len) return NEWREF(self);
    StrBuf b;
    sb_init(&b);
    const char *p = D(self);
    size_t n = NB(self);
    if (n && (p[0] == '+' || p[0] == '-')) { sb_addc(&b, p[0]); p++; n--; }
    for (intptr_t i = 0; i < w - len && !b.oom; i++) sb_addc(&b, '0');
    sb_add(&b, p, n);
    return sb_finish(&b);
}

static Obj *do_partition(Obj *self, Obj *const *args, int nargs, int rev)
{
    if (want_args(rev ? "rpartition" : "partition", nargs, 1, 1) < 0) return NULL;
    Obj *sep = args[0];
    if (!str_check(sep)) return exc_raise(TypeError_t, "must be str, not %s", type_name(sep));
    if (NB(sep) == 0) return exc_raise(ValueError_t, "empty separator");
    const char *p = D(self);
    size_t n = NB(self);
    const char *q = (rev ? rfind_bytes : find_bytes)(p, n, D(sep), NB(sep));
    Obj *a, *b, *c;
    if (!q) {
        Obj *empty = str_new("", 0);
        if (rev) { a = empty; b = NEWREF(empty); c = NEWREF(self); }
        else { a = NEWREF(self); b = empty; c = NEWREF(empty); }
    } else {
        a = str_new(p, (size_t)(q - p));
        b = NEWREF(sep);
        c = str_new(q + NB(sep), n - (size_t)(q - p) - NB(sep));
    }
    Obj *t = (a && b && c) ? tuple_pack(3, a, b, c) : NULL;
    XDECREF(a); XDECREF(b); XDECREF(c);
    return t;
}
static Obj *m_partition(Obj *s, Obj *const *a, int n, Obj *kw) { (void)kw; return do_partition(s, a, n, 0); }
static Obj *m_rpartition(Obj *s, Obj *const *a, int n, Obj *kw) { (void)kw; return do_partition(s, a, n, 1); }

static Obj *m_join(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    NOKW("join");
    if (want_args("join", nargs, 1, 1) < 0) return NULL;
    return str_join(self, args[0]);
}

static Obj *m_format(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    return strfmt_format(self, args, nargs, kw);
}

static Obj *m_format_dunder(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    if (want_args("__format__", nargs, 1, 1) < 0) return NULL;
    return strfmt_str(self, args[0]);
}

static Obj *m_encode(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[2];
    if (args_parse("encode", args, nargs, kw, "|encoding|errors", a) < 0) return NULL;
    return str_encode(self, a[0], a[1]);          /* codec.c */
}

static Obj *m_expandtabs(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[1];
    if (args_parse("expandtabs", args, nargs, kw, "|tabsize", a) < 0) return NULL;
    intptr_t ts = 8;
    if (a[0] && int_as_index(a[0], &ts) < 0) return NULL;
    StrBuf b;
    sb_init(&b);
    intptr_t col = 0;
    const char *p = D(self);
    for (size_t i = 0; i < NB(self); i++) {
        char c = p[i];
        if (c == '\t') {
            if (ts > 0) { intptr_t k = ts - col % ts; for (intptr_t j = 0; j < k && !b.oom; j++) sb_addc(&b, ' '); col += k; }
        } else {
            sb_addc(&b, c);
            if (c == '\n' || c == '\r') col = 0;
            else if (((unsigned char)c & 0xC0) != 0x80) col++;
        }
    }
    return sb_finish(&b);
}

static Obj *m_removeprefix(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    NOKW("removeprefix");
    if (want_args("removeprefix", nargs, 1, 1) < 0) return NULL;
    if (!str_check(args[0])) return exc_raise(TypeError_t, "removeprefix() argument must be str, not %s", type_name(args[0]));
    size_t n = NB(args[0]);
    if (n <= NB(self) && memcmp(D(self), D(args[0]), n) == 0) return str_new(D(self) + n, NB(self) - n);
    return NEWREF(self);
}

static Obj *m_removesuffix(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    NOKW("removesuffix");
    if (want_args("removesuffix", nargs, 1, 1) < 0) return NULL;
    if (!str_check(args[0])) return exc_raise(TypeError_t, "removesuffix() argument must be str, not %s", type_name(args[0]));
    size_t n = NB(args[0]);
    if (n && n <= NB(self) && memcmp(D(self) + NB(self) - n, D(args[0]), n) == 0) return str_new(D(self), NB(self) - n);
    return NEWREF(self);
}

static Obj *m_translate(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    NOKW("translate");
    if (want_args("translate", nargs, 1, 1) < 0) return NULL;
    Obj *table = args[0];
    const char *p = D(self);
    size_t n = NB(self), i = 0;
    StrBuf b;
    sb_init(&b);
    while (i < n) {
        size_t start = i;
        uint32_t c = dec(p, n, &i);
        Obj *v = obj_getitem(table, MK_SMALL((intptr_t)c));
        if (!v) {
            if (exc_matches(LookupError_t)) { exc_clear(); sb_add(&b, p + start, i - start); continue; }
            sb_free(&b);
            return NULL;
        }
        if (v == None) { DECREF(v); continue; }
        if (str_check(v)) sb_add(&b, D(v), NB(v));
        else if (int_check(v)) {
            intptr_t cp;
            if (int_as_index(v, &cp) < 0 || cp < 0 || cp > 0x10FFFF) {
                DECREF(v); sb_free(&b);
                if (!exc_occurred()) exc_raise(ValueError_t, "character mapping must be in range(0x110000)");
                return NULL;
            }
            enc(&b, (uint32_t)cp);
        } else {
            DECREF(v); sb_free(&b);
            return exc_raise(TypeError_t, "character mapping must return integer, None or str");
        }
        DECREF(v);
    }
    return sb_finish(&b);
}

/* str.maketrans(x[, y[, z]]): a static method (installed by types_add_class_methods). */
Obj *str_maketrans(Obj *self, Obj *const *args, int nargs, Obj *kw);
Obj *str_maketrans(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self;
    NOKW("maketrans");
    if (nargs < 1 || nargs > 3) return exc_raise(TypeError_t, "maketrans() takes at least 1 argument (%d given)", nargs);
    Obj *d = dict_new();
    if (!d) return NULL;
    if (nargs == 1) {
        if (TYPE(args[0]) != &dict_type) { DECREF(d); return exc_raise(TypeError_t, "if you give only one argument to maketrans it must be a dict"); }
        intptr_t pos = 0; Obj *k, *v;
        while (dict_next(args[0], &pos, &k, &v)) {
            Obj *key = k;
            if (str_check(k)) {
                if (str_nchars(k) != 1) { DECREF(d); return exc_raise(ValueError_t, "string keys in translate table must be of length 1"); }
                size_t j = 0; key = MK_SMALL((intptr_t)dec(D(k), NB(k), &j));
            }
            if (dict_set(d, key, v) < 0) { DECREF(d); return NULL; }
        }
        return d;
    }
    Obj *x = args[0], *y = args[1];
    if (!str_check(x) || !str_check(y)) { DECREF(d); return exc_raise(TypeError_t, "maketrans() argument must be str"); }
    if (str_nchars(x) != str_nchars(y)) { DECREF(d); return exc_raise(ValueError_t, "the first two maketrans arguments must have equal length"); }
    size_t i = 0, j = 0;
    while (i < NB(x)) {
        uint32_t a = dec(D(x), NB(x), &i), c = dec(D(y), NB(y), &j);
        Obj *cv = int_from_i64(c);
        int r = dict_set(d, MK_SMALL((intptr_t)a), cv);
        DECREF(cv);
        if (r < 0) { DECREF(d); return NULL; }
    }
    if (nargs == 3) {
        if (!str_check(args[2])) { DECREF(d); return exc_raise(TypeError_t, "maketrans() argument 3 must be str"); }
        i = 0;
        while (i < NB(args[2])) {
            uint32_t a = dec(D(args[2]), NB(args[2]), &i);
            if (dict_set(d, MK_SMALL((intptr_t)a), None) < 0) { DECREF(d); return NULL; }
        }
    }
    return d;
}

const MethodDef str_methods[] = {
    { "translate", m_translate },
    { "find", m_find }, { "rfind", m_rfind }, { "index", m_index }, { "rindex", m_rindex },
    { "count", m_count }, { "replace", m_replace }, { "split", m_split }, { "rsplit", m_rsplit },
    { "splitlines", m_splitlines }, { "strip", m_strip }, { "lstrip", m_lstrip }, { "rstrip", m_rstrip },
    { "startswith", m_startswith }, { "endswith", m_endswith }, { "upper", m_upper }, { "lower", m_lower },
    { "capitalize", m_capitalize }, { "title", m_title }, { "swapcase", m_swapcase }, { "casefold", m_casefold },
    { "isdigit", m_isdigit }, { "isdecimal", m_isdecimal }, { "isnumeric", m_isnumeric },
    { "isalpha", m_isalpha }, { "isalnum", m_isalnum }, { "isspace", m_isspace }, { "isascii", m_isascii },
    { "isupper", m_isupper }, { "islower", m_islower }, { "isidentifier", m_isidentifier },
    { "istitle", m_istitle }, { "isprintable", m_isprintable },
    { "ljust", m_ljust }, { "rjust", m_rjust }, { "center", m_center }, { "zfill", m_zfill },
    { "partition", m_partition }, { "rpartition", m_rpartition }, { "join", m_join },
    { "format", m_format }, { "__format__", m_format_dunder }, { "encode", m_encode },
    { "expandtabs", m_expandtabs }, { "removeprefix", m_removeprefix }, { "removesuffix", m_removesuffix },
    { NULL, NULL },
};

/* Code point properties for the regular-expression engine (interp/modules/mod_re.c), the same
 * tables the str methods use. */
uint32_t str_cp_lower(uint32_t c) { return cp_lower(c); }
uint32_t str_cp_upper(uint32_t c) { return cp_upper(c); }
bool str_cp_isalnum(uint32_t c) { return cp_isalpha(c) || cp_numeric(c); }
bool str_cp_isdecimal(uint32_t c) { return cp_decimal(c); }
bool str_cp_isspace(uint32_t c)
{
    return c < 0x80 ? is_ws((unsigned char)c)
                    : (c == 0x85 || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029);
}
