try:
    a = 7
    b = 12
    c = 0
    s = 'hello'
    t = 'Q'
    L = [12, -4, 7, -1]
    M = [12, 7]
    D = {'b': 5}
    class C1:
        count = 0
        def __init__(self, v):
            self.v = v
            C1.count += 1
        def m(self, k):
            return (self.v * 10 + k) % 1000003
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
    objs = sorted([C1((((b >= b) - (c >= c)) + (C1(a).m(b) + c))) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
    def f2(p0):
        a = p0
        b = 5
        c = 12
        s = 'hello'
        t = 'Q'
        L = [12, -4]
        M = [0, 7]
        D = {'a': 2}
        M[-4:0] = M[:3]
        del M[::-1]
        M = M[:8]
        print(M)
        L = (M)[:8]
        return ((c <= (sum(x + a for x in range(1) if x % 1 != -1) * (b | c)))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        assert D.get(str(10), (b if s.startswith('b') else -1)) == (max(a, 10) + len(M)) or True, repr(C1((f2(b) - 1)))
        print(10)
    finally:
        print('finally', c)
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
    print((((c << 0) >> 2 ** 2 % 1000000007) & C1((M[a % len(M)] if M else -7)).m(b)))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(D.get('AbC', len((L + M))))
    M.append(f2(((b == 12) > (b ^ -4))))
    M = M[:8]
    if not -4:
        for x in L[:4]:
            print('x', x)
            print((b if C1(1).m(0) == C1(1).m(a) else ((c + a) * -4)))
            if not len(repr(C1(3))):
                Dx = dict.fromkeys(t, abs(D.get(repr(L), (b + 10))))
                Dx.update({repr(L): a}, z=(c % c))
                print(Dx.setdefault(s, C1(c).m((D.get('', b) - (a - c)))), Dx, sorted(Dx.keys()), list(Dx.items())[:3])
                print(Dx.popitem() if Dx else None, len(Dx), f"{a}:{s!r}:{a:>4}:{abs(abs((1 ** 0 % 1000000007))):x}" in Dx)
        print((M[((2 | b) + (12 >= 7)) % len(M)] if M else -7))
    else:
        fn = lambda x, y=5: -4
        print(fn((c | (a if 3 in L else L[c]))), fn((sum(-x for x in range(5) if x % 2 != -4) + b), 3))
    print((a - 7))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    L.extend((list(range((-1 + -1) % 6)) * 1)[:4])
    L = L[:8]
    try:
        if not c:
            try:
                print((abs(2) ** 0.5))
            except (ValueError, ValueError) as e:
                print('caught', type(e).__name__, e.args)
                try:
                    c = D.get(s, (D.get('', c) ** 0 % 1000000007)) % 1000003
                    a += C1(c).m(b)
                finally:
                    print('finally', a)
                    L[b] = ((c if not a else (-4 > 10)) - ((a - c) if not c else c))
                    L = L[:8]
            finally:
                print('finally', b)
                M = (([x * y for x in range(2) for y in range(x)] + [x * y for x in range(0) for y in range(x)]))[:8]
    except (ValueError, ValueError) as e:
        print('caught', type(e).__name__, e.args)
    except Exception as e:
        print('caught', type(e).__name__)
        M = (([x - a for x in L[-4:7] if x > 0] * 2))[:8]
    else:
        print((len(s) ^ -4))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
