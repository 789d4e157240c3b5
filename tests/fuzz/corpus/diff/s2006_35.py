closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 0
    b = -1
    c = 7
    s = 'ab'
    t = 'aba'
    L = []
    M = []
    D = {'a': 7}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    def f2(p0):
        a = p0
        b = 10
        c = -1
        s = 'hello'
        t = 'b'
        L = [3]
        M = []
        D = {'b': 0}
        def inner3(k):
            nonlocal a
            a = (a + k) % 1000003
            return a * 2
        print(inner3(((((c != c) << 0) >> 4) if -4 < (-1 + 3) else a)), a)
        return ((c - 7)) % 1000003
    def f4(p0=3):
        a = p0
        b = 1
        c = 12
        s = 'xyz'
        t = 'Q'
        L = [3, -1, 12, 1]
        M = [0, -4]
        D = {'b': 7}
        if not sum(x + a for x in range(3) if x % 2 != 3):
            def inner5(k):
                nonlocal a
                a = (a + k) % 1000003
                return a * 2
            print(inner5((((b if a == a else a) * b) if c != (12 | b) else ((a - a) ** 0 % 1000000007))), a)
        else:
            t = (t)[:12]
            if (((a << 1) >> 0) if b <= c else (3 + b)) < (M[(L[a % len(L)] if L else -7) % len(M)] if M else -7):
                try:
                    L = (M)[:8]
                    L.sort()
                    L = L[:8]
                finally:
                    print('finally', b)
                    t = ('é')[:12]
        return (0) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert c == 2 or b >= 0, f"{(0 - 12)}:{t!r}:{a:>4}:{abs(b):x}"
    for x in range(1):
        print('x', x)
        try:
            print((float(a) * 1e3))
            L = ([x % 3 for x in L if x != b])[:8]
        except (ZeroDivisionError, RuntimeError) as e:
            print('caught', type(e).__name__, e.args)
        finally:
            print('finally', b)
            x, *y = L[:5] or [abs(c)]
            print(x, y)
    else:
        print('for-else')
    print(sum(x for x in range(5) if x % 1 != 3))
    import functools
    @functools.lru_cache(maxsize=32)
    def fib6(k): return k if k < 2 else fib6(k - 1) + fib6(k - 2)
    print(fib6(((max(a, 12)) % 18)), fib6(((len(L)) % 18)), fib6.cache_info())
    fib6.cache_clear(); print(fib6.cache_info())
    import dataclasses
    @dataclasses.dataclass(order=True, frozen=True)
    class Pt7:
        x: int
        y: int = 8
        tags: list = dataclasses.field(default_factory=list, compare=True)
        note: str = dataclasses.field(default='n', repr=False)
    p7, q7 = Pt7(f4(2)), Pt7(6, (((M[a % len(M)] if M else -7)) % 9), [(((3 ** 3 % 1000000007)) % 5)])
    print(p7, q7, p7 == q7, dataclasses.asdict(q7), dataclasses.astuple(p7), [f.name for f in dataclasses.fields(p7)])
    print(dataclasses.replace(p7, y=0), dataclasses.is_dataclass(p7), Pt7.__eq__ is not object.__eq__)
    print(sorted([q7, p7, Pt7(0)]), p7 <= q7)
    try: print(Pt7())
    except Exception as ex: print('Pt7()', type(ex).__name__, ex)
    try: print(Pt7(y=1, x=2))
    except Exception as ex: print('Pt7(y=1, x=2)', type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c += (str(a).find('') // (a or 3))
    w8 = 0
    while w8 < 3:
        w8 += 1
        if sum(x for x in range(3) if x % 2 != 12) < len(s):
            break
    L = ((([x for x in M if True] + M) * 1))[:8]
    w9 = 0
    while w9 < 2:
        w9 += 1
        for i in t[:4]:
            print('i', i)
            s = (s)[:12]
            a = 0 % 1000003
    else:
        print('while-else', w9)
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work10(k):
        try:
            acc = 0
            for i in range(17):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f2(k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work10, args=(k,)) for k in range(2)]
    for th in ths: th.start(); th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    with CM1(max(3, ('%s=%d' % ('xyz', b)).find('b'))) as cm1:
        fn = lambda x, y=1: ((D.get('Ωmega', x) & (y ** 2 % 1000000007)) <= ''.find(''))
        print(fn(c), fn(((max(-4, b) - b) != (b - (a % (c or 3)))), c))
    b += b
    class P11:
        def __init__(self, *xs): self.xs = list(xs)
        def __len__(self): return len(self.xs)
        def __getitem__(self, i): return self.xs[i]
        def __contains__(self, x): return x in self.xs
        def __add__(self, o): return P11(*(self.xs + list(o)))
        def __radd__(self, o): return P11(o, *self.xs)
        def __bool__(self): return len(self.xs) % 2 == 0
        def __hash__(self): return hash(tuple(self.xs))
        def __eq__(self, o): return isinstance(o, P11) and o.xs == self.xs
        def __call__(self, k=1): return sum(self.xs) * k
        def __repr__(self): return 'P11' + repr(self.xs)
        def __getattr__(self, name): return name * 2
    pv12 = P11((0 - M[(a + a)]), max(a, (b - len(L))))
    print(len(pv12), list(pv12), c in pv12, bool(pv12), pv12 + [abs(((L[-1 % len(L)] if L else -7) | max(a, a)))], pv12(sum(x for x in range(0) if x % 2 != 3)), pv12.zz, {pv12: 1}[P11(*pv12.xs)])
    import math
    try: print('math.comb(((f4(c)) % 40), (((b if b in M else c)) % 20))', math.comb(((f4(c)) % 40), (((b if b in M else c)) % 20)))
    except Exception as ex: print('math.comb(((f4(c)) % 40), (((b if b in M else c)) % 20))', type(ex).__name__, ex)
    try: print('math.sqrt(1e300)', math.sqrt(1e300))
    except Exception as ex: print('math.sqrt(1e300)', type(ex).__name__, ex)
    try: print('math.hypot(-0.0, -1.5)', math.hypot(-0.0, -1.5))
    except Exception as ex: print('math.hypot(-0.0, -1.5)', type(ex).__name__, ex)
    try: print('math.isclose(1e-300, 1e300)', math.isclose(1e-300, 1e300))
    except Exception as ex: print('math.isclose(1e-300, 1e300)', type(ex).__name__, ex)
    import functools
    @functools.total_ordering
    class V13:
        def __init__(self, v): self.v = v
        def __eq__(self, o): return self.v == o.v
        def __lt__(self, o): return self.v < o.v
    print(V13(((D.get('naïve', 10)) % 5)) >= V13(((sum(x for x in range(1) if x % 1 != 1)) % 5)), V13(1) > V13(0), V13(2) <= V13(2))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
