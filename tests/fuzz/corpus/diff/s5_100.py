closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -1
    b = 0
    c = -1
    s = 'hello'
    t = 'aba'
    L = [7, 1, -1, 3]
    M = [2, 7]
    D = {'a': 5}
    class E1(Exception):
        pass
    class C2:
        count = 0
        def __init__(self, v):
            self.v = v
            C2.count += 1
        def m(self, k):
            return (self.v * -4 + k) % 1000003
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
    objs = sorted([C2(a) for _ in range(3)])
    print(objs, C2.count, objs[0] == objs[1], objs[0].double, C2.st(2), C2.make(1))
    class CM3:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return self.k % 2 == 0
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        print((s.find('ab') // ((abs(-1) * M[10]) or 3)))
    except RuntimeError as e:
        print('caught', type(e).__name__, e.args)
    except (KeyError, ZeroDivisionError) as e:
        print('caught', type(e).__name__, e.args)
    finally:
        print('finally', a)
        s = (repr(C2('-'.join(str(x) for x in M).find('b'))))[:12]
    if (a ** 2 % 1000000007) < max(b, a):
        b = (len([x * y for x in range(1) for y in range(x)]) - sum(-x for x in range(1) if x % 1 != 7)) % 1000003
        print({x: x * x for x in L[:4]}, sorted({x % 3 for x in L}))
    Dx = dict.fromkeys(t, (b != (((c + a) << 0) >> 4)))
    Dx.update({str(((5 - -1) ^ (a * 12))): c}, z=C2(b).m(c))
    print(Dx.setdefault((('%s=%d' % ('é', c)) + s).zfill(4), abs((((12 << 1) >> 3) ^ len('a')))), Dx, sorted(Dx.keys()), list(Dx.items())[:3])
    print(Dx.popitem() if Dx else None, len(Dx), t in Dx)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
