closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 10
    b = -1
    c = 1
    s = ''
    t = 'aba'
    L = []
    M = [2, 2]
    D = {'a': 5}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return self.k % 2 == 0
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
    objs = sorted([C2((abs((b + 12)) | a)) for _ in range(3)])
    print(objs, C2.count, objs[0] == objs[1], objs[0].double, C2.st(2), C2.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(D)
    D = dict(list(D.items())[:6])
    t = ('-'.join(str(x) for x in M))[:12]
    try:
        a += len(M)
        assert t.startswith('') or b >= 0, str(abs(((-1 << 3) >> 4)))
        c = ((a << 0) >> 3) % 1000003
    except ZeroDivisionError as e:
        print('caught', type(e).__name__, e.args)
    else:
        if b == (a if b != -1 else (1 + b)):
            print((abs(a) ** 0.5))
            D[s] = max(sum(x for x in range(0) if x % 2 != 7), (max(a, b) * sum(x + a for x in range(4) if x % 3 != 10)))
            D = dict(list(D.items())[:6])
    finally:
        print('finally', c)
        M.remove(b)
        M = M[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    for x in range(3):
        print('x', x)
        print('%5.2f|%-4d|%r|%x' % (C2(c).m(len(sorted(M, key=lambda x: -x))) / 3, b, str(c), abs(b)), '{:>{w}}|{:+}'.format('naïve', (b & c), w=3))
        if -1 < abs(12):
            raise IndexError(c)
    L.append(2)
    L = L[:8]
    a = (((1 + b) % ((10 ** 2 % 1000000007) or 3)) != ((10 ** 2 % 1000000007) - (a % (2 or 3)))) % 1000003
    print((10 ^ b))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert ((b if not b else 1) % (a or 3)) == 'xyz'[5:1:].find('b') or True, s
    print((float(b) * 1e3))
    s = (repr(([x * 2 for x in M if x % 2] + list(range(a % 6)))))[:12]
    assert c <= min(min(c, b), c) or True, repr((float(max(b, a)) * 1e3))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
