closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 7
    b = 1
    c = 0
    s = 'ab'
    t = 'Q'
    L = []
    M = []
    D = {'b': 10}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    def f2(p0):
        a = p0
        b = -1
        c = 2
        s = 'ab'
        t = 'aba'
        L = []
        M = [10]
        D = {'b': 1}
        def kw3(p, q=1, *args, r=2, **kw):
            return (p, q, args, r, sorted(kw.items()))
        print(kw3(a), kw3((0 + b), a, b, r=b, z=a), kw3(*M + [0][:3], **{'r': len(L)}))
        print((a + (sum(x * x for x in range(3) if x % 2 != 0) ** 3 % 1000000007)))
        try:
            def swallow4(q):
                for j in range(3):
                    try:
                        if q % 2: raise ZeroDivisionError(q)
                        q += 1
                    finally:
                        break
                return q
            print(swallow4((a >= c)))
        finally:
            print('finally', b)
        return (''.find('ab')) % 1000003
    class E5(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    for i in enumerate(M[:3]):
        print('i', i)
        b = (a - (c if (c and 10) else (-4 + c))) % 1000003
    try:
        with CM1(D.get('AbC', b)) as cm2:
            print(a)
    except (ZeroDivisionError, KeyError) as e:
        print('caught', type(e).__name__)
        for x in zip(M, t):
            print('x', x)
            print(b)
            fn = lambda x, y=-4: y
            print(fn(len('-'.join(str(x) for x in M))), fn(sum(x * x for x in range(1) if x % 3 != -4), (((b if b < c else 10) & abs(0)) if (c and (b * 1)) else ((b // (b or 3)) ** 1 % 1000000007))))
        else:
            print('for-else')
    except (IndexError, TypeError) as e:
        print('caught', type(e).__name__)
    s = ('naïve')[:12]
    print({x: x * x for x in L[:4]}, sorted({x % 3 for x in M}))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    b = sum(-x for x in range(5) if x % 2 != 7) % 1000003
    a = D.get(repr((float(3) * 1e3)), ((2 * 10) % a)) % 1000003
    if s.startswith(''):
        raise E5(-1)
    fs = [lambda k=0: i + k for i in range(3)]
    print([f() for f in fs], [f(0) for f in fs])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    M = (M)[:8]
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
    M = ([(b - D.get('b a', 10)), (((b << 3) >> 2) - a)])[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
