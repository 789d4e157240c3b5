/*
 * interp/objects/complex.c — Python's complex: two IEEE doubles in a heap object.
 *
 * Literals (`2j`) come from the lexer and parser as complex constants; complex(re, im) and
 * complex("1+2j") construct. Arithmetic takes an int, float or complex on either side (int.c and
 * float.c return NotImplemented for a complex operand and ops.c then calls our slot with the
 * operands in their original order). Division is Smith's algorithm, as CPython's c_quot; integer
 * powers up to 100 go by repeated squaring (c_powi), others by the polar form (c_pow). repr
 * follows CPython: `1j`, `(1+2j)`, `(-0-1j)`, each part the shortest float repr without '.0'.
 * Ordering comparisons are TypeErrors (NotImplemented). Called by: ops.c, the parser, builtins.
 * Locks: none (immutable).
 */
#include <string.h>
#include <errno.h>
#include <math.h>
#include "core/obj.h"
#include "objects/objects.h"

typedef struct { Obj base; double re, im; } ComplexObj;
#define CX(o) ((ComplexObj *)(o))

Obj *complex_new(double re, double im)
{
    ComplexObj *c = (ComplexObj *)obj_alloc(&complex_type, sizeof(ComplexObj));
    if (!c) return NULL;
    c->re = re;
    c->im = im;
    return (Obj *)c;
}

static bool is_complex(Obj *o) { return !IS_SMALL(o) && (o->type == &complex_type || type_is_subtype(o->type, &complex_type)); }

/* o as a complex: 1 done, 0 not a number we know (NotImplemented), -1 error (int too large). */
static int as_complex(Obj *o, double *re, double *im)
{
    if (is_complex(o)) { *re = CX(o)->re; *im = CX(o)->im; return 1; }
    if (int_check(o) || obj_isinstance(o, &float_type)) {
        *im = 0.0;
        return num_as_double(o, re) < 0 ? -1 : 1;
    }
    return 0;
}

#define CX_PRELUDE \
    double ar, ai, br, bi; \
    int _ra = as_complex(a, &ar, &ai), _rb = as_complex(b, &br, &bi); \
    if (_ra < 0 || _rb < 0) return NULL; \
    if (!_ra || !_rb) return NEWREF(NotImplemented)

static Obj *cx_add(Obj *a, Obj *b) { CX_PRELUDE; return complex_new(ar + br, ai + bi); }
static Obj *cx_sub(Obj *a, Obj *b) { CX_PRELUDE; return complex_new(ar - br, ai - bi); }
static Obj *cx_mul(Obj *a, Obj *b) { CX_PRELUDE; return complex_new(ar * br - ai * bi, ar * bi + ai * br); }

/* a / b by Smith's method (CPython's c_quot); -1 for division by zero */
static int quot(double ar, double ai, double br, double bi, double *rr, double *ri)
{
    double abr = fabs(br), abi = fabs(bi);
    if (abr >= abi) {
        if (abr == 0.0) return -1;
        double ratio = bi / br, denom = br + bi * ratio;
        *rr = (ar + ai * ratio) / denom;
        *ri = (ai - ar * ratio) / denom;
    } else if (abi >= abr) {
        double ratio = br / bi, denom = br * ratio + bi;
        *rr = (ar * ratio + ai) / denom;
        *ri = (ai * ratio - ar) / denom;
    } else {
        *rr = *ri = NAN;          /* at least one of b's parts is a NaN */
    }
    return 0;
}

static Obj *cx_div(Obj *a, Obj *b)
{
    CX_PRELUDE;
    double rr, ri;
    if (quot(ar, ai, br, bi, &rr, &ri) < 0) return exc_raise(ZeroDivisionError_t, "complex division by zero");
    return complex_new(rr, ri);
}

static void powu(double xr, double xi, unsigned long n, double *rr, double *ri)
{
    double r = 1.0, i = 0.0, pr = xr, pi = xi;
    for (unsigned long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) { double t = r * pr - i * pi; i = r * pi + i * pr; r = t; }
        double t = pr * pr - pi * pi;
        pi = 2 * pr * pi;
        pr = t;
    }
    *rr = r;
    *ri = i;
}

/* As CPython 3.11's complex_pow: an integer-valued exponent of any type (int, float or complex
 * with a zero imaginary part) up to 100 in size goes by repeated squaring, any other by the
 * polar form; errno, as the C library leaves it (cos(inf) is EDOM), decides the error: EDOM is
 * ZeroDivisionError, an infinite result OverflowError. */
static Obj *cx_pow(Obj *a, Obj *b)
{
    CX_PRELUDE;
    double rr, ri;
    errno = 0;
    if (bi == 0.0 && br == floor(br) && fabs(br) <= 100.0) {
        long n = (long)br;
        powu(ar, ai, (unsigned long)(n < 0 ? -n : n), &rr, &ri);
        if (n < 0 && quot(1.0, 0.0, rr, ri, &rr, &ri) < 0) {
            errno = EDOM;
            rr = ri = 0.0;
        }
    } else if (ar == 0.0 && ai == 0.0) {
        if (bi != 0.0 || br < 0.0) errno = EDOM;
        rr = ri = 0.0;
    } else {
        double vabs = hypot(ar, ai), len = pow(vabs, br), at = atan2(ai, ar), phase = at * br;
        if (bi != 0.0) {
            len /= exp(at * bi);
            phase += bi * log(vabs);
        }
        rr = len * cos(phase);
        ri = len * sin(phase);
    }
    if (isinf(rr) || isinf(ri)) { if (errno == 0) errno = ERANGE; }
    else if (errno == ERANGE) errno = 0;              /* an underflow is no error */
    if (errno == EDOM) return exc_raise(ZeroDivisionError_t, "0.0 to a negative or complex power");
    if (errno == ERANGE) return exc_raise(OverflowError_t, "complex exponentiation");
    return complex_new(rr, ri);
}

static Obj *cx_neg(Obj *o) { return complex_new(-CX(o)->re, -CX(o)->im); }
static Obj *cx_pos(Obj *o) { return complex_new(CX(o)->re, CX(o)->im); }
static int cx_truth(Obj *o) { return CX(o)->re != 0.0 || CX(o)->im != 0.0; }

static Obj *cx_abs(Obj *o)
{
    double r = hypot(CX(o)->re, CX(o)->im);
    if (isinf(r) && isfinite(CX(o)->re) && isfinite(CX(o)->im))
        return exc_raise(OverflowError_t, "absolute value too large");
    return float_new(r);
}

/* CPython's complex_hash: hash(re) + 1000003 * hash(im), so hash(complex(x, 0)) == hash(x) */
static int cx_hash(Obj *o, intptr_t *out)
{
    intptr_t hr, hi;
    Obj *r = float_new(CX(o)->re), *i = r ? float_new(CX(o)->im) : NULL;
    int e = (!r || !i || obj_hash(r, &hr) < 0 || obj_hash(i, &hi) < 0) ? -1 : 0;
    XDECREF(r);
    XDECREF(i);
    if (e < 0) return -1;
    uintptr_t h = (uintptr_t)hr + (uintptr_t)1000003 * (uintptr_t)hi;
    *out = (intptr_t)h == -1 ? -2 : (intptr_t)h;
    return 0;
}

static Obj *cx_compare(Obj *a, Obj *b, int op)
{
    if (op != CMP_EQ && op != CMP_NE) return NEWREF(NotImplemented);
    CX_PRELUDE;
    bool eq = ar == br && ai == bi;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

/* one part: the float repr without a trailing ".0" */
static void add_part(StrBuf *b, double d)
{
    Obj *r = float_repr_d(d);
    if (!r) { exc_clear(); sb_adds(b, "?"); return; }
    const char *s = str_data(r);
    size_t n = str_nbytes(r);
    if (n > 2 && s[n - 2] == '.' && s[n - 1] == '0') n -= 2;
    sb_add(b, s, n);
    DECREF(r);
}

static Obj *cx_repr(Obj *o)
{
    double re = CX(o)->re, im = CX(o)->im;
    StrBuf b;
    sb_init(&b);
    if (re == 0.0 && !signbit(re)) {
        add_part(&b, im);
    } else {
        sb_addc(&b, '(');
        add_part(&b, re);
        sb_addc(&b, signbit(im) && !isnan(im) ? '-' : '+');
        add_part(&b, fabs(im));
    }
    sb_addc(&b, 'j');
    if (!(re == 0.0 && !signbit(re))) sb_addc(&b, ')');
    return sb_finish(&b);
}

static Obj *cx_getattr(Obj *o, Obj *name)
{
    if (str_equal_cstr(name, "real")) return float_new(CX(o)->re);
    if (str_equal_cstr(name, "imag")) return float_new(CX(o)->im);
    return obj_generic_getattr(o, name);
}

static Obj *cx_m_conjugate(Obj *self, Obj *const *a, int n, Obj *k)
{
    (void)a;
    if (check_nargs("conjugate", n, 0, 0) < 0 || no_kwargs("conjugate", k) < 0) return NULL;
    return complex_new(CX(self)->re, -CX(self)->im);
}

static Obj *cx_m_abs(Obj *self, Obj *const *a, int n, Obj *k)
{
    (void)a; (void)n; (void)k;
    return cx_abs(self);
}

/* complex("1+2j"), complex(" (3-4.5e1j) "), complex("j"): ValueError otherwise */
static int parse_part(const char *s, size_t n, double *out)
{
    if (n == 0) return -1;
    Obj *f = float_from_str(s, n);
    if (!f) { exc_clear(); return -1; }
    *out = float_val(f);
    DECREF(f);
    return 0;
}

static Obj *cx_from_str(Obj *str)
{
    const char *s = str_data(str), *e = s + str_nbytes(str);
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\n')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n')) e--;
    if (e - s >= 2 && *s == '(' && e[-1] == ')') {
        s++; e--;
        while (s < e && *s == ' ') s++;
        while (e > s && e[-1] == ' ') e--;
    }
    double re = 0.0, im = 0.0;
    size_t n = (size_t)(e - s);
    bool bad = n == 0;
    if (!bad && (e[-1] == 'j' || e[-1] == 'J')) {
        /* the imaginary part starts at the last sign that is not the first character or an
         * exponent's */
        const char *split = NULL;
        for (const char *p = e - 2; p > s; p--)
            if ((*p == '+' || *p == '-') && (p[-1] | 32) != 'e') { split = p; break; }
        const char *is = split ? split : s;
        size_t in = (size_t)(e - 1 - is);
        if (split && parse_part(s, (size_t)(split - s), &re) < 0) bad = true;
        if (!bad) {
            if (in == 0) im = 1.0;
            else if (in == 1 && (*is == '+' || *is == '-')) im = *is == '-' ? -1.0 : 1.0;
            else if (parse_part(is, in, &im) < 0) bad = true;
        }
    } else if (!bad && parse_part(s, n, &re) < 0) {
        bad = true;
    }
    if (bad) return exc_raise(ValueError_t, "complex() arg is a malformed string");
    return complex_new(re, im);
}

static Obj *cx_new_slot(Type *t, Obj *const *args, int nargs, Obj *kwnames)
{
    Obj *a[2];
    if (args_parse("complex", args, nargs, kwnames, "|real|imag", a) < 0) return NULL;
    Obj *r;
    if (!a[0]) {
        r = complex_new(0.0, 0.0);
    } else if (str_check(a[0])) {
        if (a[1]) return exc_raise(TypeError_t, "complex() can't take second arg if first is a string");
        r = cx_from_str(a[0]);
    } else {
        double rr, ri, ir = 0.0, ii = 0.0;
        int k = as_complex(a[0], &rr, &ri);
        if (k < 0) return NULL;
        if (!k) return exc_raise(TypeError_t, "complex() first argument must be a string or a number, not '%s'", type_name(a[0]));
        if (a[1]) {
            if (str_check(a[1])) return exc_raise(TypeError_t, "complex() second arg can't be a string");
            k = as_complex(a[1], &ir, &ii);
            if (k < 0) return NULL;
            if (!k) return exc_raise(TypeError_t, "complex() second argument must be a number, not '%s'", type_name(a[1]));
        }
        /* re + im * 1j, keeping the sign of a zero part as CPython's complex_new: a real second
         * argument is the imaginary part as is */
        bool first_cx = is_complex(a[0]), second_cx = a[1] && is_complex(a[1]);
        double re = second_cx ? rr - ii : rr;
        double im = !a[1] ? ri : first_cx ? ir + ri : ir;
        r = complex_new(re, im);
    }
    if (!r || t == &complex_type) return r;
    ComplexObj *o = (ComplexObj *)obj_alloc(t, t->size);
    if (!o) { DECREF(r); return NULL; }
    o->re = CX(r)->re;
    o->im = CX(r)->im;
    DECREF(r);
    return (Obj *)o;
}

static const MethodDef cx_methods[] = {
    {"conjugate", cx_m_conjugate},
    {"__abs__", cx_m_abs},
    {NULL, NULL},
};

Type complex_type = {
    .base = { IMMORTAL_REFCNT, &type_type },
    .name = "complex",
    .size = sizeof(ComplexObj),
    .flags = TF_BASETYPE | TF_LEAF,
    .dealloc = obj_free,
    .repr = cx_repr,
    .hash = cx_hash,
    .compare = cx_compare,
    .truth = cx_truth,
    .getattr = cx_getattr,
    .nb = { [NB_ADD] = cx_add, [NB_SUB] = cx_sub, [NB_MUL] = cx_mul, [NB_TRUEDIV] = cx_div, [NB_POW] = cx_pow },
    .neg = cx_neg,
    .pos = cx_pos,
    .methods = cx_methods,
    .new_ = cx_new_slot,
};
