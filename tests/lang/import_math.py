import math
print(math.pi, math.e)
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5))
print(math.gcd(12, 18), math.factorial(20), math.fabs(-3))
print(math.isnan(float("nan")), math.isinf(float("inf")), math.inf)
print(round(math.sin(math.pi / 2), 6), round(math.cos(0), 6), round(math.log(math.e), 6), math.log10(1000), math.log2(8))
print(math.pow(2, 10), math.hypot(3, 4), math.trunc(-2.9))
