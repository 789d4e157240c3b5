closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 7
    b = -1
    c = -1
    s = 'ab'
    t = 'b'
    L = [12, 12, 3, 10]
    M = [10, 2]
    D = {'b': 0}
    def g1(n):
        a = n
        b = -4
        c = 12
        s = 'ab'
        t = 'Q'
        L = [3, -1]
        M = []
        D = {'b': 3}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield (t[1:-4:1].find('b') * b)
        finally:
            if closed is not None: closed.append(('g1', n))
    def g2(n):
        a = n
        b = 5
        c = -1
        s = 'ab'
        t = 'b'
        L = [3]
        M = [-1, -4]
        D = {'b': 12}
        for i in range(n):
            a = (a + i) % 1000003
            yield sum(g1(1))
    def g3(n):
        a = n
        b = 2
        c = 10
        s = 'ab'
        t = 'b'
        L = [7, 0, -4]
        M = []
        D = {'b': 12}
        for i in range(n):
            a = (a + i) % 1000003
            yield c
        yield from g1(n % 3)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    fn = lambda x, y=12: sum(x * x for x in range(3) if x % 2 != 7)
    print(fn((5 // (b or 3))), fn(abs(10), min((b // ((b ** 3 % 1000000007) or 3)), (D.get('b a', b) + (c - b)))))
    print(repr(sorted(sorted(M, key=lambda x: -x))), repr(((b if 2 in M else 10) / 10)))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
