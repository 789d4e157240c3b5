closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = 0
    c = -4
    s = 'ab'
    t = 'b'
    L = [-1, -4]
    M = [7]
    D = {'b': 12}
    def f1(p0, p1):
        a = p0
        b = p1
        c = 5
        s = 'ab'
        t = 'aba'
        L = [3, 2, 3]
        M = [3]
        D = {'a': 10}
        print(D.get(t, sum(x + a for x in range(5) if x % 2 != 2)))
        def swallow2(q):
            for j in range(3):
                try:
                    if q % 2: raise IndexError(q)
                    q += 1
                finally:
                    return q * 10
            return q
        print(swallow2(max((2 + (0 ** 2 % 1000000007)), 10)))
        return (('xyz' * 0).find('a')) % 1000003
    def f3(p0=5):
        a = p0
        b = 2
        c = -4
        s = 'xyz'
        t = 'Q'
        L = [2, -1, 7]
        M = []
        D = {'a': 2}
        t = ('-'.join(str(x) for x in L))[:12]
        return (a) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(5)
    print(round((a if b < a else D.get('naïve', a)) / 7, 1))
    print(list(D), list(D.values()))
    D = dict(list(D.items())[:6])
    print(b)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if s.startswith(''):
        raise ValueError(2)
    assert s.startswith('') or b >= 0, str(3)
    try:
        w4 = 0
        while w4 < 2:
            w4 += 1
            if c < ((c - c) + (M[3 % len(M)] if M else -7)):
                raise RuntimeError(min((max(a, c) | f1(c, c)), ((a + b) if 12 < c else b))) from RuntimeError(f"{(len('é') | 'xyz'.find('b'))}:{t!r}:{c:>4}:{abs(a):x}")
            if ((a + 0) % (max(a, 12) or 3)) != ((a - c) * a):
                raise TypeError(max(((12 + 1) <= 3), 2))
        if b in L:
            if t.startswith('a'):
                t = ('b a')[:12]
            print(((12 ** 3 % 1000000007) if c in L else -1))
        else:
            c += (((a << 1) >> 0) * c)
            print(not c, repr(M), ((a if s.startswith('b') else (M[c % len(M)] if M else -7)) <= (max(-4, b) ** 0 % 1000000007)))
    finally:
        print('finally', c)
    c = c % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
