closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 5
    b = -1
    c = 7
    s = 'xyz'
    t = 'aba'
    L = [2, 5, 2, -4]
    M = [12]
    D = {'b': 2}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return self.k % 2 == 0
    class CM2:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return True
    def f3(p0):
        a = p0
        b = 5
        c = 2
        s = 'hello'
        t = 'aba'
        L = [2]
        M = [7]
        D = {'b': 2}
        c = c % 1000003
        return (D.get(repr((c + 0.1 * b)), len(('a' * 1)))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        L.reverse()
        L = L[:8]
        print(0)
    except Exception as e:
        print('caught', type(e).__name__, e.args)
    try:
        a = b % 1000003
        L.pop()
        L = L[:8]
    except Exception as e:
        print('caught', type(e).__name__, e.args)
        print(list(D), list(D.values()))
        D = dict(list(D.items())[:6])
    finally:
        print('finally', b)
    L = ([x * y for x in range(3) for y in range(x)])[:8]
    import statistics
    try: print('geometric_mean', statistics.geometric_mean([((a % 12) ** 0 % 1000000007), ((L[5 % len(L)] if L else -7) - 2), 1]))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('geometric_mean', type(ex).__name__, ex)
    try: print('median_high', statistics.median_high([((a % 12) ** 0 % 1000000007), ((L[5 % len(L)] if L else -7) - 2), 1]))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('median_high', type(ex).__name__, ex)
    try: print('mode', statistics.mode([((a % 12) ** 0 % 1000000007), ((L[5 % len(L)] if L else -7) - 2), 1]))
    except statistics.StatisticsError as ex: print('StatisticsError', ex)
    except Exception as ex: print('mode', type(ex).__name__, ex)
    import re
    try: print(re.match('(?<=a)b', 'the quick brown fox'))
    except re.error as ex: print('re.error', ex)
    except Exception as ex: print("re.match('(?<=a)b', 'the quick brown fox')", type(ex).__name__, ex)
    try: print((lambda m: m and (m.group(0), m.groups(), m.start(), m.end(), m.groupdict()))(re.search('(?<=a)b', 'the quick brown fox')))
    except re.error as ex: print('re.error', ex)
    except Exception as ex: print("(lambda m: m and (m.group(0), m.groups(), m.start(), m.end(), m.groupdict()))(re.search('(?<=a)b', 'the quick brown fox'))", type(ex).__name__, ex)
    try: print(re.subn('(?<=a)b', '-', 'the quick brown fox', count=(((b ^ 12)) % 3)))
    except re.error as ex: print('re.error', ex)
    except Exception as ex: print("re.subn('(?<=a)b', '-', 'the quick brown fox', count=(((b ^ 12)) % 3))", type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    t = (repr(list(range(min(2, 0) % 6))))[:12]
    assert s.startswith('b') or b >= 0, s
    Dx = dict.fromkeys(t, 7)
    Dx.update({str(b): (c - b)}, z=(c ** 3 % 1000000007))
    print(Dx.setdefault(t, c), Dx, sorted(Dx.keys()), list(Dx.items())[:3])
    print(Dx.popitem() if Dx else None, len(Dx), repr((((c << 0) >> 3) + 0.1 * (-4 if (c and 0) else -1))) in Dx)
    for x in enumerate(L[:3]):
        print('x', x)
        if min((c * 3), 3) == b:
            continue
    import gc
    dlog4, keep4 = [], []
    class Node4:
        def __init__(self, k): self.k = k; self.peer = None; self.items = []
        def __del__(self):
            dlog4.append(self.k)
    x4_0 = Node4(0); x4_0.peer = Node4(1); x4_0.peer.peer = x4_0
    del x4_0
    x4_1 = Node4(14)
    del x4_1
    print('freed', 14 in dlog4)
    x4_2 = Node4(23); x4_2.items.append(x4_2)
    del x4_2
    gc.collect()
    print('gc', sorted(dlog4, key=repr), len(keep4))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    fn = lambda x, y=0: min(b, sum(x * x for x in range(4) if x % 2 != 12))
    print(fn((a if sum(-x for x in range(3) if x % 2 != -4) in L else a)), fn(abs((D.get(t, b) if s.startswith('') else a)), f3(min(abs(c), a))))
    print(D)
    D = dict(list(D.items())[:6])
    print(((c < (12 & 5)) ^ 2))
    import copy
    class Box5:
        def __init__(self, items): self.items = items
    inner = list([])
    orig = {'a': inner, 'b': [inner, (inner, ((c) % 5))], 'box': Box5(inner)}
    sh, dp = copy.copy(orig), copy.deepcopy(orig)
    inner.append(3)
    print(len(sh['a']), len(dp['a']), dp['b'][0] is dp['a'], sh['a'] is inner, dp['b'][1][0] is dp['a'], dp['box'].items == sh['box'].items, type(dp['box'].items).__name__)
    print(copy.copy(s), copy.deepcopy((1, [2])), copy.copy(range(3)))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
