closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -1
    b = 10
    c = -1
    s = 'ab'
    t = 'Q'
    L = []
    M = [5]
    D = {'a': 5}
    def f1(p0):
        a = p0
        b = 3
        c = -1
        s = 'ab'
        t = 'b'
        L = [-1, 2, -1, 1]
        M = [-4]
        D = {'b': -4}
        if max(c, b) in M:
            return ((c ** 0 % 1000000007) & abs(10))
        return (a) % 1000003
    def f2(p0=3):
        a = p0
        b = 12
        c = 3
        s = 'xyz'
        t = 'b'
        L = [2, 1]
        M = [-4, -4]
        D = {'a': 7}
        a += a
        assert -4 in M or b >= 0, t
        if (b | b) == abs((1 - b)):
            return b
        return (D.get(('%s=%d' % (repr((a / b)), ((a << 3) >> 1))), len('-'.join(str(x) for x in M)))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(list(D), list(D.values()))
    D = dict(list(D.items())[:6])
    if ((((c << 4) >> 4) ** 1 % 1000000007) and a):
        raise ZeroDivisionError((c | b)) from RuntimeError(t)
    c = (a - b) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        c = c % 1000003
        print('', L)
        try:
            print({x: x * x for x in L[:4]}, sorted({x % 3 for x in L}))
            print((L[min((a - c), 3) % len(L)] if L else -7))
            c += c
        except (KeyError, ZeroDivisionError) as e:
            print('caught', type(e).__name__)
            w3 = 0
            while w3 < 2:
                w3 += 1
                a = 10 % 1000003
        finally:
            print('finally', c)
            print(sorted(D.items()))
            D = dict(list(D.items())[:6])
    finally:
        print('finally', c)
        print((b | (((c % (a or 3)) << 0) >> 0)))
    a += sum(x for x in range(3) if x % 1 != 0)
    L.sort()
    L = L[:8]
    b += ((((a << 1) >> 2) if (b and a) else c) == ((1 ** 2 % 1000000007) // ((2 | 12) or 3)))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
