closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 10
    b = 7
    c = 0
    s = ''
    t = 'Q'
    L = [5, -1]
    M = []
    D = {'a': -1}
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
    objs = sorted([C1(c) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
    class E2(ValueError):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w3 = 0
    while w3 < 1:
        w3 += 1
        print(sorted(D.items()))
        D = dict(list(D.items())[:6])
    else:
        print('while-else', w3)
    c += (b + b)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if s.startswith('b'):
        M.append((D.get(str(c), c) + 12))
        M = M[:8]
    print((float((len(M) <= D.get('xyz', b))) * 1e3))
    print(c)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    t = ((s[5:0:-1] * 2))[:12]
    D[s] = (((7 - 1) // ((a - -4) or 3)) ** 0 % 1000000007)
    D = dict(list(D.items())[:6])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
