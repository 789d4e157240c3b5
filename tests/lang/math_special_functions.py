# math's special functions: frexp/ldexp, erf/erfc, gamma/lgamma, inverse hyperbolics, cbrt,
# exp2, nextafter, ulp, remainder, dist, with CPython's domain and range errors.
import math
for x in [0.0, 0.5, -0.5, 1.0, 123.456, -1e-300, 1e308, float("inf"), float("-inf")]:
    print(x, math.frexp(x))
print(math.frexp(float("nan"))[1], math.frexp(8))
for m, e in [(0.5, 1), (0.75, 4), (1.0, -1074), (1.0, -1075), (1.0, 1023), (-3.0, 2), (0.0, 5000), (2.0, -10**30), (1.0, True)]:
    print(math.ldexp(m, e))
x = 123.456
print(math.ldexp(*math.frexp(x)) == x)
for v in [0.0, 0.5, -0.5, 1.0, 2.0, -3.0, 10.0, 30.0, float("inf"), float("-inf")]:
    print(v, round(math.erf(v), 12), round(math.erfc(v), 12))
for n in range(1, 24):   # exact factorials, whatever the platform's libm
    print(n, math.gamma(n), round(math.lgamma(n), 9))
print(round(math.gamma(0.5) ** 2, 12), round(math.gamma(-1.5), 12), round(math.lgamma(-0.5), 12))
print(math.gamma(float("inf")), math.lgamma(float("inf")), math.lgamma(float("-inf")))
print(math.isnan(math.gamma(float("nan"))), math.isnan(math.lgamma(float("nan"))))
for v in [1.0, 2.0, 10.0]:
    print(round(math.acosh(v), 12), round(math.asinh(v), 12), round(math.atanh(v / 20), 12))
print(math.asinh(0.0), round(math.cbrt(27.0), 12), round(math.cbrt(-8.0), 12), math.exp2(10), math.exp2(-1), math.exp2(0.5) == math.sqrt(2))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(3.0, 3.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-2.0), math.ulp(1e308), math.ulp(float("inf")), math.ulp(5e-324))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7.5, 2), math.remainder(5, float("inf")))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 15]), math.dist((), ()), math.dist((1.5,), (-1.5,)))
print(math.dist(iter([0, 0]), (1, 1)) if False else math.dist((0, 0), [1, 1]))
errors = [
    lambda: math.gamma(0), lambda: math.gamma(-2), lambda: math.gamma(float("-inf")), lambda: math.gamma(200),
    lambda: math.lgamma(0), lambda: math.lgamma(-3.0), lambda: math.lgamma(1e308),
    lambda: math.acosh(0.5), lambda: math.atanh(1), lambda: math.atanh(-1.5),
    lambda: math.exp2(2000), lambda: math.ldexp(1.0, 2000), lambda: math.ldexp(1.0, 2.0),
    lambda: math.ldexp(1.0, 10**30), lambda: math.remainder(1, 0), lambda: math.remainder(float("inf"), 1),
    lambda: math.dist((1,), (1, 2)), lambda: math.dist((1, "a"), (1, 2)), lambda: math.frexp("1"),
    lambda: math.erf(), lambda: math.nextafter(1.0),
]
for f in errors:
    try:
        print(f())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
