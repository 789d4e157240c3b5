closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 0
    b = -4
    c = 12
    s = 'xyz'
    t = 'aba'
    L = [1, 12, 3, -1]
    M = []
    D = {'b': 3}
    def f1(p0):
        a = p0
        b = 7
        c = 12
        s = 'hello'
        t = 'b'
        L = [0, 5, 0, 3]
        M = [7]
        D = {'a': -1}
        def inner2(k):
            nonlocal a
            a = (a + k) % 1000003
            return a * 2
        print(inner2(t.find('ab')), a)
        if b < D.get(s, c):
            return -4
        return (((b << 3) >> 2)) % 1000003
    class CM3:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return True
    class E4(ValueError):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c = ((((c & a) * len(t)) << 1) >> 0) % 1000003
    print((((a * abs(c)) << 3) >> 3))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        print(str((M[c % len(M)] if M else -7)).find('b'))
        def gt5():
            total = 0
            try:
                while True:
                    try:
                        v = yield total
                        total += v if v is not None else 1
                    except ValueError as ex:
                        print('gen caught', ex.args)
                        return 'stopped'
            finally:
                if closed is not None: closed.append(total)
        go6 = gt5()
        print(next(go6), go6.send((D.get(('%s=%d' % (t, c)), -1) + (2 - min(c, b)))), go6.send(None))
        try:
            print(go6.throw(ValueError(D.get(t, f1((-1 * a))))))
        except StopIteration as si:
            print('stop', si.value)
        go6.close()
        print(go6.close())
        M.remove(sum(x + a for x in range(5) if x % 2 != 5))
        M = M[:8]
    except Exception as e:
        print('caught', type(e).__name__)
        print(10)
    s = (s.swapcase())[:12]
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
