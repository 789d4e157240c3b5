n = 1000
print(sum(i * i for i in range(n)))
print(sum(i * i for i in range(100000)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in "abc"))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)))
g = (x * 2 for x in range(3))
print(next(g), next(g), list(g), list(g))
print(tuple(str(i) for i in range(4)), set(i % 2 for i in range(10)))
