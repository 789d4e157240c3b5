/*
 * interp/modules/mod_struct.c — `_struct`, the packing engine under interp/lib/struct.py:
 * values <-> bytes by a format string (byte order @ = < > !, codes x c b B ? h H i I l L q Q
 * n N e f d s p P, repeat counts, native alignment), with CPython's sizes, results and messages.
 * Native mode uses the LP64 sizes CPython has on a 64-bit host (l, L, n, N, P: 8 bytes) on both
 * ports, so a program packs the same bytes in the guest as on the host.
 *
 * Every function takes the caller's exception class first (struct.error, defined in Python), so
 * no class object is shared between interpreters.
 *
 * Locks: none needed for bytes (immutable); a bytearray argument to unpack is copied first, and
 * pack_into packs into a fresh buffer (which may run __index__) and copies it into the target
 * under the target's object lock (interp/core/objlock.h), after checking its size there.
 */
#include <string.h>
#include "objects/module.h"
#include "objects/objects.h"
#include "core/objlock.h"

typedef struct {
    char code;
    intptr_t count;     /* repeat count, or the length for s and p */
    intptr_t size;      /* bytes of one item */
    intptr_t offset;    /* where the first item starts */
} Item;

typedef struct {
    char order;         /* '@' native with alignment, '=' native order standard sizes, '<', '>' */
    bool little;
    Item *items;
    int nitems;
    intptr_t size;
    intptr_t nvalues;   /* values pack takes / unpack gives */
    Obj *err;           /* the caller's struct.error (borrowed) */
} Fmt;

/* Raise the caller's struct.error (f->err) with a printf-style message (exc_raise's escapes). */
static Obj *serr(const Fmt *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Obj *msg = str_vfmt(fmt, ap);
    va_end(ap);
    if (!msg) return NULL;
    Obj *e = obj_call1(f->err, msg);
    DECREF(msg);
    if (!e) return NULL;
    exc_raise_obj(e);
    DECREF(e);
    return NULL;
}

static intptr_t native_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    }
    return -1;
}

static intptr_t std_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    }
    return -1;
}

static void fmt_free(Fmt *f) { mem_free(f->items); }

static int fmt_parse(Obj *err, Obj *fo, Fmt *f) {
    memset(f, 0, sizeof *f);
    f->err = err;
    const char *s;
    size_t n;
    if (str_check(fo)) { s = str_data(fo); n = str_nbytes(fo); }
    else if (obj_is(fo, &bytes_type)) { s = BYTES_DATA(fo); n = BYTES_LEN(fo); }
    else { exc_raise(TypeError_t, "Struct() argument 1 must be a str or bytes object, not %T", fo); return -1; }
    size_t i = 0;
    f->order = '@';
    f->little = true;           /* both ports are little-endian */
    if (i < n && strchr("@=<>!", s[i]) && s[i]) {
        f->order = s[i] == '!' ? '>' : s[i];
        f->little = f->order != '>';
        i++;
    }
    int cap = 0;
    intptr_t off = 0;
    while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') { i++; continue; }
        intptr_t count = 1;
        bool have = false;
        if (c >= '0' && c <= '9') {
            count = 0;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (count > (INTPTR_MAX - 9) / 10) { serr(f, "total struct size too long"); fmt_free(f); return -1; }
                count = count * 10 + (s[i] - '0');
                i++;
            }
            have = true;
            if (i >= n) { serr(f, "repeat count given without format specifier"); fmt_free(f); return -1; }
            c = s[i];
        }
        (void)have;
        intptr_t sz = f->order == '@' ? native_size(c) : std_size(c);
        if (sz < 0 || !c) { serr(f, "bad char in struct format"); fmt_free(f); return -1; }
        if (f->order == '@' && c != 's' && c != 'p' && c != 'x' && c != 'c') {
            intptr_t a = sz;
            off = (off + a - 1) / a * a;
        }
        Item *it = mem_realloc(f->items, sizeof(Item) * (size_t)(f->nitems + 1));
        if (!it) { fmt_free(f); return -1; }
        f->items = it;
        (void)cap;
        it[f->nitems].code = c;
        it[f->nitems].count = count;
        it[f->nitems].size = sz;
        it[f->nitems].offset = off;
        f->nitems++;
        intptr_t bytes = (c == 's' || c == 'p') ? count : count * sz;
        if (bytes / (sz ? sz : 1) != ((c == 's' || c == 'p') ? count : count) && sz > 1) {
            serr(f, "total struct size too long"); fmt_free(f); return -1;
        }
        if (off > INTPTR_MAX / 2 - bytes) { serr(f, "total struct size too long"); fmt_free(f); return -1; }
        off += bytes;
        if (c == 's' || c == 'p') f->nvalues += 1;
        else if (c != 'x') f->nvalues += count;
        i++;
    }
    f->size = off;
    return 0;
}

/* ---- integers ------------------------------------------------------------------------------------ */
static bool is_unsigned(char c) { return c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P'; }

static int range_error(const Fmt *f, char c, intptr_t size) {
    bool nativeish = f->order == '@' || (f->little && size == native_size(c));
    if (c == 'b') { serr(f, "byte format requires -128 <= number <= 127"); return -1; }
    if (c == 'B') { serr(f, "ubyte format requires 0 <= number <= 255"); return -1; }
    if (c == 'I') { serr(f, "'I' format requires 0 <= number <= 4294967295"); return -1; }
    if (nativeish) {
        if (c == 'h') { serr(f, "short format requires -32768 <= number <= 32767"); return -1; }
        if (c == 'H') { serr(f, "ushort format requires 0 <= number <= 65535"); return -1; }
        if (c == 'i') { serr(f, "'i' format requires -2147483648 <= number <= 2147483647"); return -1; }
        serr(f, "argument out of range");
        return -1;
    }
    if (size >= 8) { serr(f, "argument out of range"); return -1; }
    if (is_unsigned(c)) {
        serr(f, "'%c' format requires 0 <= number <= %s", c, size == 2 ? "65535" : "4294967295");
    } else {
        serr(f, "'%c' format requires %s <= number <= %s", c, size == 2 ? "-32768" : "-2147483648",
             size == 2 ? "32767" : "2147483647");
    }
    return -1;
}

static int get_int(const Fmt *f, char c, intptr_t size, Obj *v, uint64_t *out) {
    if (!int_check(v)) {
        Obj *ix = obj_lookup_attr(v, str_intern("__index__"));
        if (!ix || obj_is(v, &float_type)) {
            XDECREF(ix);
            if (exc_occurred()) exc_clear();
            serr(f, "required argument is not an integer");
            return -1;
        }
        Obj *r = obj_call0(ix);
        DECREF(ix);
        if (!r) return -1;
        int rc = get_int(f, c, size, r, out);
        DECREF(r);
        return rc;
    }
    /* CPython converts B and H (and every signed code) through a C long, I, L, Q and N through an
     * unsigned one: a value that does not fit that is "argument out of range", before the
     * code's own range check */
    int64_t sv;
    bool via_ulong = c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P';
    if (is_unsigned(c)) {
        if (int_sign(v) < 0) {
            if (via_ulong || int_as_i64(v, &sv) < 0) {
                exc_clear();
                serr(f, "argument out of range");
                return -1;
            }
            return range_error(f, c, size);
        }
        if (int_as_i64(v, &sv) < 0) {
            if (!exc_matches(OverflowError_t)) return -1;
            exc_clear();
            if (!via_ulong) { serr(f, "argument out of range"); return -1; }
            if (size < 8) {                             /* 2**63 <= v: within a uint64? */
                Obj *hi = obj_binop(v, MK_SMALL(64), NB_RSHIFT);
                if (!hi) return -1;
                int nz = obj_truth(hi);
                DECREF(hi);
                if (nz < 0) return -1;
                if (nz) { serr(f, "argument out of range"); return -1; }
                return range_error(f, c, size);
            }
            /* 2**63 <= v: fits a uint64 only if v < 2**64 */
            Obj *hi = obj_binop(v, MK_SMALL(32), NB_RSHIFT);
            if (!hi) return -1;
            int64_t h;
            int rc = int_as_i64(hi, &h);
            DECREF(hi);
            if (rc < 0 || h > 0xffffffffll) { exc_clear(); serr(f, "argument out of range"); return -1; }
            Obj *mask = int_from_i64(0xffffffffll);     /* not a small int on a 32-bit guest */
            if (!mask) return -1;
            Obj *lo = obj_binop(v, mask, NB_AND);
            DECREF(mask);
            if (!lo) return -1;
            int64_t l;
            rc = int_as_i64(lo, &l);
            DECREF(lo);
            if (rc < 0) return -1;
            *out = ((uint64_t)h << 32) | (uint64_t)l;
            return 0;
        }
        if (size < 8 && (uint64_t)sv >> (size * 8)) return range_error(f, c, size);
        *out = (uint64_t)sv;
        return 0;
    }
    if (int_as_i64(v, &sv) < 0) {
        if (!exc_matches(OverflowError_t)) return -1;
        exc_clear();
        serr(f, "argument out of range");
        return -1;
    }
    if (size < 8) {
        int64_t lim = (int64_t)1 << (size * 8 - 1);
        if (sv < -lim || sv >= lim) return range_error(f, c, size);
    }
    *out = (uint64_t)sv;
    return 0;
}

static void put_bytes(unsigned char *p, uint64_t v, intptr_t size, bool little) {
    for (intptr_t k = 0; k < size; k++) {
        unsigned char b = (unsigned char)(v >> (8 * k));
        p[little ? k : size - 1 - k] = b;
    }
}

static uint64_t get_bytes(const unsigned char *p, intptr_t size, bool little) {
    uint64_t v = 0;
    for (intptr_t k = 0; k < size; k++) v |= (uint64_t)p[little ? k : size - 1 - k] << (8 * k);
    return v;
}

/* ---- floats ---------------------------------------------------------------------------------------- */
static uint16_t double_to_half(double d, int *overflow) {
    union { double d; uint64_t u; } u = { d };
    uint16_t sign = (uint16_t)((u.u >> 48) & 0x8000);
    *overflow = 0;
    if (d != d) return sign | 0x7e00;
    double a = d < 0 ? -d : d;
    if (a == 1.0 / 0.0) return sign | 0x7c00;
    if (a == 0) return sign;
    /* scale: find e with 2**e <= a < 2**(e+1) */
    int e = 0;
    double m = a;
    while (m >= 2.0) { m /= 2.0; e++; }
    while (m < 1.0) { m *= 2.0; e--; }
    if (e < -14) {
        /* subnormal: a / 2**-24 rounded half to even */
        double q = a * 16777216.0;
        double fl = (double)(uint64_t)q;
        double r = q - fl;
        uint64_t bits = (uint64_t)fl;
        if (r > 0.5 || (r == 0.5 && (bits & 1))) bits++;
        return sign | (uint16_t)bits;      /* bits may reach 0x400: the smallest normal, right */
    }
    double frac = (m - 1.0) * 1024.0;
    uint64_t bits = (uint64_t)frac;
    double r = frac - (double)bits;
    if (r > 0.5 || (r == 0.5 && (bits & 1))) bits++;
    if (bits == 1024) { bits = 0; e++; }
    if (e > 15) { *overflow = 1; return 0; }
    return sign | (uint16_t)((e + 15) << 10) | (uint16_t)bits;
}

static double half_to_double(uint16_t h) {
    int sign = h >> 15, e = (h >> 10) & 0x1f, f = h & 0x3ff;
    double v;
    if (e == 0) v = f / 16777216.0;
    else if (e == 31) v = f ? 0.0 / 0.0 : 1.0 / 0.0;
    else {
        v = 1.0 + f / 1024.0;
        for (int k = e - 15; k > 0; k--) v *= 2.0;
        for (int k = e - 15; k < 0; k++) v /= 2.0;
    }
    return sign ? -v : v;
}

static int get_double(const Fmt *f, Obj *v, double *out) {
    if (obj_is(v, &float_type)) { *out = float_val(v); return 0; }
    if (int_check(v)) return num_as_double(v, out);
    Obj *ff = obj_lookup_attr(v, str_intern("__float__"));
    if (!ff) {
        if (exc_occurred()) exc_clear();
        serr(f, "required argument is not a float");
        return -1;
    }
    Obj *r = obj_call0(ff);
    DECREF(ff);
    if (!r) return -1;
    int rc = num_as_double(r, out);
    DECREF(r);
    return rc;
}

/* ---- pack / unpack ------------------------------------------------------------------------------------ */
static int pack_into_buf(const Fmt *f, unsigned char *buf, Obj *const *vals, intptr_t nvals) {
    if (nvals != f->nvalues) {
        serr(f, "pack expected %zd items for packing (got %zd)", f->nvalues, nvals);
        return -1;
    }
    intptr_t vi = 0;
    for (int k = 0; k < f->nitems; k++) {
        const Item *it = &f->items[k];
        unsigned char *p = buf + it->offset;
        char c = it->code;
        if (c == 'x') { memset(p, 0, (size_t)it->count); continue; }
        if (c == 's' || c == 'p') {
            Obj *v = vals[vi++];
            const char *d;
            size_t dn;
            if (!bytes_like(v, &d, &dn)) { serr(f, "argument for '%c' must be a bytes object", c); return -1; }
            memset(p, 0, (size_t)it->count);
            if (c == 's') {
                size_t take = dn < (size_t)it->count ? dn : (size_t)it->count;
                memcpy(p, d, take);
            } else if (it->count > 0) {
                size_t take = dn < (size_t)(it->count - 1) ? dn : (size_t)(it->count - 1);
                if (take > 255) take = 255;
                p[0] = (unsigned char)take;
                memcpy(p + 1, d, take);
            }
            continue;
        }
        for (intptr_t r = 0; r < it->count; r++, p += it->size) {
            Obj *v = vals[vi++];
            switch (c) {
            case 'c': {
                const char *d;
                size_t dn;
                if (!obj_is(v, &bytes_type) && !obj_isinstance(v, &bytearray_type)) {
                    serr(f, "char format requires a bytes object of length 1");
                    return -1;
                }
                if (!bytes_like(v, &d, &dn) || dn != 1) { serr(f, "char format requires a bytes object of length 1"); return -1; }
                p[0] = (unsigned char)d[0];
                break;
            }
            case '?': {
                int t = obj_truth(v);
                if (t < 0) return -1;
                p[0] = (unsigned char)t;
                break;
            }
            case 'e': case 'f': case 'd': {
                double d;
                if (get_double(f, v, &d) < 0) return -1;
                uint64_t bits;
                if (c == 'd') {
                    union { double d; uint64_t u; } u = { d };
                    bits = u.u;
                } else if (c == 'f') {
                    float fl = (float)d;
                    if (f->order != '@' && d == d && (fl == 1.0f / 0.0f || fl == -1.0f / 0.0f) &&
                        d != 1.0 / 0.0 && d != -1.0 / 0.0) {
                        exc_raise(OverflowError_t, "float too large to pack with f format");
                        return -1;
                    }
                    union { float f; uint32_t u; } u = { fl };
                    bits = u.u;
                } else {
                    int ovf;
                    bits = double_to_half(d, &ovf);
                    if (ovf) { exc_raise(OverflowError_t, "float too large to pack with e format"); return -1; }
                }
                put_bytes(p, bits, it->size, f->little);
                break;
            }
            default: {
                uint64_t u;
                if (get_int(f, c, it->size, v, &u) < 0) return -1;
                put_bytes(p, u, it->size, f->little);
            }
            }
        }
    }
    return 0;
}

static Obj *unpack_buf(const Fmt *f, const unsigned char *buf) {
    Obj *t = tuple_new(f->nvalues);
    if (!t) return NULL;
    intptr_t vi = 0;
    for (int k = 0; k < f->nitems; k++) {
        const Item *it = &f->items[k];
        const unsigned char *p = buf + it->offset;
        char c = it->code;
        Obj *v;
        if (c == 'x') continue;
        if (c == 's') { TUPLE_ITEMS(t)[vi++] = bytes_new((const char *)p, (size_t)it->count); goto check; }
        if (c == 'p') {
            size_t len = it->count > 0 ? p[0] : 0;
            if (it->count > 0 && len > (size_t)(it->count - 1)) len = (size_t)(it->count - 1);
            TUPLE_ITEMS(t)[vi++] = bytes_new((const char *)p + 1, len);
            goto check;
        }
        for (intptr_t r = 0; r < it->count; r++, p += it->size) {
            uint64_t u = get_bytes(p, it->size, f->little);
            switch (c) {
            case 'c': v = bytes_new((const char *)p, 1); break;
            case '?': v = bool_from(u != 0); break;
            case 'e': v = float_new(half_to_double((uint16_t)u)); break;
            case 'f': {
                union { uint32_t u; float f; } x = { (uint32_t)u };
                v = float_new(x.f);
                break;
            }
            case 'd': {
                union { uint64_t u; double d; } x = { u };
                v = float_new(x.d);
                break;
            }
            default:
                if (is_unsigned(c)) v = int_from_u64(u);
                else {
                    int64_t sv = (int64_t)u;
                    if (it->size < 8) {
                        int sh = (int)(64 - it->size * 8);
                        sv = (int64_t)(u << sh) >> sh;
                    }
                    v = int_from_i64(sv);
                }
            }
            TUPLE_ITEMS(t)[vi++] = v;
            if (!v) break;
        }
    check:
        if (vi > 0 && !TUPLE_ITEMS(t)[vi - 1]) {
            /* out of memory: fill the rest so the tuple can be freed */
            for (intptr_t q = vi - 1; q < f->nvalues; q++) TUPLE_ITEMS(t)[q] = none_ref();
            DECREF(t);
            return NULL;
        }
    }
    return t;
}

/* A buffer to read: bytes as is, a bytearray or a memoryview copied (another thread may resize
 * a bytearray, or write through a view). */
static Obj *readable(Obj *b) {
    if (obj_is(b, &bytes_type)) return NEWREF(b);
    if (obj_isinstance(b, &bytearray_type) || obj_isinstance(b, &bytes_type) || obj_isinstance(b, &memoryview_type))
        return obj_call1((Obj *)&bytes_type, b);
    return exc_raise(TypeError_t, "a bytes-like object is required, not '%T'", b);
}

/* _pack(error, fmt, values_tuple) */
static Obj *f_pack(Obj *s, Obj *const *a, int n, Obj *kw) {
    (void)s;
    if (no_kwargs("_pack", kw) < 0 || check_nargs("_pack", n, 3, 3) < 0) return NULL;
    if (!obj_is(a[2], &tuple_type)) return exc_raise(TypeError_t, "_pack: values must be a tuple");
    Fmt f;
    if (fmt_parse(a[0], a[1], &f) < 0) return NULL;
    Obj *b = bytes_new(NULL, (size_t)f.size);
    if (!b) { fmt_free(&f); return NULL; }
    memset(BYTES_DATA(b), 0, (size_t)f.size);
    if (pack_into_buf(&f, (unsigned char *)BYTES_DATA(b), TUPLE_ITEMS(a[2]), TUPLE_LEN(a[2])) < 0) {
        DECREF(b);
        b = NULL;
    }
    fmt_free(&f);
    return b;
}

/* _pack_into(error, fmt, buffer, offset, values_tuple) */
static Obj *f_pack_into(Obj *s, Obj *const *a, int n, Obj *kw) {
    (void)s;
    if (no_kwargs("_pack_into", kw) < 0 || check_nargs("_pack_into", n, 5, 5) < 0) return NULL;
    if (!obj_is(a[4], &tuple_type)) return exc_raise(TypeError_t, "_pack_into: values must be a tuple");
    Obj *target = a[2];
    if (!obj_isinstance(target, &bytearray_type)) {
        if (obj_is(target, &bytes_type)) return exc_raise(TypeError_t, "argument must be read-write bytes-like object, not bytes");
        return exc_raise(TypeError_t, "argument must be read-write bytes-like object, not %T", target);
    }
    intptr_t off;
    if (int_as_index(a[3], &off) < 0) return NULL;
    Fmt f;
    if (fmt_parse(a[0], a[1], &f) < 0) return NULL;
    unsigned char *tmp = mem_alloc((size_t)f.size + 1);
    if (!tmp) { fmt_free(&f); return NULL; }
    memset(tmp, 0, (size_t)f.size + 1);
    if (pack_into_buf(&f, tmp, TUPLE_ITEMS(a[4]), TUPLE_LEN(a[4])) < 0) {
        mem_free(tmp);
        fmt_free(&f);
        return NULL;
    }
    Obj *res = NULL;
    obj_lock(target);
    const char *p;
    size_t len;
    bytes_like(target, &p, &len);
    intptr_t o = off < 0 ? off + (intptr_t)len : off;
    bool bad_off = o < 0, small = !bad_off && (size_t)o + (size_t)f.size > len;
    if (!bad_off && !small) memcpy((char *)p + o, tmp, (size_t)f.size);
    obj_unlock(target);
    if (bad_off) serr(&f, "offset %zd out of range for %zd-byte buffer", off, (intptr_t)len);
    else if (small) {
        if (off < 0) serr(&f, "no space to pack %zd bytes at offset %zd", f.size, off);
        else serr(&f, "pack_into requires a buffer of at least %zd bytes for packing %zd bytes at offset %zd (actual buffer size is %zd)",
                  f.size + o, f.size, o, (intptr_t)len);
    } else res = none_ref();
    mem_free(tmp);
    fmt_free(&f);
    return res;
}

/* _unpack(error, fmt, buffer, offset, exact): exact = unpack (the buffer is the struct),
 * else unpack_from at offset. */
static Obj *f_unpack(Obj *s, Obj *const *a, int n, Obj *kw) {
    (void)s;
    if (no_kwargs("_unpack", kw) < 0 || check_nargs("_unpack", n, 5, 5) < 0) return NULL;
    intptr_t off;
    if (int_as_index(a[3], &off) < 0) return NULL;
    bool exact = obj_truth(a[4]) == 1;
    Fmt f;
    if (fmt_parse(a[0], a[1], &f) < 0) return NULL;
    Obj *b = readable(a[2]);
    if (!b) { fmt_free(&f); return NULL; }
    intptr_t len = (intptr_t)BYTES_LEN(b);
    Obj *res = NULL;
    if (exact) {
        if (len != f.size) serr(&f, "unpack requires a buffer of %zd bytes", f.size);
        else res = unpack_buf(&f, (const unsigned char *)BYTES_DATA(b));
    } else {
        intptr_t o = off < 0 ? off + len : off;
        if (o < 0) serr(&f, "offset %zd out of range for %zd-byte buffer", off, len);
        else if (len - o < f.size) {
            if (off < 0) serr(&f, "not enough data to unpack %zd bytes at offset %zd", f.size, off);
            else serr(&f, "unpack_from requires a buffer of at least %zd bytes for unpacking %zd bytes at offset %zd (actual buffer size is %zd)",
                      f.size + o, f.size, o, len);
        } else res = unpack_buf(&f, (const unsigned char *)BYTES_DATA(b) + o);
    }
    DECREF(b);
    fmt_free(&f);
    return res;
}

/* _iter_unpack(error, fmt, buffer) -> a list of tuples */
static Obj *f_iter_unpack(Obj *s, Obj *const *a, int n, Obj *kw) {
    (void)s;
    if (no_kwargs("_iter_unpack", kw) < 0 || check_nargs("_iter_unpack", n, 3, 3) < 0) return NULL;
    Fmt f;
    if (fmt_parse(a[0], a[1], &f) < 0) return NULL;
    if (f.size == 0) { fmt_free(&f); return serr(&f, "cannot iteratively unpack with a struct of length 0"); }
    Obj *b = readable(a[2]);
    if (!b) { fmt_free(&f); return NULL; }
    intptr_t len = (intptr_t)BYTES_LEN(b);
    Obj *res = NULL;
    if (len % f.size) serr(&f, "iterative unpacking requires a buffer of a multiple of %zd bytes", f.size);
    else {
        res = list_new(0);
        for (intptr_t o = 0; res && o < len; o += f.size) {
            Obj *t = unpack_buf(&f, (const unsigned char *)BYTES_DATA(b) + o);
            if (!t || list_append(res, t) < 0) { XDECREF(t); CLEAR(res); break; }
            DECREF(t);
        }
    }
    DECREF(b);
    fmt_free(&f);
    return res;
}

/* _calcsize(error, fmt) */
static Obj *f_calcsize(Obj *s, Obj *const *a, int n, Obj *kw) {
    (void)s;
    if (no_kwargs("_calcsize", kw) < 0 || check_nargs("_calcsize", n, 2, 2) < 0) return NULL;
    Fmt f;
    if (fmt_parse(a[0], a[1], &f) < 0) return NULL;
    intptr_t size = f.size;
    fmt_free(&f);
    return int_from_i64(size);
}

static const MethodDef struct_fns[] = {
    {"_pack", f_pack}, {"_pack_into", f_pack_into}, {"_unpack", f_unpack},
    {"_iter_unpack", f_iter_unpack}, {"_calcsize", f_calcsize}, {NULL, NULL},
};

static int struct_init(Obj *d) { return module_add_functions(d, struct_fns); }

MODULE_DEF(_struct, struct_init);
