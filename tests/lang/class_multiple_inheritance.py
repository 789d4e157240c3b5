# Multiple inheritance: the C3 method resolution order, super() through it (cooperative methods),
# mixins, and the TypeErrors CPython raises for impossible hierarchies.

class Base:
    def __init__(self, **kw):
        print("  Base.__init__", sorted(kw))
        self.log = ["Base"]
    def hello(self):
        return ["Base"]

class Left(Base):
    def __init__(self, left=0, **kw):
        print("  Left.__init__ left=%s" % left)
        super().__init__(**kw)
        self.left = left
    def hello(self):
        return ["Left"] + super().hello()

class Right(Base):
    def __init__(self, right=0, **kw):
        print("  Right.__init__ right=%s" % right)
        super().__init__(**kw)
        self.right = right
    def hello(self):
        return ["Right"] + super().hello()

class Diamond(Left, Right):
    def __init__(self, **kw):
        print("  Diamond.__init__")
        super().__init__(**kw)
    def hello(self):
        return ["Diamond"] + super().hello()

print([c.__name__ for c in Diamond.__mro__])
print(Diamond.mro() == list(Diamond.__mro__))
d = Diamond(left=1, right=2)
print(d.hello(), d.left, d.right)
print(Diamond.__bases__ == (Left, Right), Diamond.__base__ is Left)
print(isinstance(d, Right), isinstance(d, Left), issubclass(Diamond, Base), issubclass(Right, Left))

# the classic example from the C3 paper / Python 2.3 MRO notes
class O: pass
class F(O): pass
class E(O): pass
class Dd(O): pass
class C(Dd, F): pass
class B(Dd, E): pass
class A(B, C): pass
print(" ".join(k.__name__ for k in A.__mro__))

# explicit two-argument super and super() in a classmethod
class K1:
    @classmethod
    def make(cls):
        return "K1.make(%s)" % cls.__name__
class K2:
    @classmethod
    def make(cls):
        return "K2.make(%s)" % cls.__name__
class K3(K1, K2):
    @classmethod
    def make(cls):
        return ["K3"] + [super().make(), super(K1, cls).make()]
print(K3.make())

# mixins supply dunders and methods to built-in bases
class ReprMixin:
    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, dict.__repr__(self))
class AttrDict(ReprMixin, dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
ad = AttrDict(a=1)
ad["b"] = 2
print(repr(ad), ad.a, ad.b, len(ad), isinstance(ad, dict))

class Named:
    def name(self):
        return "named " + type(self).__name__
class MyList(list, Named):
    pass
ml = MyList([3, 1, 2])
ml.sort()
print(ml, ml.name(), [k.__name__ for k in MyList.__mro__])

class Comparable:
    def __eq__(self, other):
        return self.key() == other.key()
    def __lt__(self, other):
        return self.key() < other.key()
    __hash__ = None
class Pt(Comparable):
    def __init__(self, x):
        self.x = x
    def key(self):
        return self.x
class Labelled:
    label = "L"
class LPt(Labelled, Pt):
    pass
print(LPt(1) == LPt(1), LPt(1) < LPt(2), LPt.label, sorted([LPt(3), LPt(1)])[0].x)

# attribute and method lookup order with the same name on two branches
class P1:
    x = "P1"
class P2:
    x = "P2"
    y = "P2y"
class Q(P1, P2):
    pass
print(Q.x, Q.y, Q().x)

# type() with several bases
T = type("T", (Left, Right), {"z": 1})
print([k.__name__ for k in T.__mro__], T.z, T.__module__)

# errors
def attempt(label, make):
    try:
        make()
        print(label, "created")
    except TypeError as e:
        print(label, "TypeError:", str(e).replace("\n", " "))

def inconsistent():
    class X(Left, Right): pass
    class Y(Right, Left): pass
    class Z(X, Y): pass
attempt("inconsistent", inconsistent)

def base_before_derived():
    class Z(Base, Left): pass
attempt("base first", base_before_derived)

def duplicate():
    class Z(Left, Left): pass
attempt("duplicate", duplicate)

def layout():
    class Z(int, str): pass
attempt("layout", layout)

def layout2():
    class Z(list, dict): pass
attempt("layout2", layout2)

def not_a_type():
    class Z(Left, 3): pass
attempt("not a type", not_a_type)

def object_first():
    class Z(object, Left): pass
attempt("object first", object_first)

def ok_object_last():
    class Z(Left, object): pass
    print("  ", [k.__name__ for k in Z.__mro__])
attempt("object last", ok_object_last)
