closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 7
    b = 3
    c = 1
    s = ''
    t = 'aba'
    L = [7, 7]
    M = []
    D = {'b': 0}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return True
    class E2(ValueError):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print((((a + b) + (L[b % len(L)] if L else -7)) - (7 ^ D.get(t, a))))
    for x in enumerate(M[:3]):
        print('x', x)
        a = abs(-4) % 1000003
    else:
        print('for-else')
    print(list(map(abs, [x - a for x in list(range(b % 6)) if x > 0])), list(filter(None, M)), any(M[1:-4]), all(L), list(reversed(L)), list(enumerate(([x % 3 for x in L[0:-1] if x != b] + (M + M)), 2)))
    t = ('a')[:12]
    import dataclasses
    @dataclasses.dataclass(order=False, frozen=False)
    class Pt3:
        x: int
        y: int = 1
        tags: list = dataclasses.field(default_factory=list, compare=True)
        note: str = dataclasses.field(default='n', repr=False)
    p3, q3 = Pt3(min(-4, c)), Pt3(((min(b, b)) % 9), ((max(b, 7)) % 9), [((a) % 5)])
    print(p3, q3, p3 == q3, dataclasses.asdict(q3), dataclasses.astuple(p3), [f.name for f in dataclasses.fields(p3)])
    print(dataclasses.replace(p3, y=((abs(c)) % 5)), dataclasses.is_dataclass(p3), Pt3.__eq__ is not object.__eq__)
    try: print(p3 < q3)
    except Exception as ex: print('p3 < q3', type(ex).__name__, ex)
    try: print(Pt3(1, 2, [], 'k', 9))
    except Exception as ex: print("Pt3(1, 2, [], 'k', 9)", type(ex).__name__, ex)
    bx, by = (2 ** 2331 + (abs(b) >= 'b a'.find('ab'))), (7 ** 1679 - ((c >= c) + (3 ** 2 % 1000000007)))
    import math
    try: print('divmod(bx, by or 1)[1] % 1000003', divmod(bx, by or 1)[1] % 1000003)
    except Exception as ex: print('divmod(bx, by or 1)[1] % 1000003', type(ex).__name__, ex)
    try: print('(bx * bx - by * by) % 999999937', (bx * bx - by * by) % 999999937)
    except Exception as ex: print('(bx * bx - by * by) % 999999937', type(ex).__name__, ex)
    try: print('(bx * by) // bx == by', (bx * by) // bx == by)
    except Exception as ex: print('(bx * by) // bx == by', type(ex).__name__, ex)
    try: print("int.from_bytes(bytes(range(256)) * 11, 'big') % 1000003", int.from_bytes(bytes(range(256)) * 11, 'big') % 1000003)
    except Exception as ex: print("int.from_bytes(bytes(range(256)) * 11, 'big') % 1000003", type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(divmod((b ** 1 % 1000000007), a or 5), abs(len([x % 3 for x in M if x % 2])) // -3, ((M[max(c, -4) % len(M)] if M else -7) >= (abs(0) ** 2 % 1000000007)) % -3, pow(c, 0, 97), -(a) // 4)
    for i in enumerate(M[:3]):
        print('i', i)
        fn = lambda x, y=-4: (5 ** 3 % 1000000007)
        print(fn(c), fn(len(([x * 2 for x in L if x % 2] + M)), max(((b % (a or 3)) if 2 != 12 else '日本'.find('b')), c)))
    else:
        print('for-else')
    print((L[(a - b)] / (L[(c // (c or 3)) % len(L)] if L else -7)))
    M = ([c, c, sum(-x for x in range(2) if x % 3 != 7)])[:8]
    import statistics
    try: print('variance', statistics.variance(M + [1]))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('variance', type(ex).__name__, ex)
    try: print('multimode', statistics.multimode(M + [1]))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('multimode', type(ex).__name__, ex)
    try: print('harmonic_mean', statistics.harmonic_mean(M + [1]))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('harmonic_mean', type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(D)
    D = dict(list(D.items())[:6])
    if t.startswith(''):
        s = ('ab'[1:7:2])[:12]
        L.extend(sorted(M)[:4])
        L = L[:8]
    elif s.startswith('b'):
        M.append(((((3 % b) << 4) >> 0) if (c * a) > abs(c) else c))
        M = M[:8]
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work4(k):
        try:
            acc = 0
            for i in range(9):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work4, args=(k,)) for k in range(2)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
