def f(a, b, c=3, **kw):
    return (a, b, c, sorted(kw.items()))
print(f(1, 2))
print(f(1, b=5, z=9, y=8))
print(f(**{"a": 1, "b": 2, "c": 0, "extra": 1}))
def show(**kwargs):
    for k, v in kwargs.items():
        print(k, "=", v)
show(x=1, y="two", z=[3])
