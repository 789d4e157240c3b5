try:
    a = 2
    b = 10
    c = 10
    s = 'ab'
    t = 'Q'
    L = [-1, 3, 5, 2]
    M = [1]
    D = {'a': 3}
    def f1(p0, p1=2):
        a = p0
        b = p1
        c = 5
        s = ''
        t = 'Q'
        L = [2, 2, 12, 7]
        M = [0, -4]
        D = {'b': 0}
        if t.startswith(''):
            return a
        print((len(M) + 0.1 * c))
        return ((L[((b & 3) % (a - a)) % len(L)] if L else -7)) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(round(c / 7, 0))
    if not s[0:12:2].find('b'):
        D[repr((a + 0.1 * (a + b)))] = abs(sum(x for x in range(2) if x % 1 != 0))
        D = dict(list(D.items())[:6])
        a = ((D.get(t, -4) ** 2 % 1000000007) + b) % 1000003
    L = (L)[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
