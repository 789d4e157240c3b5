closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = 0
    c = 5
    s = 'ab'
    t = 'aba'
    L = [5, 3, 0]
    M = []
    D = {'a': -4}
    def g1(n):
        a = n
        b = -1
        c = 5
        s = ''
        t = 'b'
        L = [-1, -4, 3]
        M = []
        D = {'a': 2}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield -4
        finally:
            if closed is not None: closed.append(('g1', n))
    def f2(p0, p1):
        a = p0
        b = p1
        c = -1
        s = 'ab'
        t = 'aba'
        L = []
        M = []
        D = {'b': 0}
        b = sum(x + a for x in range(2) if x % 3 != 3) % 1000003
        print((float(D.get(('%s=%d' % (t, c)), D.get(t, a))) * -2.25))
        if not -1:
            raise TypeError(((L[b % len(L)] if L else -7) % ((b + c) or 3)))
        return (len('naïve')) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c = D.get(s, M[min(a, 2)]) % 1000003
    print(((f2(s.find('a'), (-4 // (a or 3))) << 1) >> 3))
    print(round(str(0).find('b') / 7, 0))
    print((len(sorted(L, key=lambda x: -x)) / 3))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
