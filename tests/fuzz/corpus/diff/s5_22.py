closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -1
    b = -4
    c = 0
    s = ''
    t = 'Q'
    L = [2]
    M = []
    D = {'b': 12}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    class C2:
        count = 0
        def __init__(self, v):
            self.v = v
            C2.count += 1
        def m(self, k):
            return (self.v * -1 + k) % 1000003
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
    objs = sorted([C2(((((a * 12) - (c - b)) << 4) >> 0)) for _ in range(3)])
    print(objs, C2.count, objs[0] == objs[1], objs[0].double, C2.st(2), C2.make(1))
    class CM3:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    L = ([(1 // ((0 if c < -1 else c) or 3))])[:8]
    print({x: x * x for x in L[:4]}, sorted({x % 3 for x in M}))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(len((t * 1)))
    s = ('-'.join(str(x) for x in L))[:12]
    fn = lambda x, y=12: b
    print(fn(f"{(5 + a)}:{('a' * 3)!r}:{(c ** 2 % 1000000007):>4}:{abs(abs(c)):x}".find('a')), fn(a, (3 if not a else ((5 if a > b else 0) ** 0 % 1000000007))))
    print((-4 + 0.1 * b))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print((abs(max(len('Ωmega'), (b // (c or 3)))) ** 0.5))
    fn = lambda x, y=7: ((b + (L[1 % len(L)] if L else -7)) if D.get(t, y) <= y else ('%s=%d' % ('a', y)).find('ab'))
    print(fn(b), fn(M[b], a))
    print((a - b))
    print('naïve'.split(' '), repr(L).partition('a'), '-'.join(str(x) for x in L)[5:2:1].rsplit(None, 1), ''.join([('%s=%d' % ('xyz', ((M[-1 % len(M)] if M else -7) & (a ** 0 % 1000000007)))), ('%s=%d' % (f"{sum(x + a for x in range(3) if x % 1 != -1)}:{'naïve'!r}:{2:>4}:{abs(c):x}", (5 * b)))]))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
