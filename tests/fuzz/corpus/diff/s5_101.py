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
        return (('a' * 0).find('a')) % 1000003
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
    print(round((a if b < a else D.get('b a', a)) / 7, 1))
    print(list(D), list(D.values()))
    D = dict(list(D.items())[:6])
    print(sorted(D.items()))
    D = dict(list(D.items())[:6])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(abs(((c // (a or 3)) // (min(c, b) or 3))))
    if D.get((t * 3), (b & a)) in M:
        for y in range(2):
            print('y', y)
            a = ((c > b) - (c - (b | a))) % 1000003
        if not ((10 ^ c) == (c <= 2)):
            raise TypeError(c)
    elif a in L:
        print(sum(x + a for x in range(1) if x % 2 != 5))
    print(12 in M)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
