/*
 * interp/objects/bytes.c — Python's bytes: an immutable byte string (BytesObj in obj.h): literals,
 * len, indexing (ints), slicing, iteration, ==/<, hash, +, *, % (PEP 461), `in`, and every
 * method CPython's bytes has (most through str's implementation on byte-indexed str views;
 * arguments may be any bytes-like object: bytes, bytearray, memoryview), bytes(n) /
 * bytes(iterable of ints) / bytes(str, encoding) (codec.c) / bytes(bytes-like).
 * Called by: the compiler (b'' constants), str.encode, os/I/O modules. Locks: none (immutable).
 *
 * bytearray (below) is mutable: under the free-threaded policy (`none`) every access to its
 * buf/len/cap holds the object's lock (objlock.h). Mutators (append, extend, pop, clear,
 * item assignment/deletion) change buf/len under it; readers (repr, compare, iteration, `in`,
 * the bytes methods, slicing, bytes(ba), ba + x) copy a snapshot under it and work on the copy.
 * Arguments are converted (int_as_index may call __index__) before the lock is taken.
 * While memoryviews export its buffer (ByteArrayObj.exports, under the same lock), every change
 * of size fails with BufferError, so a view's pointer stays valid (interp/objects/memoryview.c).
 */
#include <string.h>
#include "core/obj.h"
#include "objects/objects.h"
#include "core/objlock.h"
#include "objects/strfmt.h"

#define B(o) ((BytesObj *)(o))

static Obj *bytes_repr(Obj *o);
static Obj *bytes_compare(Obj *a, Obj *b, int op);
static Obj *bytes_iter(Obj *o);
static int bytes_contains(Obj *o, Obj *x);

Obj *bytes_new(const char *p, size_t n)
{
    BytesObj *b = (BytesObj *)obj_alloc(&bytes_type, sizeof(BytesObj) + n + 1);
    if (!b) return NULL;
    b->hash = -1;
    b->len = n;
    if (p && n) memcpy(b->data, p, n);
    b->data[n] = 0;
    return (Obj *)b;
}

static bool is_bytes(Obj *o) { return !IS_SMALL(o) && (o->type == &bytes_type || type_is_subtype(o->type, &bytes_type)); }
/* exports: memoryviews over this bytearray not yet released (interp/objects/memoryview.c). While
 * it is > 0 the buffer must not move or change size (CPython's rule: BufferError), so a view's
 * pointer stays valid; read and changed under the object's lock (the lock word: objlock.h). */
typedef struct { Obj base; size_t len, cap; char *buf; intptr_t exports; uint32_t lock; } ByteArrayObj;
static bool is_ba(Obj *o) { return !IS_SMALL(o) && (o->type == &bytearray_type || type_is_subtype(o->type, &bytearray_type)); }
static Obj *ba_snapshot(Obj *o);
static Obj *as_bytes(Obj *o);
static Obj *ba_of(Obj *b);
static bool as_bytes_check(Obj *o) { return is_bytes(o) || is_ba(o) || (!IS_SMALL(o) && obj_isinstance(o, &memoryview_type)); }

/* v as a byte value: TypeError for a non-int, ValueError(range_msg) outside 0..255 (CPython says
 * "bytes must be ..." for bytes(), "byte must be ..." for bytearray). */
static int byte_arg(Obj *v, const char *range_msg, intptr_t *out)
{
    if (!int_check(v)) {
        exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(v));
        return -1;
    }
    if (int_as_index(v, out) < 0) return -1;
    if (*out < 0 || *out > 255) { exc_raise(ValueError_t, "%s", range_msg); return -1; }
    return 0;
}

/* The ints an iterator yields, as bytes into b; stops at the first error (exc_occurred() tells). */
static void put_byte_ints(Obj *it, StrBuf *b, const char *range_msg)
{
    Obj *v;
    while ((v = obj_next(it))) {
        intptr_t c;
        int e = byte_arg(v, range_msg, &c);
        DECREF(v);
        if (e < 0) break;
        sb_addc(b, (char)c);
    }
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : -1;
}

/* b'...' (b"..." when the bytes hold ' but no "). A bytearray's repr escapes every ' even
 * inside double quotes, as CPython's bytearray_repr does (bytearray(b"\'x")). */
static Obj *bytes_repr_ex(Obj *o, bool escape_squote);

static Obj *bytes_repr(Obj *o) { return bytes_repr_ex(o, false); }

static Obj *bytes_repr_ex(Obj *o, bool escape_squote)
{
    const unsigned char *p = (const unsigned char *)B(o)->data;
    size_t n = B(o)->len;
    bool sq = memchr(p, '\'', n) != NULL, dq = memchr(p, '"', n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    StrBuf b;
    sb_init(&b);
    sb_addc(&b, 'b');
    sb_addc(&b, q);
    for (size_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c == (unsigned)q || c == '\\' || (escape_squote && c == '\'')) { sb_addc(&b, '\\'); sb_addc(&b, (char)c); }
        else if (c == '\n') sb_add(&b, "\\n", 2);
        else if (c == '\t') sb_add(&b, "\\t", 2);
        else if (c == '\r') sb_add(&b, "\\r", 2);
        else if (c < 0x20 || c >= 0x7f) sb_printf(&b, "\\x%02x", c);
        else sb_addc(&b, (char)c);
    }
    sb_addc(&b, q);
    return sb_finish(&b);
}

static int bytes_hash(Obj *o, intptr_t *out)
{
    if (B(o)->hash == -1) {
        /* Same function as str for ASCII content is not required; any good hash will do. */
        uint64_t h = 1469598103934665603ull;
        for (size_t i = 0; i < B(o)->len; i++) { h ^= (unsigned char)B(o)->data[i]; h *= 1099511628211ull; }
        intptr_t r = (intptr_t)(h ^ (h >> 31));
        B(o)->hash = r == -1 ? -2 : r;
    }
    *out = B(o)->hash;
    return 0;
}

static Obj *bytes_compare(Obj *a, Obj *b, int op)
{
    if (!is_bytes(a) || !is_bytes(b)) return NEWREF(NotImplemented);
    size_t na = B(a)->len, nb = B(b)->len;
    int c = memcmp(B(a)->data, B(b)->data, na < nb ? na : nb);
    if (!c) c = na < nb ? -1 : na > nb;
    return cmp_result(c, op);
}

static intptr_t bytes_len(Obj *o) { return (intptr_t)B(o)->len; }

static Obj *bytes_getitem(Obj *o, Obj *key)
{
    if (int_check(key)) {
        intptr_t i;
        if (int_as_index_ovf(key, &i, INDEX_OVF_INDEXERROR) < 0) return NULL;
        intptr_t n = (intptr_t)B(o)->len;
        if (i < 0) i += n;
        if (i < 0 || i >= n) return exc_raise(IndexError_t, "index out of range");
        return MK_SMALL((unsigned char)B(o)->data[i]);
    }
    if (TYPE(key) == &slice_type) {
        intptr_t start, stop, step, len;
        if (slice_indices(key, (intptr_t)B(o)->len, &start, &stop, &step, &len) < 0) return NULL;
        if (step == 1) return bytes_new(B(o)->data + start, len > 0 ? (size_t)len : 0);
        Obj *r = bytes_new(NULL, len > 0 ? (size_t)len : 0);
        if (!r) return NULL;
        for (intptr_t i = 0, j = start; i < len; i++, j += step) B(r)->data[i] = B(o)->data[j];
        return r;
    }
    return exc_raise(TypeError_t, "byte indices must be integers or slices, not %s", type_name(key));
}

static int bytes_contains(Obj *o, Obj *x)
{
    if (int_check(x)) {
        intptr_t v;
        if (int_as_index(x, &v) < 0) return -1;
        if (v < 0 || v > 255) { exc_raise(ValueError_t, "byte must be in range(0, 256)"); return -1; }
        return memchr(B(o)->data, (int)v, B(o)->len) != NULL;
    }
    Obj *xb = as_bytes(x);
    if (!xb) {
        if (!exc_occurred()) exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(x));
        return -1;
    }
    int r = tb_memmem(B(o)->data, B(o)->len, B(xb)->data, B(xb)->len) != NULL;
    DECREF(xb);
    return r;
}

static Obj *bytes_add(Obj *a, Obj *b)
{
    if (!is_bytes(a)) return NEWREF(NotImplemented);
    if (is_ba(b)) return NEWREF(NotImplemented);
    if (!IS_SMALL(b) && obj_isinstance(b, &memoryview_type)) {
        Obj *c = memoryview_tobytes(b);
        Obj *r = c ? bytes_add(a, c) : NULL;
        XDECREF(c);
        return r;
    }
    if (!is_bytes(b)) {
        if (!IS_SMALL(b) && (TYPE(b)->flags & TF_HEAPTYPE)) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can't concat %s to bytes", type_name(b));
    }
    Obj *r = bytes_new(NULL, B(a)->len + B(b)->len);
    if (!r) return NULL;
    memcpy(B(r)->data, B(a)->data, B(a)->len);
    memcpy(B(r)->data + B(a)->len, B(b)->data, B(b)->len);
    return r;
}

static Obj *bytes_mul(Obj *a, Obj *b)
{
    Obj *s = is_bytes(a) ? a : b, *n = s == a ? b : a;
    if (!int_check(n)) {
        if (!IS_SMALL(n) && (TYPE(n)->flags & TF_HEAPTYPE)) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can't multiply sequence by non-int of type '%s'", type_name(n));
    }
    intptr_t k;
    if (int_as_index(n, &k) < 0) return NULL;
    if (k < 0) k = 0;
    size_t len = B(s)->len;
    if (len && k > INTPTR_MAX / (intptr_t)len) return exc_raise(OverflowError_t, "repeated bytes are too long");
    Obj *r = bytes_new(NULL, len * (size_t)k);
    if (!r) return NULL;
    for (intptr_t i = 0; i < k; i++) memcpy(B(r)->data + (size_t)i * len, B(s)->data, len);
    return r;
}

/* printf-style formatting, b"%d %s" % args (PEP 461), through str's `%` on byte-indexed str
 * views: bytes-like arguments become views (so %s and %b insert their bytes), %b is %s; a str
 * argument is refused, as CPython refuses it. */
static Obj *fmt_arg(Obj *v, char conv)
{
    if (conv == 'r' || conv == 'a') {   /* %r and %a: the object's ASCII repr (b'..' for bytes) */
        Obj *r = obj_repr(v);
        if (!r) return NULL;
        StrBuf sb;
        sb_init(&sb);
        const unsigned char *p = (const unsigned char *)str_data(r);
        size_t n = str_nbytes(r);
        for (size_t i = 0; i < n; i++) {
            if (p[i] < 0x80) { sb_addc(&sb, (char)p[i]); continue; }
            uint32_t cp; int l = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : 2;
            cp = p[i] & (0x3F >> (l - 1));
            for (int k = 1; k < l && i + (size_t)k < n; k++) cp = (cp << 6) | (p[i + k] & 0x3F);
            i += (size_t)l - 1;
            if (cp < 0x100) sb_printf(&sb, "\\x%02x", (int)cp);
            else if (cp < 0x10000) sb_printf(&sb, "\\u%04x", (int)cp);
            else sb_printf(&sb, "\\U%08x", (int)cp);
        }
        DECREF(r);
        if (sb.oom) { sb_free(&sb); return mem_error(); }
        Obj *out = str_new_bytes_view(sb.p, sb.n);
        sb_free(&sb);
        return out;
    }
    if (conv == 'c') {   /* one byte: an int in range(256) or a bytes-like of length 1 */
        char c;
        if (int_check(v)) {
            intptr_t x;
            if (int_as_index_ovf(v, &x, INDEX_OVF_CLAMP) < 0) return NULL;
            if (x < 0 || x > 255) return exc_raise(OverflowError_t, "%%c arg not in range(256)");
            c = (char)x;
        } else {
            Obj *b = as_bytes(v);
            if (!b && exc_occurred()) return NULL;
            if (!b || B(b)->len != 1) {
                XDECREF(b);
                return exc_raise(TypeError_t, "%%c requires an integer in range(256) or a single byte");
            }
            c = B(b)->data[0];
            DECREF(b);
        }
        return str_new_bytes_view(&c, 1);
    }
    if (conv != 's') return NEWREF(v);   /* numbers: str's own checks and messages */
    if (str_check(v))
        return exc_raise(TypeError_t, "%%b requires a bytes-like object, or an object that implements __bytes__, not 'str'");
    Obj *b = as_bytes(v);
    if (!b) return exc_occurred() ? NULL : NEWREF(v);
    Obj *r = str_new_bytes_view(B(b)->data, B(b)->len);
    DECREF(b);
    return r;
}

#define FMT_MAXCONV 64
static Obj *bytes_mod(Obj *a, Obj *b)
{
    if (!is_bytes(a)) return NEWREF(NotImplemented);
    /* the format with %b, %r, %a spelled %s (a '%%' pair is skipped whole); convs[] records
     * each conversion in order, so the i-th argument is converted for its own directive */
    char convs[FMT_MAXCONV];
    int nconv = 0;
    StrBuf f;
    sb_init(&f);
    const char *p = B(a)->data;
    size_t n = B(a)->len;
    for (size_t i = 0; i < n; i++) {
        sb_addc(&f, p[i]);
        if (p[i] != '%') continue;
        size_t j = i + 1;
        if (j < n && p[j] == '%') { sb_addc(&f, '%'); i = j; continue; }
        if (j < n && p[j] == '(') { while (j < n && p[j] != ')') sb_addc(&f, p[j++]); }
        while (j < n && strchr("()-+ #0123456789.*", p[j])) sb_addc(&f, p[j++]);
        if (j < n) {
            char c = p[j] == 'b' ? 's' : p[j];
            if (nconv < FMT_MAXCONV) convs[nconv++] = c;
            sb_addc(&f, c == 'r' || c == 'a' ? 's' : c);
        }
        i = j;
    }
    if (f.oom) { sb_free(&f); return mem_error(); }
    Obj *args;
    if (TYPE(b) == &tuple_type) {
        args = tuple_new(TUPLE_LEN(b));
        if (!args) { sb_free(&f); return NULL; }
        for (intptr_t i = 0; i < TUPLE_LEN(b); i++) TUPLE_ITEMS(args)[i] = NULL;
        for (intptr_t i = 0; i < TUPLE_LEN(b); i++) {
            char c = i < nconv ? convs[i] : 'd';
            if (!(TUPLE_ITEMS(args)[i] = fmt_arg(TUPLE_ITEMS(b)[i], c))) { DECREF(args); sb_free(&f); return NULL; }
        }
    } else if (TYPE(b) == &dict_type) {
        args = dict_new();
        intptr_t pos = 0;
        Obj *k, *v;
        while (args && dict_next(b, &pos, &k, &v)) {
            /* keys are looked up by the format's %(name) text, which is a view: bytes keys
             * become views too; values are converted for %s (most named uses) */
            Obj *x = fmt_arg(v, obj_isinstance(v, &bytes_type) || obj_isinstance(v, &bytearray_type) ? 's' : 'd');
            Obj *kk = x ? (is_bytes(k) ? str_new_bytes_view(B(k)->data, B(k)->len) : NEWREF(k)) : NULL;
            if (!x || !kk || dict_set(args, kk, x) < 0) { XDECREF(x); XDECREF(kk); CLEAR(args); }
            else { DECREF(x); DECREF(kk); }
        }
        if (!args) { sb_free(&f); return NULL; }
    } else {
        args = fmt_arg(b, nconv ? convs[0] : 'd');
        if (!args) { sb_free(&f); return NULL; }
    }
    Obj *fv = str_new_bytes_view(f.p, f.n);
    sb_free(&f);
    Obj *r = fv ? obj_binop(fv, args, NB_MOD) : NULL;
    XDECREF(fv);
    DECREF(args);
    if (!r) {
        if (exc_matches(TypeError_t)) {   /* str's message names strings; CPython's names bytes */
            Obj *e = exc_fetch();
            Obj *msg = obj_str(e);
            bool fix = msg && str_equal_cstr(msg, "not all arguments converted during string formatting");
            XDECREF(msg);
            if (fix) { DECREF(e); return exc_raise(TypeError_t, "not all arguments converted during bytes formatting"); }
            exc_restore(e);
        }
        return NULL;
    }
    Obj *out = bytes_new(str_data(r), str_nbytes(r));
    DECREF(r);
    return out;
}

/* iterator */
typedef struct { Obj base; Obj *b; size_t i; } BytesIter;
static void bi_dealloc(Obj *o) { XDECREF(((BytesIter *)o)->b); obj_free(o); }
static Obj *bi_iter(Obj *o) { return NEWREF(o); }
static Obj *bi_next(Obj *o)
{
    BytesIter *it = (BytesIter *)o;
    if (!it->b || it->i >= B(it->b)->len) { CLEAR(it->b); return NULL; }
    return MK_SMALL((unsigned char)B(it->b)->data[it->i++]);
}
Type bytes_iter_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "bytes_iterator",
    .base_type = &object_type,
    .size = sizeof(BytesIter),
    .dealloc = bi_dealloc,
    .iter = bi_iter,
    .next = bi_next,
};
/* bytearray iterates a snapshot with the same iterator, under its own type name. */
Type bytearray_iter_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "bytearray_iterator",
    .base_type = &object_type,
    .size = sizeof(BytesIter),
    .dealloc = bi_dealloc,
    .iter = bi_iter,
    .next = bi_next,
};

static Obj *bytes_iter(Obj *o)
{
    BytesIter *it = (BytesIter *)obj_alloc(&bytes_iter_type, sizeof(BytesIter));
    if (!it) return NULL;
    it->b = NEWREF(o);
    return (Obj *)it;
}

/* UTF-8 validation: returns the offset of the first bad byte, or n. */
static size_t utf8_check(const unsigned char *p, size_t n, const char **why)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        int l;
        if (c < 0x80) { i++; continue; }
        else if (c >= 0xC2 && c <= 0xDF) l = 2;
        else if (c >= 0xE0 && c <= 0xEF) l = 3;
        else if (c >= 0xF0 && c <= 0xF4) l = 4;
        else { *why = "invalid start byte"; return i; }
        if (i + (size_t)l > n) {
            for (size_t k = 1; i + k < n; k++)
                if ((p[i + k] & 0xC0) != 0x80) { *why = "invalid continuation byte"; return i; }
            *why = "unexpected end of data";
            return i;
        }
        for (int k = 1; k < l; k++)
            if ((p[i + k] & 0xC0) != 0x80) { *why = "invalid continuation byte"; return i; }
        if (l == 3 && ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0))) { *why = "invalid continuation byte"; return i; }
        if (l == 4 && ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))) { *why = "invalid continuation byte"; return i; }
        i += (size_t)l;
    }
    return n;
}

static Obj *m_decode(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[2];
    if (args_parse("decode", args, nargs, kw, "|encoding|errors", a) < 0) return NULL;
    if (a[0] && !str_check(a[0]))
        return exc_raise(TypeError_t, "decode() argument 'encoding' must be str, not %s", type_name(a[0]));
    int codec = a[0] ? codec_lookup(a[0]) : CODEC_UTF8;        /* codec.c */
    if (codec < 0) return exc_raise(LookupError_t, "unknown encoding: %S", a[0]);
    bool ascii = codec == CODEC_ASCII;
    const unsigned char *p = (const unsigned char *)B(self)->data;
    size_t n = B(self)->len;
    if (codec == CODEC_LATIN1) return latin1_decode(p, n);
    const char *why = "";
    size_t bad = n;
    if (ascii) { for (size_t i = 0; i < n; i++) if (p[i] >= 0x80) { bad = i; why = "ordinal not in range(128)"; break; } }
    else bad = utf8_check(p, n, &why);
    if (bad < n) {
        bool replace = a[1] && str_check(a[1]) && str_equal_cstr(a[1], "replace");
        bool ignore = a[1] && str_check(a[1]) && str_equal_cstr(a[1], "ignore");
        if (replace || ignore) {
            StrBuf b;
            sb_init(&b);
            size_t i = 0;
            while (i < n) {
                size_t ok = ascii ? i : i + utf8_check(p + i, n - i, &why);
                if (ascii) { while (ok < n && p[ok] < 0x80) ok++; }
                sb_add(&b, (const char *)p + i, ok - i);
                if (ok >= n) break;
                if (replace) sb_add(&b, "\xEF\xBF\xBD", 3);
                i = ok + 1;
            }
            return sb_finish(&b);
        }
        return exc_raise(UnicodeDecodeError_t, "'%s' codec can't decode byte 0x%02x in position %zd: %s",
                         ascii ? "ascii" : "utf-8", p[bad], (intptr_t)bad, why);
    }
    return str_new((const char *)p, n);
}

/* hex([sep[, bytes_per_sep]]): sep (one ASCII character, str or bytes) between groups of
 * bytes_per_sep bytes, the groups counted from the right (positive) or the left (negative). */
static Obj *m_hex(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    static const char hx[] = "0123456789abcdef";
    Obj *a[2];
    if (args_parse("hex", args, nargs, kw, "|sep|bytes_per_sep", a) < 0) return NULL;
    char sep = 0;
    intptr_t per = 1;
    if (a[0]) {
        const char *sp; size_t sn;
        if (str_check(a[0])) { sp = str_data(a[0]); sn = str_nbytes(a[0]); }
        else if (is_bytes(a[0])) { sp = B(a[0])->data; sn = B(a[0])->len; }
        else return exc_raise(TypeError_t, "sep must be str or bytes.");
        if (str_check(a[0]) ? str_nchars(a[0]) != 1 : sn != 1) return exc_raise(ValueError_t, "sep must be length 1.");
        if ((unsigned char)sp[0] >= 0x80) return exc_raise(ValueError_t, "sep must be ASCII.");
        sep = sp[0];
    }
    if (a[1] && int_as_index(a[1], &per) < 0) return NULL;
    size_t n = B(self)->len;
    size_t g = per < 0 ? (size_t)-per : (size_t)per;
    if (!sep || g == 0 || g >= n) sep = 0;
    char *buf = mem_alloc(3 * n + 1);
    if (!buf) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        /* a separator before byte i when a group boundary falls there */
        if (sep && i > 0 && (per > 0 ? (n - i) % g == 0 : i % g == 0)) buf[k++] = sep;
        unsigned char c = (unsigned char)B(self)->data[i];
        buf[k++] = hx[c >> 4]; buf[k++] = hx[c & 15];
    }
    Obj *r = str_new(buf, k);
    mem_free(buf);
    return r;
}

/* Any bytes-like object (bytes, bytearray, memoryview) as a new bytes object; NULL without an
 * exception when o is not one. A bytearray is copied under its lock. */
static Obj *as_bytes(Obj *o)
{
    if (is_bytes(o)) return NEWREF(o);
    if (is_ba(o)) return ba_snapshot(o);
    if (!IS_SMALL(o) && obj_isinstance(o, &memoryview_type)) return memoryview_tobytes(o);
    return NULL;
}

/* The rest of the methods borrow str's implementation through a byte-indexed str view:
 * bytes-like arguments become views, str results become bytes again (also inside lists/tuples).
 * A str argument is refused as CPython refuses it; an int is a byte value where `sub` may be
 * one (find, rfind, index, rindex, count). */
static Obj *to_view(Obj *o, bool int_ok)
{
    if (int_ok && int_check(o)) {
        intptr_t v;
        if (int_as_index(o, &v) < 0) return NULL;
        if (v < 0 || v > 255) return exc_raise(ValueError_t, "byte must be in range(0, 256)");
        char c = (char)v;
        return str_new_bytes_view(&c, 1);
    }
    if (str_check(o)) return exc_raise(TypeError_t, "a bytes-like object is required, not 'str'");
    if (TYPE(o) == &tuple_type) {
        Obj *t = tuple_new(TUPLE_LEN(o));
        if (!t) return NULL;
        for (intptr_t i = 0; i < TUPLE_LEN(o); i++) TUPLE_ITEMS(t)[i] = NULL;
        for (intptr_t i = 0; i < TUPLE_LEN(o); i++) {
            Obj *x = TUPLE_ITEMS(o)[i];
            if (!as_bytes_check(x)) {
                DECREF(t);
                return exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(x));
            }
            if (!(TUPLE_ITEMS(t)[i] = to_view(x, false))) { DECREF(t); return NULL; }
        }
        return t;
    }
    Obj *b = as_bytes(o);
    if (!b) return exc_occurred() ? NULL : NEWREF(o);
    Obj *v = str_new_bytes_view(B(b)->data, B(b)->len);
    DECREF(b);
    return v;
}

/* self is returned unchanged (s.strip() is s when nothing is stripped, as in CPython). */
static Obj *from_view(Obj *r, Obj *sv, Obj *self)
{
    if (!r) return NULL;
    if (r == sv && TYPE(self) == &bytes_type) { DECREF(r); return NEWREF(self); }
    if (str_check(r)) {
        Obj *b = bytes_new(str_data(r), str_nbytes(r));
        DECREF(r);
        return b;
    }
    if (TYPE(r) == &list_type || TYPE(r) == &tuple_type) {
        intptr_t n = TYPE(r) == &list_type ? LIST_LEN(r) : TUPLE_LEN(r);
        Obj **it = TYPE(r) == &list_type ? LIST_ITEMS(r) : TUPLE_ITEMS(r);
        for (intptr_t i = 0; i < n; i++) {
            if (str_check(it[i])) {
                Obj *b = bytes_new(str_data(it[i]), str_nbytes(it[i]));
                if (!b) { DECREF(r); return NULL; }
                DECREF(it[i]);
                it[i] = b;
            }
        }
    }
    return r;
}

static Obj *via_str(const char *name, Obj *self, Obj *const *args, int nargs, Obj *kw, bool int_sub)
{
    Obj *v[4];
    if (kw && TUPLE_LEN(kw)) return exc_raise(TypeError_t, "%s() takes no keyword arguments", name);
    if (nargs > 4) return exc_raise(TypeError_t, "%s() takes at most 4 arguments", name);
    Obj *sv = str_new_bytes_view(B(self)->data, B(self)->len);
    if (!sv) return NULL;
    int ok = 1;
    if (int_sub && nargs > 0 && str_check(args[0])) {
        DECREF(sv);
        return exc_raise(TypeError_t, "argument should be integer or bytes-like object, not 'str'");
    }
    for (int i = 0; i < nargs; i++) {
        /* only the first argument is a byte string (or a byte value); the rest are counts,
         * positions, flags, or a fill byte (center, ljust, rjust) */
        bool fill = i == 1 && (!strcmp(name, "center") || !strcmp(name, "ljust") || !strcmp(name, "rjust"));
        if (i == 0 && !strcmp(name, "replace")) v[i] = to_view(args[i], false);
        else if (i == 1 && !strcmp(name, "replace")) v[i] = to_view(args[i], false);
        else if (i == 0 || fill) v[i] = to_view(args[i], int_sub && i == 0);
        else v[i] = NEWREF(args[i]);
        if (!v[i]) { ok = 0; nargs = i; break; }
        if (fill && (!str_check(v[i]) || str_nbytes(v[i]) != 1)) {
            exc_raise(TypeError_t, "%s() argument 2 must be a byte string of length 1, not %s", name, type_name(args[i]));
            DECREF(v[i]); ok = 0; nargs = i; break;
        }
    }
    Obj *r = ok ? obj_call_method(sv, name, v, nargs) : NULL;
    for (int i = 0; i < nargs; i++) DECREF(v[i]);
    if (!r && ok && (!strcmp(name, "index") || !strcmp(name, "rindex")) && exc_matches(ValueError_t)) {
        exc_clear();   /* index/rindex: bytes say "subsection", str says "substring" */
        exc_raise(ValueError_t, "subsection not found");
    }
    r = from_view(r, sv, self);
    DECREF(sv);
    return r;
}

#define VIA(nm) static Obj *mb_##nm(Obj *self, Obj *const *a, int n, Obj *kw) { return via_str(#nm, self, a, n, kw, false); }
#define VIA_(nm) static Obj *mbv_##nm(Obj *self, Obj *const *a, int n, Obj *kw) { return via_str(#nm, self, a, n, kw, false); }
#define VIAI(nm) static Obj *mb_##nm(Obj *self, Obj *const *a, int n, Obj *kw) { return via_str(#nm, self, a, n, kw, true); }
VIA_(split) VIA_(rsplit) VIA_(strip) VIA_(lstrip) VIA_(rstrip) VIAI(find) VIAI(rfind) VIAI(index) VIAI(rindex)
VIAI(count) VIA(startswith) VIA(endswith)
VIA(replace) VIA(partition) VIA(rpartition)
VIA(center) VIA(ljust) VIA(rjust) VIA(zfill) VIA(expandtabs) VIA(removeprefix) VIA(removesuffix)

/* Case and character classes are ASCII-only for bytes (a byte >= 0x80 is neither a letter nor
 * a digit nor space, and no case mapping touches it), so these work on the bytes themselves. */
static bool a_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool a_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool a_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool a_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool a_alpha(unsigned char c) { return a_lower(c) || a_upper(c); }
static bool a_alnum(unsigned char c) { return a_alpha(c) || a_digit(c); }

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };
static Obj *case_map(Obj *self, Obj *const *args, int nargs, Obj *kw, const char *name, int how)
{
    (void)args;
    if (no_kwargs(name, kw) < 0 || check_nargs(name, nargs, 0, 0) < 0) return NULL;
    size_t n = B(self)->len;
    Obj *r = bytes_new(B(self)->data, n);
    if (!r) return NULL;
    unsigned char *p = (unsigned char *)B(r)->data;
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        bool up;
        switch (how) {
        case CASE_UPPER: up = true; break;
        case CASE_LOWER: up = false; break;
        case CASE_SWAP: up = a_lower(c); break;
        case CASE_CAPITALIZE: up = i == 0; break;
        default: up = !prev_cased; prev_cased = a_alpha(c); break;
        }
        if (up && a_lower(c)) p[i] = (unsigned char)(c - 32);
        else if (!up && a_upper(c)) p[i] = (unsigned char)(c + 32);
    }
    return r;
}
static Obj *mb_upper(Obj *s, Obj *const *a, int n, Obj *k) { return case_map(s, a, n, k, "upper", CASE_UPPER); }
static Obj *mb_lower(Obj *s, Obj *const *a, int n, Obj *k) { return case_map(s, a, n, k, "lower", CASE_LOWER); }
static Obj *mb_swapcase(Obj *s, Obj *const *a, int n, Obj *k) { return case_map(s, a, n, k, "swapcase", CASE_SWAP); }
static Obj *mb_capitalize(Obj *s, Obj *const *a, int n, Obj *k) { return case_map(s, a, n, k, "capitalize", CASE_CAPITALIZE); }
static Obj *mb_title(Obj *s, Obj *const *a, int n, Obj *k) { return case_map(s, a, n, k, "title", CASE_TITLE); }

/* isalpha & co.: non-empty and every byte in the class. */
static Obj *all_of(Obj *self, Obj *const *args, int nargs, Obj *kw, const char *name, bool (*cls)(unsigned char))
{
    (void)args;
    if (no_kwargs(name, kw) < 0 || check_nargs(name, nargs, 0, 0) < 0) return NULL;
    size_t n = B(self)->len;
    for (size_t i = 0; i < n; i++) if (!cls((unsigned char)B(self)->data[i])) return bool_from(0);
    return bool_from(n > 0);
}
static Obj *mb_isalpha(Obj *s, Obj *const *a, int n, Obj *k) { return all_of(s, a, n, k, "isalpha", a_alpha); }
static Obj *mb_isalnum(Obj *s, Obj *const *a, int n, Obj *k) { return all_of(s, a, n, k, "isalnum", a_alnum); }
static Obj *mb_isdigit(Obj *s, Obj *const *a, int n, Obj *k) { return all_of(s, a, n, k, "isdigit", a_digit); }
static Obj *mb_isspace(Obj *s, Obj *const *a, int n, Obj *k) { return all_of(s, a, n, k, "isspace", a_space); }

/* isupper/islower: some cased byte, none of the other case. istitle: some cased byte, upper
 * ones only after uncased bytes, lower ones only after cased bytes. */
static Obj *case_test(Obj *self, Obj *const *args, int nargs, Obj *kw, const char *name, int how)
{
    (void)args;
    if (no_kwargs(name, kw) < 0 || check_nargs(name, nargs, 0, 0) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)B(self)->data;
    size_t n = B(self)->len;
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        bool up = a_upper(p[i]), lo = a_lower(p[i]);
        if (how == CASE_UPPER && lo) return bool_from(0);
        if (how == CASE_LOWER && up) return bool_from(0);
        if (how == CASE_TITLE) {
            if ((up && prev_cased) || (lo && !prev_cased)) return bool_from(0);
            prev_cased = up || lo;
        }
        cased |= up || lo;
    }
    return bool_from(cased);
}
static Obj *mb_isupper(Obj *s, Obj *const *a, int n, Obj *k) { return case_test(s, a, n, k, "isupper", CASE_UPPER); }
static Obj *mb_islower(Obj *s, Obj *const *a, int n, Obj *k) { return case_test(s, a, n, k, "islower", CASE_LOWER); }
static Obj *mb_istitle(Obj *s, Obj *const *a, int n, Obj *k) { return case_test(s, a, n, k, "istitle", CASE_TITLE); }

/* Whitespace for bytes is ASCII's (space, \t \n \v \f \r) and lines end only at \n, \r, \r\n
 * (str's Unicode rules would also split at \x1c-\x1f, \x85 ...): split(), the strips without
 * an argument and splitlines work on the bytes themselves. */
static Obj *ws_split(Obj *self, Obj *const *args, int nargs, Obj *kw, bool right)
{
    Obj *a[2];
    if (args_parse(right ? "rsplit" : "split", args, nargs, kw, "|sep|maxsplit", a) < 0) return NULL;
    if (a[0] && a[0] != None) {
        Obj *v[2] = { a[0], a[1] ? a[1] : MK_SMALL(-1) };
        return right ? mbv_rsplit(self, v, 2, NULL) : mbv_split(self, v, 2, NULL);
    }
    intptr_t max = -1;
    if (a[1] && int_as_index(a[1], &max) < 0) return NULL;
    const unsigned char *p = (const unsigned char *)B(self)->data;
    intptr_t n = (intptr_t)B(self)->len;
    Obj *l = list_new(0);
    if (!l) return NULL;
    if (!right) {
        intptr_t i = 0;
        while (l) {
            while (i < n && a_space(p[i])) i++;
            if (i >= n) break;
            intptr_t j = i;
            if (max >= 0 && LIST_LEN(l) >= max) j = n;   /* the rest as it is */
            else while (j < n && !a_space(p[j])) j++;
            Obj *w = bytes_new((const char *)p + i, (size_t)(j - i));
            if (!w || list_append(l, w) < 0) CLEAR(l);
            XDECREF(w);
            i = j;
        }
        return l;
    }
    intptr_t j = n;
    while (l) {
        while (j > 0 && a_space(p[j - 1])) j--;
        if (j <= 0) break;
        intptr_t i = j;
        if (max >= 0 && LIST_LEN(l) >= max) i = 0;   /* the rest as it is */
        else while (i > 0 && !a_space(p[i - 1])) i--;
        Obj *w = bytes_new((const char *)p + i, (size_t)(j - i));
        if (!w || list_append(l, w) < 0) CLEAR(l);
        XDECREF(w);
        j = i;
    }
    if (l) {   /* collected right to left */
        for (intptr_t x = 0, y = LIST_LEN(l) - 1; x < y; x++, y--) {
            Obj *t = LIST_ITEMS(l)[x]; LIST_ITEMS(l)[x] = LIST_ITEMS(l)[y]; LIST_ITEMS(l)[y] = t;
        }
    }
    return l;
}
static Obj *mb_split(Obj *s, Obj *const *a, int n, Obj *k) { return ws_split(s, a, n, k, false); }
static Obj *mb_rsplit(Obj *s, Obj *const *a, int n, Obj *k) { return ws_split(s, a, n, k, true); }

static Obj *ws_strip(Obj *self, Obj *const *args, int nargs, Obj *kw, const char *name, int sides)
{
    if (no_kwargs(name, kw) < 0 || check_nargs(name, nargs, 0, 1) < 0) return NULL;
    if (nargs == 1 && args[0] != None)
        return sides == 3 ? mbv_strip(self, args, 1, NULL) : sides == 1 ? mbv_lstrip(self, args, 1, NULL)
                                                                       : mbv_rstrip(self, args, 1, NULL);
    const unsigned char *p = (const unsigned char *)B(self)->data;
    size_t i = 0, j = B(self)->len;
    if (sides & 1) while (i < j && a_space(p[i])) i++;
    if (sides & 2) while (j > i && a_space(p[j - 1])) j--;
    if (i == 0 && j == B(self)->len && TYPE(self) == &bytes_type) return NEWREF(self);
    return bytes_new((const char *)p + i, j - i);
}
static Obj *mb_strip(Obj *s, Obj *const *a, int n, Obj *k) { return ws_strip(s, a, n, k, "strip", 3); }
static Obj *mb_lstrip(Obj *s, Obj *const *a, int n, Obj *k) { return ws_strip(s, a, n, k, "lstrip", 1); }
static Obj *mb_rstrip(Obj *s, Obj *const *a, int n, Obj *k) { return ws_strip(s, a, n, k, "rstrip", 2); }

static Obj *mb_splitlines(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[1];
    if (args_parse("splitlines", args, nargs, kw, "|keepends", a) < 0) return NULL;
    int keep = a[0] ? obj_truth(a[0]) : 0;
    if (keep < 0) return NULL;
    const char *p = B(self)->data;
    size_t n = B(self)->len, i = 0;
    Obj *l = list_new(0);
    while (l && i < n) {
        size_t j = i;
        while (j < n && p[j] != '\n' && p[j] != '\r') j++;
        size_t eol = j;
        if (j < n) j += (p[j] == '\r' && j + 1 < n && p[j + 1] == '\n') ? 2 : 1;
        Obj *w = bytes_new(p + i, (keep ? j : eol) - i);
        if (!w || list_append(l, w) < 0) CLEAR(l);
        XDECREF(w);
        i = j;
    }
    return l;
}

static Obj *mb_isascii(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args;
    if (no_kwargs("isascii", kw) < 0 || check_nargs("isascii", nargs, 0, 0) < 0) return NULL;
    for (size_t i = 0; i < B(self)->len; i++)
        if ((unsigned char)B(self)->data[i] >= 0x80) return bool_from(0);
    return bool_from(1);
}

/* bytes.translate(table, /, delete=b''): table None or 256 bytes. */
static Obj *mb_translate(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[2];
    if (args_parse("translate", args, nargs, kw, "table|delete", a) < 0) return NULL;
    Obj *tab = a[0] == None ? NULL : as_bytes(a[0]);
    if (a[0] != None && !tab) {
        return exc_occurred() ? NULL : exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(a[0]));
    }
    if (tab && B(tab)->len != 256) { DECREF(tab); return exc_raise(ValueError_t, "translation table must be 256 characters long"); }
    Obj *del = NULL;
    if (a[1] && !(del = as_bytes(a[1]))) {
        XDECREF(tab);
        return exc_occurred() ? NULL : exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(a[1]));
    }
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < B(self)->len; i++) {
        unsigned char c = (unsigned char)B(self)->data[i];
        if (del && memchr(B(del)->data, c, B(del)->len)) continue;
        sb_addc(&b, tab ? B(tab)->data[c] : (char)c);
    }
    XDECREF(tab); XDECREF(del);
    if (b.oom) { sb_free(&b); return mem_error(); }
    Obj *r = bytes_new(b.p, b.n);
    sb_free(&b);
    return r;
}

/* bytes.maketrans(from, to): the 256-byte table translate() takes (a static method). */
Obj *bytes_maketrans(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self;
    if (no_kwargs("maketrans", kw) < 0 || check_nargs("maketrans", nargs, 2, 2) < 0) return NULL;
    Obj *f = as_bytes(args[0]), *t = f ? as_bytes(args[1]) : NULL;
    if (!f || !t) {
        XDECREF(f);
        if (exc_occurred()) return NULL;
        return exc_raise(TypeError_t, "a bytes-like object is required, not '%s'", type_name(f ? args[1] : args[0]));
    }
    if (B(f)->len != B(t)->len) {
        DECREF(f); DECREF(t);
        return exc_raise(ValueError_t, "maketrans arguments must have same length");
    }
    Obj *r = bytes_new(NULL, 256);
    if (r) {
        for (int i = 0; i < 256; i++) B(r)->data[i] = (char)i;
        for (size_t i = 0; i < B(f)->len; i++) B(r)->data[(unsigned char)B(f)->data[i]] = B(t)->data[i];
    }
    DECREF(f); DECREF(t);
    return r;
}

static Obj *mb_join(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    if (nargs != 1) return exc_raise(TypeError_t, "join() takes exactly one argument (%d given)", nargs);
    Obj *l = list_from_iter(args[0]);
    if (!l) return NULL;
    StrBuf b;
    sb_init(&b);
    for (intptr_t i = 0; i < LIST_LEN(l); i++) {
        Obj *x = LIST_ITEMS(l)[i];
        Obj *xb = as_bytes(x);
        if (!xb) {
            sb_free(&b); DECREF(l);
            if (exc_occurred()) return NULL;
            return exc_raise(TypeError_t, "sequence item %zd: expected a bytes-like object, %s found", i, type_name(x));
        }
        if (i) sb_add(&b, B(self)->data, B(self)->len);
        sb_add(&b, B(xb)->data, B(xb)->len);
        DECREF(xb);
    }
    DECREF(l);
    if (b.oom) { sb_free(&b); return NULL; }
    Obj *r = bytes_new(b.p, b.n);
    sb_free(&b);
    return r;
}

Obj *bytes_fromhex(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    if (nargs != 1 || !str_check(args[0])) return exc_raise(TypeError_t, "fromhex() argument must be str, not %s", nargs ? type_name(args[0]) : "nothing");
    const char *p = str_data(args[0]);
    size_t n = str_nbytes(args[0]);
    StrBuf b;
    sb_init(&b);
    for (size_t i = 0; i < n;) {
        if (p[i] == ' ' || p[i] == '\t' || p[i] == '\n') { i++; continue; }
        int hi = -1, lo = -1;
        hi = hexval(p[i]);
        if (i + 1 < n) lo = hexval(p[i + 1]);
        if (hi < 0 || lo < 0) {
            sb_free(&b);
            return exc_raise(ValueError_t, "non-hexadecimal number found in fromhex() arg at position %zd", (intptr_t)(hi < 0 ? i : i + 1));
        }
        sb_addc(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    Obj *r = bytes_new(b.p, b.n);
    sb_free(&b);
    if (r && self == (Obj *)&bytearray_type) {   /* bytearray.fromhex */
        Obj *ba = obj_call1((Obj *)&bytearray_type, r);
        DECREF(r);
        return ba;
    }
    return r;
}

static const MethodDef bytes_methods[] = {
    { "decode", m_decode }, { "hex", m_hex }, { "startswith", mb_startswith },
    { "endswith", mb_endswith }, { "count", mb_count }, { "join", mb_join },
    { "istitle", mb_istitle }, { "expandtabs", mb_expandtabs }, { "removeprefix", mb_removeprefix },
    { "removesuffix", mb_removesuffix }, { "isascii", mb_isascii }, { "translate", mb_translate },
    { "split", mb_split }, { "rsplit", mb_rsplit }, { "strip", mb_strip }, { "lstrip", mb_lstrip },
    { "rstrip", mb_rstrip }, { "find", mb_find }, { "rfind", mb_rfind }, { "index", mb_index },
    { "rindex", mb_rindex }, { "replace", mb_replace }, { "upper", mb_upper }, { "lower", mb_lower },
    { "title", mb_title }, { "capitalize", mb_capitalize }, { "swapcase", mb_swapcase },
    { "partition", mb_partition }, { "rpartition", mb_rpartition }, { "isdigit", mb_isdigit },
    { "isalpha", mb_isalpha }, { "isalnum", mb_isalnum }, { "isspace", mb_isspace },
    { "isupper", mb_isupper }, { "islower", mb_islower }, { "splitlines", mb_splitlines },
    { "center", mb_center }, { "ljust", mb_ljust }, { "rjust", mb_rjust }, { "zfill", mb_zfill },
    { NULL, NULL },
};

static Obj *bytes_new_slot(Type *t, Obj *const *args, int nargs, Obj *kwnames)
{
    (void)t;
    Obj *a[3];
    if (args_parse("bytes", args, nargs, kwnames, "|source|encoding|errors", a) < 0) return NULL;
    Obj *x = a[0];
    if (!x) return bytes_new(NULL, 0);
    if (str_check(x)) {
        if (!a[1]) return exc_raise(TypeError_t, "string argument without an encoding");
        return str_encode(x, a[1], a[2]);             /* codec.c */
    }
    if (a[1]) return exc_raise(TypeError_t, "encoding without a string argument");
    if (!IS_SMALL(x) && (TYPE(x)->flags & TF_HEAPTYPE)) {   /* a class's __bytes__ comes first */
        Obj *m = type_lookup(TYPE(x), str_intern("__bytes__"));
        if (m) {
            Obj *r = obj_call1(m, x);
            if (r && !is_bytes(r)) {
                exc_raise(TypeError_t, "__bytes__ returned non-bytes (type %s)", type_name(r));
                CLEAR(r);
            }
            return r;
        }
    }
    if (is_bytes(x)) return NEWREF(x);
    if (is_ba(x)) return ba_snapshot(x);   /* copied under the bytearray's lock: another thread may be appending */
    if (!IS_SMALL(x) && obj_isinstance(x, &memoryview_type)) return memoryview_tobytes(x);
    if (int_check(x)) {
        intptr_t n;
        if (int_as_index(x, &n) < 0) return NULL;
        if (n < 0) return exc_raise(ValueError_t, "negative count");
        Obj *r = bytes_new(NULL, (size_t)n);
        if (r) memset(B(r)->data, 0, (size_t)n);
        return r;
    }
    Obj *it = obj_iter(x);
    if (!it) {
        if (exc_matches(TypeError_t)) {
            exc_clear();
            return exc_raise(TypeError_t, "cannot convert '%s' object to bytes", type_name(x));
        }
        return NULL;
    }
    StrBuf b;
    sb_init(&b);
    put_byte_ints(it, &b, "bytes must be in range(0, 256)");
    DECREF(it);
    if (exc_occurred()) { sb_free(&b); return NULL; }
    Obj *r = bytes_new(b.p, b.n);
    sb_free(&b);
    return r;
}

static void bytes_dealloc(Obj *o) { obj_free(o); }

Type bytes_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "bytes",
    .base_type = &object_type,
    .size = sizeof(BytesObj),
    .flags = TF_BASETYPE,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .compare = bytes_compare,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .iter = bytes_iter,
    .nb = { [NB_ADD] = bytes_add, [NB_MUL] = bytes_mul, [NB_MOD] = bytes_mod },
    .methods = bytes_methods,
    .new_ = bytes_new_slot,
};

/* ---- bytearray: a mutable byte buffer (enough for the demos) ------------------------------------ */
#define BA(o) ((ByteArrayObj *)(o))

static int ba_reserve(Obj *o, size_t n)
{
    if (n <= BA(o)->cap) return 0;
    size_t nc = BA(o)->cap ? BA(o)->cap * 2 : 16;
    while (nc < n) nc *= 2;
    char *nb = mem_realloc(BA(o)->buf, nc);
    if (!nb) return -1;
    BA(o)->buf = nb; BA(o)->cap = nc;
    return 0;
}

/* Called with o's lock held before any change of size: -1 + BufferError while a memoryview
 * exports the buffer (its pointer and length must stay as the view saw them). */
static int ba_resizable(Obj *o)
{
    if (BA(o)->exports > 0) {
        exc_raise(BufferError_t, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

/* Append n bytes (p must not point into o's own buffer: the realloc may move it). */
static int ba_put(Obj *o, const char *p, size_t n)
{
    obj_lock(o);
    if (ba_resizable(o) < 0 || ba_reserve(o, BA(o)->len + n) < 0) { obj_unlock(o); return -1; }
    if (n) memcpy(BA(o)->buf + BA(o)->len, p, n);   /* an empty bytearray's buf may be NULL */
    BA(o)->len += n;
    obj_unlock(o);
    return 0;
}

/* The current contents as a new bytes object, copied under o's lock. */
static Obj *ba_snapshot(Obj *o)
{
    obj_lock(o);
    Obj *b = bytes_new(BA(o)->buf ? BA(o)->buf : "", BA(o)->len);
    obj_unlock(o);
    return b;
}

/* Bytes of any bytes-like object or iterable of ints into sb; -1 on error. */
static int collect_bytes(Obj *x, StrBuf *b)
{
    if (is_bytes(x)) { sb_add(b, B(x)->data, B(x)->len); return 0; }
    if (!IS_SMALL(x) && obj_isinstance(x, &memoryview_type)) {
        Obj *c = memoryview_tobytes(x);
        if (!c) return -1;
        sb_add(b, B(c)->data, B(c)->len);
        DECREF(c);
        return 0;
    }
    if (is_ba(x)) {
        obj_lock(x);
        sb_add(b, BA(x)->buf ? BA(x)->buf : "", BA(x)->len);
        obj_unlock(x);
        return 0;
    }
    if (str_check(x)) { exc_raise(TypeError_t, "string argument without an encoding"); return -1; }
    Obj *it = obj_iter(x);
    if (!it) return -1;
    put_byte_ints(it, b, "byte must be in range(0, 256)");
    DECREF(it);
    return exc_occurred() ? -1 : 0;
}

static Obj *ba_new_slot(Type *t, Obj *const *args, int nargs, Obj *kwnames)
{
    Obj *a[3];
    if (args_parse("bytearray", args, nargs, kwnames, "|source|encoding|errors", a) < 0) return NULL;
    Obj *o = obj_alloc(t, t->size > sizeof(ByteArrayObj) ? t->size : sizeof(ByteArrayObj));
    if (!o) return NULL;
    Obj *x = a[0];
    if (!x) return o;
    int r = 0;
    if (str_check(x)) {
        if (!a[1]) { DECREF(o); return exc_raise(TypeError_t, "string argument without an encoding"); }
        Obj *e = str_encode(x, a[1], a[2]);           /* codec.c */
        if (!e) { DECREF(o); return NULL; }
        r = ba_put(o, B(e)->data, B(e)->len);
        DECREF(e);
    } else if (int_check(x)) {
        intptr_t n;
        if (int_as_index(x, &n) < 0) { DECREF(o); return NULL; }
        if (n < 0) { DECREF(o); return exc_raise(ValueError_t, "negative count"); }
        r = ba_reserve(o, (size_t)n);
        /* bytearray(0) (or False) reserves nothing: buf may be NULL, and memset(NULL, 0, 0) is
         * undefined (UBSan's nonnull-attribute; found by fuzz_compile_run) */
        if (r == 0 && n) memset(BA(o)->buf, 0, (size_t)n);
        if (r == 0) BA(o)->len = (size_t)n;
    } else {
        StrBuf b;
        sb_init(&b);
        r = collect_bytes(x, &b);
        if (r == 0 && b.n) r = ba_put(o, b.p, b.n);
        sb_free(&b);
    }
    if (r < 0) { DECREF(o); return NULL; }
    return o;
}

static void ba_dealloc(Obj *o) { mem_free(BA(o)->buf); obj_free(o); }

static Obj *ba_repr(Obj *o)
{
    Obj *b = ba_snapshot(o);
    if (!b) return NULL;
    Obj *r = bytes_repr_ex(b, true);
    DECREF(b);
    if (!r) return NULL;
    Obj *s = str_fmt("%s(%s)", TYPE(o)->name, str_data(r));
    DECREF(r);
    return s;
}

static intptr_t ba_len(Obj *o) { return (intptr_t)BA(o)->len; }

static Obj *ba_getitem(Obj *o, Obj *key)
{
    if (int_check(key)) {
        intptr_t i;
        if (int_as_index_ovf(key, &i, INDEX_OVF_INDEXERROR) < 0) return NULL;
        obj_lock(o);
        intptr_t n = (intptr_t)BA(o)->len;
        if (i < 0) i += n;
        if (i < 0 || i >= n) { obj_unlock(o); return exc_raise(IndexError_t, "bytearray index out of range"); }
        int c = (unsigned char)BA(o)->buf[i];
        obj_unlock(o);
        return MK_SMALL(c);
    }
    if (TYPE(key) == &slice_type) {
        /* Slice a snapshot: the indices are resolved against one length. */
        Obj *snap = ba_snapshot(o);
        if (!snap) return NULL;
        intptr_t start, stop, step, len;
        if (slice_indices(key, (intptr_t)B(snap)->len, &start, &stop, &step, &len) < 0) { DECREF(snap); return NULL; }
        Obj *r = obj_alloc(&bytearray_type, sizeof(ByteArrayObj));
        if (!r) { DECREF(snap); return NULL; }
        if (len > 0 && ba_reserve(r, (size_t)len) < 0) { DECREF(r); DECREF(snap); return NULL; }
        for (intptr_t i = 0, j = start; i < len; i++, j += step) BA(r)->buf[i] = B(snap)->data[j];
        BA(r)->len = len > 0 ? (size_t)len : 0;
        DECREF(snap);
        return r;
    }
    return exc_raise(TypeError_t, "bytearray indices must be integers or slices, not %s", type_name(key));
}

/* ba[i:j:k] = bytes-like or iterable of ints; del ba[i:j:k]. A change of length is refused
 * while views are exported. */
static int ba_setslice(Obj *o, Obj *key, Obj *val)
{
    StrBuf nb;
    sb_init(&nb);
    if (val) {
        if (int_check(val)) {
            sb_free(&nb);
            exc_raise(TypeError_t, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        if (collect_bytes(val, &nb) < 0 || nb.oom) { sb_free(&nb); if (!exc_occurred()) mem_error(); return -1; }
    }
    obj_lock(o);
    intptr_t start, stop, step, len, n = (intptr_t)BA(o)->len;
    if (slice_indices(key, n, &start, &stop, &step, &len) < 0) { obj_unlock(o); sb_free(&nb); return -1; }
    intptr_t m = (intptr_t)nb.n;
    if (step == 1) {
        if (m != len && ba_resizable(o) < 0) { obj_unlock(o); sb_free(&nb); return -1; }
        if (m > len && ba_reserve(o, (size_t)(n + m - len)) < 0) { obj_unlock(o); sb_free(&nb); return -1; }
        if (n - start - len > 0)                /* an empty bytearray's buf may be NULL */
            memmove(BA(o)->buf + start + m, BA(o)->buf + start + len, (size_t)(n - start - len));
        if (m) memcpy(BA(o)->buf + start, nb.p, (size_t)m);
        BA(o)->len = (size_t)(n + m - len);
    } else if (!val) {
        if (len && ba_resizable(o) < 0) { obj_unlock(o); return -1; }
        /* delete every step-th byte: compact the kept ones in place */
        if (step < 0) { start = start + (len - 1) * step; step = -step; }
        intptr_t w = start, next = start;
        for (intptr_t r = start, k = 0; r < n; r++) {
            if (k < len && r == next) { k++; next += step; continue; }
            BA(o)->buf[w++] = BA(o)->buf[r];
        }
        BA(o)->len = (size_t)(n - len);
    } else {
        if (m != len) {
            obj_unlock(o); sb_free(&nb);
            exc_raise(ValueError_t, "attempt to assign bytes of size %zd to extended slice of size %zd", m, len);
            return -1;
        }
        for (intptr_t i = 0, j = start; i < len; i++, j += step) BA(o)->buf[j] = nb.p[i];
    }
    obj_unlock(o);
    sb_free(&nb);
    return 0;
}

static int ba_setitem(Obj *o, Obj *key, Obj *val)
{
    if (TYPE(key) == &slice_type) return ba_setslice(o, key, val);
    if (!int_check(key)) {
        exc_raise(TypeError_t, "bytearray indices must be integers or slices, not %s", type_name(key));
        return -1;
    }
    intptr_t i, c = 0;
    if (int_as_index_ovf(key, &i, INDEX_OVF_INDEXERROR) < 0) return -1;
    if (val && byte_arg(val, "byte must be in range(0, 256)", &c) < 0) return -1;
    obj_lock(o);
    intptr_t n = (intptr_t)BA(o)->len;
    if (i < 0) i += n;
    if (i < 0 || i >= n) { obj_unlock(o); exc_raise(IndexError_t, "bytearray index out of range"); return -1; }
    if (!val) {
        if (ba_resizable(o) < 0) { obj_unlock(o); return -1; }
        memmove(BA(o)->buf + i, BA(o)->buf + i + 1, (size_t)(n - i - 1));
        BA(o)->len--;
    } else {
        BA(o)->buf[i] = (char)c;
    }
    obj_unlock(o);
    return 0;
}

static Obj *ba_compare(Obj *a, Obj *b, int op)
{
    Obj *x = is_ba(a) ? ba_snapshot(a) : NEWREF(a);
    Obj *y = is_ba(b) ? ba_snapshot(b) : NEWREF(b);
    Obj *r = x && y ? bytes_compare(x, y, op) : NULL;
    XDECREF(x); XDECREF(y);
    return r;
}

static Obj *ba_iter(Obj *o)
{
    Obj *b = ba_snapshot(o);   /* iterate a snapshot */
    if (!b) return NULL;
    Obj *it = bytes_iter(b);
    DECREF(b);
    if (it) it->type = &bytearray_iter_type;   /* both static types: no reference to move */
    return it;
}

static int ba_contains(Obj *o, Obj *x)
{
    Obj *b = ba_snapshot(o);
    if (!b) return -1;
    int r = bytes_contains(b, x);
    DECREF(b);
    return r;
}

static Obj *ba_add(Obj *a, Obj *b)
{
    if (!is_ba(a) && !is_bytes(a)) return NEWREF(NotImplemented);
    if (!as_bytes_check(b)) {
        if (!IS_SMALL(b) && (TYPE(b)->flags & TF_HEAPTYPE)) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can't concat %s to %s", type_name(b), type_name(a));
    }
    StrBuf s;
    sb_init(&s);
    if (collect_bytes(a, &s) < 0 || collect_bytes(b, &s) < 0) { sb_free(&s); return NULL; }
    Obj *r;
    if (is_ba(a)) {
        r = obj_alloc(&bytearray_type, sizeof(ByteArrayObj));
        if (r && s.n && ba_put(r, s.p, s.n) < 0) { DECREF(r); r = NULL; }
    } else r = bytes_new(s.p, s.n);
    sb_free(&s);
    return r;
}

/* bytearray * n and n * bytearray: a new bytearray. */
static Obj *ba_mul(Obj *a, Obj *b)
{
    Obj *s = is_ba(a) ? a : b, *n = s == a ? b : a;
    if (!int_check(n)) {
        if (!IS_SMALL(n) && (TYPE(n)->flags & TF_HEAPTYPE)) return NEWREF(NotImplemented);
        return exc_raise(TypeError_t, "can't multiply sequence by non-int of type '%s'", type_name(n));
    }
    Obj *snap = ba_snapshot(s);
    if (!snap) return NULL;
    Obj *rep = bytes_mul(snap, n);
    DECREF(snap);
    if (!rep) return NULL;
    Obj *r = ba_of(rep);
    DECREF(rep);
    return r;
}

/* ba += x (x bytes-like) and ba *= n change ba in place, as CPython's (the aliasing shows);
 * both are changes of size, refused while views exist. 1 done, 0 not ours (x not bytes-like,
 * n not an int: the caller falls back to the binary operator and its TypeError), -1 error. */
int bytearray_inplace(Obj *a, Obj *b, int op)
{
    if (op == NB_ADD) {
        if (!as_bytes_check(b)) return 0;
        StrBuf sb;
        sb_init(&sb);
        if (collect_bytes(b, &sb) < 0 || sb.oom) { sb_free(&sb); if (!exc_occurred()) mem_error(); return -1; }
        int r = ba_put(a, sb.p ? sb.p : "", sb.n);   /* takes the lock, checks the exports */
        sb_free(&sb);
        return r < 0 ? -1 : 1;
    }
    if (op != NB_MUL || !int_check(b)) return 0;
    intptr_t k;
    if (int_as_index(b, &k) < 0) return -1;
    if (k < 0) k = 0;
    obj_lock(a);
    size_t len = BA(a)->len;
    if ((size_t)k != 1 && ba_resizable(a) < 0) { obj_unlock(a); return -1; }
    if (len && (size_t)k > ((size_t)INTPTR_MAX) / len) { obj_unlock(a); mem_error(); return -1; }
    if (ba_reserve(a, len * (size_t)k) < 0) { obj_unlock(a); return -1; }
    for (intptr_t i = 1; len && i < k; i++) memcpy(BA(a)->buf + (size_t)i * len, BA(a)->buf, len);
    BA(a)->len = len * (size_t)k;
    obj_unlock(a);
    return 1;
}

static Obj *mba_append(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    if (nargs != 1) return exc_raise(TypeError_t, "bytearray.append() takes exactly one argument (%d given)", nargs);
    intptr_t c;
    if (byte_arg(args[0], "byte must be in range(0, 256)", &c) < 0) return NULL;
    char ch = (char)c;
    if (ba_put(self, &ch, 1) < 0) return NULL;
    return none_ref();
}

static Obj *mba_extend(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    if (nargs != 1) return exc_raise(TypeError_t, "bytearray.extend() takes exactly one argument (%d given)", nargs);
    StrBuf s;
    sb_init(&s);
    if (collect_bytes(args[0], &s) < 0) { sb_free(&s); return NULL; }
    int r = s.n ? ba_put(self, s.p, s.n) : 0;
    sb_free(&s);
    if (r < 0) return NULL;
    return none_ref();
}

static Obj *mba_pop(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    intptr_t i = -1;
    if (nargs > 0 && int_as_index_ovf(args[0], &i, INDEX_OVF_SSIZE) < 0) return NULL;
    obj_lock(self);
    intptr_t n = (intptr_t)BA(self)->len;
    if (n == 0) { obj_unlock(self); return exc_raise(IndexError_t, "pop from empty bytearray"); }
    if (ba_resizable(self) < 0) { obj_unlock(self); return NULL; }
    if (i < 0) i += n;
    if (i < 0 || i >= n) { obj_unlock(self); return exc_raise(IndexError_t, "pop index out of range"); }
    int c = (unsigned char)BA(self)->buf[i];
    memmove(BA(self)->buf + i, BA(self)->buf + i + 1, (size_t)(n - i - 1));
    BA(self)->len--;
    obj_unlock(self);
    return MK_SMALL(c);
}

static Obj *mba_clear(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args; (void)nargs; (void)kw;
    obj_lock(self);
    if (ba_resizable(self) < 0) { obj_unlock(self); return NULL; }
    BA(self)->len = 0;
    obj_unlock(self);
    return none_ref();
}

static Obj *mba_insert(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    if (no_kwargs("insert", kw) < 0 || check_nargs("insert", nargs, 2, 2) < 0) return NULL;
    intptr_t i, c;
    if (int_as_index_ovf(args[0], &i, INDEX_OVF_SSIZE) < 0) return NULL;
    if (byte_arg(args[1], "byte must be in range(0, 256)", &c) < 0) return NULL;
    obj_lock(self);
    intptr_t n = (intptr_t)BA(self)->len;
    if (ba_resizable(self) < 0 || ba_reserve(self, (size_t)n + 1) < 0) { obj_unlock(self); return NULL; }
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    memmove(BA(self)->buf + i + 1, BA(self)->buf + i, (size_t)(n - i));
    BA(self)->buf[i] = (char)c;
    BA(self)->len++;
    obj_unlock(self);
    return none_ref();
}

static Obj *mba_remove(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    if (no_kwargs("remove", kw) < 0 || check_nargs("remove", nargs, 1, 1) < 0) return NULL;
    intptr_t c;
    if (byte_arg(args[0], "byte must be in range(0, 256)", &c) < 0) return NULL;
    obj_lock(self);
    char *p = BA(self)->len ? memchr(BA(self)->buf, (int)c, BA(self)->len) : NULL;
    if (!p) { obj_unlock(self); return exc_raise(ValueError_t, "value not found in bytearray"); }
    if (ba_resizable(self) < 0) { obj_unlock(self); return NULL; }
    size_t i = (size_t)(p - BA(self)->buf);
    memmove(p, p + 1, BA(self)->len - i - 1);
    BA(self)->len--;
    obj_unlock(self);
    return none_ref();
}

static Obj *mba_reverse(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args;
    if (no_kwargs("reverse", kw) < 0 || check_nargs("reverse", nargs, 0, 0) < 0) return NULL;
    obj_lock(self);
    for (size_t i = 0, n = BA(self)->len; i < n / 2; i++) {
        char t = BA(self)->buf[i];
        BA(self)->buf[i] = BA(self)->buf[n - 1 - i];
        BA(self)->buf[n - 1 - i] = t;
    }
    obj_unlock(self);
    return none_ref();
}

static Obj *mba_copy(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args;
    if (no_kwargs("copy", kw) < 0 || check_nargs("copy", nargs, 0, 0) < 0) return NULL;
    return obj_call1((Obj *)&bytearray_type, self);
}

/* The read-only methods run bytes' method on a snapshot; bytes in the result (alone, or the
 * items of a list or tuple) become bytearrays, as CPython's bytearray methods return them. */
static Obj *ba_of(Obj *b)
{
    Obj *r = obj_alloc(&bytearray_type, sizeof(ByteArrayObj));
    if (r && B(b)->len && ba_put(r, B(b)->data, B(b)->len) < 0) { DECREF(r); r = NULL; }
    return r;
}

static Obj *ba_via_bytes(MethFn fn, Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *b = ba_snapshot(self);
    if (!b) return NULL;
    Obj *r = fn(b, args, nargs, kw);
    DECREF(b);
    if (!r) return NULL;
    if (is_bytes(r)) { Obj *a = ba_of(r); DECREF(r); return a; }
    if (TYPE(r) == &list_type || TYPE(r) == &tuple_type) {
        intptr_t n = TYPE(r) == &list_type ? LIST_LEN(r) : TUPLE_LEN(r);
        Obj **it = TYPE(r) == &list_type ? LIST_ITEMS(r) : TUPLE_ITEMS(r);
        for (intptr_t i = 0; i < n; i++) {
            if (is_bytes(it[i])) {
                Obj *a = ba_of(it[i]);
                if (!a) { DECREF(r); return NULL; }
                DECREF(it[i]);
                it[i] = a;
            }
        }
    }
    return r;
}
#define BAVIA(nm, f) static Obj *mba_##nm(Obj *self, Obj *const *a, int n, Obj *kw) { return ba_via_bytes(f, self, a, n, kw); }
BAVIA(decode, m_decode) BAVIA(hex, m_hex) BAVIA(find, mb_find) BAVIA(rfind, mb_rfind)
BAVIA(index, mb_index) BAVIA(rindex, mb_rindex) BAVIA(count, mb_count)
BAVIA(startswith, mb_startswith) BAVIA(endswith, mb_endswith) BAVIA(split, mb_split)
BAVIA(rsplit, mb_rsplit) BAVIA(upper, mb_upper) BAVIA(lower, mb_lower) BAVIA(strip, mb_strip)
BAVIA(lstrip, mb_lstrip) BAVIA(rstrip, mb_rstrip) BAVIA(join, mb_join) BAVIA(replace, mb_replace)
BAVIA(title, mb_title) BAVIA(capitalize, mb_capitalize) BAVIA(swapcase, mb_swapcase)
BAVIA(partition, mb_partition) BAVIA(rpartition, mb_rpartition) BAVIA(isdigit, mb_isdigit)
BAVIA(isalpha, mb_isalpha) BAVIA(isalnum, mb_isalnum) BAVIA(isspace, mb_isspace)
BAVIA(isupper, mb_isupper) BAVIA(islower, mb_islower) BAVIA(istitle, mb_istitle)
BAVIA(isascii, mb_isascii) BAVIA(splitlines, mb_splitlines) BAVIA(center, mb_center)
BAVIA(ljust, mb_ljust) BAVIA(rjust, mb_rjust) BAVIA(zfill, mb_zfill)
BAVIA(expandtabs, mb_expandtabs) BAVIA(removeprefix, mb_removeprefix)
BAVIA(removesuffix, mb_removesuffix) BAVIA(translate, mb_translate)

static const MethodDef bytearray_methods[] = {
    { "append", mba_append }, { "extend", mba_extend }, { "pop", mba_pop }, { "clear", mba_clear },
    { "insert", mba_insert }, { "remove", mba_remove }, { "reverse", mba_reverse }, { "copy", mba_copy },
    { "decode", mba_decode }, { "hex", mba_hex }, { "find", mba_find }, { "rfind", mba_rfind },
    { "index", mba_index }, { "rindex", mba_rindex }, { "count", mba_count },
    { "startswith", mba_startswith }, { "endswith", mba_endswith }, { "split", mba_split },
    { "rsplit", mba_rsplit }, { "upper", mba_upper }, { "lower", mba_lower }, { "strip", mba_strip },
    { "lstrip", mba_lstrip }, { "rstrip", mba_rstrip }, { "join", mba_join }, { "replace", mba_replace },
    { "title", mba_title }, { "capitalize", mba_capitalize }, { "swapcase", mba_swapcase },
    { "partition", mba_partition }, { "rpartition", mba_rpartition }, { "isdigit", mba_isdigit },
    { "isalpha", mba_isalpha }, { "isalnum", mba_isalnum }, { "isspace", mba_isspace },
    { "isupper", mba_isupper }, { "islower", mba_islower }, { "istitle", mba_istitle },
    { "isascii", mba_isascii }, { "splitlines", mba_splitlines }, { "center", mba_center },
    { "ljust", mba_ljust }, { "rjust", mba_rjust }, { "zfill", mba_zfill },
    { "expandtabs", mba_expandtabs }, { "removeprefix", mba_removeprefix },
    { "removesuffix", mba_removesuffix }, { "translate", mba_translate },
    { NULL, NULL },
};

/* ---- the buffer a memoryview exports (interp/objects/memoryview.c) -------------------------- */
/* Start exporting o's buffer: *p and *n stay valid until bytearray_unexport (no resize can move
 * them meanwhile). For bytes (immutable) nothing is counted. */
void bytearray_export(Obj *o, char **p, size_t *n)
{
    if (is_bytes(o)) { *p = B(o)->data; *n = B(o)->len; return; }
    obj_lock(o);
    BA(o)->exports++;
    if (!BA(o)->buf) BA(o)->buf = mem_alloc(1);   /* a stable non-NULL pointer even when empty */
    *p = BA(o)->buf ? BA(o)->buf : (char *)"";
    *n = BA(o)->len;
    obj_unlock(o);
}
void bytearray_unexport(Obj *o)
{
    if (is_bytes(o)) return;
    obj_lock(o);
    BA(o)->exports--;
    obj_unlock(o);
}

Type bytearray_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "bytearray",
    .lockoffset = offsetof(ByteArrayObj, lock),
    .base_type = &object_type,
    .size = sizeof(ByteArrayObj),
    .flags = TF_BASETYPE,
    .dealloc = ba_dealloc,
    .repr = ba_repr,
    .hash = hash_not_implemented,
    .compare = ba_compare,
    .len = ba_len,
    .getitem = ba_getitem,
    .setitem = ba_setitem,
    .contains = ba_contains,
    .iter = ba_iter,
    .nb = { [NB_ADD] = ba_add, [NB_MUL] = ba_mul },
    .methods = bytearray_methods,
    .new_ = ba_new_slot,
};

/* bytes(bytearray) and b'' + bytearray read through here. The pointer into a bytearray is
 * borrowed and unlocked: under `none` a concurrent append in another thread may move it (the one
 * caller, mp_copy.c, copies it at once; it is not covered by the object lock). */
int bytes_like(Obj *o, const char **p, size_t *n)
{
    if (is_bytes(o)) { *p = B(o)->data; *n = B(o)->len; return 1; }
    if (is_ba(o)) { *p = BA(o)->buf ? BA(o)->buf : ""; *n = BA(o)->len; return 1; }
    return 0;
}
