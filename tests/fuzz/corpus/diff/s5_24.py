closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = 0
    c = 5
    s = 'hello'
    t = 'Q'
    L = [-1, 0, 1, -1]
    M = [5, 1]
    D = {'b': -4}
    class E1(Exception):
        pass
    class C2:
        count = 0
        def __init__(self, v):
            self.v = v
            C2.count += 1
        def m(self, k):
            return (self.v * 2 + k) % 1000003
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
    def g3(n):
        a = n
        b = 7
        c = 3
        s = 'ab'
        t = 'b'
        L = [1, 10]
        M = [0]
        D = {'b': 1}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield b
        finally:
            if closed is not None: closed.append(('g3', n))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print('-'.join(str(x) for x in L)[5:5:1].find('b'))
    for i in s[:4]:
        print('i', i)
        if (L[s.find('ab') % len(L)] if L else -7) > (10 - b):
            raise E1(sum(x for x in range(4) if x % 1 != 7))
    else:
        print('for-else')
    print(b)
    a = (c - C2(c).m((c - 2))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(min(D.get(str(a), (a + 3)), sum(x for x in range(3) if x % 3 != 3)))
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
    print((sum(g3(1)) & a))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    a = (-4 + ((((a << 3) >> 2) << 2) >> 0)) % 1000003
    print(2 != (b <= a), s)
    import threading
    res = [None] * 1
    lk = threading.Lock()
    shared = [0]
    def work4(k):
        try:
            acc = 0
            for i in range(18):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work4, args=(k,)) for k in range(1)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
