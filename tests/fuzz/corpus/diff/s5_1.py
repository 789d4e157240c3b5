closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 3
    b = 1
    c = 2
    s = 'hello'
    t = 'Q'
    L = [-4, 0]
    M = [0, 10]
    D = {'a': 10}
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
    objs = sorted([C1(D.get(s, (b ** 1 % 1000000007))) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        c = (b >= ((c << 1) >> 3)) % 1000003
        L = (M)[:8]
    except IndexError as e:
        print('caught', type(e).__name__)
    except TypeError as e:
        print('caught', type(e).__name__, e.args)
        print((((L[3 % len(L)] if L else -7) + (a + -1)) ^ C1((b + 7)).m(b)))
    print((a + c))
    print((a if (c and c) else c))
    if abs('ab'.find('a')) < -4:
        print([x * y for x in range(1) for y in range(x)])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print((a + 5))
    print((float(len(L)) * 0.1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
    if not L[((a << 4) >> 1)]:
        if ((L[a % len(L)] if L else -7) and (s.find('') % ((a ** 2 % 1000000007) or 3))):
            print(((a ** 3 % 1000000007) % ((L[C1(a).m(c) % len(L)] if L else -7) or 3)))
            w2 = 0
            while w2 < 3:
                w2 += 1
                M[-4] = sum(x for x in range(4) if x % 3 != -1)
                M = M[:8]
        print(c)
    elif s.startswith(''):
        print(b)
    print((-4 // (b or 3)))
    M = (L)[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
