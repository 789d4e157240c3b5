# Subclassing built-in types: tuple (namedtuple-style), str, list, dict; super().__new__ and
# T.__new__(cls, ...) for built-in T.

class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __repr__(self):
        return "Point(x=%r, y=%r)" % self

p = Point(1, 2)
q = p + Point(10, 20)
print(p, q, q.x, q.y, len(q), q[0], list(q), tuple(q))
print(isinstance(p, tuple), type(p).__name__, p == (1, 2), hash(p) == hash((1, 2)))
a, b = p
print(a, b, p.count(1), p.index(2), sorted([Point(3, 1), Point(1, 5)]))
print({p: "origin-ish"}[(1, 2)])
print(tuple.__new__(Point, [5, 6]), tuple.__repr__(p))

class Pair(tuple):
    pass
pr = Pair([1, 2])
print(pr, repr(pr), type(pr).__name__, pr + (3,), type(pr + (3,)).__name__, pr[1:], type(pr[1:]).__name__)

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + "!"
u = Upper("hello")
print(u, repr(u), u.shout(), len(u), u.lower(), type(u).__name__, isinstance(u, str))
print(u == "HELLO", {u: 1}["HELLO"], "HELLO" in {u}, u.startswith("HE"), u[1:3])

class Path(str):
    def parts(self):
        return self.split("/")
print(Path("a/b/c").parts(), str(Path("x")), "%s" % Path("y"), f"{Path('z')}")

class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
s = Stack([1])
s.push(2).push(3)
s.note = "attrs work on list subclasses"
print(s, s.peek(), len(s), s.note, type(s).__name__, s == [1, 2, 3])

class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, k):
        self[k] = self[k] + 1
c = Counter()
for ch in "abca":
    c.add(ch)
print(sorted(c.items()), c["z"], isinstance(c, dict))

class Default(dict):
    def __init__(self, default, *args, **kw):
        super().__init__(*args, **kw)
        self.default = default
    def __getitem__(self, k):
        return super().__getitem__(k) if k in self else self.default
d = Default("?", a=1)
print(d["a"], d["b"], len(d))

try:
    tuple.__new__(list)
except TypeError as e:
    print("TypeError:", e)
try:
    tuple.__new__(3)
except TypeError as e:
    print("TypeError:", e)

# float subclasses carry attributes and their value
class Money(float):
    def __new__(cls, v, cur="EUR"):
        self = super().__new__(cls, v)
        self.cur = cur
        return self
    def __repr__(self):
        return "%.2f %s" % (self, self.cur)
m = Money(3.5)
print(m, m + 1, type(m + 1).__name__, m * 2, float(m), m.cur, isinstance(m, float), m > 3, round(m), int(m), m.is_integer())
class F(float): pass
f = F("2.5"); f.tag = 1
print(f, repr(f), f.tag, f == 2.5, hash(f) == hash(2.5), abs(F(-1.5)), -f, type(-f).__name__)

# int subclasses: instances of the subclass whatever their value; arithmetic gives plain ints
class I(int):
    def double(self):
        return self * 2
i = I(21)
print(i, repr(i), i.double(), type(i).__name__, type(i + 1).__name__, i + 1, i == 21, 21 == i, hash(i) == hash(21))
print(I(0), bool(I(0)), bool(I(3)), -I(5), abs(I(-5)), I(7) // 2, I(7) % 3, I(2) ** 10, I(5) < 6, 4 < I(5), int(I(9)), type(int(I(9))).__name__)
print({I(5): "x"}[5], {5: "y"}[I(5)], [10, 20, 30][I(1)], "abc"[I(2)], range(I(3)), I("ff", 16), I(-2**70), I(2**70) + 1)
print(f"{I(255):x}", "%d" % I(4), format(I(12), "05d"), str(I(-3)), I(3).bit_length(), I(6) & 3, I(1) << 3, sorted([I(3), 1, I(2)]))
class Flag(int):
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        return obj
    def __repr__(self):
        return "Flag(%d)" % int(self)
print(Flag(4, "x"), Flag(4, "x") | 1, isinstance(Flag(1, "a"), int), True + I(1), I(True))
for bad in ["I('x')", "I(1, 2, 3)"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
