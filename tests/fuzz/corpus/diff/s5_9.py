closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -1
    b = 1
    c = -4
    s = ''
    t = 'Q'
    L = []
    M = [5, -1]
    D = {'a': 12}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    class CM2:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return self.k % 2 == 0
    class C3:
        count = 0
        def __init__(self, v):
            self.v = v
            C3.count += 1
        def m(self, k):
            return (self.v * 2 + k) % 1000003
        def __repr__(self):
            return 'C3(%r)' % (self.v,)
        def __eq__(self, other):
            return isinstance(other, C3) and self.v == other.v
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
    objs = sorted([C3(((c - ((a << 2) >> 0)) | (((a << 4) >> 1) - sum(-x for x in range(2) if x % 3 != 0)))) for _ in range(3)])
    print(objs, C3.count, objs[0] == objs[1], objs[0].double, C3.st(2), C3.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert abs(L[a]) in M or True, repr(C3(((2 * c) + (c + c))))
    a += ('é'.find('b') ** 0 % 1000000007)
    fn = lambda x, y=3: (L[D.get('é', min(y, y)) % len(L)] if L else -7)
    print(fn((1 ** 2 % 1000000007)), fn((b ^ (C3(0).m(b) + a)), D.get((repr(C3(a)) * 1), 2)))
    if t.startswith('a'):
        raise ZeroDivisionError(abs(C3(s.find('')).m(((5 << 1) >> 1))))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    with CM2(c) as cm1:
        L.insert(D.get(('%s=%d' % ('xyz', D.get(t, b))), a), (L[c % len(L)] if L else -7))
        L = L[:8]
        x, *y = L[:5] or [c]
        print(x, y)
    print(b)
    s = ('naïve')[:12]
    print(3)
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work4(k):
        try:
            acc = 0
            for i in range(8):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work4, args=(k,)) for k in range(2)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    t = ('')[:12]
    w5 = 0
    while w5 < 1:
        w5 += 1
        x, *y = M[:5] or [((c - b) if (((c << 3) >> 2) and (a - 7)) else abs((0 | b)))]
        print(x, y)
        print(c)
    else:
        print('while-else', w5)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
