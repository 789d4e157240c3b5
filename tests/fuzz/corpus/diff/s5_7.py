closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 2
    b = 3
    c = 3
    s = 'ab'
    t = 'b'
    L = []
    M = [0]
    D = {'a': 2}
    class E1(Exception):
        pass
    def g2(n):
        a = n
        b = 10
        c = 12
        s = 'xyz'
        t = 'b'
        L = [7, 2, -1, 1]
        M = []
        D = {'a': -1}
        for i in range(n):
            a = (a + i) % 1000003
            yield (len(s) < (abs(b) <= (c ** 0 % 1000000007)))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w3 = 0
    while w3 < 2:
        w3 += 1
        class P4:
            def __init__(self, *xs): self.xs = list(xs)
            def __len__(self): return len(self.xs)
            def __getitem__(self, i): return self.xs[i]
            def __contains__(self, x): return x in self.xs
            def __add__(self, o): return P4(*(self.xs + list(o)))
            def __radd__(self, o): return P4(o, *self.xs)
            def __bool__(self): return len(self.xs) % 2 == 0
            def __hash__(self): return hash(tuple(self.xs))
            def __eq__(self, o): return isinstance(o, P4) and o.xs == self.xs
            def __call__(self, k=1): return sum(self.xs) * k
            def __repr__(self): return 'P4' + repr(self.xs)
            def __getattr__(self, name): return name * 2
        pv5 = P4(a, c)
        print(len(pv5), list(pv5), max(min(-1, (c ** 3 % 1000000007)), max(c, b)) in pv5, bool(pv5), pv5 + [abs(abs(-4))], pv5(7), pv5.zz, {pv5: 1}[P4(*pv5.xs)])
        for x in enumerate(L[:3]):
            print('x', x)
            s = (str(sum(g2(1))))[:12]
            M = ((sorted((M * 2), reverse=True) * 0))[:8]
    c = len(sorted((M * 1), reverse=True)) % 1000003
    a = c % 1000003
    c += sum(g2(2))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(b)
    b += (a + len(L[7:1]))
    b = len(sorted(list(range(c % 6)), key=lambda x: -x)) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
