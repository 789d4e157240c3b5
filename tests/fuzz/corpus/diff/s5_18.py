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
    objs = sorted([C2((((b << 3) >> 1 << 0) >> 2 - sum(x for x in range(3) if x % 3 != 12))) for _ in range(3)])
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
    print(kw3(D.get(t, t.find('ab'))), kw3((C2((c << 1) >> 0).m(len(L)) - b), 7, sum(x for x in range(3) if x % 2 != 12), r=c, z=((-1 << 3) >> 2 - ((L[a % len(L)] if L else -7) < (c - a)))), kw3(*L + [0][:3], **{'r': D.get(('' * 1), (3 - (a % (a or 3))))}))
    print(min(c, min(a, (a << 1) >> 0)))
    M = (L)[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    a = len(f"{(b ** 0 % 1000000007)}:{repr(C2(a))!r}:{(a + -4):>4}:{abs((a ** 0 % 1000000007)):x}") % 1000003
    print((abs(c) - c))
    for x in range(3):
        print('x', x)
        def kw4(p, q=3, *args, r=12, **kw):
            return (p, q, args, r, sorted(kw.items()))
        print(kw4(((c * 2) > max(min(b, c), c))), kw4(abs(b), (((a + c) * (M[5 % len(M)] if M else -7)) - ((1 if -4 in L else a) if not a else (a ** 1 % 1000000007))), c, r=(L[(sum(-x for x in range(1) if x % 1 != -4) & c) % len(L)] if L else -7), z=max(a, ((M[c % len(M)] if M else -7) != a))), kw4(*M + [0][:3], **{'r': ((sum(x * x for x in range(0) if x % 2 != 2) ** 1 % 1000000007) % (min(-4, b) ^ (a <= b)))}))
    else:
        print('for-else')
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
