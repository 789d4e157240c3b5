# expect: RecursionError
# ==, < and `in` on 200,000-deep nested lists, tuples and dicts recurse in C.
def nest(make):
    x = 0
    for i in range(200000):
        x = make(x)
    return x
for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {1: x})]:
    a, b = nest(make), nest(make)
    for op, fn in [("==", lambda: a == b), ("<", lambda: a < b), ("in", lambda: a in [b])]:
        if name == "dict" and op == "<":
            continue
        try:
            fn()
            print(name, op, "no error")
        except RecursionError:
            print(name, op, "RecursionError")
a, b = nest(lambda x: [x]), nest(lambda x: [x])
a == b
