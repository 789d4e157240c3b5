closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 7
    b = 12
    c = 0
    s = 'hello'
    t = 'Q'
    L = [12, -4, 7, -1]
    M = [12, 7]
    D = {'b': 5}
    class C1:
        count = 0
        def __init__(self, v):
            self.v = v
            C1.count += 1
        def m(self, k):
            return (self.v * 10 + k) % 1000003
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
    objs = sorted([C1((((b >= b) - (c >= c)) + (C1(a).m(b) + c))) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
    def f2(p0):
        a = p0
        b = 5
        c = 12
        s = 'hello'
        t = 'Q'
        L = [12, -4]
        M = [0, 7]
        D = {'a': 2}
        M[-4:0] = M[:3]
        del M[::-1]
        M = M[:8]
        print(M)
        L = (M)[:8]
        return ((c <= (sum(x + a for x in range(1) if x % 1 != -1) * (b | c)))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        assert D.get(str(10), (b if s.startswith('b') else -1)) == (max(a, 10) + len(M)) or True, repr(C1((f2(b) - 1)))
        print(10)
    finally:
        print('finally', c)
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
    print(((((c << 0) >> 2) ** 2 % 1000000007) & C1((M[a % len(M)] if M else -7)).m(b)))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(D.get('日本', 7))
    try:
        fn = lambda x, y=10: ('-'.join(str(x) for x in M).find('a') - y)
        print(fn(c), fn(12, (-4 + len(L[2:2]))))
    finally:
        print('finally', b)
        print({x: x * x for x in M[:4]}, sorted({x % 3 for x in M}))
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in M}))
    w3 = 0
    while w3 < 1:
        w3 += 1
        D[(s * 1)] = ((M[a % len(M)] if M else -7) + (a - (c + a)))
        D = dict(list(D.items())[:6])
        x, *y = M[:5] or [c]
        print(x, y)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    fn = lambda x, y=12: 5
    print(fn((c + a)), fn(1, b))
    c += min(('AbC' * 2).find('b'), ((2 > a) == abs(a)))
    print((10 + c))
    print(D)
    D = dict(list(D.items())[:6])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
