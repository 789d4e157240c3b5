closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 12
    b = 3
    c = 3
    s = 'ab'
    t = 'b'
    L = []
    M = [5]
    D = {'b': 2}
    def g1(n):
        a = n
        b = 10
        c = -4
        s = 'hello'
        t = 'aba'
        L = [12, 7]
        M = [2, 5]
        D = {'b': 5}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield a
        finally:
            if closed is not None: closed.append(('g1', n))
    class E2(ValueError):
        pass
    def f3(p0):
        a = p0
        b = 5
        c = 10
        s = 'ab'
        t = 'Q'
        L = [-4, 10]
        M = [5]
        D = {'a': 0}
        for x in g1(2):
            print('x', x)
            def inner4(k):
                nonlocal a
                a = (a + k) % 1000003
                return a * 2
            print(inner4(c), a)
        def inner5(k):
            nonlocal a
            a = (a + k) % 1000003
            return a * 2
        print(inner5((M[t.find('b') % len(M)] if M else -7)), a)
        return ((a & (c ** 1 % 1000000007))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
    print(a)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
