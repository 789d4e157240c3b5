# expect: RecursionError
# next() on 100,000 nested map/zip/filter/enumerate iterators and generator expressions recurses
# in C: each ends in RecursionError (CPython 3.11 crashes on some of these).
def nest(make):
    x = iter([1, 2, 3])
    for i in range(100000):
        x = make(x)
    return x
kinds = [("map", lambda x: map(abs, x)), ("zip", lambda x: zip(x)),
         ("filter", lambda x: filter(None, x)), ("enumerate", lambda x: enumerate(x)),
         ("genexpr", lambda x: (y for y in x))]
for name, make in kinds:
    it = nest(make)
    try:
        next(it)
        print(name, "no error")
    except RecursionError:
        print(name, "RecursionError")
    del it
next(nest(lambda x: map(abs, x)))
