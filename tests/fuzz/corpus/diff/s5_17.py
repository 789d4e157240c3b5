closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -1
    b = 1
    c = -1
    s = ''
    t = 'aba'
    L = []
    M = [10, 7]
    D = {'a': 1}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return True
    def f2(p0):
        a = p0
        b = 12
        c = 10
        s = 'xyz'
        t = 'aba'
        L = [3, 7]
        M = [5, 7]
        D = {'b': 3}
        L.extend([x * y for x in range(2) for y in range(x)][:4])
        L = L[:8]
        return ((M[7 % len(M)] if M else -7)) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    fs = [lambda k=0: i + k for i in range(1)]
    print([f() for f in fs], [f((c + b)) for f in fs])
    try:
        try:
            s = (s)[:12]
            M = (L)[:8]
            print((sum(x for x in range(5) if x % 1 != 2) & (L[(c // 2) % len(L)] if L else -7)))
        finally:
            print('finally', a)
            a = ((12 if 2 == -4 else (L[a % len(L)] if L else -7)) + (f2(c) - -1)) % 1000003
        c = 1 % 1000003
        b += c
    except Exception as e:
        print('caught', type(e).__name__, e.args)
        M.pop()
        M = M[:8]
    else:
        print((list(range(12 % 6)) * 0), 7)
    a = ((((c << 0) >> 2) + b) & len('-'.join(str(x) for x in L))) % 1000003
    import threading
    res = [None] * 1
    lk = threading.Lock()
    shared = [0]
    def work3(k):
        try:
            acc = 0
            for i in range(36):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f2(k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work3, args=(k,)) for k in range(1)]
    for th in ths: th.start(); th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if not ((-1 ** 0 % 1000000007) - 'naïve'.find('b')):
        print(((sum(-x for x in range(0) if x % 1 != 0) ** 0 % 1000000007) + 0.1 * abs(b)))
    else:
        print((c / ((abs(a) << 2) >> 1)))
    if not t.find('b'):
        fn = lambda x, y=10: (f2((12 % (2 or 3))) + ((b % x) == (b * x)))
        print(fn(len('a')), fn((c != (((0 << 0) >> 1) if not 0 else a)), b))
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work4(k):
        try:
            acc = 0
            for i in range(32):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f2(k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work4, args=(k,)) for k in range(2)]
    for th in ths: th.start(); th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    for y in zip(L, s):
        print('y', y)
        fn = lambda x, y=3: y
        print(fn((b ** 2 % 1000000007)), fn((D.get(s, (c % (10 or 3))) ** 3 % 1000000007), b))
    print([(10 ** 0 % 1000000007)])
    print(D)
    D = dict(list(D.items())[:6])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
