/*
 * interp/modules/mod_math.c — the `math` module: libm functions with CPython's error rules
 * (ValueError "math domain error" for a domain error, OverflowError "math range error" when a
 * finite argument gives an infinite result) plus the integer functions (isqrt, gcd, factorial,
 * comb, perm) on arbitrary-precision ints through the generic operations; frexp/ldexp, erf/erfc,
 * gamma/lgamma, the inverse hyperbolics, cbrt, exp2, nextafter, ulp, remainder, dist.
 * Called by: import math. Locks: none (pure functions).
 */
#include <math.h>
#include <string.h>
#include <stdio.h>
#include "core/obj.h"
#include "objects/module.h"

static int arg_double(Obj *o, double *d) { return num_as_double(o, d); }

static int nargs_exact(const char *name, int nargs, int n)
{
    if (nargs != n) {
        if (n == 1) exc_raise(TypeError_t, "math.%s() takes exactly one argument (%d given)", name, nargs);
        else exc_raise(TypeError_t, "%s expected %d arguments, got %d", name, n, nargs);
        return -1;
    }
    return 0;
}

static Obj *result(double r, double x, int can_overflow)
{
    if (isnan(r) && !isnan(x)) return exc_raise(ValueError_t, "math domain error");
    if (isinf(r) && isfinite(x) && can_overflow) return exc_raise(OverflowError_t, "math range error");
    return float_new(r);
}

/* log of an int that doesn't fit a double: log(m * 2**k) = log(m) + k*log(2). */
static int big_log(Obj *x, double *out)
{
    if (!int_check(x)) return 0;
    int ovf;
    int_as_double(x, &ovf);
    if (!ovf) return 0;
    if (int_sign(x) <= 0) return 0;
    Obj *bl = obj_call_method(x, "bit_length", NULL, 0);
    if (!bl) return -1;
    intptr_t k = SMALL_VAL(bl) - 60;
    Obj *m = obj_binop(x, MK_SMALL(k), NB_RSHIFT);
    if (!m) return -1;
    double md = int_as_double(m, NULL);
    DECREF(m);
    *out = log(md) + (double)k * 0.69314718055994530942;
    return 1;
}

#define F1(name, expr, ovf, domain) \
static Obj *m_##name(Obj *self, Obj *const *args, int nargs, Obj *kw) { \
    (void)self; (void)kw; double x; \
    if (nargs_exact(#name, nargs, 1) < 0 || arg_double(args[0], &x) < 0) return NULL; \
    if (domain) return exc_raise(ValueError_t, "math domain error"); \
    return result(expr, x, ovf); }

F1(sqrt, sqrt(x), 0, x < 0)
F1(exp, exp(x), 1, 0)
F1(sin, sin(x), 0, isinf(x))
F1(cos, cos(x), 0, isinf(x))
F1(tan, tan(x), 0, isinf(x))
F1(asin, asin(x), 0, x < -1 || x > 1)
F1(acos, acos(x), 0, x < -1 || x > 1)
F1(atan, atan(x), 0, 0)
F1(sinh, sinh(x), 1, 0)
F1(cosh, cosh(x), 1, 0)
F1(tanh, tanh(x), 0, 0)
F1(fabs, fabs(x), 0, 0)
F1(degrees, x * (180.0 / 3.14159265358979323846), 1, 0)
F1(radians, x * (3.14159265358979323846 / 180.0), 0, 0)
F1(log2, log2(x), 0, x <= 0)
F1(log10, log10(x), 0, x <= 0)
F1(log1p, log1p(x), 0, x <= -1)
F1(expm1, expm1(x), 1, 0)

F1(acosh, acosh(x), 0, x < 1)
F1(asinh, asinh(x), 0, 0)
F1(atanh, atanh(x), 0, x <= -1 || x >= 1)
F1(erf, erf(x), 0, 0)
F1(erfc, erfc(x), 0, 0)
F1(cbrt, cbrt(x), 0, 0)
F1(exp2, exp2(x), 1, 0)

/* gamma and lgamma: poles at 0 and the negative integers are domain errors (CPython's rule,
 * including lgamma, where C gives +inf); -inf is a domain error for gamma only. */
static bool at_pole(double x) { return x <= 0 && x == floor(x); }

static Obj *m_gamma(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x;
    if (nargs_exact("gamma", nargs, 1) < 0 || arg_double(args[0], &x) < 0) return NULL;
    if (isnan(x)) return float_new(x);
    if (isinf(x)) { if (x < 0) return exc_raise(ValueError_t, "math domain error"); return float_new(x); }
    if (at_pole(x)) return exc_raise(ValueError_t, "math domain error");
    if (x == floor(x) && x <= 23) {   /* (x-1)! exactly (every one up to 22! is a double): */
        double f = 1;                 /* libms differ in the last bit here, CPython does not */
        for (int i = 2; i < (int)x; i++) f *= i;
        return float_new(f);
    }
    return result(tgamma(x), x, 1);
}

static Obj *m_lgamma(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x;
    int sign;
    if (nargs_exact("lgamma", nargs, 1) < 0 || arg_double(args[0], &x) < 0) return NULL;
    if (isnan(x)) return float_new(x);
    if (isinf(x)) return float_new(HUGE_VAL);
    if (at_pole(x)) return exc_raise(ValueError_t, "math domain error");
    return result(lgamma_r(x, &sign), x, 1);   /* lgamma_r: no shared signgam between threads */
}

static Obj *m_frexp(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x;
    int e = 0;
    if (nargs_exact("frexp", nargs, 1) < 0 || arg_double(args[0], &x) < 0) return NULL;
    double m = isfinite(x) ? frexp(x, &e) : x;
    Obj *f = float_new(m);
    if (!f) return NULL;
    Obj *t = tuple_pack(2, f, MK_SMALL(e));
    DECREF(f);
    return t;
}

static Obj *m_ldexp(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x;
    if (nargs_exact("ldexp", nargs, 2) < 0 || arg_double(args[0], &x) < 0) return NULL;
    if (!int_check(args[1])) return exc_raise(TypeError_t, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (int_as_i64(args[1], &e) < 0) {   /* a huge exponent: as large as any that matters */
        if (!exc_matches(OverflowError_t)) return NULL;
        exc_clear();
        e = int_sign(args[1]) < 0 ? -100000 : 100000;
    }
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    if (x == 0 || !isfinite(x)) return float_new(x);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return exc_raise(OverflowError_t, "math range error");
    return float_new(r);
}

static Obj *m_nextafter(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x, y;
    if (nargs_exact("nextafter", nargs, 2) < 0 || arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return NULL;
    return float_new(nextafter(x, y));
}

static Obj *m_ulp(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x;
    if (nargs_exact("ulp", nargs, 1) < 0 || arg_double(args[0], &x) < 0) return NULL;
    if (isnan(x)) return float_new(x);
    x = fabs(x);
    if (isinf(x)) return float_new(x);
    double n = nextafter(x, HUGE_VAL);
    if (isinf(n)) return float_new(x - nextafter(x, -HUGE_VAL));
    return float_new(n - x);
}

static Obj *m_remainder(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x, y;
    if (nargs_exact("remainder", nargs, 2) < 0 || arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return NULL;
    if (isnan(x) || isnan(y)) return float_new(NAN);
    if (isinf(x) || y == 0) return exc_raise(ValueError_t, "math domain error");
    if (isinf(y)) return float_new(x);
    return float_new(remainder(x, y));
}

/* dist(p, q): the Euclidean distance of two points given as sequences of the same length. */
static Obj *m_dist(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    if (nargs_exact("dist", nargs, 2) < 0) return NULL;
    Obj *p = tuple_from_iter(args[0]);
    if (!p) return NULL;
    Obj *q = tuple_from_iter(args[1]);
    if (!q) { DECREF(p); return NULL; }
    Obj *r = NULL;
    if (TUPLE_LEN(p) != TUPLE_LEN(q)) {
        exc_raise(ValueError_t, "both points must have the same number of dimensions");
    } else {
        /* the C library's hypot, one coordinate at a time, as m_hypot: correctly rounded in two
         * dimensions like CPython's vector_norm (a scaled sum of squares was not); with more
         * dimensions the last digit may still differ from CPython's */
        double acc = 0, inf = 0;
        intptr_t i;
        for (i = 0; i < TUPLE_LEN(p); i++) {
            double a, b;
            if (arg_double(TUPLE_ITEMS(p)[i], &a) < 0 || arg_double(TUPLE_ITEMS(q)[i], &b) < 0) break;
            double d = fabs(a - b);
            if (isinf(d)) inf = d;
            acc = hypot(acc, d);
        }
        if (i == TUPLE_LEN(p)) r = float_new(inf ? inf : acc);     /* an infinity wins over a nan */
    }
    DECREF(p); DECREF(q);
    return r;
}

static Obj *m_log(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    if (nargs < 1 || nargs > 2) return exc_raise(TypeError_t, "log expected 1 or 2 arguments, got %d", nargs);
    double x, b = 0;
    int r = big_log(args[0], &x);
    if (r < 0) return NULL;
    if (!r) {
        if (arg_double(args[0], &x) < 0) return NULL;
        if (x <= 0) return exc_raise(ValueError_t, "math domain error");
        x = log(x);
    }
    if (nargs == 2) {
        r = big_log(args[1], &b);
        if (r < 0) return NULL;
        if (!r) {
            if (arg_double(args[1], &b) < 0) return NULL;
            if (b <= 0) return exc_raise(ValueError_t, "math domain error");
            b = log(b);
        }
        if (b == 0) return exc_raise(ZeroDivisionError_t, "float division by zero");
        x /= b;
    }
    return float_new(x);
}

static Obj *m_pow(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x, y;
    if (nargs_exact("pow", nargs, 2) < 0 || arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return NULL;
    if (x == 0 && y < 0 && isfinite(y)) return exc_raise(ValueError_t, "math domain error");   /* 0 ** -inf is inf (3.11) */
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y)) return exc_raise(ValueError_t, "math domain error");
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) return exc_raise(OverflowError_t, "math range error");
    return float_new(r);
}

static Obj *m_atan2(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double y, x;
    if (nargs_exact("atan2", nargs, 2) < 0 || arg_double(args[0], &y) < 0 || arg_double(args[1], &x) < 0) return NULL;
    return float_new(atan2(y, x));
}

static Obj *m_hypot(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double acc = 0;
    for (int i = 0; i < nargs; i++) {
        double v;
        if (arg_double(args[i], &v) < 0) return NULL;
        acc = hypot(acc, v);
    }
    return float_new(acc);
}

static Obj *m_copysign(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x, y;
    if (nargs_exact("copysign", nargs, 2) < 0 || arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return NULL;
    return float_new(copysign(x, y));
}

static Obj *m_fmod(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x, y;
    if (nargs_exact("fmod", nargs, 2) < 0 || arg_double(args[0], &x) < 0 || arg_double(args[1], &y) < 0) return NULL;
    if (isnan(x) || isnan(y)) return float_new(NAN);   /* a nan in, a nan out (no domain error) */
    if (y == 0 || isinf(x)) return exc_raise(ValueError_t, "math domain error");
    return float_new(isinf(y) ? x : fmod(x, y));
}

/* floor/ceil/trunc: ints pass through; floats become ints. */
static Obj *round_to_int(Obj *x, const char *name, double (*fn)(double))
{
    if (int_check(x)) return obj_pos(x);
    if (!IS_SMALL(x) && TYPE(x) != &float_type) {
        char dn[16];
        snprintf(dn, sizeof dn, "__%s__", name);
        Obj *m = type_lookup(TYPE(x), str_intern(dn));
        if (m) return obj_call1(m, x);
    }
    double d;
    if (arg_double(x, &d) < 0) return NULL;
    return int_from_double(fn(d));
}

static Obj *m_floor(Obj *s, Obj *const *a, int n, Obj *kw) { (void)s; (void)kw; if (nargs_exact("floor", n, 1) < 0) return NULL; return round_to_int(a[0], "floor", floor); }
static Obj *m_ceil(Obj *s, Obj *const *a, int n, Obj *kw) { (void)s; (void)kw; if (nargs_exact("ceil", n, 1) < 0) return NULL; return round_to_int(a[0], "ceil", ceil); }
static Obj *m_trunc(Obj *s, Obj *const *a, int n, Obj *kw) { (void)s; (void)kw; if (nargs_exact("trunc", n, 1) < 0) return NULL; return round_to_int(a[0], "trunc", trunc); }

#define FB(name, expr) \
static Obj *m_##name(Obj *self, Obj *const *args, int nargs, Obj *kw) { \
    (void)self; (void)kw; double x; \
    if (nargs_exact(#name, nargs, 1) < 0 || arg_double(args[0], &x) < 0) return NULL; \
    return bool_from(expr); }
FB(isnan, isnan(x))
FB(isinf, isinf(x))
FB(isfinite, isfinite(x))

static int need_int(Obj *o)
{
    if (!int_check(o)) {
        exc_raise(TypeError_t, "'%s' object cannot be interpreted as an integer", type_name(o));
        return -1;
    }
    return 0;
}

static Obj *m_isqrt(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    if (nargs_exact("isqrt", nargs, 1) < 0 || need_int(args[0]) < 0) return NULL;
    Obj *n = args[0];
    if (int_sign(n) < 0) return exc_raise(ValueError_t, "isqrt() argument must be nonnegative");
    if (int_sign(n) == 0) return MK_SMALL(0);
    int64_t v;
    if (IS_SMALL(n) && int_as_i64(n, &v) == 0 && v < ((int64_t)1 << 52)) {
        int64_t r = (int64_t)sqrt((double)v);
        while (r * r > v) r--;
        while ((r + 1) * (r + 1) <= v) r++;
        return int_from_i64(r);
    }
    /* Newton: x = (x + n // x) // 2 from an over-estimate 2**ceil(bits/2) */
    Obj *bl = obj_call_method(n, "bit_length", NULL, 0);
    if (!bl) return NULL;
    Obj *x = obj_binop(MK_SMALL(1), MK_SMALL((SMALL_VAL(bl) + 1) / 2 + 1), NB_LSHIFT);
    if (!x) return NULL;
    for (;;) {
        Obj *q = obj_binop(n, x, NB_FLOORDIV);
        if (!q) { DECREF(x); return NULL; }
        Obj *s = obj_binop(x, q, NB_ADD); DECREF(q);
        if (!s) { DECREF(x); return NULL; }
        Obj *y = obj_binop(s, MK_SMALL(1), NB_RSHIFT); DECREF(s);
        if (!y) { DECREF(x); return NULL; }
        int ge = obj_compare_bool(y, x, CMP_GE);
        if (ge) { DECREF(y); break; }
        DECREF(x);
        x = y;
    }
    return x;
}

static Obj *m_gcd(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    Obj *g = MK_SMALL(0);
    for (int i = 0; i < nargs; i++) {
        if (need_int(args[i]) < 0) { DECREF(g); return NULL; }
        Obj *a = int_abs(g), *b = int_abs(args[i]);
        DECREF(g);
        if (!a || !b) { XDECREF(a); XDECREF(b); return NULL; }
        while (int_sign(b) != 0) {
            Obj *r = obj_binop(a, b, NB_MOD);
            DECREF(a);
            if (!r) { DECREF(b); return NULL; }
            a = b; b = r;
        }
        DECREF(b);
        g = a;
    }
    return g;
}

static Obj *m_lcm(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    Obj *acc = MK_SMALL(1);
    for (int i = 0; i < nargs; i++) {
        if (need_int(args[i]) < 0) { DECREF(acc); return NULL; }
        if (int_sign(args[i]) == 0) { DECREF(acc); return MK_SMALL(0); }
        Obj *pair[2] = { acc, args[i] };
        Obj *g = m_gcd(self, pair, 2, kw);
        if (!g) { DECREF(acc); return NULL; }
        Obj *p = obj_binop(acc, args[i], NB_MUL);
        DECREF(acc);
        if (!p) { DECREF(g); return NULL; }
        Obj *q = obj_binop(p, g, NB_FLOORDIV);
        DECREF(p); DECREF(g);
        if (!q) return NULL;
        acc = int_abs(q);
        DECREF(q);
        if (!acc) return NULL;
    }
    return acc;
}

static Obj *m_factorial(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    if (nargs_exact("factorial", nargs, 1) < 0 || need_int(args[0]) < 0) return NULL;
    intptr_t n;
    if (int_as_index(args[0], &n) < 0) return NULL;
    if (n < 0) return exc_raise(ValueError_t, "factorial() not defined for negative values");
    Obj *r = MK_SMALL(1);
    for (intptr_t i = 2; i <= n; i++) {
        Obj *t = obj_binop(r, MK_SMALL(i), NB_MUL);
        DECREF(r);
        if (!t) return NULL;
        r = t;
    }
    return r;
}

static Obj *perm_comb(Obj *const *args, int nargs, int comb)
{
    const char *name = comb ? "comb" : "perm";
    if (nargs < (comb ? 2 : 1) || nargs > 2) return exc_raise(TypeError_t, "%s expected 2 arguments, got %d", name, nargs);
    for (int i = 0; i < nargs; i++) if (need_int(args[i]) < 0) return NULL;
    intptr_t n, k;
    if (int_as_index(args[0], &n) < 0) return NULL;
    if (nargs == 1) k = n;
    else if (int_as_index(args[1], &k) < 0) return NULL;
    if (n < 0) return exc_raise(ValueError_t, "n must be a non-negative integer");
    if (k < 0) return exc_raise(ValueError_t, "k must be a non-negative integer");
    if (k > n) return MK_SMALL(0);
    if (comb && k > n - k) k = n - k;
    Obj *r = MK_SMALL(1);
    for (intptr_t i = 0; i < k; i++) {
        Obj *t = obj_binop(r, MK_SMALL(n - i), NB_MUL);
        DECREF(r);
        if (!t) return NULL;
        r = t;
        if (comb) {
            t = obj_binop(r, MK_SMALL(i + 1), NB_FLOORDIV);
            DECREF(r);
            if (!t) return NULL;
            r = t;
        }
    }
    return r;
}
static Obj *m_comb(Obj *s, Obj *const *a, int n, Obj *kw) { (void)s; (void)kw; return perm_comb(a, n, 1); }
static Obj *m_perm(Obj *s, Obj *const *a, int n, Obj *kw) { (void)s; (void)kw; return perm_comb(a, n, 0); }

static Obj *m_modf(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    double x, ip;
    if (nargs_exact("modf", nargs, 1) < 0 || arg_double(args[0], &x) < 0) return NULL;
    double fp = modf(x, &ip);
    Obj *a = float_new(fp), *b = float_new(ip);
    Obj *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a); XDECREF(b);
    return t;
}

static Obj *m_isclose(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self;
    Obj *v[4];
    if (args_parse("isclose", args, nargs, kw, "a|b|rel_tol|abs_tol", v) < 0) return NULL;
    if (!v[1]) return exc_raise(TypeError_t, "isclose() missing required argument 'b' (pos 2)");
    double a, b, rt = 1e-9, at = 0.0;
    if (arg_double(v[0], &a) < 0 || arg_double(v[1], &b) < 0) return NULL;
    if (v[2] && arg_double(v[2], &rt) < 0) return NULL;
    if (v[3] && arg_double(v[3], &at) < 0) return NULL;
    if (rt < 0 || at < 0) return exc_raise(ValueError_t, "tolerances must be non-negative");
    if (a == b) return bool_from(1);
    if (isinf(a) || isinf(b)) return bool_from(0);
    double d = fabs(b - a);
    return bool_from(d <= fabs(rt * b) || d <= fabs(rt * a) || d <= at);
}

static Obj *m_fsum(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self; (void)kw;
    if (nargs_exact("fsum", nargs, 1) < 0) return NULL;
    Obj *it = obj_iter(args[0]);
    if (!it) return NULL;
    /* Neumaier compensated sum: exact enough for the demos. */
    double s = 0, c = 0;
    Obj *x;
    while ((x = obj_next(it))) {
        double v;
        int e = arg_double(x, &v);
        DECREF(x);
        if (e < 0) { DECREF(it); return NULL; }
        double t = s + v;
        if (fabs(s) >= fabs(v)) c += (s - t) + v; else c += (v - t) + s;
        s = t;
    }
    DECREF(it);
    if (exc_occurred()) return NULL;
    return float_new(s + c);
}

static Obj *m_prod(Obj *self, Obj *const *args, int nargs, Obj *kw)
{
    (void)self;
    Obj *v[2];
    if (args_parse("prod", args, nargs, kw, "iterable|start", v) < 0) return NULL;
    Obj *acc = v[1] ? NEWREF(v[1]) : MK_SMALL(1);
    Obj *it = obj_iter(v[0]);
    if (!it) { DECREF(acc); return NULL; }
    Obj *x;
    while ((x = obj_next(it))) {
        Obj *t = obj_binop(acc, x, NB_MUL);
        DECREF(x); DECREF(acc);
        if (!t) { DECREF(it); return NULL; }
        acc = t;
    }
    DECREF(it);
    if (exc_occurred()) { DECREF(acc); return NULL; }
    return acc;
}

static const MethodDef math_fns[] = {
    { "sqrt", m_sqrt }, { "exp", m_exp }, { "sin", m_sin }, { "cos", m_cos }, { "tan", m_tan },
    { "asin", m_asin }, { "acos", m_acos }, { "atan", m_atan }, { "atan2", m_atan2 },
    { "sinh", m_sinh }, { "cosh", m_cosh }, { "tanh", m_tanh }, { "fabs", m_fabs },
    { "degrees", m_degrees }, { "radians", m_radians }, { "log", m_log }, { "log2", m_log2 },
    { "log10", m_log10 }, { "log1p", m_log1p }, { "expm1", m_expm1 }, { "pow", m_pow },
    { "hypot", m_hypot }, { "copysign", m_copysign }, { "fmod", m_fmod }, { "floor", m_floor },
    { "ceil", m_ceil }, { "trunc", m_trunc }, { "isnan", m_isnan }, { "isinf", m_isinf },
    { "isfinite", m_isfinite }, { "isqrt", m_isqrt }, { "gcd", m_gcd }, { "lcm", m_lcm },
    { "factorial", m_factorial }, { "comb", m_comb }, { "perm", m_perm }, { "modf", m_modf },
    { "isclose", m_isclose }, { "fsum", m_fsum }, { "prod", m_prod },
    { "acosh", m_acosh }, { "asinh", m_asinh }, { "atanh", m_atanh }, { "erf", m_erf },
    { "erfc", m_erfc }, { "cbrt", m_cbrt }, { "exp2", m_exp2 }, { "gamma", m_gamma },
    { "lgamma", m_lgamma }, { "frexp", m_frexp }, { "ldexp", m_ldexp }, { "nextafter", m_nextafter },
    { "ulp", m_ulp }, { "remainder", m_remainder }, { "dist", m_dist },
    { NULL, NULL },
};

static int math_init(Obj *d)
{
    if (module_add_functions(d, math_fns) < 0) return -1;
    static const struct { const char *n; double v; } consts[] = {
        { "pi", 3.141592653589793 }, { "e", 2.718281828459045 }, { "tau", 6.283185307179586 },
        { "inf", HUGE_VAL }, { "nan", NAN },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        Obj *f = float_new(consts[i].v);
        if (!f) return -1;
        int r = dict_set_s(d, consts[i].n, f);
        DECREF(f);
        if (r < 0) return -1;
    }
    return 0;
}

MODULE_DEF(math, math_init);
