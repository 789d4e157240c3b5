try:
    a = 3
    b = 1
    c = 2
    s = 'hello'
    t = 'Q'
    L = [-4, 0]
    M = [0, 10]
    D = {'a': 10}
    class C1:
        count = 0
        def __init__(self, v):
            self.v = v
            C1.count += 1
        def m(self, k):
            return (self.v * 1 + k) % 1000003
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
    objs = sorted([C1(D.get(s, (b ** 1 % 1000000007))) for _ in range(3)])
    print(objs, C1.count, objs[0] == objs[1], objs[0].double, C1.st(2), C1.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        c = (b >= (c << 1) >> 3) % 1000003
        L = (M)[:8]
    except IndexError as e:
        print('caught', type(e).__name__)
    except TypeError as e:
        print('caught', type(e).__name__, e.args)
        print((((L[3 % len(L)] if L else -7) + (a + -1)) ^ C1((b + 7)).m(b)))
    print((a + c))
    print((a if (c and c) else c))
    if abs('AbC'.find('b')) <= c:
        D.pop(s, None)
        D = dict(list(D.items())[:6])
        print(c)
    elif (sum(x * x for x in range(4) if x % 3 != -1) // ((10 ^ -1) or 3)) <= ((b ^ c) ** 0 % 1000000007):
        print(len(sorted(M)))
    else:
        c += (c + b)
        L = (M)[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if a > C1(c).m(c):
        raise RuntimeError((abs(2) | C1(abs(b)).m(a)))
    def swallow2(q):
        for j in range(3):
            try:
                if q % 2: raise ZeroDivisionError(q)
                q += 1
            finally:
                continue
        return q
    print(swallow2((-4 | sum(x for x in range(4) if x % 3 != -1))))
    try:
        a = b % 1000003
        w3 = 0
        while w3 < 4:
            w3 += 1
            print((((a ** 1 % 1000000007) // (L[7 % len(L)] if L else -7)) if c <= -1 else (L[(2 if -4 < b else 0) % len(L)] if L else -7)))
            try:
                print(sorted((M + [(a | a)]), key=lambda x: x % 3), min(list(range((D.get('b a', 12) + (5 | 10)) % 6)), key=lambda x: -x, default=None), max([x % 3 for x in M if x != b], default=(5 ** 0 % 1000000007)))
                try:
                    D.pop('a', None)
                    D = dict(list(D.items())[:6])
                except Exception as e:
                    print('caught', type(e).__name__)
                except (IndexError, KeyError) as e:
                    print('caught', type(e).__name__, e.args)
                finally:
                    print('finally', b)
                    M = ((M + [x % 3 for x in M[10:0] if True]))[:8]
                M = (L[-4:7])[:8]
            finally:
                print('finally', b)
    finally:
        print('finally', a)
        s = ('xyz')[:12]
    print('AbC', b, ('%s=%d' % ('xyz', abs((c + a)))))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    def swallow4(q):
        for j in range(3):
            try:
                if q % 2: raise ValueError(q)
                q += 1
            finally:
                return q * 10
        return q
    print(swallow4(((c % (c or 3)) + -1)))
    def gt5():
        total = 0
        try:
            while True:
                try:
                    v = yield total
                    total += v if v is not None else 1
                except ValueError as ex:
                    print('gen caught', ex.args)
                    total = -1
        finally:
            print('gen closing', total)
    go6 = gt5()
    print(next(go6), go6.send((c ** 2 % 1000000007)), go6.send(None))
    try:
        print(go6.throw(ValueError((((c * 1) ** 0 % 1000000007) + ((10 * c) >= c)))))
    except StopIteration as si:
        print('stop', si.value)
    go6.close()
    print(go6.close())
    print(c)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
