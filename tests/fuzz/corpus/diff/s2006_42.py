closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 5
    b = 2
    c = 10
    s = 'xyz'
    t = 'b'
    L = [0, 10, 5]
    M = []
    D = {'b': 5}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return True
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(repr(((7 > c) + 0.1 * 7)), t.startswith(''), (0 and c))
    print((3 if (0 % (b or 3)) in M else ((3 + b) >= c)))
    c = ((a * c) + (((3 + b) << 3) >> 1)) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(0)
    print((12 - 3))
    print((float(((c & b) + 0)) * 0.5))
    assert t.startswith('b') or L, (t.upper() + repr(sorted(L)))
    import asyncio
    alog2 = []
    async def co2(k, steps):
        alog2.append(('start', k))
        for _ in range(steps):
            await asyncio.sleep(0)
        alog2.append(('end', k))
        if k == 2:
            raise KeyError(k)
        return k * 2
    async def agen2(m):
        try:
            for i in range(m):
                await asyncio.sleep(0)
                got = yield i
                if got is not None: alog2.append(('got', got))
        finally:
            alog2.append('agen-finally')
    class ACM2:
        async def __aenter__(self):
            alog2.append('aenter'); return self
        async def __aexit__(self, et, ev, tb):
            alog2.append(('aexit', et.__name__ if et else None)); return True
    async def main2():
        ts = [asyncio.create_task(co2(4, 0)) for _ in range(2)]
        print('tasks', [await x for x in ts])
        print('await', await co2(((((1 << 3) >> 4)) % 5), 1))
        async with ACM2() as cm: await co2((((-1 if (c and a) else c)) % 5), 1)
        return len(alog2)
    c2 = co2(7, 0)
    try:
        while True: c2.send(None)
    except StopIteration as si:
        print('stop', si.value)
    try:
        print('run', asyncio.run(main2()))
    finally:
        print(alog2)
    import re
    try: print((lambda m: m and (m.group(0), m.groups(), m.start(), m.end(), m.groupdict()))(re.search('a+', 'the quick brown fox')))
    except re.error as ex: print('re.error', ex)
    except Exception as ex: print("(lambda m: m and (m.group(0), m.groups(), m.start(), m.end(), m.groupdict()))(re.search('a+', 'the quick brown fox'))", type(ex).__name__, ex)
    try: print(re.findall('a+', 'the quick brown fox'))
    except re.error as ex: print('re.error', ex)
    except Exception as ex: print("re.findall('a+', 'the quick brown fox')", type(ex).__name__, ex)
    try: print(re.match('a+', 'the quick brown fox'))
    except re.error as ex: print('re.error', ex)
    except Exception as ex: print("re.match('a+', 'the quick brown fox')", type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
