# gc: cycles through every kind of container are found and freed. Each cycle carries a Marker
# whose __del__ records its name, so "freed" is what the program sees.
import gc

freed = []

class Marker:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        freed.append(self.name)

def check(label):
    n = gc.collect()
    print(label, n > 0, sorted(freed))
    freed.clear()

gc.collect()
gc.disable()

# list <-> dict
l = [Marker("list-dict")]
d = {"l": l}
l.append(d)
del l, d
check("list/dict:")

# tuple inside a list inside the tuple
inner = [Marker("tuple")]
t = (inner, 1, "x")
inner.append(t)
del inner, t
check("tuple:")

# set holding an instance that holds the set
s = set()
class Holder:
    pass
h = Holder()
h.s = s
h.m = Marker("set")
s.add(h)
del s, h
check("set:")

# closure: a function that refers to itself through its cell
def make():
    m = Marker("closure")
    def f():
        return f, m
    return f
fn = make()
del fn
check("closure:")

# bound method stored on its own instance
class WithMethod:
    def __init__(self):
        self.m = Marker("bound method")
        self.cb = self.run
    def run(self):
        return 1
w = WithMethod()
del w
check("bound method:")

# exception holding itself through an attribute and its args
def boom():
    try:
        raise KeyError("k")
    except KeyError as e:
        e.keep = e
        e.m = Marker("exception")
        return e
err = boom()
del err
check("exception:")

# an exception chain: __context__ pointing back
def chain():
    try:
        try:
            raise ValueError("inner")
        except ValueError as e1:
            raise TypeError("outer")
    except TypeError as e2:
        e2.__context__.back = e2
        e2.m = Marker("context")
        return e2
c = chain()
del c
check("exception context:")

# a generator that holds itself in a local
def selfish():
    me = yield
    m = Marker("generator")
    yield me
g = selfish()
next(g)
g.send(g)
del g
check("generator:")

# instance of a list subclass containing itself
class MyList(list):
    pass
ml = MyList()
ml.append(ml)
ml.m = Marker("list subclass")
del ml
check("list subclass:")

# a long ring of 10,000 instances (freed without deep C recursion)
first = prev = Holder()
first.m = Marker("ring")
for i in range(10000):
    nxt = Holder()
    prev.next = nxt
    prev = nxt
prev.next = first
del first, prev, nxt
check("ring of 10000:")

# a deep nested list chain closed into a cycle
top = cur = []
for i in range(100000):
    new = []
    cur.append(new)
    cur = new
cur.append(top)
top.append(Marker("deep chain"))
del top, cur, new
check("deep chain:")

# reachable structures are left alone
keep = [Marker("kept")]
keep.append(keep)
gc.collect()
print("kept:", freed, keep[0].name)
gc.enable()
