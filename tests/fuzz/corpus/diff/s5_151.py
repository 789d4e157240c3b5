closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -4
    b = -4
    c = 5
    s = 'ab'
    t = 'Q'
    L = [10, 7]
    M = []
    D = {'b': 1}
    class C1:
        count = 0
        def __init__(self, v):
            self.v = v
            C1.count += 1
        def m(self, k):
            return (self.v * -1 + k) % 1000003
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
    objs = sorted([C1((abs((a if 1 <= a else c)) if (b and (a + b)) else (abs(a) ** 3 % 1000000007))) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
    def f2(p0):
        a = p0
        b = 5
        c = 12
        s = 'hello'
        t = 'Q'
        L = [0, -4]
        M = [3]
        D = {'b': 0}
        print((a * D.get(s[12:10:2], C1(c).m(a))))
        print((L[b % len(L)] if L else -7))
        return (c) % 1000003
    class C3:
        count = 0
        def __init__(self, v):
            self.v = v
            C3.count += 1
        def m(self, k):
            return (self.v * 12 + k) % 1000003
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
    objs = sorted([C3(12) for _ in range(3)])
    print(objs, C3.count, objs[0] == objs[1], objs[0].double, C3.st(2), C3.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    a = ((abs((c % a)) << 0) >> 4) % 1000003
    print(abs(2))
    L = ([x * y for x in range(1) for y in range(x)])[:8]
    try:
        w4 = 0
        while w4 < 4:
            w4 += 1
            c += C1((b ^ (M[c % len(M)] if M else -7))).m((12 >= (5 == 10)))
        else:
            print('while-else', w4)
        try:
            if s.startswith('b'):
                class P5:
                    def __init__(self, *xs): self.xs = list(xs)
                    def __len__(self): return len(self.xs)
                    def __getitem__(self, i): return self.xs[i]
                    def __contains__(self, x): return x in self.xs
                    def __add__(self, o): return P5(*(self.xs + list(o)))
                    def __radd__(self, o): return P5(o, *self.xs)
                    def __bool__(self): return len(self.xs) % 2 == 0
                    def __hash__(self): return hash(tuple(self.xs))
                    def __eq__(self, o): return isinstance(o, P5) and o.xs == self.xs
                    def __call__(self, k=1): return sum(self.xs) * k
                    def __repr__(self): return 'P5' + repr(self.xs)
                    def __getattr__(self, name): return name * 2
                pv6 = P5(C3((len(t) - (b ^ c))).m(((b & b) ^ c)), 10)
                print(len(pv6), list(pv6), str(D.get('日本', b)).find('ab') in pv6, bool(pv6), pv6 + [c], pv6(repr(C1((-1 ** 3 % 1000000007))).find('')), pv6.zz, {pv6: 1}[P5(*pv6.xs)])
                c = c % 1000003
            print(3)
            M = (((L[1:12] + M) + [x * 2 for x in list(range(a % 6)) if x > 0]))[:8]
        except Exception as e:
            print('caught', type(e).__name__, e.args)
        except Exception as e:
            print('caught', type(e).__name__)
            a += (s.find('b') ** 2 % 1000000007)
        print((((c if 5 > c else 10) - (10 | -1)) + (abs(12) - L[b])))
    finally:
        print('finally', a)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
