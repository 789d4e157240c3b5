def f(*args):
    return len(args), args
print(f(), f(1), f(1, 2, 3))
def g(first, *rest, sep="-"):
    return sep.join(str(x) for x in (first,) + rest)
print(g(1, 2, 3), g(1, sep="+"), g(1, 2, sep=":"))
nums = [4, 5, 6]
print(f(*nums), f(0, *nums, 7), max(*nums))
def h(a, b, c):
    return a * 100 + b * 10 + c
print(h(*[1, 2], 3), h(*(1,), **{"c": 3, "b": 2}))
