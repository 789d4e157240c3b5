closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = 10
    c = 10
    s = 'xyz'
    t = 'Q'
    L = [1]
    M = [2]
    D = {'a': 3}
    def f1(p0):
        a = p0
        b = 1
        c = 2
        s = ''
        t = 'aba'
        L = []
        M = []
        D = {'a': 2}
        if sum(x for x in range(0) if x % 3 != 0) > b:
            return 0
        print({x: x * x for x in L[:4]}, sorted({x % 3 for x in L}))
        return (a) % 1000003
    class C2:
        count = 0
        def __init__(self, v):
            self.v = v
            C2.count += 1
        def m(self, k):
            return (self.v * 3 + k) % 1000003
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
    objs = sorted([C2((((((b << 3) >> 1) << 0) >> 2) - sum(x for x in range(3) if x % 3 != 12))) for _ in range(3)])
    print(objs, C2.count, objs[0] == objs[1], objs[0].double, C2.st(2), C2.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert (abs(a) * c) in L or True, repr([a])
    print(b)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print((abs(b) ** 0.5))
    def kw3(p, q=-4, *args, r=-1, **kw):
        return (p, q, args, r, sorted(kw.items()))
    print(kw3(D.get(t, t.find('ab'))), kw3(b, (12 ** 1 % 1000000007), C2(12).m((s.find('b') != (-1 + c))), r=(((-1 << 3) >> 2) - ((L[a % len(L)] if L else -7) < (c - a))), z=c), kw3(*L + [0][:3], **{'r': 1}))
    s = (('xyz' * 1))[:12]
    print('b a', list(range(b % 6)), M)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c = c % 1000003
    print(len(L))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
