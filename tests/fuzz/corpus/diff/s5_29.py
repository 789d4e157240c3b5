try:
    a = -1
    b = 2
    c = 7
    s = 'xyz'
    t = 'Q'
    L = [5, 5, 0, 2]
    M = []
    D = {'b': 7}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    class E2(ValueError):
        pass
    def f3(p0, p1):
        a = p0
        b = p1
        c = -1
        s = 'ab'
        t = 'b'
        L = []
        M = [-1]
        D = {'a': 10}
        try:
            if s.startswith('a'):
                return a
            s = ('xyz')[:12]
            with CM1((7 - b)) as cm3:
                print(sorted(D.items()))
                D = dict(list(D.items())[:6])
                a = sum(-x for x in range(2) if x % 3 != -1) % 1000003
        except Exception as e:
            print('caught', type(e).__name__, e.args)
        except Exception as e:
            print('caught', type(e).__name__)
            a = b % 1000003
        return (a) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w4 = 0
    while w4 < 3:
        w4 += 1
        L.sort()
        L = L[:8]
    print((c - b))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    t = ('a')[:12]
    print(list(D), list(D.values()))
    D = dict(list(D.items())[:6])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
