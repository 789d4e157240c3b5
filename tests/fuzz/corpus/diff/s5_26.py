closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = 5
    c = 10
    s = 'ab'
    t = 'Q'
    L = []
    M = [-4, 5]
    D = {'b': 5}
    class C1:
        count = 0
        def __init__(self, v):
            self.v = v
            C1.count += 1
        def m(self, k):
            return (self.v * 7 + k) % 1000003
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
    objs = sorted([C1(sum(x for x in range(5) if x % 3 != 12)) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert D.get(('%s=%d' % (t, c)), b) <= (3 if s.startswith('') else c) or b >= 0, '-'.join(str(x) for x in L)
    w2 = 0
    while w2 < 1:
        w2 += 1
        for i in M[:4]:
            print('i', i)
            print((float((abs(b) * (10 if a > b else c))) * 0.5))
        else:
            print('for-else')
    for x in L[:4]:
        print('x', x)
        fn = lambda x, y=5: y
        print(fn((((a * c) * c) >= (c ** 3 % 1000000007))), fn((((c - a) - a) & (a * (3 - c))), b))
    else:
        print('for-else')
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w3 = 0
    while w3 < 4:
        w3 += 1
        for x in zip(M, s):
            print('x', x)
            print(t.split('a'), 'Ωmega'.partition('a'), t.rsplit(None, 1), 'ab'.join([s, 'b a']))
            try:
                c += min(abs(C1(c).m(a)), ((M[c % len(M)] if M else -7) ** 1 % 1000000007))
                if min((M[c % len(M)] if M else -7), (10 - a)) in M:
                    raise TypeError(b)
                c += C1(((M[b % len(M)] if M else -7) & (c - b))).m(abs(b))
            finally:
                print('finally', a)
        else:
            print('for-else')
    try:
        if b in M:
            M = ((M + sorted((L + M))))[:8]
            M = (sorted(M))[:8]
        else:
            print(C1(((c + c) % ((b + b) or 3))).m(min((c + a), C1(b).m(5))))
            c += ((((b ** 1 % 1000000007) % (((b << 0) >> 4) or 3)) << 1) >> 3)
        D.pop((s + 'Ωmega'[3:5:]), None)
        D = dict(list(D.items())[:6])
        print(M[D.get((s * 0), 7)])
    finally:
        print('finally', c)
    a = ((((c << 1) >> 3) if (12 and b) else a) + (M[c % len(M)] if M else -7)) % 1000003
    print(b)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    M = (M)[:8]
    a += c
    print((D.get(str(a), ((3 << 2) >> 1)) + 0.1 * (c ** 2 % 1000000007)))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
