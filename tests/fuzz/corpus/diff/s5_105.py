try:
    a = 0
    b = -4
    c = 12
    s = 'xyz'
    t = 'aba'
    L = [1, 12, 3, -1]
    M = []
    D = {'b': 3}
    def f1(p0):
        a = p0
        b = 7
        c = 12
        s = 'hello'
        t = 'b'
        L = [0, 5, 0, 3]
        M = [7]
        D = {'a': -1}
        def inner2(k):
            nonlocal a
            a = (a + k) % 1000003
            return a * 2
        print(inner2(t.find('')), a)
        if a in L:
            raise TypeError((c << 1) >> 4)
        return (((b << 3) >> 2 + abs((2 ^ 7)))) % 1000003
    class CM3:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    def f4(p0):
        a = p0
        b = 5
        c = -4
        s = 'xyz'
        t = 'Q'
        L = [3, -1]
        M = [-1]
        D = {'b': 1}
        if (a * abs(c)) in M:
            return (((1 - -4) << 1) >> 3 | ((a << 4) >> 4 if (c and b) else (-1 & 1)))
        return (c) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if ((a + b) ** 3 % 1000000007) in M:
        print(list(D), list(D.values()))
        D = dict(list(D.items())[:6])
    elif (b - (a | b)) in M:
        c += (max((7 if (a and b) else b), (c if a != 2 else a)) + (b ** 2 % 1000000007))
    def gt5():
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
            print('gen closing', total)
    go6 = gt5()
    print(next(go6), go6.send((s.find('b') ** 0 % 1000000007)), go6.send(None))
    try:
        print(go6.throw(ValueError(f4(2))))
    except StopIteration as si:
        print('stop', si.value)
    go6.close()
    print(go6.close())
    fn = lambda x, y=3: len([x % 3 for x in [x for x in L if True] if x % 2])
    print(fn(((sum(x + a for x in range(4) if x % 3 != 7) * (-4 // (0 or 3))) // (a or 3))), fn(len(L), (len(('%s=%d' % (t, c))) << 4) >> 0))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
