try:
    a = 7
    b = -1
    c = -1
    s = ''
    t = 'Q'
    L = [12, 7, -4, 0]
    M = [-1, 10]
    D = {'a': 7}
    class E1(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    L = (L)[:8]
    print((D.get('ab', D.get(s, b)) if s.startswith('b') else ((12 - 7) << 4) >> 4))
    print(b)
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work2(k):
        try:
            acc = 0
            for i in range(39):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work2, args=(k,)) for k in range(2)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(sum(x + a for x in range(1) if x % 3 != -4))
    for x in range(4):
        print('x', x)
        print(sum(x for x in range(2) if x % 1 != 7))
        try:
            c = ((D.get('AbC', b) - b) & len(repr((abs(b) ** 0.5)))) % 1000003
            b = 7 % 1000003
            print(D.get(('a' * 1), b))
        finally:
            print('finally', c)
    print((2 & b))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
