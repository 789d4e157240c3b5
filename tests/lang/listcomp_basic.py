print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in "abc"])
print([x if x % 2 else -x for x in range(6)])
print([[j for j in range(i)] for i in range(4)])
x = "outer"
_ = [x for x in range(3)]
print(x)
