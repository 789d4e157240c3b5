# nan and inf at the edges of float ** and math.fmod/pow/isclose, and float() of bytes-like
# objects, as CPython 3.11 gives them.
import math
inf, nan = float("inf"), float("nan")
for x, y in [(-2.0, nan), (-2.0, inf), (-2.0, -inf), (-0.5, inf), (nan, 0.0), (0.0, -inf), (-inf, 0.5)]:
    try:
        print(x, y, x ** y, pow(x, y))
    except (ValueError, ZeroDivisionError) as e:
        print(x, y, type(e).__name__, e)
for x, y in [(nan, 0.0), (inf, nan), (nan, nan), (5.0, inf), (-5.0, -inf), (7.5, 2.0), (inf, 1.0), (1.0, 0.0)]:
    try:
        print("fmod", x, y, math.fmod(x, y))
    except ValueError as e:
        print("fmod", x, y, "ValueError", e)
for x, y in [(0.0, -inf), (0.0, -1.0), (-0.0, -inf), (inf, -inf), (2.0, 2000.0)]:
    try:
        print("pow", x, y, math.pow(x, y))
    except (ValueError, OverflowError) as e:
        print("pow", x, y, type(e).__name__, e)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9))
for kw in [{"rel_tol": -1}, {"abs_tol": -0.5}]:
    try:
        math.isclose(0, 0, **kw)
    except ValueError as e:
        print("ValueError", e)
print(float(bytearray(b" 1.5 ")), float(memoryview(b"-2e3")), float(b"inf"))
float(bytearray(b"1.5x"))
