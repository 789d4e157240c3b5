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
            print('AbC', c <= c)
        return ((a % ('-'.join(str(x) for x in M).find('a') or 3))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if (M[t.find('b') % len(M)] if M else -7) in M:
        raise ZeroDivisionError(a)
    print(b)
    for x in M[:4]:
        print('x', x)
        print((D.get(repr(L), a) + sum(x + a for x in range(2) if x % 2 != 5)))
        c += b
    L = (L)[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(min(sum(x + a for x in range(0) if x % 1 != 7), -1))
    if not ((a * 1) // (c or 3)):
        print({x: x * x for x in L[:4]}, sorted({x % 3 for x in M}))
    elif ((L[c % len(L)] if L else -7) and ((c // c) + (3 & a))):
        fn = lambda x, y=2: 1
        print(fn((((0 - a) > -1) * (len(L) if c in L else len(t)))), fn(D.get('-'.join(str(x) for x in L), sum(x * x for x in range(3) if x % 1 != -4)), ''.find('ab')))
    import threading
    res = [None] * 1
    lk = threading.Lock()
    shared = [0]
    def work2(k):
        try:
            acc = 0
            for i in range(45):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f1(k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work2, args=(k,)) for k in range(1)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
