try:
    a = 1
    b = 0
    c = 7
    s = 'ab'
    t = 'b'
    L = []
    M = [10]
    D = {'b': 7}
    def f1(p0, p1=10):
        a = p0
        b = p1
        c = 7
        s = 'ab'
        t = 'b'
        L = [5, 2]
        M = [10, 12]
        D = {'a': 1}
        c = (3 * c) % 1000003
        return (7) % 1000003
    def f2(p0=0):
        a = p0
        b = 0
        c = 2
        s = ''
        t = 'aba'
        L = [-1]
        M = []
        D = {'a': -4}
        assert c in L or True, (s + 'ab').upper().strip()
        print(sorted(D.items()))
        D = dict(list(D.items())[:6])
        t = ((f"{c}:{s!r}:{sum(x * x for x in range(1) if x % 1 != -1):>4}:{abs((c ^ b)):x}" + f"{a}:{('%s=%d' % ('ab', b))!r}:{abs(c):>4}:{abs((10 & 10)):x}"))[:12]
        return ((sum(x + a for x in range(1) if x % 3 != 1) // b)) % 1000003
    class E3(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(D.get((s * 0), b))
    L.sort()
    L = L[:8]
    print((b < b))
    print({x: x * x for x in M[:4]}, sorted({x % 3 for x in M}))
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work4(k):
        try:
            acc = 0
            for i in range(10):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f1(k, k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work4, args=(k,)) for k in range(2)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(min(b, c))
    for x in L[:4]:
        print('x', x)
        try:
            fn = lambda x, y=-4: b
            print(fn((min(b, c) << 1) >> 1), fn(((b if t.startswith('') else (a << 2) >> 4) ** 1 % 1000000007), (c < c)))
            print('ab')
        except KeyError as e:
            print('caught', type(e).__name__, e.args)
    b = (sum(x * x for x in range(1) if x % 3 != 5) + ((b ** 1 % 1000000007) - a)) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        s = (repr((float((10 - a)) * 0.5)))[:12]
        print(min(f1(len(s), len(M)), (7 - 1)))
        print(repr(L))
    finally:
        print('finally', a)
    try:
        a += 0
        if c <= c:
            b += (L[c] - b)
            print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
        print(min(abs(c), b) in M, repr([x - a for x in list(range(c % 6)) if True]), ((b > -4) + -1) == 12)
    finally:
        print('finally', b)
        M.reverse()
        M = M[:8]
    a += b
    print((b | (-4 | 'AbC'.find(''))))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
