closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -4
    b = 7
    c = 2
    s = 'xyz'
    t = 'b'
    L = [5, 3, 5, 5]
    M = [-1, 2]
    D = {'a': 0}
    def g1(n):
        a = n
        b = 7
        c = 7
        s = ''
        t = 'b'
        L = [2, 10]
        M = []
        D = {'b': 12}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield b
        finally:
            if closed is not None: closed.append(('g1', n))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    b += 1
    if s.startswith('b'):
        print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
        a = c % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c += ((12 if a < -1 else (3 + c)) + c)
    print(D)
    D = dict(list(D.items())[:6])
    try:
        class P2:
            def __init__(self, *xs): self.xs = list(xs)
            def __len__(self): return len(self.xs)
            def __getitem__(self, i): return self.xs[i]
            def __contains__(self, x): return x in self.xs
            def __add__(self, o): return P2(*(self.xs + list(o)))
            def __radd__(self, o): return P2(o, *self.xs)
            def __bool__(self): return len(self.xs) % 2 == 0
            def __hash__(self): return hash(tuple(self.xs))
            def __eq__(self, o): return isinstance(o, P2) and o.xs == self.xs
            def __call__(self, k=1): return sum(self.xs) * k
            def __repr__(self): return 'P2' + repr(self.xs)
            def __getattr__(self, name): return name * 2
        pv3 = P2((abs(10) <= max((10 if s.startswith('a') else a), (0 + b))), (((b if a in L else 7) + (a * 3)) ** 1 % 1000000007))
        print(len(pv3), list(pv3), D.get(s, a) in pv3, bool(pv3), pv3 + [a], pv3(b), pv3.zz, {pv3: 1}[P2(*pv3.xs)])
    except (TypeError, ValueError) as e:
        print('caught', type(e).__name__)
        if ((a // a) ** 0 % 1000000007) in L:
            raise ValueError((D.get(('b a' + s), D.get(t, b)) & c))
    finally:
        print('finally', c)
        assert (7 - b) == c or L, '日本'
    import threading
    res = [None] * 3
    lk = threading.Lock()
    shared = [0]
    def work4(k):
        try:
            acc = 0
            for i in range(6):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work4, args=(k,)) for k in range(3)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
