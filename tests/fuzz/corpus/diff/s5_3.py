closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 10
    b = 2
    c = -1
    s = 'hello'
    t = 'b'
    L = [10, 1]
    M = []
    D = {'a': 2}
    class C1:
        count = 0
        def __init__(self, v):
            self.v = v
            C1.count += 1
        def m(self, k):
            return (self.v * -4 + k) % 1000003
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
    objs = sorted([C1(b) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
    def f2(p0, p1):
        a = p0
        b = p1
        c = -4
        s = 'hello'
        t = 'b'
        L = [2]
        M = []
        D = {'b': 1}
        M.append(sum(-x for x in range(2) if x % 2 != 3))
        M = M[:8]
        print((b + ((5 - c) if s.startswith('a') else (-1 - -4))))
        return (c) % 1000003
    class E3(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        try:
            for y in zip(L, t):
                print('y', y)
                print(c)
            try:
                c += max(c, s.find(''))
            except Exception as e:
                print('caught', type(e).__name__, e.args)
                b += abs((a | D.get(t, b)))
            else:
                del M[c]
                M = M[:8]
        finally:
            print('finally', a)
            D[('%s=%d' % ((s + t[3:7:1]), (((b << 0) >> 1) ** 3 % 1000000007)))] = ((a // ((c + -4) or 3)) // (b or 3))
            D = dict(list(D.items())[:6])
    finally:
        print('finally', c)
    print('b a')
    L = ([x - a for x in [(-4 | b)] if x != b])[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
