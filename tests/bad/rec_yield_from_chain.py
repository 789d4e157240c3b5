# expect: RecursionError
# 100,000 generators each delegating with `yield from` to the next.
def yf(g):
    yield from g
g = iter([1])
for i in range(100000):
    g = yf(g)
print(next(g))
