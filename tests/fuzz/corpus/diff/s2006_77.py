closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 5
    b = 2
    c = 7
    s = 'hello'
    t = 'aba'
    L = []
    M = [-4]
    D = {'b': 3}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return self.k % 2 == 0
    class C2:
        count = 0
        def __init__(self, v):
            self.v = v
            C2.count += 1
        def m(self, k):
            return (self.v * 3 + k) % 1000003
        def __repr__(self):
            return 'C2(%r)' % (self.v,)
        def __eq__(self, other):
            return isinstance(other, C2) and self.v == other.v
        def __lt__(self, other):
            return self.v < other.v
        @property
        def double(self):
            return self.v * 2
        @staticmethod
        def st(x):
            return x + 1
        @classmethod
        def make(cls, x):
            return cls(x * 3)
    objs = sorted([C2(10) for _ in range(3)])
    print(objs, C2.count, objs[0] == objs[1], objs[0].double, C2.st(2), C2.make(1))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if s.startswith('b'):
        try:
            if ((M[b % len(M)] if M else -7) and (((5 << 0) >> 4) <= (L[b % len(L)] if L else -7))):
                raise KeyError('Ωmega'.zfill(4)[0:0:-1].find('a')) from ZeroDivisionError('-'.join(str(x) for x in L))
            print((abs(a) | c))
        except (ValueError, RuntimeError) as e:
            print('caught', type(e).__name__, e.args)
            a = abs(D.get('-'.join(str(x) for x in M), (a if 10 < 5 else b))) % 1000003
        except Exception as e:
            print('caught', type(e).__name__)
            if t.startswith(''):
                raise RuntimeError(c)
        finally:
            print('finally', a)
            with CM1(((a & b) - 1)) as cm3:
                try:
                    try:
                        raise ValueError(((D.get('', a) + (M[b % len(M)] if M else -7)) - abs('Ωmega'.find('ab'))))
                    except Exception as e1:
                        raise RuntimeError(c)
                except Exception as e2:
                    print(type(e2).__name__, type(e2.__context__).__name__, type(e2.__cause__).__name__, e2.__suppress_context__)
                L.sort()
                L = L[:8]
    elif ((L[c % len(L)] if L else -7) - (M[0 % len(M)] if M else -7)) < ((a ** 3 % 1000000007) + (10 > a)):
        b = b % 1000003
    else:
        print(((D.get(s, -1) - 12) - ((a << 3) >> 2)))
        a = c % 1000003
    a = (((L[c % len(L)] if L else -7) ** 0 % 1000000007) >= D.get(repr((abs(a) ** 0.5)), (c > c))) % 1000003
    print(b)
    L = (L)[:8]
    class MD3(dict):
        def __missing__(self, k): return 'miss-' + str(k)
        def __setitem__(self, k, v): super().__setitem__(k, v * 2)
    d3 = MD3(a=1)
    d3['b'] = 5; d3.update(c=3)
    print(d3['zz'], d3.get('zz'), d3, sorted(d3.items()), 'zz' in d3, type(d3.copy()).__name__, d3 == dict(d3))
    import heapq, bisect
    hq = list((L * 2))
    try: heapq.heapify(hq)
    except Exception as ex: print('heapq.heapify(hq)', type(ex).__name__, ex)
    try: print(heapq.heapreplace(hq, 7))
    except Exception as ex: print('print(heapq.heapreplace(hq, 7))', type(ex).__name__, ex)
    try: hq.sort()
    except Exception as ex: print('hq.sort()', type(ex).__name__, ex)
    try: print(heapq.nlargest(1, hq), heapq.nsmallest(2, hq, key=lambda x: -x))
    except Exception as ex: print('print(heapq.nlargest(1, hq), heapq.nsmallest(2, hq, key=lambda x: -x))', type(ex).__name__, ex)
    print(hq)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(10)
    try:
        t = ('b a')[:12]
    finally:
        print('finally', b)
        if s.startswith('a'):
            raise RuntimeError(sum(x * x for x in range(3) if x % 1 != -1)) from ZeroDivisionError('-'.join(str(x) for x in M))
    if (b % (2 or 3)) in M:
        print(-4)
    class ML4(list):
        def push(self, x): self.append(x); return self
        def __repr__(self): return 'ML' + super().__repr__()
        def __getitem__(self, i): return super().__getitem__(i) if isinstance(i, slice) else super().__getitem__(i % (len(self) or 1))
    x4 = ML4([])
    x4.push(1).push((((-1 != a)) % 9)); x4 += [(((c - a)) % 5)]
    print(x4, len(x4), x4[15], type(x4[1:]).__name__, type(x4 + []).__name__, sorted(x4), x4 == list(x4), isinstance(x4, list))
    import functools
    print(sorted(L, key=functools.cmp_to_key(lambda p, q: (p % 3) - (q % 3) or q - p)))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    b = (M[((c << 3) >> 1) % len(M)] if M else -7) % 1000003
    L = ([x for x in (list(range(2 % 6)) * 2) if True])[:8]
    class MS6(str):
        def shout(self): return self.upper() + '!'
        def __len__(self): return super().__len__() + 100
    u6 = MS6(repr((abs(a) ** 0.5)))
    print(repr(u6), u6.shout(), len(u6), type(u6 + 'x').__name__, type(u6.upper()).__name__, u6 == str(u6), {u6: 1}.get(str(u6)), '%s|%r' % (u6, u6), f'{u6!r:>8}', type(u6[:1]).__name__)
    import statistics
    try: print('median_grouped', statistics.median_grouped(L))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('median_grouped', type(ex).__name__, ex)
    try: print('pstdev', statistics.pstdev(L))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('pstdev', type(ex).__name__, ex)
    try: print('mean', statistics.mean(L))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('mean', type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
