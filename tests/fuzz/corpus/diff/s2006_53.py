closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 12
    b = -1
    c = 10
    s = 'hello'
    t = 'Q'
    L = [12, -4, 0, 0]
    M = []
    D = {'a': -1}
    def g1(n):
        a = n
        b = 0
        c = 2
        s = 'xyz'
        t = 'Q'
        L = [0, 5, -1, 7]
        M = [5]
        D = {'a': 5}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield sum(x * x for x in range(2) if x % 1 != -1)
        finally:
            if closed is not None: closed.append(('g1', n))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(a)
    try:
        for x in t[:4]:
            print('x', x)
            print(list(g1(3)))
    finally:
        print('finally', b)
    try:
        gi2 = g1(3)
        print(next(gi2, 'done'))
        print(gi2.send(None) if True else 0)
        del gi2
        print((a - ((12 - a) + (a | b))))
    except (RuntimeError, IndexError) as e:
        print('caught', type(e).__name__, e.args)
    for x in range(4):
        print('x', x)
        t = (f"{sum(x * x for x in range(2) if x % 3 != -1)}:{t!r}:{3:>4}:{abs((0 if c in M else (10 + a))):x}")[:12]
    bx, by = (2 ** 5519 * -4), (3 ** 5069 + ((a ^ c) // (c or 3)))
    import math
    try: print('float(bx)', float(bx))
    except Exception as ex: print('float(bx)', type(ex).__name__, ex)
    try: print('hash(bx) == hash(bx + 0), bx % 7', hash(bx) == hash(bx + 0), bx % 7)
    except Exception as ex: print('hash(bx) == hash(bx + 0), bx % 7', type(ex).__name__, ex)
    try: print('len(hex(bx * by))', len(hex(bx * by)))
    except Exception as ex: print('len(hex(bx * by))', type(ex).__name__, ex)
    try: print('str(bx)[:20]', str(bx)[:20])
    except Exception as ex: print('str(bx)[:20]', type(ex).__name__, ex)
    import enum
    class Co3(enum.IntFlag):
        RED = 1
        GREEN = 2
        BLUE = 4
        BLACK = enum.auto()
        def describe(self): return '%s:%s' % (self.name, self.value)
    try: print(Co3(0))
    except Exception as ex: print('Co3(0)', type(ex).__name__, ex)
    try: print('%s %d' % (Co3.RED, len(Co3)))
    except Exception as ex: print("'%s %d' % (Co3.RED, len(Co3))", type(ex).__name__, ex)
    try: print(Co3.RED.name, Co3.RED.value, Co3.BLACK.value)
    except Exception as ex: print('Co3.RED.name, Co3.RED.value, Co3.BLACK.value', type(ex).__name__, ex)
    try: print(len(Co3), list(Co3.__members__))
    except Exception as ex: print('len(Co3), list(Co3.__members__)', type(ex).__name__, ex)
    try: print(~Co3.RED, Co3.RED & Co3.GREEN, bool(Co3(0)))
    except Exception as ex: print('~Co3.RED, Co3.RED & Co3.GREEN, bool(Co3(0))', type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    del M[a]
    M = M[:8]
    print(f"{b}:{'AbC'!r}:{b:>4}:{abs(c):x}".split(' '), t.partition('a'), s.rsplit(None, 1), ','.join(['-'.join(str(x) for x in M), (((s * 3) * 1) * 1)]))
    try:
        print(sum(g1(2)))
    except (RuntimeError, TypeError) as e:
        print('caught', type(e).__name__, e.args)
    import asyncio
    alog4 = []
    async def co4(k, steps):
        alog4.append(('start', k))
        for _ in range(steps):
            await asyncio.sleep(0)
        alog4.append(('end', k))
        if k == ((b) % 5):
            raise RuntimeError(k)
        return k * 2
    async def agen4(m):
        try:
            for i in range(m):
                await asyncio.sleep(0)
                got = yield i
                if got is not None: alog4.append(('got', got))
        finally:
            alog4.append('agen-finally')
    class ACM4:
        async def __aenter__(self):
            alog4.append('aenter'); return self
        async def __aexit__(self, et, ev, tb):
            alog4.append(('aexit', et.__name__ if et else None)); return True
    async def main4():
        ts = [asyncio.create_task(co4(4, 0)) for _ in range(2)]
        print('tasks', [await x for x in ts])
        return len(alog4)
    try:
        print('run', asyncio.run(main4()))
    finally:
        print(alog4)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
