closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 10
    b = 12
    c = 0
    s = 'hello'
    t = 'aba'
    L = []
    M = [12]
    D = {'a': 12}
    class E1(Exception):
        pass
    def f2(p0):
        a = p0
        b = 5
        c = 3
        s = 'ab'
        t = 'aba'
        L = [10]
        M = [-1]
        D = {'a': 10}
        def inner3(k):
            nonlocal c
            c = (c + k) % 1000003
            return c * 2
        print(inner3(((max(c, b) if (b and a) else min(a, b)) - ((b ** 0 % 1000000007) if not c else (-4 ** 3 % 1000000007)))), c)
        return (((b + b) if c <= a else 0)) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    for y in L[:4]:
        print('y', y)
        print([x * y for x in range(4) for y in range(x)], (L[3:5] + [12]))
    assert s.startswith('') or L, ''
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c += 5
    print(repr(([3, b] + M)).split('a'), ''.partition('a'), repr((a + 0.1 * -4)).swapcase().rsplit(None, 1), ','.join([t, (f"{c}:{'a'!r}:{b:>4}:{abs(a):x}"[-4:-4:2] + repr((float(-1) * 0.1)))]))
    L = ((M * 1))[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
