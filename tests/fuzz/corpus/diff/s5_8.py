closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = 2
    c = 1
    s = 'xyz'
    t = 'Q'
    L = [-4, 5, 2, 10]
    M = [5, -4]
    D = {'a': 5}
    class C1:
        count = 0
        def __init__(self, v):
            self.v = v
            C1.count += 1
        def m(self, k):
            return (self.v * 1 + k) % 1000003
        def __repr__(self):
            return 'C1(%r)' % (self.v,)
        def __eq__(self, other):
            return isinstance(other, C1) and self.v == other.v
        def __lt__(self, other):
            return self.v < other.v
        @property
        def double(self):
            return self.v * 2
        @staticmethod
        def st(x):
            return x + 1
        @classmethod
        def make(cls, x):
            return cls(x * 3)
    objs = sorted([C1(b) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
    class C2(C1):
        count = 0
        def __init__(self, v):
            super().__init__(v + 1)
            C2.count += 1
        def m(self, k):
            return (super().m(k) + 12) % 1000003
        def __repr__(self):
            return 'C2(%r)' % (self.v,)
        def __eq__(self, other):
            return isinstance(other, C2) and self.v == other.v
        def __lt__(self, other):
            return self.v < other.v
        @property
        def double(self):
            return self.v * 2
        @staticmethod
        def st(x):
            return x + 1
        @classmethod
        def make(cls, x):
            return cls(x * 3)
    objs = sorted([C2((len(repr(M)) + (((5 << 2) >> 3) if a in M else (a // (-1 or 3))))) for _ in range(3)])
    print(objs, C2.count, objs[0] == objs[1], objs[0].double, C2.st(2), C2.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    b = sum(x * x for x in range(3) if x % 2 != 2) % 1000003
    c += c
    for x in L[:4]:
        print('x', x)
        if b <= (c if 7 > a else C2(a).m(b)):
            raise ValueError(((((b ** 3 % 1000000007) - 2) << 3) >> 2))
        L = (L)[:8]
    else:
        print('for-else')
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
