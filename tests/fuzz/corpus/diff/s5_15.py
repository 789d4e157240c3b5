closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 0
    b = -4
    c = -4
    s = ''
    t = 'b'
    L = [-4, 0]
    M = []
    D = {'b': 5}
    def f1(p0):
        a = p0
        b = 7
        c = 0
        s = ''
        t = 'b'
        L = [1, 3, 7]
        M = []
        D = {'b': 3}
        a = a % 1000003
        print((float(a) * 0.5))
        try:
            b = a % 1000003
            print(s.find(''))
            print(3)
        except Exception as e:
            print('caught', type(e).__name__, e.args)
            t = (t)[:12]
        finally:
            print('finally', a)
            print(s, (c ** 3 % 1000000007) < a)
        return (10) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    for i in t[:4]:
        print('i', i)
        assert (D.get(t.zfill(4), abs(c)) and b) or b >= 0, str(c)
    fn = lambda x, y=-1: y
    print(fn((sum(x + a for x in range(3) if x % 3 != 1) | -4)), fn(a, min(((-1 - c) < (L[b % len(L)] if L else -7)), ((sum(x for x in range(1) if x % 2 != 1) << 0) >> 3))))
    print(max(((a * 1) // (c or 3)), len(L)))
    print({x: x * x for x in L[:4]}, sorted({x % 3 for x in M}))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    L.sort()
    L = L[:8]
    print(f"{a}:{t!r}:{(((b << 3) >> 4) + ''.find('a')):>4}:{abs(f1(0)):x}", (7 - (((a << 4) >> 3) | c)))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    D.pop(('%s=%d' % ('ab', c)), None)
    D = dict(list(D.items())[:6])
    print((s * 3))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
