closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 7
    b = 10
    c = 3
    s = 'hello'
    t = 'aba'
    L = [12, -4, 1, 10]
    M = [5, 12]
    D = {'b': 10}
    class E1(ValueError):
        pass
    class E2(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(c)
    print([x * y for x in range(1) for y in range(x)], (repr(L).zfill(4) * 0))
    assert not c or L, s
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work3(k):
        try:
            acc = 0
            for i in range(13):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work3, args=(k,)) for k in range(2)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
