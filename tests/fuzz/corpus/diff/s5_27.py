closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = 7
    c = 3
    s = 'ab'
    t = 'b'
    L = [-1]
    M = [-1, 10]
    D = {'a': 12}
    def f1(p0=2):
        a = p0
        b = 0
        c = 12
        s = 'xyz'
        t = 'Q'
        L = []
        M = []
        D = {'a': 5}
        c = (b - (-1 + (a == c))) % 1000003
        c = D.get(t, (c - (c <= b))) % 1000003
        return (c) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w2 = 0
    while w2 < 2:
        w2 += 1
        for x in enumerate(M[:3]):
            print('x', x)
            if ((c << 3) >> 3) > (a // ((c if not a else 7) or 3)):
                print(str(c))
            elif b > ((b + a) & (a + c)):
                print((M[b % len(M)] if M else -7))
            else:
                print('', -1, a)
            M = ([(a // (c or 3)), D.get(s, a), a][7:1])[:8]
        print((c + f1(b)))
    c = b % 1000003
    L.sort()
    L = L[:8]
    a = c % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
