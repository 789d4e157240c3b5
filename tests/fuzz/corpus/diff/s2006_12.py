closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 0
    b = 7
    c = 5
    s = ''
    t = 'aba'
    L = [7, 3, -1, 1]
    M = [2]
    D = {'a': -1}
    def f1(p0, p1):
        a = p0
        b = p1
        c = 7
        s = 'xyz'
        t = 'Q'
        L = [-4]
        M = []
        D = {'a': 5}
        if c <= (a if c <= c else (c % b)):
            def inner2(k):
                nonlocal a
                a = (a + k) % 1000003
                return a * 2
            print(inner2((b & 'b a'.find('a'))), a)
            fn = lambda x, y=5: b
            print(fn(-4), fn(abs(c), c))
        else:
            c = c % 1000003
        print((float(10) * 0.1))
        return (b) % 1000003
    def f3(p0=7):
        a = p0
        b = 1
        c = 7
        s = 'ab'
        t = 'aba'
        L = [2, 0, 12]
        M = []
        D = {'a': 10}
        b += a
        w4 = 0
        while w4 < 2:
            w4 += 1
            w5 = 0
            while w5 < 4:
                w5 += 1
                Dx = dict.fromkeys(s, (len(list(range(a % 6))) + a))
                Dx.update({'Ωmega': sum(x + a for x in range(1) if x % 1 != 5)}, z=(max((a ** 0 % 1000000007), 5) * L[b]))
                print(Dx.setdefault(s, (sum(x for x in range(1) if x % 2 != 2) // (((-1 + 5) - (10 + b)) or 3))), Dx, sorted(Dx.keys()), list(Dx.items())[:3])
                print(Dx.popitem() if Dx else None, len(Dx), 'b a' in Dx)
            if a in L:
                break
        M = ([x * y for x in range(2) for y in range(x)])[:8]
        return (a) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c = min(D.get(s, sum(x * x for x in range(4) if x % 3 != 3)), (s.find('a') if a == c else ((b << 2) >> 1))) % 1000003
    if (b ** 0 % 1000000007) == ((M[-1 % len(M)] if M else -7) + c):
        t = (s[-1:1:])[:12]
        c += (L[((D.get('日本', a) << 0) >> 2) % len(L)] if L else -7)
    import copy
    class Box6:
        def __init__(self, items): self.items = items
        def __copy__(self): return Box6('shallow')
    inner = list(L)
    orig = {'a': inner, 'b': [inner, (inner, 1)], 'box': Box6(inner)}
    sh, dp = copy.copy(orig), copy.deepcopy(orig)
    inner.append(((5) % 9))
    print(len(sh['a']), len(dp['a']), dp['b'][0] is dp['a'], sh['a'] is inner, dp['b'][1][0] is dp['a'], dp['box'].items == sh['box'].items, type(dp['box'].items).__name__)
    print(copy.copy({1: [2]}), copy.deepcopy((1, [2])), copy.copy(range(3)))
    import asyncio
    alog7 = []
    async def co7(k, steps):
        alog7.append(('start', k))
        for _ in range(steps):
            await asyncio.sleep(0)
        alog7.append(('end', k))
        if k == ((b) % 5):
            raise KeyError(k)
        return k * 2
    async def agen7(m):
        try:
            for i in range(m):
                await asyncio.sleep(0)
                got = yield i
                if got is not None: alog7.append(('got', got))
        finally:
            alog7.append('agen-finally')
    class ACM7:
        async def __aenter__(self):
            alog7.append('aenter'); return self
        async def __aexit__(self, et, ev, tb):
            alog7.append(('aexit', et.__name__ if et else None)); return False
    async def main7():
        ts = [asyncio.create_task(co7(1, 0)) for _ in range(2)]
        print('tasks', [await x for x in ts])
        print('await', await co7(0, 1))
        return len(alog7)
    try:
        print('run', asyncio.run(main7()))
    finally:
        print(alog7)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(a)
    print((12 * (((c & a) << 2) >> 0)))
    import array
    try:
        ar = array.array('f', [])
        print(ar.tobytes())
        ar.extend(ar)
        ar *= 2
        ar.append(L[(12 - a)])
        print(ar)
    except Exception as ex: print(type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(sum(x * x for x in range(5) if x % 1 != 12))
    M = (M)[:8]
    w8 = 0
    while w8 < 4:
        w8 += 1
        L = ((L[3:12] + (L * 0))[12:12])[:8]
        a = b % 1000003
    import threading
    res = [None] * 2
    lk = threading.Lock()
    shared = [0]
    def work9(k):
        try:
            acc = 0
            for i in range(46):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work9, args=(k,)) for k in range(2)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
