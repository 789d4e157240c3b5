try:
    a = 1
    b = 7
    c = -1
    s = 'xyz'
    t = 'aba'
    L = [7, 5, 3]
    M = []
    D = {'a': 1}
    def g1(n):
        a = n
        b = 3
        c = 12
        s = ''
        t = 'aba'
        L = [3, -1]
        M = [-4, 0]
        D = {'a': 3}
        for i in range(n):
            a = (a + i) % 1000003
            yield (c * sum(-x for x in range(0) if x % 2 != 7))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c = c % 1000003
    M = (L)[:8]
    a = len(sorted([2, a], key=lambda x: -x)) % 1000003
    b += b
    import threading
    res = [None] * 3
    lk = threading.Lock()
    shared = [0]
    def work2(k):
        try:
            acc = 0
            for i in range(12):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work2, args=(k,)) for k in range(3)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
