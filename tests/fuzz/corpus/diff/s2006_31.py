closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 10
    b = 7
    c = 10
    s = 'ab'
    t = 'Q'
    L = [12, -4, 5, -1]
    M = [-1]
    D = {'a': 5}
    def f1(p0=1):
        a = p0
        b = 2
        c = 7
        s = 'hello'
        t = 'Q'
        L = [10, -4, -1]
        M = []
        D = {'a': 5}
        print((((-1 - 3) == D.get(s, a)) <= len(M)))
        return ((((b * c) - (a + c)) + (7 & (3 % (b or 3))))) % 1000003
    def g2(n):
        a = n
        b = 1
        c = 7
        s = ''
        t = 'aba'
        L = [2]
        M = [-4, 3]
        D = {'b': -4}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield ((b if not a else b) // a)
        finally:
            if closed is not None: closed.append(('g2', n))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w3 = 0
    while w3 < 2:
        w3 += 1
        for y in enumerate(M[:3]):
            print('y', y)
            print(list(map(abs, list(range(max(sum(g2(4)), sum(g2(1))) % 6)))), list(filter(None, sorted(M, key=lambda x: -x))), any([x * y for x in range(3) for y in range(x)]), all(L), list(reversed(L)), list(enumerate(list(g2(0)), 1)))
            print(7)
    else:
        print('while-else', w3)
    print(a)
    import string
    try: print(string.whitespace, string.ascii_uppercase[((c) % 26):])
    except Exception as ex: print('string.whitespace, string.ascii_uppercase[((c) % 26):]', type(ex).__name__, ex)
    try: print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits)
    except Exception as ex: print('string.ascii_letters, string.digits, string.punctuation, string.hexdigits, string.octdigits', type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if (sum(x * x for x in range(3) if x % 3 != 0) and sum(g2(3))):
        print({x: x * x for x in M[:4]}, sorted({x % 3 for x in L}))
        w4 = 0
        while w4 < 1:
            w4 += 1
            fn = lambda x, y=5: ((x if s.startswith('b') else abs(y)) ** 0 % 1000000007)
            print(fn(((t.find('') % (abs(b) or 3)) - min(a, (-1 // (a or 3))))), fn((M[(b ** 1 % 1000000007) % len(M)] if M else -7), abs((sum(x for x in range(0) if x % 2 != -1) if c in M else (a - 2)))))
            b = s.find('a') % 1000003
    t = (f"{b}:{s!r}:{c:>4}:{abs(3):x}")[:12]
    print(c)
    a = 0 % 1000003
    import copy
    class Box5:
        def __init__(self, items): self.items = items
        def __deepcopy__(self, memo): return Box5(['deep'] + copy.deepcopy(self.items, memo))
        def __copy__(self): return Box5('shallow')
    inner = list(M)
    orig = {'a': inner, 'b': [inner, (inner, 1)], 'box': Box5(inner)}
    sh, dp = copy.copy(orig), copy.deepcopy(orig)
    inner.append(((D.get('b a', b)) % 9))
    print(len(sh['a']), len(dp['a']), dp['b'][0] is dp['a'], sh['a'] is inner, dp['b'][1][0] is dp['a'], dp['box'].items == sh['box'].items, type(dp['box'].items).__name__)
    print(copy.copy(L), copy.deepcopy((1, [2])), copy.copy(range(3)))
    import asyncio
    alog6 = []
    async def co6(k, steps):
        alog6.append(('start', k))
        for _ in range(steps):
            await asyncio.sleep(0)
        alog6.append(('end', k))
        if k == 2:
            raise RuntimeError(k)
        return k * 2
    async def agen6(m):
        try:
            for i in range(m):
                await asyncio.sleep(0)
                got = yield i
                if got is not None: alog6.append(('got', got))
        finally:
            alog6.append('agen-finally')
    class ACM6:
        async def __aenter__(self):
            alog6.append('aenter'); return self
        async def __aexit__(self, et, ev, tb):
            alog6.append(('aexit', et.__name__ if et else None)); return False
    async def main6():
        print('await', await co6(((sum(g2(2))) % 5), 2))
        return len(alog6)
    c6 = co6(7, 1)
    try:
        while True: c6.send(None)
    except StopIteration as si:
        print('stop', si.value)
    try:
        print('run', asyncio.run(main6()))
    finally:
        print(alog6)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        c = (len(repr(L)) * b) % 1000003
        print((c / c))
    finally:
        print('finally', c)
        gi7 = g2(2)
        print(next(gi7, 'done'))
        print(list(gi7))
    c += (L[b % len(L)] if L else -7)
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work8(k):
        try:
            acc = 0
            for i in range(1):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f1(k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work8, args=(k,)) for k in range(2)]
    for th in ths: th.start(); th.join()
    print('threads', res, shared[0])
    class MI9(int):
        def __add__(self, o): return MI9(int(self) + int(o) + 1)
        def __repr__(self): return 'MI(%d)' % int(self)
        def double(self): return self * 2
    i9 = MI9((c < b))
    print(i9, i9 + 2, 2 + i9, type(i9 - 1).__name__, i9.double(), type(i9.double()).__name__, int(i9), i9 == int(i9), hash(i9) == hash(int(i9)), str(i9), f'{i9:>6}', [1, 2, 3][MI9(1)])
    import weakref
    wl10 = []
    class W10:
        def __init__(self, v): self.v = v
    o10 = [W10(i) for i in range(3)]
    r10 = weakref.ref(o10[0], lambda r: wl10.append('cb0'))
    wv10 = weakref.WeakValueDictionary((i, o) for i, o in enumerate(o10))
    wk10 = weakref.WeakKeyDictionary({o10[1]: 'one'})
    ws10 = weakref.WeakSet(o10)
    f10 = weakref.finalize(o10[2], wl10.append, 'fin2')
    p10 = weakref.proxy(o10[((b) % 3)])
    print(r10() is o10[0], r10().v, len(wv10), len(wk10), len(ws10), f10.alive, p10.v, weakref.getweakrefcount(o10[0]))
    del o10[((b) % 3)]
    print(r10() is None, sorted(wv10), len(wk10), len(ws10), f10.alive, wl10)
    try: print(p10.v)
    except ReferenceError as ex: print('ReferenceError', ex)
    o10.clear()
    print(len(wv10), len(ws10), wl10)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
