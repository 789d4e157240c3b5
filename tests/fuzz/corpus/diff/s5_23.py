closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 2
    b = 0
    c = -4
    s = 'xyz'
    t = 'aba'
    L = [10, 12, -4, 10]
    M = [-4]
    D = {'b': 1}
    class E1(Exception):
        pass
    def g2(n):
        a = n
        b = 10
        c = 10
        s = 'ab'
        t = 'aba'
        L = [5, 2]
        M = [12, 7]
        D = {'a': 12}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield (((-1 ** 1 % 1000000007) if t.startswith('') else c) if c in M else abs(s.find('')))
        finally:
            if closed is not None: closed.append(('g2', n))
    def g3(n):
        a = n
        b = 12
        c = 1
        s = 'hello'
        t = 'Q'
        L = [5, -4, -4]
        M = [12]
        D = {'a': 0}
        for i in range(n):
            a = (a + i) % 1000003
            yield -4
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c = b % 1000003
    print([x * 2 for x in L if x % 2])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    for x in zip(M, t):
        print('x', x)
        b = D.get((t * 2), 7) % 1000003
    else:
        print('for-else')
    print(list(D), list(D.values()))
    D = dict(list(D.items())[:6])
    w4 = 0
    while w4 < 1:
        w4 += 1
        fn = lambda x, y=0: 5
        print(fn(abs(a)), fn((L[2 % len(L)] if L else -7), (b * b)))
        L = ([(((a if (a and b) else c) << 1) >> 0), D.get((s * 2), (c + 10))])[:8]
    else:
        print('while-else', w4)
    print((D.get(s, min(b, a)) - min((b + a), (10 != 5))), sum(g2(3)) in M)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
