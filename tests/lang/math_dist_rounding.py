# math.dist in two dimensions: the C library's hypot, as CPython's vector_norm rounds (a scaled
# sum of squares differed in the last digit for 4 in 10 random points).
import math
print(math.dist((2.25, 0), (0, 0.5)), math.dist((float('inf'), 0), (float('nan'), 0)), math.dist((float('nan'),), (1,)), math.dist((), ()))
print([math.dist((0.5, 0), (0, k - 10)) for k in range(20)])
