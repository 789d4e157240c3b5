/*
 * interp/objects/int.c — Python's int: tagged small ints plus heap big ints, in one type.
 *
 * Invariant: a value that fits a small int (31 bits on the guest, 63 on the host) is ALWAYS a
 * small int; a heap IntObj always holds a value outside that range. So equality of a small and
 * a big int is always false, and the small fast paths need no allocation.
 *
 * Big ints are sign + magnitude, magnitude in base 2**32 digits, little-endian. The arithmetic on
 * magnitudes (schoolbook, Knuth D for division, shifts, text conversion) is in bigdigits.c; this
 * file keeps signs, the small-int invariant and the objects. Operations take a view (IV) of either
 * representation (or of a bool, whose slots come from here through inheritance) and normalise
 * their result back.
 *
 * Called by: ops.c (slots), the VM (constants), builtins (int(), hex(), round(), pow()).
 * Locks: none (immutable objects).
 */
#include <string.h>
#include <math.h>
#include "core/obj.h"
#include "objects/objects.h"
#include "objects/bigdigits.h"
#include "objects/strfmt.h"
#include "core/state.h"

typedef struct {
    Obj base;
    intptr_t size;      /* number of digits; negative for a negative value */
    digit d[];
} IntObj;

typedef struct {
    int neg;
    intptr_t n;
    const digit *d;
    digit buf[2];
} IV;

#define MAX_STR_DIGITS 4300

static Obj *int_new_slot(Type *t, Obj *const *args, int nargs, Obj *kwnames);

bool int_check(Obj *o)
{
    if (IS_SMALL(o)) return true;
    return o->type == &int_type || o->type == &bool_type || type_is_subtype(o->type, &int_type);
}

static void iv_small(IV *v, intptr_t x)
{
    uint64_t m;
    v->neg = x < 0;
    m = x < 0 ? (uint64_t)0 - (uint64_t)(int64_t)x : (uint64_t)x;
    v->buf[0] = (digit)m;
    v->buf[1] = (digit)(m >> 32);
    v->n = v->buf[1] ? 2 : (v->buf[0] ? 1 : 0);
    v->d = v->buf;
}

/* o must satisfy int_check. */
static void iv_get(Obj *o, IV *v)
{
    if (IS_SMALL(o)) { iv_small(v, SMALL_VAL(o)); return; }
    if (o->type == &int_type || (o->type != &bool_type && o != True_ && o != False_ &&
                                 o->type->size >= sizeof(IntObj) && ((IntObj *)o)->size != 0)) {
        IntObj *b = (IntObj *)o;
        v->neg = b->size < 0;
        v->n = b->size < 0 ? -b->size : b->size;
        v->d = b->d;
        return;
    }
    iv_small(v, o == True_ ? 1 : 0);
}

/* Build an int from a magnitude (copied). */
static Obj *int_from_mag(int neg, const digit *d, intptr_t n)
{
    n = mag_norm(d, n);
    if (n == 0) return MK_SMALL(0);
    if (n <= 2) {
        uint64_t m = d[0] | (n == 2 ? (uint64_t)d[1] << 32 : 0);
        if (m <= (uint64_t)SMALL_MAX) return MK_SMALL(neg ? -(intptr_t)m : (intptr_t)m);
        if (neg && m == (uint64_t)SMALL_MAX + 1) return MK_SMALL(SMALL_MIN);
    }
    /* obj_alloc would zero the digits only for memcpy to overwrite them (int_type is static) */
    IntObj *r = mem_alloc(sizeof(IntObj) + (size_t)n * sizeof(digit));
    if (!r) return NULL;
    r->base.refcnt = 1;
    r->base.type = &int_type;
    memcpy(r->d, d, (size_t)n * sizeof(digit));
    r->size = neg ? -n : n;
    return (Obj *)r;
}

Obj *int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)SMALL_MAX) return MK_SMALL((intptr_t)v);
    digit d[2] = { (digit)v, (digit)(v >> 32) };
    return int_from_mag(0, d, 2);
}

Obj *int_from_i64(int64_t v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX) return MK_SMALL((intptr_t)v);
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    digit d[2] = { (digit)m, (digit)(m >> 32) };
    return int_from_mag(v < 0, d, 2);
}

/* ---- signed helpers on views ----------------------------------------------------------------- */
static Obj *iv_addsub(IV *a, IV *b, int negate_b)
{
    int bneg = b->neg ^ negate_b;
    if (b->n == 0) bneg = 0;
    intptr_t n = (a->n > b->n ? a->n : b->n) + 1;
    digit sbuf[8], *out = n <= 8 ? sbuf : mem_alloc((size_t)n * sizeof(digit));
    if (!out) return NULL;
    Obj *r;
    if (a->neg == bneg || a->n == 0 || b->n == 0) {
        int neg = a->n ? a->neg : bneg;
        intptr_t m = mag_add(a->d, a->n, b->d, b->n, out);
        r = int_from_mag(neg, out, m);
    } else if (mag_cmp(a->d, a->n, b->d, b->n) >= 0) {
        r = int_from_mag(a->neg, out, mag_sub(a->d, a->n, b->d, b->n, out));
    } else {
        r = int_from_mag(bneg, out, mag_sub(b->d, b->n, a->d, a->n, out));
    }
    if (out != sbuf) mem_free(out);
    return r;
}

static Obj *iv_mul(IV *a, IV *b)
{
    if (a->n == 0 || b->n == 0) return MK_SMALL(0);
    intptr_t n = a->n + b->n;
    if (n > 8) {
        /* the product has at least n - 1 >= 8 digits: never a small int, so multiply straight
         * into the new object (a->d / b->d belong to other objects: no aliasing) */
        IntObj *r = mem_alloc(sizeof(IntObj) + (size_t)n * sizeof(digit));
        if (!r) return NULL;
        r->base.refcnt = 1;
        r->base.type = &int_type;
        if (mag_mul(a->d, a->n, b->d, b->n, r->d) < 0) {
            mem_free(r);
            return NULL;                                /* mem_alloc raised MemoryError */
        }
        intptr_t m = mag_norm(r->d, n);
        r->size = (a->neg ^ b->neg) ? -m : m;
        return (Obj *)r;
    }
    digit sbuf[8], *out = sbuf;
    mag_mul(a->d, a->n, b->d, b->n, out);               /* below the cutoff: allocates nothing */
    return int_from_mag(a->neg ^ b->neg, out, n);
}

/* Floor division and modulo, Python semantics. Either output may be NULL. */
static int iv_divmod(IV *a, IV *b, Obj **qo, Obj **ro)
{
    if (b->n == 0) {
        exc_raise(ZeroDivisionError_t, qo && ro ? "integer division or modulo by zero" :
                  qo ? "integer division or modulo by zero" : "integer modulo by zero");
        return -1;
    }
    intptr_t nq = a->n >= b->n ? a->n - b->n + 1 : 1;
    digit *q = mem_alloc((size_t)(nq + 1) * sizeof(digit));
    digit *r = mem_alloc((size_t)(b->n + 1) * sizeof(digit));
    if (!q || !r) { mem_free(q); mem_free(r); return -1; }
    memset(q, 0, (size_t)(nq + 1) * sizeof(digit));
    if (mag_divmod(a->d, a->n, b->d, b->n, q, r) < 0) { mem_free(q); mem_free(r); return -1; }
    intptr_t rn = mag_norm(r, b->n);
    intptr_t qn = mag_norm(q, nq);
    int adjust = (a->neg != b->neg) && rn > 0;
    Obj *Q = NULL, *R = NULL;
    if (adjust) {
        /* q = -(|q| + 1); r = sign(b) * (|b| - |r|) */
        digit one = 1;
        intptr_t m = mag_add(q, qn, &one, 1, q);   /* in place is safe: ripple carry */
        if (qo) Q = int_from_mag(1, q, m);
        digit *t = mem_alloc((size_t)(b->n + 1) * sizeof(digit));
        if (t) {
            mag_sub(b->d, b->n, r, rn, t);
            if (ro) R = int_from_mag(b->neg, t, b->n);
            mem_free(t);
        }
    } else {
        if (qo) Q = int_from_mag(a->neg ^ b->neg, q, qn);
        if (ro) R = int_from_mag(b->neg, r, rn);
    }
    mem_free(q); mem_free(r);
    if ((qo && !Q) || (ro && !R)) { XDECREF(Q); XDECREF(R); return -1; }
    if (qo) *qo = Q;
    if (ro) *ro = R;
    return 0;
}

static intptr_t iv_bitlen(IV *a) { return mag_bitlen(a->d, a->n); }

/* ---- conversions ----------------------------------------------------------------------------- */
int int_sign(Obj *o)
{
    if (IS_SMALL(o)) { intptr_t v = SMALL_VAL(o); return v < 0 ? -1 : v > 0; }
    IV v; iv_get(o, &v);
    return v.n == 0 ? 0 : v.neg ? -1 : 1;
}

int int_as_i64(Obj *o, int64_t *out)
{
    if (IS_SMALL(o)) { *out = SMALL_VAL(o); return 0; }
    if (!int_check(o)) {
        exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(o));
        return -1;
    }
    IV v; iv_get(o, &v);
    if (v.n > 2) goto ovf;
    uint64_t m = v.n == 0 ? 0 : v.d[0] | (v.n == 2 ? (uint64_t)v.d[1] << 32 : 0);
    if (v.neg) {
        if (m > (uint64_t)INT64_MAX + 1) goto ovf;
        *out = (int64_t)(0 - m);
    } else {
        if (m > (uint64_t)INT64_MAX) goto ovf;
        *out = (int64_t)m;
    }
    return 0;
ovf:
    exc_raise(OverflowError_t, "Python int too large to convert to C long");
    return -1;
}

int int_as_index(Obj *o, intptr_t *out)
{
    return int_as_index_ovf(o, out, INDEX_OVF_OVERFLOW);
}

/* The one index conversion, CPython's PyNumber_AsSsize_t / _PyEval_SliceIndex: o (an int, a
 * bool, or an instance of a class with __index__) as an intptr_t. An int outside intptr_t's range
 * is handled as `how` says (see obj.h); an exception raised by __index__ itself is passed on. */
int int_as_index_ovf(Obj *o, intptr_t *out, IndexOverflow how)
{
    if (IS_SMALL(o)) { *out = SMALL_VAL(o); return 0; }
    if (!int_check(o)) {
        Obj *m = (TYPE(o)->flags & TF_HEAPTYPE) ? type_lookup(TYPE(o), str_intern("__index__")) : NULL;
        if (m) {
            Obj *r = obj_call1(m, o);
            if (!r) return -1;
            if (!int_check(r)) {
                exc_raise(TypeError_t, "__index__ returned non-int (type %s)", type_name(r));
                DECREF(r);
                return -1;
            }
            int e = int_as_index_ovf(r, out, how);
            DECREF(r);
            return e;
        }
        exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(o));
        return -1;
    }
    int64_t v;
    if (int_as_i64(o, &v) < 0) goto ovf;
    if (v < INTPTR_MIN || v > INTPTR_MAX) goto ovf;
    *out = (intptr_t)v;
    return 0;
ovf:
    exc_clear();
    switch (how) {
    case INDEX_OVF_CLAMP:
        *out = int_sign(o) < 0 ? -INTPTR_MAX : INTPTR_MAX;
        return 0;
    case INDEX_OVF_INDEXERROR:
        exc_raise(IndexError_t, "cannot fit 'int' into an index-sized integer");
        return -1;
    case INDEX_OVF_SSIZE:
        exc_raise(OverflowError_t, "Python int too large to convert to C ssize_t");
        return -1;
    case INDEX_OVF_OVERFLOW:
        break;
    }
    exc_raise(OverflowError_t, "cannot fit 'int' into an index-sized integer");
    return -1;
}

double int_as_double(Obj *o, int *overflow)
{
    if (overflow) *overflow = 0;
    if (IS_SMALL(o)) return (double)SMALL_VAL(o);
    IV v; iv_get(o, &v);
    double x = mag_to_double(v.d, v.n);
    if (isinf(x) && overflow) *overflow = 1;
    return v.neg ? -x : x;
}

static int int_to_double_checked(Obj *o, double *out)
{
    int ovf;
    *out = int_as_double(o, &ovf);
    if (ovf) { exc_raise(OverflowError_t, "int too large to convert to float"); return -1; }
    return 0;
}

Obj *int_from_double(double d)
{
    if (isnan(d)) return exc_raise(ValueError_t, "cannot convert float NaN to integer");
    if (isinf(d)) return exc_raise(OverflowError_t, "cannot convert float infinity to integer");
    d = trunc(d);
    if (d > -9.0e18 && d < 9.0e18) return int_from_i64((int64_t)d);
    int neg = d < 0;
    if (neg) d = -d;
    int e;
    double m = frexp(d, &e);         /* d = m * 2**e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 64);   /* exact: 53 significant bits */
    intptr_t shift = e - 64;         /* > 0 here */
    intptr_t n = 2 + shift / 32 + 1;
    digit *buf = mem_alloc((size_t)n * sizeof(digit));
    if (!buf) return NULL;
    memset(buf, 0, (size_t)n * sizeof(digit));
    intptr_t q = shift / 32; int r = (int)(shift % 32);
    uint64_t lo = mant << r;
    uint64_t hi = r ? mant >> (64 - r) : 0;
    buf[q] = (digit)lo; buf[q + 1] = (digit)(lo >> 32); buf[q + 2] = (digit)hi;
    Obj *res = int_from_mag(neg, buf, n);
    mem_free(buf);
    return res;
}

/* ---- text ------------------------------------------------------------------------------------ */
static Obj *digits_limit_error(void)
{
    return exc_raise(ValueError_t, "Exceeds the limit (%d digits) for integer string conversion; "
                     "use sys.set_int_max_str_digits() to increase the limit", MAX_STR_DIGITS);
}

char *int_to_text(Obj *v, int base, bool upper, int *neg, size_t *len)
{
    IV a; iv_get(v, &a);
    *neg = a.neg && a.n;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (a.n == 0) {
        char *s = mem_alloc(2);
        if (s) { s[0] = '0'; s[1] = 0; *len = 1; }
        return s;
    }
    if (base != 10) {
        int bits = base == 16 ? 4 : base == 8 ? 3 : 1;
        intptr_t nb = iv_bitlen(&a);
        intptr_t nd = (nb + bits - 1) / bits;
        char *s = mem_alloc((size_t)nd + 1);
        if (!s) return NULL;
        mag_to_pow2_text(a.d, a.n, bits, dig, s, nd);
        s[nd] = 0; *len = (size_t)nd;
        return s;
    }
    /* base 10: peel off 9 digits at a time. Rough pre-check of the digit limit. */
    if (a.n > (MAX_STR_DIGITS * 10 / 3 / 32 + 2) * 1) {
        intptr_t nbits = iv_bitlen(&a);
        if ((double)(nbits - 1) * 0.30102999566398120 >= MAX_STR_DIGITS) {
            digits_limit_error();
            return NULL;
        }
    }
    digit *t = mem_alloc((size_t)a.n * sizeof(digit));
    size_t cap = (size_t)a.n * 10 + 2;
    char *s = mem_alloc(cap);
    if (!t || !s) { mem_free(t); mem_free(s); return NULL; }
    memcpy(t, a.d, (size_t)a.n * sizeof(digit));
    size_t pos = mag_to_decimal(t, a.n, s, cap);
    mem_free(t);
    size_t l = cap - 1 - pos;
    if (l > MAX_STR_DIGITS) { mem_free(s); digits_limit_error(); return NULL; }
    memmove(s, s + pos, l + 1);
    *len = l;
    return s;
}

static Obj *int_repr(Obj *v)
{
    if (IS_SMALL(v)) {
        char buf[32];
        intptr_t x = SMALL_VAL(v);
        uintptr_t m = x < 0 ? (uintptr_t)0 - (uintptr_t)x : (uintptr_t)x;
        char *p = buf + sizeof buf;
        do { *--p = (char)('0' + m % 10); m /= 10; } while (m);
        if (x < 0) *--p = '-';
        return str_new(p, (size_t)(buf + sizeof buf - p));
    }
    int neg; size_t len;
    char *s = int_to_text(v, 10, false, &neg, &len);
    if (!s) return NULL;
    Obj *r;
    if (neg) {
        char *t = mem_alloc(len + 2);
        if (!t) { mem_free(s); return NULL; }
        t[0] = '-'; memcpy(t + 1, s, len + 1);
        r = str_new(t, len + 1);
        mem_free(t);
    } else r = str_new(s, len);
    mem_free(s);
    return r;
}

Obj *int_to_base(Obj *v, int base)
{
    if (!int_check(v))
        return exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(v));
    if (base == 10) return int_repr(v);
    int neg; size_t len;
    char *s = int_to_text(v, base, false, &neg, &len);
    if (!s) return NULL;
    char *t = mem_alloc(len + 4);
    if (!t) { mem_free(s); return NULL; }
    size_t p = 0;
    if (neg) t[p++] = '-';
    t[p++] = '0'; t[p++] = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    memcpy(t + p, s, len);
    Obj *r = str_new(t, p + len);
    mem_free(s); mem_free(t);
    return r;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int digit_val(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Unicode decimal digits and spaces -> ASCII (int('١٢') == 12, as CPython). Returns a
 * mem_alloc'd copy, or NULL when s is plain ASCII / has nothing to map. */
static char *unicode_digits_to_ascii(const char *s, size_t n, size_t *outn)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i == n) return NULL;
    static const uint32_t zeros[] = { 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6,
                                      0xC66, 0xCE6, 0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10 };
    char *o = mem_alloc(n + 1);
    if (!o) return NULL;
    size_t k = 0;
    for (i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { o[k++] = (char)c; i++; continue; }
        int l = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        if (i + (size_t)l > n) l = (int)(n - i);
        uint32_t cp = l == 2 ? (c & 0x1Fu) : l == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (int j = 1; j < l; j++) cp = (cp << 6) | ((unsigned char)s[i + (size_t)j] & 0x3Fu);
        char rep = 0;
        for (size_t z = 0; z < sizeof zeros / sizeof zeros[0]; z++)
            if (cp >= zeros[z] && cp <= zeros[z] + 9) rep = (char)('0' + (cp - zeros[z]));
        if (!rep && (cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
                     cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000)) rep = ' ';
        if (rep) o[k++] = rep;
        else { memcpy(o + k, s + i, (size_t)l); k += (size_t)l; }
        i += (size_t)l;
    }
    o[k] = 0;
    *outn = k;
    return o;
}

static Obj *int_from_str_ascii(const char *s0, size_t n0, int base, const char *orig, size_t orign);

Obj *int_from_str(const char *s0, size_t n0, int base)
{
    size_t tn;
    char *t = unicode_digits_to_ascii(s0, n0, &tn);
    if (!t) {
        if (exc_occurred()) return NULL;
        return int_from_str_ascii(s0, n0, base, s0, n0);
    }
    Obj *r = int_from_str_ascii(t, tn, base, s0, n0);
    mem_free(t);
    return r;
}

static Obj *int_from_str_ascii(const char *s0, size_t n0, int base, const char *orig, size_t orign)
{
    if (base != 0 && (base < 2 || base > 36))
        return exc_raise(ValueError_t, "int() base must be >= 2 and <= 36, or 0");
    const char *s = s0, *e = s0 + n0;
    int obase = base;
    while (s < e && is_space(*s)) s++;
    while (e > s && is_space(e[-1])) e--;
    int neg = 0;
    if (s < e && (*s == '+' || *s == '-')) { neg = *s == '-'; s++; }
    bool prefixed = false;
    if (e - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) { base = pb; s += 2; prefixed = true; }
    }
    if (base == 0) {
        base = 10;
        /* "0_0", "00" are fine; "012" is not in base 0 */
        const char *p = s;
        bool nonzero = false;
        for (; p < e; p++) if (*p != '0' && *p != '_') { nonzero = true; break; }
        if (e - s > 1 && s[0] == '0' && nonzero) goto bad;
    }
    /* validate and collect digits */
    if (s >= e) goto bad;
    {
        size_t ndig = 0;
        const char *p = s;
        if (*p == '_' && !prefixed) goto bad;
        for (; p < e; p++) {
            if (*p == '_') {
                if (p + 1 >= e || p[1] == '_') goto bad;
                continue;
            }
            if (digit_val(*p) >= base) goto bad;
            ndig++;
        }
        if (ndig == 0) goto bad;
        if (base == 10 && ndig > MAX_STR_DIGITS)
            return exc_raise(ValueError_t, "Exceeds the limit (%d digits) for integer string conversion: "
                             "value has %zd digits; use sys.set_int_max_str_digits() to increase the limit",
                             MAX_STR_DIGITS, (intptr_t)ndig);
        /* fast path */
        if (ndig <= 12 || (base <= 10 && ndig <= 18) || (base <= 16 && ndig <= 15)) {   /* fits int64 */
            int64_t v = 0;
            for (p = s; p < e; p++) if (*p != '_') v = v * base + digit_val(*p);
            return int_from_i64(neg ? -v : v);
        }
        /* chunked multiply-add */
        intptr_t cap = (intptr_t)((double)ndig * log2((double)base) / 32.0) + 2;
        digit *d = mem_alloc((size_t)cap * sizeof(digit));
        if (!d) return NULL;
        intptr_t n = 0;
        digit chunkmul = 1, chunk = 0;
        digit limit = (digit)(0xFFFFFFFFu / (digit)base);
        for (p = s; p <= e; p++) {
            if (p < e) {
                if (*p == '_') continue;
                chunk = chunk * (digit)base + (digit)digit_val(*p);
                chunkmul *= (digit)base;
                if (chunkmul <= limit) continue;
            }
            if (chunkmul > 1) {
                n = mag_muladd_small(d, n, chunkmul, chunk);
                chunk = 0; chunkmul = 1;
            }
        }
        Obj *r = int_from_mag(neg, d, n);
        mem_free(d);
        return r;
    }
bad:;
    Obj *str = str_new(orig, orign);
    if (!str) return NULL;
    exc_raise(ValueError_t, "invalid literal for int() with base %d: %R", obase, str);
    DECREF(str);
    return NULL;
}

/* ---- hash ------------------------------------------------------------------------------------ */
#if INTPTR_MAX > 0x7fffffff
#define HASH_BITS 61
#else
#define HASH_BITS 31
#endif
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

static int int_hash(Obj *o, intptr_t *out)
{
    if (IS_SMALL(o)) {
        intptr_t x = SMALL_VAL(o);
        if (x > -(intptr_t)HASH_MOD && x < (intptr_t)HASH_MOD) { *out = x == -1 ? -2 : x; return 0; }
    }
    IV v; iv_get(o, &v);
    uint64_t h = 0;
    for (intptr_t i = v.n - 1; i >= 0; i--) {
        for (int half = 1; half >= 0; half--) {
            h = ((h << 16) & HASH_MOD) | (h >> (HASH_BITS - 16));
            h += (v.d[i] >> (16 * half)) & 0xFFFF;
            if (h >= HASH_MOD) h -= HASH_MOD;
        }
    }
    intptr_t r = (intptr_t)h;
    if (v.neg) r = -r;
    if (r == -1) r = -2;
    *out = r;
    return 0;
}

/* ---- number slots ---------------------------------------------------------------------------- */
#define BOTH_INT(a, b) if (!int_check(a) || !int_check(b)) return NEWREF(NotImplemented)

static Obj *int_add(Obj *a, Obj *b)
{
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t r = SMALL_VAL(a) + SMALL_VAL(b);   /* cannot overflow intptr_t */
        if (FITS_SMALL(r)) return MK_SMALL(r);
        return int_from_i64(r);
    }
    BOTH_INT(a, b);
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    return iv_addsub(&x, &y, 0);
}

static Obj *int_sub(Obj *a, Obj *b)
{
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t r = SMALL_VAL(a) - SMALL_VAL(b);
        if (FITS_SMALL(r)) return MK_SMALL(r);
        return int_from_i64(r);
    }
    BOTH_INT(a, b);
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    return iv_addsub(&x, &y, 1);
}

static Obj *int_mul(Obj *a, Obj *b)
{
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t r;
        if (!__builtin_mul_overflow(SMALL_VAL(a), SMALL_VAL(b), &r)) {
            if (FITS_SMALL(r)) return MK_SMALL(r);
            return int_from_i64(r);
        }
    }
    if (!int_check(a) || !int_check(b)) {
        /* int * sequence: let the sequence's reflected slot handle it */
        return NEWREF(NotImplemented);
    }
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    return iv_mul(&x, &y);
}

static intptr_t floordiv_small(intptr_t a, intptr_t b)
{
    intptr_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static Obj *int_floordiv(Obj *a, Obj *b)
{
    if (IS_SMALL(a) && IS_SMALL(b) && SMALL_VAL(b) != 0) {
        intptr_t q = floordiv_small(SMALL_VAL(a), SMALL_VAL(b));
        if (FITS_SMALL(q)) return MK_SMALL(q);
        return int_from_i64(q);
    }
    BOTH_INT(a, b);
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    Obj *q;
    if (iv_divmod(&x, &y, &q, NULL) < 0) return NULL;
    return q;
}

static Obj *int_mod(Obj *a, Obj *b)
{
    if (IS_SMALL(a) && IS_SMALL(b) && SMALL_VAL(b) != 0) {
        intptr_t x = SMALL_VAL(a), y = SMALL_VAL(b);
        intptr_t r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return MK_SMALL(r);
    }
    BOTH_INT(a, b);
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    Obj *r;
    if (iv_divmod(&x, &y, NULL, &r) < 0) return NULL;
    return r;
}

/* divmod() helper for builtins: returns a tuple; NotImplemented if not both int. */
Obj *int_divmod(Obj *a, Obj *b)
{
    BOTH_INT(a, b);
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    Obj *q, *r;
    if (iv_divmod(&x, &y, &q, &r) < 0) return NULL;
    Obj *t = tuple_pack(2, q, r);
    DECREF(q); DECREF(r);
    return t;
}

static Obj *int_truediv(Obj *a, Obj *b)
{
    BOTH_INT(a, b);
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    if (y.n == 0) return exc_raise(ZeroDivisionError_t, "division by zero");
    if (iv_bitlen(&x) <= 53 && iv_bitlen(&y) <= 53) {
        double da = int_as_double(a, NULL), db = int_as_double(b, NULL);
        return float_new(da / db);
    }
    if (x.n == 0) return float_new((x.neg ^ y.neg) ? -0.0 : 0.0);
    /* Correctly rounded: q = (|a| << shift) // |b| with >= 55 bits, sticky = remainder != 0. */
    intptr_t shift = iv_bitlen(&y) - iv_bitlen(&x) + 55;
    Obj *aa = int_abs(a), *bb = int_abs(b);
    if (!aa || !bb) { XDECREF(aa); XDECREF(bb); return NULL; }
    Obj *num, *den;
    if (shift >= 0) { num = obj_binop(aa, MK_SMALL(shift), NB_LSHIFT); den = NEWREF(bb); }
    else { num = NEWREF(aa); den = obj_binop(bb, MK_SMALL(-shift), NB_LSHIFT); }
    DECREF(aa); DECREF(bb);
    if (!num || !den) { XDECREF(num); XDECREF(den); return NULL; }
    IV n1, d1; iv_get(num, &n1); iv_get(den, &d1);
    Obj *q, *r;
    if (iv_divmod(&n1, &d1, &q, &r) < 0) { DECREF(num); DECREF(den); return NULL; }
    DECREF(num); DECREF(den);
    int64_t qi = 0;
    int_as_i64(q, &qi);      /* < 2**57: fits */
    uint64_t qm = (uint64_t)qi | (int_sign(r) != 0);
    DECREF(q); DECREF(r);
    double res;
    if (shift > 1100) {
        res = ldexp((double)qm, -1100); res = ldexp(res, (int)-(shift - 1100));
    } else res = ldexp((double)qm, (int)-shift);
    if (isinf(res)) return exc_raise(OverflowError_t, "integer division result too large for a float");
    return float_new((x.neg ^ y.neg) ? -res : res);
}

Obj *int_abs(Obj *o)
{
    if (IS_SMALL(o)) {
        intptr_t v = SMALL_VAL(o);
        return v < 0 ? int_from_i64(-(int64_t)v) : o;
    }
    IV v; iv_get(o, &v);
    return int_from_mag(0, v.d, v.n);
}

static Obj *int_neg(Obj *o)
{
    if (IS_SMALL(o)) return int_from_i64(-(int64_t)SMALL_VAL(o));
    IV v; iv_get(o, &v);
    return int_from_mag(!v.neg, v.d, v.n);
}

static Obj *int_pos(Obj *o)
{
    if (IS_SMALL(o)) return o;
    IV v; iv_get(o, &v);
    return int_from_mag(v.neg, v.d, v.n);
}

static Obj *int_invert(Obj *o)
{
    if (IS_SMALL(o)) return MK_SMALL(~SMALL_VAL(o));
    Obj *n = int_neg(o);
    if (!n) return NULL;
    Obj *r = int_sub(n, MK_SMALL(1));
    DECREF(n);
    return r;
}

static Obj *int_lshift(Obj *a, Obj *b)
{
    BOTH_INT(a, b);
    if (int_sign(b) < 0) return exc_raise(ValueError_t, "negative shift count");
    IV x; iv_get(a, &x);
    if (x.n == 0) return MK_SMALL(0);
    intptr_t sh;
    if (!IS_SMALL(b) || (sh = SMALL_VAL(b)) > ((intptr_t)1 << (SMALL_BITS - 2)))
        return exc_raise(OverflowError_t, "too many digits in integer");
    if (IS_SMALL(a) && sh < SMALL_BITS) {
        intptr_t v = SMALL_VAL(a);
        intptr_t r = (intptr_t)((uintptr_t)v << sh);
        if ((r >> sh) == v && FITS_SMALL(r)) return MK_SMALL(r);
    }
    intptr_t n = x.n + sh / 32 + 1;
    digit *d = mem_alloc((size_t)n * sizeof(digit));
    if (!d) return NULL;
    mag_shl(x.d, x.n, sh, d);
    Obj *r = int_from_mag(x.neg, d, n);
    mem_free(d);
    return r;
}

static Obj *int_rshift(Obj *a, Obj *b)
{
    BOTH_INT(a, b);
    if (int_sign(b) < 0) return exc_raise(ValueError_t, "negative shift count");
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t sh = SMALL_VAL(b);
        if (sh >= SMALL_BITS) return MK_SMALL(SMALL_VAL(a) < 0 ? -1 : 0);
        return MK_SMALL(SMALL_VAL(a) >> sh);
    }
    IV x; iv_get(a, &x);
    if (!IS_SMALL(b)) return MK_SMALL(x.neg ? -1 : 0);
    intptr_t sh = SMALL_VAL(b);
    if (x.neg) {
        /* -((|a| - 1) >> sh) - 1 */
        Obj *m = int_abs(a);
        if (!m) return NULL;
        Obj *m1 = int_sub(m, MK_SMALL(1)); DECREF(m);
        if (!m1) return NULL;
        Obj *s = int_rshift(m1, b); DECREF(m1);
        if (!s) return NULL;
        Obj *r = int_invert(s); DECREF(s);
        return r;
    }
    intptr_t w = sh / 32;
    if (w >= x.n) return MK_SMALL(0);
    intptr_t n = x.n - w;
    digit *d = mem_alloc((size_t)n * sizeof(digit));
    if (!d) return NULL;
    mag_shr(x.d, x.n, sh, d);
    Obj *r = int_from_mag(0, d, n);
    mem_free(d);
    return r;
}

/* Two's complement bitwise ops on n-digit buffers. */
static void to_twos(IV *v, digit *out, intptr_t n) { mag_to_twos(v->neg, v->d, v->n, out, n); }

static Obj *int_bitop(Obj *a, Obj *b, int op)
{
    BOTH_INT(a, b);
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t x = SMALL_VAL(a), y = SMALL_VAL(b);
        return MK_SMALL(op == 0 ? (x & y) : op == 1 ? (x | y) : (x ^ y));
    }
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    intptr_t n = (x.n > y.n ? x.n : y.n) + 1;
    digit *p = mem_alloc((size_t)n * sizeof(digit) * 2);
    if (!p) return NULL;
    digit *q = p + n;
    to_twos(&x, p, n); to_twos(&y, q, n);
    for (intptr_t i = 0; i < n; i++) p[i] = op == 0 ? (p[i] & q[i]) : op == 1 ? (p[i] | q[i]) : (p[i] ^ q[i]);
    int neg = (p[n - 1] >> 31) & 1;
    if (neg) mag_twos_negate(p, n);
    Obj *r = int_from_mag(neg, p, n);
    mem_free(p);
    return r;
}
static Obj *int_and(Obj *a, Obj *b) { return int_bitop(a, b, 0); }
static Obj *int_or(Obj *a, Obj *b) { return int_bitop(a, b, 1); }
static Obj *int_xor(Obj *a, Obj *b) { return int_bitop(a, b, 2); }

static Obj *int_pow_impl(Obj *a, Obj *b, Obj *m)
{
    if (!int_check(a) || !int_check(b) || (m && !int_check(m))) {
        if (m) return exc_raise(TypeError_t, "pow() 3rd argument not allowed unless all arguments are integers");
        return NEWREF(NotImplemented);
    }
    int bs = int_sign(b);
    if (m) {
        if (int_sign(m) == 0) return exc_raise(ValueError_t, "pow() 3rd argument cannot be 0");
        Obj *base = NULL, *e = NULL;
        if (bs < 0) {
            /* modular inverse via extended Euclid */
            Obj *mm = int_abs(m);
            Obj *x = int_mod(a, mm);
            Obj *r0 = NEWREF(mm), *r1 = x, *s0 = MK_SMALL(0), *s1 = MK_SMALL(1);
            while (int_sign(r1) != 0) {
                Obj *q = int_floordiv(r0, r1);
                Obj *t = int_mul(q, r1); Obj *r2 = int_sub(r0, t); DECREF(t);
                t = int_mul(q, s1); Obj *s2 = int_sub(s0, t); DECREF(t); DECREF(q);
                DECREF(r0); r0 = r1; r1 = r2; DECREF(s0); s0 = s1; s1 = s2;
            }
            int ok = IS_SMALL(r0) && SMALL_VAL(r0) == 1;
            DECREF(r0); DECREF(r1); DECREF(s1);
            if (!ok) { DECREF(s0); DECREF(mm); return exc_raise(ValueError_t, "base is not invertible for the given modulus"); }
            base = int_mod(s0, mm); DECREF(s0); DECREF(mm);
            e = int_neg(b);
        } else {
            base = int_mod(a, m);
            e = NEWREF(b);
        }
        if (!base || !e) { XDECREF(base); XDECREF(e); return NULL; }
        Obj *res = MK_SMALL(1);
        {
            Obj *t = int_mod(res, m); res = t;
        }
        IV ev; iv_get(e, &ev);
        intptr_t nbits = iv_bitlen(&ev);
        for (intptr_t i = nbits - 1; i >= 0; i--) {
            Obj *t = int_mul(res, res); DECREF(res);
            if (!t) { res = NULL; break; }
            res = int_mod(t, m); DECREF(t);
            if (!res) break;
            if ((ev.d[i / 32] >> (i % 32)) & 1) {
                t = int_mul(res, base); DECREF(res);
                if (!t) { res = NULL; break; }
                res = int_mod(t, m); DECREF(t);
                if (!res) break;
            }
        }
        DECREF(base); DECREF(e);
        return res;
    }
    if (bs < 0) {
        double x, y;
        if (int_to_double_checked(a, &x) < 0 || int_to_double_checked(b, &y) < 0) return NULL;
        if (x == 0.0) return exc_raise(ZeroDivisionError_t, "0.0 cannot be raised to a negative power");
        return float_new(pow(x, y));
    }
    /* small fast path */
    if (IS_SMALL(a) && IS_SMALL(b)) {
        int64_t base = SMALL_VAL(a), e = SMALL_VAL(b), r = 1;
        bool ovf = false;
        while (e > 0 && !ovf) {
            if (e & 1) ovf |= __builtin_mul_overflow(r, base, &r);
            e >>= 1;
            if (e) ovf |= __builtin_mul_overflow(base, base, &base);
        }
        if (!ovf) return int_from_i64(r);
    }
    IV av; iv_get(a, &av);
    if (av.n == 0) return MK_SMALL(bs == 0 ? 1 : 0);
    if (av.n == 1 && av.d[0] == 1) {
        if (!av.neg) return MK_SMALL(1);
        IV bv; iv_get(b, &bv);
        return MK_SMALL((bv.d[0] & 1) ? -1 : 1);
    }
    if (!IS_SMALL(b)) return mem_error();
    intptr_t e = SMALL_VAL(b);
    /* (±2**k) ** e is a shift */
    if (IS_SMALL(a)) {
        intptr_t v = SMALL_VAL(a), m = v < 0 ? -v : v;
        if (m > 1 && (m & (m - 1)) == 0 && e < ((intptr_t)1 << (SMALL_BITS - 8))) {
            int k = __builtin_ctzll((unsigned long long)m);
            Obj *r = int_lshift(MK_SMALL(1), MK_SMALL((intptr_t)k * e));
            if (r && v < 0 && (e & 1)) { Obj *t = int_neg(r); DECREF(r); r = t; }
            return r;
        }
    }
    {
        /* Refuse up front what can't fit the interpreter's memory (a 10**10**9 would otherwise
         * grind through squarings before the last allocation fails). */
        double bytes = (double)iv_bitlen(&av) * (double)e / 8.0;
        ThreadState *ts = ts_get();
        double room = ts && ts->interp && ts->interp->mem_limit ? (double)ts->interp->mem_limit - (double)ts->interp->mem_used : 4e9;
        if (bytes > room || bytes > 4e9) return mem_error();
    }
    Obj *res = MK_SMALL(1), *base = NEWREF(a);
    while (e > 0) {
        if (e & 1) {
            Obj *t = int_mul(res, base); DECREF(res); res = t;
            if (!res) break;
        }
        e >>= 1;
        if (e) {
            Obj *t = int_mul(base, base); DECREF(base); base = t;
            if (!base) break;
        }
    }
    if (!base) { XDECREF(res); return NULL; }
    DECREF(base);
    return res;
}

static Obj *int_pow(Obj *a, Obj *b)
{
    if (int_check(a) && int_check(b) && int_sign(b) < 0) {
        double x, y;
        if (int_to_double_checked(a, &x) < 0 || int_to_double_checked(b, &y) < 0) return NULL;
        if (x == 0.0) return exc_raise(ZeroDivisionError_t, "0.0 cannot be raised to a negative power");
        return float_new(pow(x, y));
    }
    return int_pow_impl(a, b, NULL);
}

Obj *num_pow3(Obj *a, Obj *b, Obj *m)
{
    if (!m || m == None) return obj_binop(a, b, NB_POW);
    return int_pow_impl(a, b, m);
}

/* ---- compare, truth -------------------------------------------------------------------------- */
static int iv_cmp(IV *x, IV *y)
{
    if (x->n == 0 && y->n == 0) return 0;
    int xs = x->n == 0 ? 0 : x->neg ? -1 : 1, ys = y->n == 0 ? 0 : y->neg ? -1 : 1;
    if (xs != ys) return xs < ys ? -1 : 1;
    int c = mag_cmp(x->d, x->n, y->d, y->n);
    return xs < 0 ? -c : c;
}

static Obj *int_compare(Obj *a, Obj *b, int op)
{
    if (IS_SMALL(a) && IS_SMALL(b)) {
        intptr_t x = SMALL_VAL(a), y = SMALL_VAL(b);
        return cmp_result(x < y ? -1 : x > y, op);
    }
    BOTH_INT(a, b);
    IV x, y; iv_get(a, &x); iv_get(b, &y);
    return cmp_result(iv_cmp(&x, &y), op);
}

/* Exact comparison of an int with a double (for float.c): -1/0/1; nan -> 2. */
int int_cmp_double(Obj *i, double d);
int int_cmp_double(Obj *i, double d)
{
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    IV v; iv_get(i, &v);
    if (iv_bitlen(&v) <= 53) {
        double x = int_as_double(i, NULL);
        return x < d ? -1 : x > d;
    }
    double fl = floor(d);
    Obj *di = int_from_double(fl);
    if (!di) { exc_clear(); return 0; }
    IV w; iv_get(di, &w);
    int c = iv_cmp(&v, &w);
    DECREF(di);
    if (c == 0 && fl != d) c = -1;
    return c;
}

static int int_truth(Obj *o)
{
    if (IS_SMALL(o)) return SMALL_VAL(o) != 0;
    return int_sign(o) != 0;
}

/* ---- round ----------------------------------------------------------------------------------- */
Obj *int_round(Obj *x, Obj *nd)
{
    if (!nd || nd == None) return int_pos(x);
    intptr_t n;
    if (int_as_index(nd, &n) < 0) return NULL;
    if (n >= 0) return int_pos(x);
    /* round half to even at 10**(-n) */
    Obj *p = int_pow_impl(MK_SMALL(10), MK_SMALL(-n), NULL);
    if (!p) return NULL;
    IV xv, pv; iv_get(x, &xv); iv_get(p, &pv);
    Obj *q, *r;
    if (iv_divmod(&xv, &pv, &q, &r) < 0) { DECREF(p); return NULL; }
    /* compare 2r with p */
    Obj *r2 = int_add(r, r);
    IV r2v; iv_get(r2, &r2v); iv_get(p, &pv);
    int c = iv_cmp(&r2v, &pv);
    DECREF(r2); DECREF(r);
    IV qv; iv_get(q, &qv);
    if (c > 0 || (c == 0 && qv.n && (qv.d[0] & 1))) {
        Obj *t = int_add(q, MK_SMALL(1)); DECREF(q); q = t;
        if (!q) { DECREF(p); return NULL; }
    }
    Obj *res = int_mul(q, p);
    DECREF(q); DECREF(p);
    return res;
}

/* ---- methods --------------------------------------------------------------------------------- */
static Obj *m_bit_length(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args; (void)nargs; (void)kw;
    IV v; iv_get(self, &v);
    return MK_SMALL(iv_bitlen(&v));
}

static Obj *m_bit_count(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args; (void)nargs; (void)kw;
    IV v; iv_get(self, &v);
    intptr_t c = 0;
    for (intptr_t i = 0; i < v.n; i++) c += __builtin_popcount(v.d[i]);
    return MK_SMALL(c);
}

static Obj *m_to_bytes(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *a[3];
    if (args_parse("to_bytes", args, nargs, kw, "|length|byteorder|signed", a) < 0) return NULL;
    intptr_t len = 1;
    if (a[0] && int_as_index(a[0], &len) < 0) return NULL;
    if (len < 0) return exc_raise(ValueError_t, "length argument must be non-negative");
    if (a[1] && (!str_check(a[1]) || (!str_equal_cstr(a[1], "little") && !str_equal_cstr(a[1], "big")))) {
        if (!str_check(a[1])) return exc_raise(TypeError_t, "to_bytes() argument 'byteorder' must be str, not %s", type_name(a[1]));
        return exc_raise(ValueError_t, "byteorder must be either 'little' or 'big'");
    }
    bool little = a[1] && str_equal_cstr(a[1], "little");
    bool sgn = a[2] && obj_truth(a[2]) > 0;
    IV v; iv_get(self, &v);
    if (v.neg && v.n && !sgn) return exc_raise(OverflowError_t, "can't convert negative int to unsigned");
    intptr_t nd = len / 4 + 2;
    if (nd < v.n + 1) nd = v.n + 1;
    digit *d = mem_alloc((size_t)nd * sizeof(digit));
    if (!d) return NULL;
    to_twos(&v, d, nd);
    /* check fit: needed bits for the value in two's complement (or unsigned) */
    intptr_t bl;
    if (v.neg && v.n) {
        Obj *m = int_abs(self);
        Obj *m1 = m ? int_sub(m, MK_SMALL(1)) : NULL;
        XDECREF(m);
        if (!m1) { mem_free(d); return NULL; }
        IV w; iv_get(m1, &w);
        bl = iv_bitlen(&w) + 1;
        DECREF(m1);
    } else bl = iv_bitlen(&v) + (sgn ? 1 : 0);
    if (bl > len * 8) {
        mem_free(d);
        return exc_raise(OverflowError_t, "int too big to convert");
    }
    char *buf = mem_alloc((size_t)len + 1);
    if (!buf) { mem_free(d); return NULL; }
    for (intptr_t i = 0; i < len; i++) {
        unsigned char byte = (unsigned char)(d[i / 4] >> (8 * (i % 4)));
        buf[little ? i : len - 1 - i] = (char)byte;
    }
    Obj *r = bytes_new(buf, (size_t)len);
    mem_free(buf); mem_free(d);
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): a class method (types_add_class_methods). */
Obj *int_from_bytes(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self;
    Obj *a[3];
    if (args_parse("from_bytes", args, nargs, kw, "bytes|byteorder|signed", a) < 0) return NULL;
    if (TYPE(a[0]) != &bytes_type) {   /* bytearray, memoryview, an iterable of ints: as bytes() takes them */
        if (str_check(a[0])) return exc_raise(TypeError_t, "cannot convert 'str' object to bytes");
        Obj *b = obj_call1((Obj *)&bytes_type, a[0]);
        if (!b) return NULL;
        Obj *v[3] = { b, a[1] ? a[1] : NULL, a[2] };
        Obj *r;
        if (a[2]) {
            Obj *kn = tuple_pack(1, str_intern("signed"));
            Obj *w[3] = { b, a[1] ? a[1] : str_intern("big"), a[2] };
            r = kn ? int_from_bytes(self, w, 2, kn) : NULL;
            XDECREF(kn);
        } else r = int_from_bytes(self, v, a[1] ? 2 : 1, NULL);
        DECREF(b);
        return r;
    }
    if (a[1] && (!str_check(a[1]) || (!str_equal_cstr(a[1], "little") && !str_equal_cstr(a[1], "big"))))
        return exc_raise(ValueError_t, "byteorder must be either 'little' or 'big'");
    bool little = a[1] && str_equal_cstr(a[1], "little");
    bool sgn = a[2] && obj_truth(a[2]) > 0;
    const unsigned char *p = (const unsigned char *)BYTES_DATA(a[0]);
    size_t n = BYTES_LEN(a[0]);
    intptr_t nd = (intptr_t)(n + 3) / 4 + 1;
    digit *d = mem_alloc((size_t)nd * sizeof(digit));
    if (!d) return NULL;
    memset(d, 0, (size_t)nd * sizeof(digit));
    for (size_t i = 0; i < n; i++) {
        unsigned char byte = p[little ? i : n - 1 - i];
        d[i / 4] |= (digit)byte << (8 * (i % 4));
    }
    int neg = 0;
    if (sgn && n && (p[little ? n - 1 : 0] & 0x80)) {
        /* two's complement of n bytes: value - 2**(8n) */
        for (size_t i = n; i < (size_t)nd * 4; i++) d[i / 4] |= (digit)0xFF << (8 * (i % 4));
        mag_twos_negate(d, nd);
        neg = 1;
    }
    Obj *r = int_from_mag(neg, d, nd);
    mem_free(d);
    return r;
}

static Obj *m_int_format(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    if (nargs != 1) return exc_raise(TypeError_t, "__format__() takes exactly one argument");
    return strfmt_int(self, args[0]);
}

static Obj *m_conjugate(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args; (void)nargs; (void)kw;
    return int_pos(self);
}

static Obj *m_int_abs(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)args; (void)nargs; (void)kw;
    return int_abs(self);
}

static Obj *m_int_round(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    return int_round(self, nargs > 0 ? args[0] : NULL);
}

static Obj *m_int_divmod(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)kw;
    if (nargs != 1) return exc_raise(TypeError_t, "expected 1 argument, got %d", nargs);
    return int_divmod(self, args[0]);
}

static const MethodDef int_methods[] = {
    { "__divmod__", m_int_divmod },
    { "__abs__", m_int_abs },
    { "__round__", m_int_round },
    { "__trunc__", m_conjugate },
    { "__index__", m_conjugate },
    { "bit_length", m_bit_length },
    { "bit_count", m_bit_count },
    { "to_bytes", m_to_bytes },
    { "conjugate", m_conjugate },
    { "__format__", m_int_format },
    { NULL, NULL },
};

static void int_dealloc(Obj *o) { obj_free(o); }

/* real/imag/numerator/denominator: the number-tower attributes, then the generic lookup. */
static Obj *int_getattr(Obj *o, Obj *name)
{
    const char *n = str_data(name);
    switch (n[0]) {
    case 'r': if (!strcmp(n, "real")) return int_pos(o); break;
    case 'n': if (!strcmp(n, "numerator")) return int_pos(o); break;
    case 'i': if (!strcmp(n, "imag")) return MK_SMALL(0); break;
    case 'd': if (!strcmp(n, "denominator")) return MK_SMALL(1); break;
    }
    return obj_generic_getattr(o, name);
}

/* int(x=0) / int(x, base) */
static Obj *int_new_base(Obj *const *args, int nargs, Obj *kwnames);

size_t int_var_size(Obj *o);
size_t int_var_size(Obj *o)
{
    intptr_t n = ((IntObj *)o)->size;
    return sizeof(IntObj) + (size_t)(n < 0 ? -n : n) * sizeof(digit);
}

/* int(...) and a subclass's construction. A subclass's instance is always a heap IntObj of the
 * subclass, whatever its value (iv_get reads it as a magnitude; the small-int invariant is about
 * exact ints), with int's layout and no instance dict (TF_VARSIZE). */
static Obj *int_new_slot(Type *t, Obj *const *args, int nargs, Obj *kwnames)
{
    Obj *r = int_new_base(args, nargs, kwnames);
    if (!r || t == &int_type) return r;
    IV v; iv_get(r, &v);
    size_t sz = sizeof(IntObj) + (size_t)v.n * sizeof(digit);
    if (t->dictoffset == DICTOFFSET_END)         /* the instance dict and class.c's finalized word */
        sz = ((sz + sizeof(Obj *) - 1) & ~(sizeof(Obj *) - 1)) + 2 * sizeof(Obj *);
    IntObj *o = (IntObj *)obj_alloc(t, sz);
    if (!o) { DECREF(r); return NULL; }
    o->size = v.neg ? -v.n : v.n;
    if (v.n) memcpy(o->d, v.d, (size_t)v.n * sizeof(digit));
    DECREF(r);
    return (Obj *)o;
}

static Obj *int_new_base(Obj *const *args, int nargs, Obj *kwnames)
{
    Obj *a[2];
    if (nargs <= 2 && (!kwnames || TUPLE_LEN(kwnames) == 0)) {   /* positional only: no parsing */
        a[0] = nargs > 0 ? args[0] : NULL;
        a[1] = nargs > 1 ? args[1] : NULL;
    } else if (args_parse("int", args, nargs, kwnames, "|x|base", a) < 0) {
        return NULL;
    }
    Obj *x = a[0];
    if (!x) return MK_SMALL(0);
    if (!IS_SMALL(x) && (obj_isinstance(x, &bytearray_type) || obj_isinstance(x, &memoryview_type))) {
        /* int(bytearray(b"12")), int(memoryview(b"12")): parsed from a bytes copy */
        Obj *b = obj_call1((Obj *)&bytes_type, x);
        if (!b) return NULL;
        Obj *v[2] = { b, a[1] };
        Obj *r = int_new_base(v, a[1] ? 2 : 1, NULL);
        DECREF(b);
        return r;
    }
    if (a[1]) {
        intptr_t base;
        if (int_as_index(a[1], &base) < 0) return NULL;
        if (TYPE(x) == &str_type || str_check(x))
            return int_from_str(str_data(x), str_nbytes(x), (int)base);
        if (TYPE(x) == &bytes_type)
            return int_from_str(BYTES_DATA(x), BYTES_LEN(x), (int)base);
        return exc_raise(TypeError_t, "int() can't convert non-string with explicit base");
    }
    if (IS_SMALL(x) || TYPE(x) == &int_type) return NEWREF(x);
    if (int_check(x)) return int_pos(x);
    if (TYPE(x) == &float_type) return int_from_double(float_val(x));
    if (str_check(x)) return int_from_str(str_data(x), str_nbytes(x), 10);
    if (TYPE(x) == &bytes_type) return int_from_str(BYTES_DATA(x), BYTES_LEN(x), 10);
    static const char *names[] = { "__int__", "__index__", "__trunc__" };
    for (int i = 0; i < 3; i++) {
        Obj *m = type_lookup(TYPE(x), str_intern(names[i]));
        if (m) {
            Obj *r = obj_call1(m, x);
            if (r && !int_check(r)) {
                exc_raise(TypeError_t, "%s returned non-int (type %s)", names[i], type_name(r));
                DECREF(r);
                return NULL;
            }
            return r;
        }
    }
    return exc_raise(TypeError_t, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                     type_name(x));
}

Type int_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "int",
    .base_type = &object_type,
    .size = sizeof(IntObj),
    .flags = TF_BASETYPE | TF_LEAF | TF_VARSIZE,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = int_hash,
    .compare = int_compare,
    .truth = int_truth,
    .getattr = int_getattr,
    .nb = {
        [NB_ADD] = int_add, [NB_SUB] = int_sub, [NB_MUL] = int_mul, [NB_TRUEDIV] = int_truediv,
        [NB_FLOORDIV] = int_floordiv, [NB_MOD] = int_mod, [NB_POW] = int_pow,
        [NB_LSHIFT] = int_lshift, [NB_RSHIFT] = int_rshift, [NB_AND] = int_and, [NB_OR] = int_or,
        [NB_XOR] = int_xor,
    },
    .neg = int_neg,
    .pos = int_pos,
    .invert = int_invert,
    .format = strfmt_int,
    .methods = int_methods,
    .new_ = int_new_slot,
};
