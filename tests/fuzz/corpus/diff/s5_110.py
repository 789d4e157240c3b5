closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 12
    b = 7
    c = 10
    s = ''
    t = 'b'
    L = [-1, 12, 0, -4]
    M = [12, 1]
    D = {'b': -4}
    def f1(p0):
        a = p0
        b = 7
        c = 12
        s = ''
        t = 'Q'
        L = []
        M = [3]
        D = {'a': -4}
        for x in s[:4]:
            print('x', x)
            print((a + (abs(b) if a <= c else max(b, c))))
            def gt2():
                total = 0
                try:
                    while True:
                        try:
                            v = yield total
                            total += v if v is not None else 1
                        except ValueError as ex:
                            print('gen caught', ex.args)
                            raise KeyError(1)
                finally:
                    if closed is not None: closed.append(total)
            go3 = gt2()
            print(next(go3), go3.send(c), go3.send(None))
            try:
                print(go3.throw(ValueError((abs(-1) + b))))
            except StopIteration as si:
                print('stop', si.value)
            go3.close()
            print(go3.close())
        else:
            print('for-else')
        M.append(12)
        M = M[:8]
        try:
            def gt4():
                total = 0
                try:
                    while True:
                        try:
                            v = yield total
                            total += v if v is not None else 1
                        except ValueError as ex:
                            print('gen caught', ex.args)
                            return 'stopped'
                finally:
                    if closed is not None: closed.append(total)
            go5 = gt4()
            print(next(go5), go5.send(D.get('-'.join(str(x) for x in L), abs((a - b)))), go5.send(None))
            try:
                print(go5.throw(ValueError(min(7, c))))
            except StopIteration as si:
                print('stop', si.value)
            go5.close()
            print(go5.close())
            if t.find('') > b:
                return a
            if b in M:
                return (min(a, (5 ^ c)) - (c * c))
        except Exception as e:
            print('caught', type(e).__name__)
        return (c) % 1000003
    class C6:
        count = 0
        def __init__(self, v):
            self.v = v
            C6.count += 1
        def m(self, k):
            return (self.v * 3 + k) % 1000003
        def __repr__(self):
            return 'C6(%r)' % (self.v,)
        def __eq__(self, other):
            return isinstance(other, C6) and self.v == other.v
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
    objs = sorted([C6(abs(0)) for _ in range(3)])
    print(objs, C6.count, objs[0] == objs[1], objs[0].double, C6.st(2), C6.make(1))
    class E7(ValueError):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print('Ωmega')
    if sum(x + a for x in range(0) if x % 3 != 1) != 'xyz'.find('ab'):
        print(max(((a ** 3 % 1000000007) + max(-4, b)), c))
    else:
        print(list(map(abs, ((M + M) * 1))), list(filter(None, [])), any(sorted(M, reverse=True)), all(list(range((b != (c > 7)) % 6))), list(reversed([x * y for x in range(4) for y in range(x)])), list(enumerate((list(range((b ** 1 % 1000000007) % 6)) * 1), 10)))
    fn = lambda x, y=0: abs(5)
    print(fn(((((c if (b and 10) else b) << 2) >> 3) % ('AbC'.find('') or 3))), fn(sum(x + a for x in range(1) if x % 2 != 10), (sum(x * x for x in range(0) if x % 2 != -1) + (a - a))))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    fn = lambda x, y=2: -1
    print(fn((s.find('b') <= (sum(x * x for x in range(5) if x % 1 != 2) if a in M else min(5, 3)))), fn((a + 1), f1(abs(a))))
    assert b == c or L, t
    x, *y = M[:5] or [((0 ** 2 % 1000000007) - max(f1(10), (5 & b)))]
    print(x, y)
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert t.startswith('b') or b >= 0, str(abs((12 >= b)))
    w8 = 0
    while w8 < 3:
        w8 += 1
        print('%5.2f|%-4d|%r|%x' % ((((c - 2) ** 3 % 1000000007) <= ((b - 5) <= 5)) / 3, min((((0 << 1) >> 2) % 10), c), s, abs((((a << 3) >> 1) + (((c + a) << 2) >> 4)))), '{:>{w}}|{:+}'.format(('%s=%d' % ('AbC', ((a == 5) * (a - c)))), a, w=4))
    print('b a', M)
    c = len(M) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
