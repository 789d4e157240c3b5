# expect: ok
# Deep chains of every container kind, dropped: freeing them must not recurse in C.
N = 200000
class C:
    pass
def chain(make):
    x = None
    for i in range(N):
        x = make(x)
    return x
makers = {
    "list": lambda x: [x],
    "tuple": lambda x: (x,),
    "dict": lambda x: {0: x},
    "frozenset": lambda x: frozenset([x]) if x is not None else frozenset(),
    "instance": None,
    "map": lambda x: map(abs, x if x is not None else []),
    "zip": lambda x: zip(x if x is not None else []),
    "enumerate": lambda x: enumerate(x if x is not None else []),
    "filter": lambda x: filter(None, x if x is not None else []),
    "iter": lambda x: iter([x]),
    "genexpr": lambda x: (y for y in (x if x is not None else [])),
    "cell": lambda x: (lambda: x),
    "bound method": lambda x: C.__init__.__get__(x) if False else None,
    "exception": None,
}
def inst(x):
    c = C()
    c.next = x
    return c
makers["instance"] = inst
def exc(x):
    e = ValueError()
    e.__context__ = x
    return e
makers["exception"] = exc
class M:
    def __init__(self, x):
        self.x = x
    def m(self):
        pass
makers["bound method"] = lambda x: M(x).m
def gen(x):
    yield x
def started(x):
    g = gen(x)
    next(g)
    return g
makers["started generator"] = started
for name, make in makers.items():
    x = chain(make)
    del x
    print(name, "freed")
