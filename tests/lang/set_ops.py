a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), {5}.issuperset(set()), a.isdisjoint({9}))
c = set(a)
c |= {10}
c &= {1, 10, 3}
c -= {3}
print(c)
print({1, 2, 3} == {3, 2, 1})
