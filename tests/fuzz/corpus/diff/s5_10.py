closed = []   # what generators' finally clauses saw (None once the module is released)
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
        a = ((D.get(t, 1) ** 3 % 1000000007) * abs((0 & c))) % 1000003
    M = ([len(s.lower()), ((7 * 0) * (L[c % len(L)] if L else -7)), b])[:8]
    import threading
    res = [None] * 3
    lk = threading.Lock()
    shared = [0]
    def work2(k):
        try:
            acc = 0
            for i in range(36):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f1(k, k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work2, args=(k,)) for k in range(3)]
    for th in ths: th.start(); th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
