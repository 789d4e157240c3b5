first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
a, *mid, b = [1, 2]
print(a, mid, b)
print([*range(3), *"ab"], (*[1], 2), {*[1, 1], 2})
print({**{"a": 1}, "b": 2})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
