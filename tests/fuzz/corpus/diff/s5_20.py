closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 12
    b = 1
    c = 0
    s = 'ab'
    t = 'Q'
    L = [-1, 3]
    M = []
    D = {'a': 12}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    def g2(n):
        a = n
        b = 5
        c = 2
        s = 'xyz'
        t = 'aba'
        L = [10, 1]
        M = []
        D = {'b': 5}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield 1
        finally:
            if closed is not None: closed.append(('g2', n))
    class E3(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    a = a % 1000003
    a = D.get(s, (c ^ sum(g2(4)))) % 1000003
    s = (t)[:12]
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
