closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 3
    b = 1
    c = -1
    s = ''
    t = 'b'
    L = []
    M = [5, -1]
    D = {'b': 12}
    class E1(ValueError):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print((a - abs((-1 if b != a else c))))
    x, *y = L[:5] or [(a <= (c * a))]
    print(x, y)
    import threading
    res = [None] * 3
    lk = threading.Lock()
    shared = [0]
    def work2(k):
        try:
            acc = 0
            for i in range(12):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work2, args=(k,)) for k in range(3)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
    import heapq, bisect
    hq = list(L)
    try: bisect.insort_left(hq, 4, 0, len(hq))
    except Exception as ex: print('bisect.insort_left(hq, 4, 0, len(hq))', type(ex).__name__, ex)
    try: print(bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda p: p[0]))
    except Exception as ex: print("print(bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda p: p[0]))", type(ex).__name__, ex)
    try: print(heapq.heappushpop(hq, (((5 == b)) % 12)))
    except Exception as ex: print('print(heapq.heappushpop(hq, (((5 == b)) % 12)))', type(ex).__name__, ex)
    try: print(heapq.nlargest(1, hq), heapq.nsmallest(2, hq, key=lambda x: -x))
    except Exception as ex: print('print(heapq.nlargest(1, hq), heapq.nsmallest(2, hq, key=lambda x: -x))', type(ex).__name__, ex)
    print(hq)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    a = abs(b) % 1000003
    print(c)
    if (len((L * 2)) and ((a << 3) >> 2)):
        raise TypeError((b < D.get(repr(L), 10)))
    import asyncio
    alog3 = []
    async def co3(k, steps):
        alog3.append(('start', k))
        for _ in range(steps):
            await asyncio.sleep(0)
        alog3.append(('end', k))
        if k == (((10 + -4)) % 5):
            raise KeyError(k)
        return k * 2
    async def agen3(m):
        try:
            for i in range(m):
                await asyncio.sleep(0)
                got = yield i
                if got is not None: alog3.append(('got', got))
        finally:
            alog3.append('agen-finally')
    class ACM3:
        async def __aenter__(self):
            alog3.append('aenter'); return self
        async def __aexit__(self, et, ev, tb):
            alog3.append(('aexit', et.__name__ if et else None)); return False
    async def main3():
        print('gather', await asyncio.gather(co3(0, 1)))
        g = agen3(3); print('asend', await g.__anext__(), await g.asend(7)); await g.aclose()
        ts = [asyncio.create_task(co3(2, 2)) for _ in range(2)]
        print('tasks', [await x for x in ts])
        return len(alog3)
    c3 = co3(7, 1)
    try:
        while True: c3.send(None)
    except StopIteration as si:
        print('stop', si.value)
    try:
        print('run', asyncio.run(main3()))
    finally:
        print(alog3)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if ((c & -1) * (a - -4)) != (((-4 // b) << 1) >> 2):
        raise TypeError(abs(a)) from ZeroDivisionError(str((c - c)))
    try:
        assert b == b or b >= 0, t
        for y in s[:4]:
            print('y', y)
            print({x: x * x for x in M[:4]}, sorted({x % 3 for x in M}))
    except KeyError as e:
        print('caught', type(e).__name__, e.args)
        c += (((b ** 2 % 1000000007) << 3) >> 0)
    try:
        class K4_0():
            tag = 'K4_0'
            def who(self):
                return ['K4_0'] + getattr(super(), 'who', lambda: [])()
        print('K4_0', [k.__name__ for k in K4_0.__mro__])
        print(K4_0().who(), getattr(K4_0, 'tag', None), getattr(K4_0(), 'seen', None))
    except (TypeError, NameError) as ex:
        print('K4_0', type(ex).__name__, ex)
    try:
        class K4_1():
            def who(self):
                return ['K4_1'] + getattr(super(), 'who', lambda: [])()
        print('K4_1', [k.__name__ for k in K4_1.__mro__])
        print(K4_1().who(), getattr(K4_1, 'tag', None), getattr(K4_1(), 'seen', None))
    except (TypeError, NameError) as ex:
        print('K4_1', type(ex).__name__, ex)
    try:
        class K4_2(K4_1, K4_0):
            tag = 'K4_2'
            def who(self):
                return ['K4_2'] + getattr(super(), 'who', lambda: [])()
            def __init__(self, *args, **kw):
                self.seen = getattr(self, 'seen', ()) + ('K4_2',)
                super().__init__(*args, **kw)
        print('K4_2', [k.__name__ for k in K4_2.__mro__])
        print(K4_2().who(), getattr(K4_2, 'tag', None), getattr(K4_2(), 'seen', None))
    except (TypeError, NameError) as ex:
        print('K4_2', type(ex).__name__, ex)
    try:
        class K4_3(K4_1):
            def who(self):
                return ['K4_3'] + getattr(super(), 'who', lambda: [])()
            def __init__(self, *args, **kw):
                self.seen = getattr(self, 'seen', ()) + ('K4_3',)
                super().__init__(*args, **kw)
        print('K4_3', [k.__name__ for k in K4_3.__mro__])
        print(K4_3().who(), getattr(K4_3, 'tag', None), getattr(K4_3(), 'seen', None))
    except (TypeError, NameError) as ex:
        print('K4_3', type(ex).__name__, ex)
    try:
        print(issubclass(K4_0, K4_3), isinstance(K4_0(), K4_3), [k.__name__ for k in K4_0.mro()])
    except NameError as ex:
        print(ex)
    import functools
    print(functools.reduce(lambda p, q: p - q, L))
    pp = functools.partial(pow, '11')
    print(pp(1, 5), pp.args, pp.keywords)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
