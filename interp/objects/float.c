/*
 * interp/objects/float.c — Python's float: an IEEE double in a heap object.
 *
 * repr is CPython's: the shortest decimal string that reads back to the same double (found by
 * trying %.1e .. %.17e and reading each back with strtod), laid out by CPython's rules: fixed
 * notation for decimal exponents -4 <= e < 16, scientific otherwise ('1e+16', '1e-05'), always
 * with a '.0' or an exponent so it reads as a float. No locale: the C library is only used in
 * the "C" locale, and never with %a.
 *
 * Arithmetic accepts an int on either side (int.c returns NotImplemented for int op float, and
 * ops.c then calls our reflected slot with the operands in their original order).
 * Called by: ops.c, builtins (float(), round(), abs()), strfmt.c. Locks: none (immutable).
 */
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include "core/obj.h"
#include "objects/objects.h"
#include "objects/strfmt.h"

typedef struct { Obj base; double v; } FloatObj;

int int_cmp_double(Obj *i, double d);   /* int.c */

Obj *float_new(double d)
{
    FloatObj *f = (FloatObj *)obj_alloc(&float_type, sizeof(FloatObj));
    if (!f) return NULL;
    f->v = d;
    return (Obj *)f;
}

int num_as_double(Obj *o, double *out)
{
    if (IS_SMALL(o)) { *out = (double)SMALL_VAL(o); return 0; }
    if (TYPE(o) == &float_type || type_is_subtype(TYPE(o), &float_type)) { *out = float_val(o); return 0; }
    if (int_check(o)) {
        int ovf;
        *out = int_as_double(o, &ovf);
        if (ovf) { exc_raise(OverflowError_t, "int too large to convert to float"); return -1; }
        return 0;
    }
    Obj *m = type_lookup(TYPE(o), str_intern("__float__"));
    if (m) {
        Obj *r = obj_call1(m, o);
        if (!r) return -1;
        if (TYPE(r) != &float_type) {
            exc_raise(TypeError_t, "%s.__float__ returned non-float (type %s)", type_name(o), type_name(r));
            DECREF(r);
            return -1;
        }
        *out = float_val(r);
        DECREF(r);
        return 0;
    }
    exc_raise(TypeError_t, "must be real number, not %s", type_name(o));
    return -1;
}

/* ---- repr ------------------------------------------------------------------------------------ */
/* Shortest round-trip digits: returns the digit string (no dot) in digs and decimal exponent. */
/* The p-digit decimal next to buf's ("D.DDDe+X", p digits) on the side of `up`, written back
 * into buf in the same form. */
static void decimal_neighbour(char *buf, int p, bool up)
{
    unsigned long long m = 0, lo = 1, hi;
    char *e = strchr(buf, 'e');
    int x = atoi(e + 1);
    for (char *q = buf; q < e; q++) if (*q >= '0' && *q <= '9') m = m * 10 + (unsigned)(*q - '0');
    for (int i = 1; i < p; i++) lo *= 10;
    hi = lo * 10;
    if (up && ++m == hi) { m = lo; x++; }
    else if (!up && m-- == lo) { m = hi - 1; x--; }
    char digs[24];
    snprintf(digs, sizeof digs, "%llu", m);
    char *o = buf;
    *o++ = digs[0];
    if (p > 1) { *o++ = '.'; for (int i = 1; i < p; i++) *o++ = digs[i]; }
    sprintf(o, "e%+03d", x);
}

/* The fewest significant digits that read back as d, the closest to d among those (CPython's
 * repr, David Gay's dtoa mode 0). The nearest p-digit decimal is the first candidate; when it
 * does not read back, its neighbour across d still may: at a power of two the gap to the next
 * double below is half the gap above, so the interval that reads back is lopsided (2.0 ** 305
 * is 6.518515124270356e+91, not 6.5185151242703555e+91). */
static void shortest_digits(double d, char *digs, int *exp10)
{
    char buf[40];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, d);
        double back = strtod(buf, NULL);
        if (back == d || p == 17) break;
        char nb[40];
        strcpy(nb, buf);
        decimal_neighbour(nb, p, back < d);
        if (strtod(nb, NULL) == d) { strcpy(buf, nb); break; }
    }
    /* buf: d[.ddd]e[+-]XX */
    char *e = strchr(buf, 'e');
    *exp10 = atoi(e + 1);
    int k = 0;
    for (char *p = buf; p < e; p++) if (*p >= '0' && *p <= '9') digs[k++] = *p;
    while (k > 1 && digs[k - 1] == '0') k--;
    digs[k] = 0;
}

void float_repr_buf(double d, char *buf)
{
    if (isnan(d)) { strcpy(buf, "nan"); return; }
    if (isinf(d)) { strcpy(buf, d > 0 ? "inf" : "-inf"); return; }
    char *o = buf;
    if (signbit(d)) { *o++ = '-'; d = -d; }
    if (d == 0.0) { strcpy(o, "0.0"); return; }
    char digs[24];
    int e;
    shortest_digits(d, digs, &e);
    int nd = (int)strlen(digs);
    if (e >= -4 && e < 16) {
        if (e >= 0) {
            for (int i = 0; i <= e; i++) *o++ = i < nd ? digs[i] : '0';
            *o++ = '.';
            if (nd > e + 1) { for (int i = e + 1; i < nd; i++) *o++ = digs[i]; }
            else *o++ = '0';
        } else {
            *o++ = '0'; *o++ = '.';
            for (int i = 0; i < -e - 1; i++) *o++ = '0';
            for (int i = 0; i < nd; i++) *o++ = digs[i];
        }
        *o = 0;
    } else {
        *o++ = digs[0];
        if (nd > 1) { *o++ = '.'; for (int i = 1; i < nd; i++) *o++ = digs[i]; }
        sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
}

Obj *float_repr_d(double d)
{
    char buf[48];
    float_repr_buf(d, buf);
    return str_new(buf, strlen(buf));
}

static Obj *float_repr(Obj *o) { return float_repr_d(float_val(o)); }

/* f/e/g/% formatting core (no padding, no sign handling beyond '-'). */
void float_fmt_core(double d, char type, int prec, bool alt, char *buf, size_t cap)
{
    if (isnan(d) || isinf(d)) {
        const char *s = isnan(d) ? "nan" : (d > 0 ? "inf" : "-inf");
        if (type == 'F' || type == 'E' || type == 'G') s = isnan(d) ? "NAN" : (d > 0 ? "INF" : "-INF");
        snprintf(buf, cap, "%s%s", s, type == '%' ? "%" : "");
        return;
    }
    char fmt[16];
    char t = type;
    if (type == '%') { d *= 100.0; t = 'f'; }
    snprintf(fmt, sizeof fmt, "%%%s.%d%c", alt ? "#" : "", prec, t);
    snprintf(buf, cap, fmt, d);
    if (type == '%') strncat(buf, "%", cap - strlen(buf) - 1);
}

/* ---- parsing --------------------------------------------------------------------------------- */
static int ci_eq(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != b[i]) return 0;
    }
    return 1;
}

static bool sp(char c) { return c == ' ' || (c >= 9 && c <= 13); }

Obj *float_from_str(const char *s0, size_t n0)
{
    const char *s = s0, *e = s0 + n0;
    while (s < e && sp(*s)) s++;
    while (e > s && sp(e[-1])) e--;
    size_t n = (size_t)(e - s);
    char stackbuf[64];
    char *buf = n < sizeof stackbuf ? stackbuf : mem_alloc(n + 1);
    if (!buf) return NULL;
    /* copy without underscores (only allowed between digits) */
    size_t k = 0;
    bool ok = n > 0;
    for (size_t i = 0; i < n && ok; i++) {
        char c = s[i];
        if (c == '_') {
            if (i == 0 || i + 1 >= n || !(s[i - 1] >= '0' && s[i - 1] <= '9') || !(s[i + 1] >= '0' && s[i + 1] <= '9')) ok = false;
            continue;
        }
        if (c == 'x' || c == 'X' || c == 0 || c == 'p' || c == 'P') ok = false;
        buf[k++] = c;
    }
    buf[k] = 0;
    double d = 0;
    if (ok) {
        const char *b = buf;
        int neg = 0;
        if (*b == '+' || *b == '-') { neg = *b == '-'; b++; }
        size_t bl = strlen(b);
        if (ci_eq(b, bl, "inf") || ci_eq(b, bl, "infinity")) d = neg ? -HUGE_VAL : HUGE_VAL;
        else if (ci_eq(b, bl, "nan")) d = neg ? -NAN : NAN;
        else if (bl > 0 && ((b[0] >= '0' && b[0] <= '9') || b[0] == '.')) {
            char *end;
            d = strtod(buf, &end);
            if (*end) ok = false;
        } else ok = false;
    }
    if (buf != stackbuf) mem_free(buf);
    if (!ok) {
        Obj *str = str_new(s0, n0);
        if (!str) return NULL;
        exc_raise(ValueError_t, "could not convert string to float: %R", str);
        DECREF(str);
        return NULL;
    }
    return float_new(d);
}

/* ---- hash (CPython's _Py_HashDouble) --------------------------------------------------------- */
#if INTPTR_MAX > 0x7fffffff
#define HASH_BITS 61
#else
#define HASH_BITS 31
#endif
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

static int float_hash(Obj *o, intptr_t *out)
{
    double v = float_val(o);
    if (isinf(v)) { *out = v > 0 ? 314159 : -314159; return 0; }
    if (isnan(v)) { *out = (intptr_t)((uintptr_t)o >> 4); return 0; }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    intptr_t r = (intptr_t)x * sign;
    if (r == -1) r = -2;
    *out = r;
    return 0;
}

/* ---- arithmetic ------------------------------------------------------------------------------ */
/* Both operands to doubles; 1 = NotImplemented, -1 = error. */
static int two_doubles(Obj *a, Obj *b, double *x, double *y)
{
    Obj *ops[2] = { a, b };
    double *outs[2] = { x, y };
    for (int i = 0; i < 2; i++) {
        Obj *o = ops[i];
        if (IS_SMALL(o)) *outs[i] = (double)SMALL_VAL(o);
        else if (TYPE(o) == &float_type || type_is_subtype(TYPE(o), &float_type)) *outs[i] = float_val(o);
        else if (int_check(o)) {
            int ovf;
            *outs[i] = int_as_double(o, &ovf);
            if (ovf) { exc_raise(OverflowError_t, "int too large to convert to float"); return -1; }
        } else return 1;
    }
    return 0;
}

#define FLOAT_PRELUDE \
    double x, y; \
    int _r = two_doubles(a, b, &x, &y); \
    if (_r < 0) return NULL; \
    if (_r > 0) return NEWREF(NotImplemented)

static Obj *float_add(Obj *a, Obj *b) { FLOAT_PRELUDE; return float_new(x + y); }
static Obj *float_sub(Obj *a, Obj *b) { FLOAT_PRELUDE; return float_new(x - y); }
static Obj *float_mul(Obj *a, Obj *b) { FLOAT_PRELUDE; return float_new(x * y); }
static Obj *float_div(Obj *a, Obj *b)
{
    FLOAT_PRELUDE;
    if (y == 0.0) return exc_raise(ZeroDivisionError_t, "float division by zero");
    return float_new(x / y);
}

static double py_fmod(double x, double y)
{
    double mod = fmod(x, y);
    if (mod) { if ((y < 0) != (mod < 0)) mod += y; }
    else mod = copysign(0.0, y);
    return mod;
}

static Obj *float_mod(Obj *a, Obj *b)
{
    FLOAT_PRELUDE;
    if (y == 0.0) return exc_raise(ZeroDivisionError_t, "float modulo");
    return float_new(py_fmod(x, y));
}

static double py_floordiv(double vx, double wx)
{
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) { if ((wx < 0) != (mod < 0)) div -= 1.0; }
    double fd;
    if (div) { fd = floor(div); if (div - fd > 0.5) fd += 1.0; }
    else fd = copysign(0.0, vx / wx);
    return fd;
}

static Obj *float_floordiv(Obj *a, Obj *b)
{
    FLOAT_PRELUDE;
    if (y == 0.0) return exc_raise(ZeroDivisionError_t, "float floor division by zero");
    return float_new(py_floordiv(x, y));
}

Obj *float_divmod(Obj *a, Obj *b)
{
    FLOAT_PRELUDE;
    if (y == 0.0) return exc_raise(ZeroDivisionError_t, "float divmod()");
    Obj *q = float_new(py_floordiv(x, y)), *r = float_new(py_fmod(x, y));
    Obj *t = q && r ? tuple_pack(2, q, r) : NULL;
    XDECREF(q); XDECREF(r);
    return t;
}

static Obj *float_pow(Obj *a, Obj *b)
{
    FLOAT_PRELUDE;
    if (y == 0.0) return float_new(1.0);
    if (isnan(x)) return float_new(x);
    if (x == 0.0 && y < 0 && !isinf(y))
        return exc_raise(ZeroDivisionError_t, "0.0 cannot be raised to a negative power");
    if (x < 0 && !isinf(x) && isfinite(y) && y != floor(y))   /* a nan exponent gives nan */
        return exc_raise(ValueError_t, "negative number cannot be raised to a fractional power");
    double r = pow(x, y);
    if (isinf(r) && !isinf(x) && !isinf(y))
        return exc_raise(OverflowError_t, "(34, 'Numerical result out of range')");
    return float_new(r);
}

static Obj *float_neg(Obj *o) { return float_new(-float_val(o)); }
static Obj *float_pos(Obj *o) { return float_new(float_val(o)); }
static int float_truth(Obj *o) { return float_val(o) != 0.0; }

static Obj *float_compare(Obj *a, Obj *b, int op)
{
    int c;
    bool af = !IS_SMALL(a) && (TYPE(a) == &float_type || type_is_subtype(TYPE(a), &float_type));
    bool bf = !IS_SMALL(b) && (TYPE(b) == &float_type || type_is_subtype(TYPE(b), &float_type));
    if (af && bf) {
        double x = float_val(a), y = float_val(b);
        if (isnan(x) || isnan(y)) c = 2;
        else c = x < y ? -1 : x > y;
    } else if (af && int_check(b)) {
        c = int_cmp_double(b, float_val(a));
        if (c != 2) c = -c;
    } else if (bf && int_check(a)) {
        c = int_cmp_double(a, float_val(b));
    } else return NEWREF(NotImplemented);
    if (c == 2) return bool_from(op == CMP_NE);
    return cmp_result(c, op);
}

/* ---- round ----------------------------------------------------------------------------------- */
Obj *float_round(Obj *x, Obj *nd)
{
    double v = float_val(x);
    if (!nd || nd == None) {
        double r = rint(v);       /* default rounding mode: half to even */
        return int_from_double(r);
    }
    intptr_t n;
    if (int_as_index(nd, &n) < 0) return NULL;
    if (isnan(v) || isinf(v) || v == 0.0) return float_new(v);
    if (n > 320) return float_new(v);
    if (n < -320) return float_new(copysign(0.0, v));
    if (n >= 0) {
        /* printf rounds the exact binary value correctly (half-even on exact ties) */
        char buf[720];      /* 309 integer digits + '.' + 320 decimals + sign */
        snprintf(buf, sizeof buf, "%.*f", (int)n, v);
        return float_new(strtod(buf, NULL));
    }
    /* Negative ndigits: round the exact decimal digits of the integer part half-to-even at
     * 10**-n, using the fraction only as a sticky bit for ties (as CPython's dtoa does). */
    double a = fabs(v), ip = floor(a);
    bool sticky = a != ip;
    char digs[400];
    int len = snprintf(digs, sizeof digs, "%.0f", ip);
    intptr_t k = -n;
    if (k > len) return float_new(copysign(0.0, v));
    char out[400];
    int keep = len - (int)k;
    /* compare the dropped part with 5000... */
    int cmp = 0;
    if (k > 0) {
        if (digs[keep] > '5') cmp = 1;
        else if (digs[keep] < '5') cmp = -1;
        else {
            for (int i = keep + 1; i < len; i++) if (digs[i] != '0') { cmp = 1; break; }
            if (cmp == 0 && sticky) cmp = 1;
        }
    }
    memcpy(out + 1, digs, (size_t)keep);
    out[0] = '0';
    int last = keep;     /* index in out of the last kept digit */
    bool up = cmp > 0 || (cmp == 0 && k > 0 && ((keep > 0 ? digs[keep - 1] - '0' : 0) & 1));
    if (up) {
        int i = last;
        while (i >= 0) {
            if (out[i] == '9') { out[i] = '0'; i--; }
            else { out[i]++; break; }
        }
    }
    for (intptr_t i = 0; i < k; i++) out[last + 1 + i] = '0';
    out[last + 1 + k] = 0;
    double r = strtod(out, NULL);
    if (isinf(r)) return exc_raise(OverflowError_t, "rounded value too large to represent");
    return float_new(copysign(r, v));
}

/* ---- methods --------------------------------------------------------------------------------- */
static Obj *m_is_integer(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)a; (void)n; (void)kw;
    double v = float_val(self);
    return bool_from(isfinite(v) && v == floor(v));
}

static Obj *m_float_format(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)kw;
    if (n != 1) return exc_raise(TypeError_t, "__format__() takes exactly one argument");
    return strfmt_float(self, a[0]);
}

static Obj *m_float_abs(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)a; (void)n; (void)kw;
    return float_new(fabs(float_val(self)));
}

static Obj *m_float_round(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)kw;
    return float_round(self, n > 0 ? a[0] : NULL);
}

static Obj *m_float_trunc(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)a; (void)n; (void)kw;
    return int_from_double(float_val(self));
}

static Obj *m_as_integer_ratio(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)a; (void)n; (void)kw;
    double v = float_val(self);
    if (isinf(v)) return exc_raise(OverflowError_t, "cannot convert Infinity to integer ratio");
    if (isnan(v)) return exc_raise(ValueError_t, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(v, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) { m *= 2.0; e--; }
    Obj *num = int_from_double(m), *den = MK_SMALL(1);
    if (!num) return NULL;
    Obj *sh = MK_SMALL(e < 0 ? -e : e);
    if (e > 0) { Obj *t = obj_binop(num, sh, NB_LSHIFT); DECREF(num); num = t; }
    else if (e < 0) den = obj_binop(MK_SMALL(1), sh, NB_LSHIFT);
    if (!num || !den) { XDECREF(num); XDECREF(den); return NULL; }
    Obj *t = tuple_pack(2, num, den);
    DECREF(num); DECREF(den);
    return t;
}

static Obj *m_float_divmod(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)kw;
    if (n != 1) return exc_raise(TypeError_t, "expected 1 argument, got %d", n);
    return float_divmod(self, a[0]);
}

static Obj *m_float_rdivmod(Obj *self, Obj *const *a, int n, Obj *kw)
{
    (void)kw;
    if (n != 1) return exc_raise(TypeError_t, "expected 1 argument, got %d", n);
    return float_divmod(a[0], self);
}

static const MethodDef float_methods[] = {
    { "__divmod__", m_float_divmod },
    { "__rdivmod__", m_float_rdivmod },
    { "is_integer", m_is_integer },
    { "__format__", m_float_format },
    { "__abs__", m_float_abs },
    { "__round__", m_float_round },
    { "__trunc__", m_float_trunc },
    { "as_integer_ratio", m_as_integer_ratio },
    { NULL, NULL },
};

static Obj *float_new_base(Obj *const *args, int nargs, Obj *kwnames);

/* float(...) and a subclass's construction: a subclass's instance has the subclass's size (its
 * instance dict after the double) and the same value. */
static Obj *float_new_slot(Type *t, Obj *const *args, int nargs, Obj *kwnames)
{
    Obj *r = float_new_base(args, nargs, kwnames);
    if (!r || t == &float_type) return r;
    FloatObj *o = (FloatObj *)obj_alloc(t, t->size);
    if (!o) { DECREF(r); return NULL; }
    o->v = float_val(r);
    DECREF(r);
    return (Obj *)o;
}

static Obj *float_new_base(Obj *const *args, int nargs, Obj *kwnames)
{
    if (kwnames && TUPLE_LEN(kwnames)) return exc_raise(TypeError_t, "float() takes no keyword arguments");
    if (nargs > 1) return exc_raise(TypeError_t, "float expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return float_new(0.0);
    Obj *x = args[0];
    if (TYPE(x) == &float_type) return NEWREF(x);
    if (obj_isinstance(x, &float_type) && !type_lookup(TYPE(x), str_intern("__float__")))
        return float_new(float_val(x));          /* a subclass's instance: its value */
    if (str_check(x)) return float_from_str(str_data(x), str_nbytes(x));
    if (obj_isinstance(x, &bytes_type) || obj_isinstance(x, &bytearray_type) || obj_isinstance(x, &memoryview_type)) {
        Obj *b = obj_call1((Obj *)&bytes_type, x);   /* a bytes copy (a bytearray may change) */
        Obj *r = b ? float_from_str(BYTES_DATA(b), BYTES_LEN(b)) : NULL;
        XDECREF(b);
        if (!r && exc_matches(ValueError_t)) {   /* the message shows the object, b'..' or bytearray(..) */
            exc_clear();
            return exc_raise(ValueError_t, "could not convert string to float: %R", x);
        }
        return r;
    }
    double d;
    if (!int_check(x) && !type_lookup(TYPE(x), str_intern("__float__"))) {
        Obj *ix = type_lookup(TYPE(x), str_intern("__index__"));
        if (!ix)
            return exc_raise(TypeError_t, "float() argument must be a string or a real number, not '%s'", type_name(x));
        Obj *i = obj_call1(ix, x);
        if (!i) return NULL;
        int r = num_as_double(i, &d);
        DECREF(i);
        return r < 0 ? NULL : float_new(d);
    }
    if (num_as_double(x, &d) < 0) return NULL;
    return float_new(d);
}

static void float_dealloc(Obj *o) { obj_free(o); }

static Obj *float_getattr(Obj *o, Obj *name)
{
    const char *n = str_data(name);
    if (n[0] == 'r' && !strcmp(n, "real")) return float_new(float_val(o));
    if (n[0] == 'i' && !strcmp(n, "imag")) return float_new(0.0);
    return obj_generic_getattr(o, name);
}

Type float_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "float",
    .base_type = &object_type,
    .size = sizeof(FloatObj),
    .flags = TF_BASETYPE | TF_LEAF,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .compare = float_compare,
    .truth = float_truth,
    .getattr = float_getattr,
    .nb = {
        [NB_ADD] = float_add, [NB_SUB] = float_sub, [NB_MUL] = float_mul, [NB_TRUEDIV] = float_div,
        [NB_FLOORDIV] = float_floordiv, [NB_MOD] = float_mod, [NB_POW] = float_pow,
    },
    .neg = float_neg,
    .pos = float_pos,
    .format = strfmt_float,
    .methods = float_methods,
    .new_ = float_new_slot,
};
