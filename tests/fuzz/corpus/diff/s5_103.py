closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 7
    b = 5
    c = -4
    s = ''
    t = 'Q'
    L = [-1, 3, 12]
    M = [0]
    D = {'b': 7}
    class E1(Exception):
        pass
    def f2(p0, p1=3):
        a = p0
        b = p1
        c = 2
        s = 'ab'
        t = 'b'
        L = [7, -1, 3]
        M = []
        D = {'a': 5}
        a = abs(((c - 2) if not b else b)) % 1000003
        for i in zip(L, t):
            print('i', i)
            w3 = 0
            while w3 < 2:
                w3 += 1
                t = (repr([x * y for x in range(2) for y in range(x)]))[:12]
                M[((a ** 1 % 1000000007) * (((L[c % len(L)] if L else -7) << 2) >> 2))] = (L[b % len(L)] if L else -7)
                M = M[:8]
        M[b] = D.get(t, sum(x + a for x in range(0) if x % 3 != 3))
        M = M[:8]
        return (abs(c)) % 1000003
    def f4(p0, p1):
        a = p0
        b = p1
        c = 2
        s = 'hello'
        t = 'aba'
        L = [0, 7, 7]
        M = []
        D = {'a': 3}
        b = s[0:10:].find('ab') % 1000003
        return (10) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if a == c:
        a = a % 1000003
        if max(b, sum(x * x for x in range(5) if x % 3 != 5)) != f2((M[b % len(M)] if M else -7), b):
            print((0 + 0.1 * (((c - a) << 4) >> 3)))
            M = ([x * 2 for x in M if True])[:8]
    else:
        w5 = 0
        while w5 < 3:
            w5 += 1
            try:
                L = ([x * y for x in range(4) for y in range(x)])[:8]
                M = (L[12:-4])[:8]
            finally:
                print('finally', b)
            L = ([x * y for x in range(2) for y in range(x)])[:8]
        else:
            print('while-else', w5)
    print(max(f2((L[a % len(L)] if L else -7), b), '-'.join(str(x) for x in M).find('b')))
    L = ((sorted(L, key=lambda x: -x) + (M + M))[12:5])[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(c)
    print(5)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print([x - a for x in (M * 0) if True], s)
    b = (L[a % len(L)] if L else -7) % 1000003
    s = (repr(L))[:12]
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work6(k):
        try:
            acc = 0
            for i in range(31):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f2(k, k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work6, args=(k,)) for k in range(2)]
    for th in ths: th.start(); th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
