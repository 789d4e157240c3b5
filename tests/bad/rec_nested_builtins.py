# expect: RecursionError
# repr/==/isinstance over 200,000-deep nests of slices, exceptions, frozensets, dict views and
# tuples of types: each either completes or ends in RecursionError, never a crash.
def nest(make, x):
    for i in range(200000):
        x = make(x)
    return x
cases = [
    ("slice repr", lambda: repr(nest(slice, 1))),
    ("slice ==", lambda: nest(slice, 1) == nest(slice, 1)),
    ("exception repr", lambda: repr(nest(ValueError, 1))),
    ("exception str", lambda: str(nest(ValueError, 1))),
    ("frozenset ==", lambda: nest(lambda x: frozenset([x]), 1) == nest(lambda x: frozenset([x]), 1)),
    ("dict items repr", lambda: repr(nest(lambda x: {1: x}.items(), 1))),
    ("isinstance", lambda: isinstance(1, nest(lambda x: (x,), int))),
    ("issubclass", lambda: issubclass(int, nest(lambda x: (x,), int))),
]
for name, fn in cases:
    try:
        fn()
        print(name, "done")
    except RecursionError:
        print(name, "RecursionError")
repr(nest(slice, 1))
