/*
 * interp/objects/bigdigits.c — arithmetic on magnitudes (arrays of base 2**32 digits,
 * little-endian): add, subtract, multiply (schoolbook with a squaring path; Karatsuba from
 * KARATSUBA_CUTOFF digits, so 100**1001000 takes a second, not minutes), Knuth's Algorithm D for
 * division, shifts, two's complement, and the conversions to double and to text.
 *
 * Used by int.c, which keeps the sign, the small-int invariant and the objects; see
 * bigdigits.h for who sizes what. No objects, no exceptions, no shared state.
 * Locks: none (pure functions on the caller's arrays).
 */
#include <string.h>
#include <math.h>
#include "core/obj.h"
#include "objects/bigdigits.h"

static int clz32(digit x) { return x ? __builtin_clz(x) : 32; }

intptr_t mag_norm(const digit *d, intptr_t n)
{
    while (n > 0 && d[n - 1] == 0) n--;
    return n;
}

intptr_t mag_bitlen(const digit *d, intptr_t n)
{
    if (n == 0) return 0;
    return (n - 1) * 32 + (32 - clz32(d[n - 1]));
}

int mag_cmp(const digit *a, intptr_t na, const digit *b, intptr_t nb)
{
    if (na != nb) return na < nb ? -1 : 1;
    for (intptr_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* out has max(na,nb)+1 digits */
intptr_t mag_add(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out)
{
    if (na < nb) { const digit *t = a; a = b; b = t; intptr_t tn = na; na = nb; nb = tn; }
    twodigit c = 0;
    intptr_t i;
    for (i = 0; i < nb; i++) { c += (twodigit)a[i] + b[i]; out[i] = (digit)c; c >>= 32; }
    for (; i < na; i++) { c += a[i]; out[i] = (digit)c; c >>= 32; }
    out[i] = (digit)c;
    return na + 1;
}

/* a >= b; out has na digits */
intptr_t mag_sub(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out)
{
    int64_t br = 0;
    intptr_t i;
    for (i = 0; i < nb; i++) {
        int64_t t = (int64_t)a[i] - b[i] - br;
        br = t < 0; out[i] = (digit)t;
    }
    for (; i < na; i++) {
        int64_t t = (int64_t)a[i] - br;
        br = t < 0; out[i] = (digit)t;
    }
    return na;
}

/* a*a: each cross product once, doubled, plus the squares on the diagonal. */
static void mag_sqr(const digit *a, intptr_t n, digit *out)
{
    memset(out, 0, (size_t)(2 * n) * sizeof(digit));
    for (intptr_t i = 0; i < n; i++) {
        twodigit c = 0, ai = a[i];
        if (!ai) continue;
        for (intptr_t j = i + 1; j < n; j++) {
            c += ai * a[j] + out[i + j];
            out[i + j] = (digit)c;
            c >>= 32;
        }
        out[i + n] = (digit)c;
    }
    /* double */
    digit top = 0;
    for (intptr_t i = 0; i < 2 * n; i++) {
        digit nt = out[i] >> 31;
        out[i] = (out[i] << 1) | top;
        top = nt;
    }
    /* add squares */
    twodigit c = 0;
    for (intptr_t i = 0; i < n; i++) {
        twodigit sq = (twodigit)a[i] * a[i];
        c += (twodigit)out[2 * i] + (digit)sq;
        out[2 * i] = (digit)c; c >>= 32;
        c += (twodigit)out[2 * i + 1] + (sq >> 32);
        out[2 * i + 1] = (digit)c; c >>= 32;
    }
}

/* Schoolbook a * b into out (na + nb digits), na <= nb; a square takes the mag_sqr path. */
static void mul_school(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out)
{
    if (a == b && na == nb && na > 8) { mag_sqr(a, na, out); return; }
    if (na == 1) {
        twodigit c = 0, m = a[0];
        for (intptr_t j = 0; j < nb; j++) { c += m * b[j]; out[j] = (digit)c; c >>= 32; }
        out[nb] = (digit)c;
        return;
    }
    memset(out, 0, (size_t)(na + nb) * sizeof(digit));
    for (intptr_t i = 0; i < na; i++) {
        twodigit c = 0, ai = a[i];
        if (!ai) continue;
        for (intptr_t j = 0; j < nb; j++) {            /* the long inner loop: over the longer b */
            c += ai * b[j] + out[i + j];
            out[i + j] = (digit)c;
            c >>= 32;
        }
        out[i + nb] = (digit)c;
    }
}

/* out[0..n) += x[0..nx). The caller knows the sum fits in n digits (it is part of a product whose
 * size is known), so the carry dies inside out. */
static void add_into(digit *out, intptr_t n, const digit *x, intptr_t nx)
{
    nx = mag_norm(x, nx);
    twodigit c = 0;
    intptr_t i;
    for (i = 0; i < nx; i++) { c += (twodigit)out[i] + x[i]; out[i] = (digit)c; c >>= 32; }
    for (; c && i < n; i++) { c += out[i]; out[i] = (digit)c; c >>= 32; }
}

/* Below this many digits in the shorter factor, schoolbook is faster than Karatsuba's extra
 * additions (tests/lang/int_mul_karatsuba.py checks products on both sides of it against CPython). */
#define KARATSUBA_CUTOFF 40

/* Karatsuba: a * b into out (na + nb digits, aliasing neither), na <= nb, with s as scratch
 * (kmul_scratch digits). Each level needs 4 * (ceil(nb / 2) + 1) digits of s and recurses on
 * factors of about half the size, so the recursion is O(log nb) deep: no user-sized C stack. */
static void kmul(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out, digit *s)
{
    if (na < KARATSUBA_CUTOFF) { mul_school(a, na, b, nb, out); return; }
    if (2 * na <= nb) {
        /* lopsided: splitting b in halves would leave a's high half empty; multiply a by each
         * na-digit slice of b instead and add the partial products in at their offsets */
        digit *t = s;
        s += 2 * na;
        memset(out, 0, (size_t)(na + nb) * sizeof(digit));
        for (intptr_t off = 0; off < nb; off += na) {
            intptr_t m = nb - off < na ? nb - off : na;
            if (m < na) kmul(b + off, m, a, na, t, s);
            else kmul(a, na, b + off, m, t, s);
            add_into(out + off, na + nb - off, t, na + m);
        }
        return;
    }
    /* a = a1*B^h + a0, b = b1*B^h + b0 with B = 2^32, h = floor(nb/2) < na:
     * a*b = z2*B^2h + (z1 - z2 - z0)*B^h + z0, z0 = a0*b0, z2 = a1*b1, z1 = (a0+a1)*(b0+b1) */
    intptr_t h = nb / 2, L = nb - h;                   /* a1 has na - h <= L digits, b1 has L */
    kmul(a, h, b, h, out, s);                           /* z0: out[0, 2h) */
    kmul(a + h, na - h, b + h, L, out + 2 * h, s);      /* z2: out[2h, na + nb) */
    digit *sa = s, *sb = s + (L + 1), *z1 = s + 2 * (L + 1);
    s += 4 * (L + 1);
    memset(sa, 0, (size_t)(L + 1) * sizeof(digit));
    mag_add(a, h, a + h, na - h, sa);                   /* writes max(h, na - h) + 1 <= L + 1 */
    if (a == b && na == nb) {
        sb = sa;                                        /* a square: z1 is a square too */
    } else {
        memset(sb, 0, (size_t)(L + 1) * sizeof(digit));
        mag_add(b, h, b + h, L, sb);
    }
    kmul(sa, L + 1, sb, L + 1, z1, s);                  /* z1: 2L + 2 digits */
    mag_sub(z1, 2 * (L + 1), out, 2 * h, z1);
    mag_sub(z1, 2 * (L + 1), out + 2 * h, na + nb - 2 * h, z1);
    add_into(out + h, na + nb - h, z1, 2 * (L + 1));
}

/* Scratch digits kmul needs for a longer factor of nb digits: a level takes at most
 * 4 * (nb/2 + 2) = 2*nb + 8 and hands on a factor of at most nb/2 + 2 digits (a lopsided level
 * takes 2*na <= nb and hands on na <= nb/2), so the sum stays under 4*nb + 16 per level; 64
 * levels cover any size that fits in memory. */
static size_t kmul_scratch(intptr_t nb) { return (size_t)(4 * nb + 16 * 64); }

int mag_mul(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out)
{
    if (na > nb) { const digit *t = a; a = b; b = t; intptr_t tn = na; na = nb; nb = tn; }
    if (na < KARATSUBA_CUTOFF) { mul_school(a, na, b, nb, out); return 0; }
    digit *s = mem_alloc(kmul_scratch(nb) * sizeof(digit));
    if (!s) return -1;
    kmul(a, na, b, nb, out, s);
    mem_free(s);
    return 0;
}

/* in-place: a = a / d, returns remainder */
digit mag_divsmall(digit *a, intptr_t n, digit d)
{
    twodigit r = 0;
    for (intptr_t i = n - 1; i >= 0; i--) {
        r = (r << 32) | a[i];
        a[i] = (digit)(r / d);
        r %= d;
    }
    return (digit)r;
}

intptr_t mag_muladd_small(digit *d, intptr_t n, digit mul, digit add)
{
    twodigit c = add;
    for (intptr_t i = 0; i < n; i++) {
        c += (twodigit)d[i] * mul;
        d[i] = (digit)c; c >>= 32;
    }
    if (c) d[n++] = (digit)c;
    return n;
}

/* Knuth D: q (na-nb+1 digits), r (nb digits). nb >= 1, b[nb-1] != 0. Returns 0 / -1 (OOM). */
int mag_divmod(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *q, digit *r)
{
    if (na < nb) {
        if (q) memset(q, 0, sizeof(digit));
        memcpy(r, a, (size_t)na * sizeof(digit));
        memset(r + na, 0, (size_t)(nb - na) * sizeof(digit));
        return 0;
    }
    if (nb == 1) {
        digit *t = mem_alloc((size_t)na * sizeof(digit));
        if (!t) return -1;
        memcpy(t, a, (size_t)na * sizeof(digit));
        r[0] = mag_divsmall(t, na, b[0]);
        if (q) memcpy(q, t, (size_t)na * sizeof(digit));
        mem_free(t);
        return 0;
    }
    int s = clz32(b[nb - 1]);
    digit *un = mem_alloc((size_t)(na + 1) * sizeof(digit));
    digit *vn = mem_alloc((size_t)nb * sizeof(digit));
    if (!un || !vn) { mem_free(un); mem_free(vn); return -1; }
    for (intptr_t i = nb - 1; i > 0; i--)
        vn[i] = (b[i] << s) | (s ? (digit)((twodigit)b[i - 1] >> (32 - s)) : 0);
    vn[0] = b[0] << s;
    un[na] = s ? (digit)((twodigit)a[na - 1] >> (32 - s)) : 0;
    for (intptr_t i = na - 1; i > 0; i--)
        un[i] = (a[i] << s) | (s ? (digit)((twodigit)a[i - 1] >> (32 - s)) : 0);
    un[0] = a[0] << s;
    for (intptr_t j = na - nb; j >= 0; j--) {
        twodigit num = ((twodigit)un[j + nb] << 32) | un[j + nb - 1];
        twodigit qhat = num / vn[nb - 1];
        twodigit rhat = num % vn[nb - 1];
        while (qhat >= ((twodigit)1 << 32) ||
               qhat * vn[nb - 2] > ((rhat << 32) | un[j + nb - 2])) {
            qhat--; rhat += vn[nb - 1];
            if (rhat >= ((twodigit)1 << 32)) break;
        }
        /* multiply-subtract; the borrow of each digit is folded into the product carry */
        twodigit carry = 0;
        digit *u = un + j;
        for (intptr_t i = 0; i < nb; i++) {
            twodigit p = qhat * vn[i] + carry;
            twodigit t = (twodigit)u[i] - (digit)p;
            u[i] = (digit)t;
            carry = (p >> 32) + (t >> 63);
        }
        int64_t t = (int64_t)un[j + nb] - (int64_t)carry;
        un[j + nb] = (digit)t;
        if (t < 0) {
            qhat--;
            twodigit c = 0;
            for (intptr_t i = 0; i < nb; i++) {
                c += (twodigit)un[i + j] + vn[i];
                un[i + j] = (digit)c; c >>= 32;
            }
            un[j + nb] += (digit)c;
        }
        if (q) q[j] = (digit)qhat;
    }
    for (intptr_t i = 0; i < nb; i++)
        r[i] = (un[i] >> s) | (s ? (digit)((twodigit)un[i + 1] << (32 - s)) : 0);
    mem_free(un); mem_free(vn);
    return 0;
}

/* ---- shifts -------------------------------------------------------------------------------- */
void mag_shl(const digit *a, intptr_t na, intptr_t sh, digit *out)
{
    intptr_t w = sh / 32; int s = (int)(sh % 32);
    intptr_t n = na + w + 1;
    memset(out, 0, (size_t)w * sizeof(digit));
    out[n - 1] = 0;
    for (intptr_t i = 0; i < na; i++) out[w + i] = 0;
    for (intptr_t i = 0; i < na; i++) {
        twodigit t = (twodigit)a[i] << s;
        out[w + i] |= (digit)t;
        out[w + i + 1] = (digit)(t >> 32);
    }
}

void mag_shr(const digit *a, intptr_t na, intptr_t sh, digit *out)
{
    intptr_t w = sh / 32; int s = (int)(sh % 32);
    intptr_t n = na - w;
    for (intptr_t i = 0; i < n; i++) {
        twodigit t = a[w + i] >> s;
        if (s && w + i + 1 < na) t |= (twodigit)a[w + i + 1] << (32 - s);
        out[i] = (digit)t;
    }
}

/* ---- two's complement ------------------------------------------------------------------------ */
void mag_twos_negate(digit *d, intptr_t n)
{
    twodigit c = 1;
    for (intptr_t i = 0; i < n; i++) { c += (digit)~d[i]; d[i] = (digit)c; c >>= 32; }
}

void mag_to_twos(int neg, const digit *d, intptr_t nd, digit *out, intptr_t n)
{
    for (intptr_t i = 0; i < n; i++) out[i] = i < nd ? d[i] : 0;
    if (neg) mag_twos_negate(out, n);
}

/* ---- conversions ----------------------------------------------------------------------------- */
/* Magnitude (n digits) to double, correctly rounded; may return inf. */
double mag_to_double(const digit *d, intptr_t n)
{
    if (n == 0) return 0.0;
    if (n <= 2) return (double)(d[0] | (n == 2 ? (uint64_t)d[1] << 32 : 0));
    /* Take the top 64 bits, with a sticky bit for everything below. */
    int s = clz32(d[n - 1]);
    uint64_t top = ((uint64_t)d[n - 1] << 32) | d[n - 2];
    uint64_t nxt = d[n - 3];
    uint64_t m = s ? (top << s) | (nxt >> (32 - s)) : top;
    int sticky = (s ? (digit)(nxt << s) : (digit)nxt) != 0;
    for (intptr_t i = n - 4; i >= 0 && !sticky; i--) sticky = d[i] != 0;
    m |= (uint64_t)sticky;
    /* m's bit 63 is set; shifting out one bit without losing the sticky: */
    double x = (double)((m >> 1) | (m & 1));
    intptr_t exp = (n - 2) * 32 - s + 1;
    if (exp > 2000) return HUGE_VAL;
    return ldexp(x, (int)exp);
}

void mag_to_pow2_text(const digit *d, intptr_t n, int bits, const char *digits, char *s, intptr_t nd)
{
    for (intptr_t i = 0; i < nd; i++) {
        intptr_t bit = i * bits;
        intptr_t w = bit / 32; int off = (int)(bit % 32);
        uint64_t x = d[w] >> off;
        if (off + bits > 32 && w + 1 < n) x |= (uint64_t)d[w + 1] << (32 - off);
        s[nd - 1 - i] = digits[x & ((1u << bits) - 1)];
    }
}

/* Peel off 9 decimal digits per division by 10**9. */
size_t mag_to_decimal(digit *t, intptr_t n, char *s, size_t cap)
{
    size_t pos = cap - 1;
    s[pos] = 0;
    while (n > 0) {
        digit r = mag_divsmall(t, n, 1000000000u);
        n = mag_norm(t, n);
        for (int k = 0; k < 9; k++) {
            s[--pos] = (char)('0' + r % 10);
            r /= 10;
            if (n == 0 && r == 0) break;
        }
    }
    return pos;
}
