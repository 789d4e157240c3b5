# random's gamma family, seeded: gammavariate (shape < 1, == 1, > 1), betavariate, paretovariate,
# weibullvariate give CPython's numbers.
import random
random.seed(12345)
print([random.gammavariate(a, 2.0) for a in (0.3, 1.0, 2.5, 9.0)])
print([random.betavariate(2, 3), random.betavariate(0.5, 0.5), random.paretovariate(3), random.weibullvariate(1, 1.5)])
r = random.Random(7)
print([round(r.betavariate(a, b), 12) for a, b in ((1, 1), (2, 5), (0.2, 0.9))], r.random())
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print(e)
