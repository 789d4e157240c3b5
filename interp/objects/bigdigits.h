/*
 * interp/objects/bigdigits.h — arithmetic on magnitudes: unsigned little-endian arrays of base
 * 2**32 digits, the representation under the big ints of int.c.
 *
 * Nothing here knows about objects, signs or exceptions: callers size the output arrays (each
 * function says how many digits it writes), and only mag_divmod and mag_mul allocate scratch
 * (mem_alloc; -1 when that fails, no exception set). Inputs may carry leading zero digits unless a function
 * says otherwise; results are not normalised (mag_norm does that).
 * Locks: none (pure functions on the caller's arrays).
 */
#ifndef INTERP_BIGDIGITS_H
#define INTERP_BIGDIGITS_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t digit;
typedef uint64_t twodigit;

/* n less the leading zero digits. */
intptr_t mag_norm(const digit *d, intptr_t n);
/* -1/0/1; both normalised. */
int mag_cmp(const digit *a, intptr_t na, const digit *b, intptr_t nb);
/* Number of significant bits; d normalised (0 for n == 0). */
intptr_t mag_bitlen(const digit *d, intptr_t n);

/* out = a + b; out has max(na,nb)+1 digits (may alias a or b); returns max(na,nb)+1. */
intptr_t mag_add(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out);
/* out = a - b with a >= b; out has na digits (may alias a); returns na. */
intptr_t mag_sub(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out);
/* out = a * b; out has na+nb digits and aliases neither. Squares take the mag_sqr path; factors
 * of KARATSUBA_CUTOFF digits and more take Karatsuba's. Returns 0, or -1 when its scratch
 * allocation fails. */
int mag_mul(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *out);
/* In place: a = a / d; returns the remainder. d != 0. */
digit mag_divsmall(digit *a, intptr_t n, digit d);
/* In place: d = d * mul + add, where d holds n digits and has room for one more; returns the new
 * digit count (n or n + 1). The step of parsing digits in chunks. */
intptr_t mag_muladd_small(digit *d, intptr_t n, digit mul, digit add);
/* Knuth's Algorithm D: q (na-nb+1 digits, or NULL) and r (nb digits). nb >= 1, b[nb-1] != 0.
 * Returns 0, or -1 when the scratch allocation fails. */
int mag_divmod(const digit *a, intptr_t na, const digit *b, intptr_t nb, digit *q, digit *r);

/* out = a << sh (bits); out has na + sh/32 + 1 digits. */
void mag_shl(const digit *a, intptr_t na, intptr_t sh, digit *out);
/* out = a >> sh (bits); sh/32 < na; out has na - sh/32 digits. */
void mag_shr(const digit *a, intptr_t na, intptr_t sh, digit *out);

/* Two's complement in n digits (n > nd): out = neg ? -d : d. */
void mag_to_twos(int neg, const digit *d, intptr_t nd, digit *out, intptr_t n);
/* In place: d = -d modulo 2**(32n) (two's complement negation). */
void mag_twos_negate(digit *d, intptr_t n);

/* Correctly rounded double of d[0..n) (normalised); may return HUGE_VAL. */
double mag_to_double(const digit *d, intptr_t n);

/* Text in base 2**bits (bits 1, 3 or 4): the low nd characters of the number, most significant
 * first, from the alphabet `digits`, into s[0..nd) (no NUL). */
void mag_to_pow2_text(const digit *d, intptr_t n, int bits, const char *digits, char *s, intptr_t nd);
/* Decimal text of t[0..n), right-aligned in s[0..cap) with s[cap-1] = NUL; t is consumed (divided
 * down to zero). cap >= 10n + 2. Returns the index of the first digit. */
size_t mag_to_decimal(digit *t, intptr_t n, char *s, size_t cap);

#endif
