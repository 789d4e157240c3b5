def apply(f, x):
    return f(x)
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(apply(inc, 5), compose(inc, dbl)(5), compose(dbl, inc)(5))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(ops["add"](2, 3), ops["mul"](2, 3))
print(f"{apply.__name__} {inc.__name__}")
fs = [inc, dbl, abs]
print([f(-3) for f in fs])
