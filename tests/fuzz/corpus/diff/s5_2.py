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
        assert t.startswith('') or b >= 0, str(abs((-1 << 3) >> 4))
        c = (a << 0) >> 3 % 1000003
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
        print('%5.2f|%-4d|%r|%x' % (C2(c).m(len(sorted(M, key=lambda x: -x))) / 3, b, str(c), abs(b)), '{:>{w}}|{:+}'.format('b a', (b & c), w=3))
        if -1 < abs(12):
            raise IndexError(c)
    L.append(2)
    L = L[:8]
    a = (((1 + b) % ((10 ** 2 % 1000000007) or 3)) != ((10 ** 2 % 1000000007) - (a % (2 or 3)))) % 1000003
    print((10 ^ b))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert ((b if not b else 1) % (a or 3)) == 'a'[5:1:].find('b') or True, 'AbC'
    print('%5.2f|%-4d|%r|%x' % ((b ** 1 % 1000000007) / 3, -4, str(5), abs(max((c ** 2 % 1000000007), (max(a, 3) + sum(x for x in range(2) if x % 1 != 5))))), '{:>{w}}|{:+}'.format('-'.join(str(x) for x in L), (c - b), w=3))
    fn = lambda x, y=10: (y + C2(x).m(C2(b).m(2)))
    print(fn((((2 ** 3 % 1000000007) - len(M)) + min(-1, (b > a)))), fn(b, '-'.join(str(x) for x in L).find('b')))
    print({x: x * x for x in L[:4]}, sorted({x % 3 for x in L}))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
