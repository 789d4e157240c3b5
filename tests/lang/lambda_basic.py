sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2))
print(sorted([(1, "b"), (2, "a")], key=lambda t: t[1]))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(6))))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda: "no args")())
