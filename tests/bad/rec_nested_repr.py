# expect: RecursionError
# repr/str of 200,000-deep nested lists, tuples, dicts, sets and instances.
class C:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "C(%r)" % (self.x,)
def nest(make):
    x = 0
    for i in range(200000):
        x = make(x)
    return x
for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {1: x}),
                   ("frozenset", lambda x: frozenset([x])), ("instance", C)]:
    x = nest(make)
    try:
        repr(x)
        print(name, "no error")
    except RecursionError:
        print(name, "RecursionError")
print(nest(lambda x: [x]))
