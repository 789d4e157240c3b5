closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -4
    b = 3
    c = -4
    s = 'hello'
    t = 'aba'
    L = [1, 7, -4]
    M = []
    D = {'b': 0}
    def f1(p0, p1):
        a = p0
        b = p1
        c = 0
        s = 'hello'
        t = 'b'
        L = [1, 7]
        M = [0]
        D = {'a': 10}
        def inner2(k):
            nonlocal c
            c = (c + k) % 1000003
            return c * 2
        print(inner2(2), c)
        return (-4) % 1000003
    def g3(n):
        a = n
        b = -4
        c = 5
        s = 'ab'
        t = 'b'
        L = [0, -1, 0, 3]
        M = [-1, 7]
        D = {'a': 12}
        for i in range(n):
            a = (a + i) % 1000003
            yield (c - c)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(bin(((a << 4) >> 1)), hex(a), oct(((((b ^ 5) << 4) >> 4) ** 0 % 1000000007)), int('7', 8), ((M[max(a, a)] - ((2 % (7 or 3)) // (a or 3)))).bit_length())
    print((abs(('naïve'.find('') ** 1 % 1000000007)) ** 0.5))
    import struct
    try: pk = struct.pack('<e', 1.5); print(pk, struct.calcsize('<e'), struct.unpack('<e', pk))
    except struct.error as ex: print('struct.error', ex)
    except Exception as ex: print(type(ex).__name__, ex)
    try: print(list(struct.iter_unpack('<h', bytes(range(5)))), struct.unpack_from('>H', b'\x01\x02\x03', 0))
    except Exception as ex: print(type(ex).__name__, ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    assert s.startswith('a') or L, t[-1:-4:2]
    print((s + ('é'[2:12:-1] + t[-1:7:1])), ((D.get('Ωmega', c) // ((10 + c) or 3)) and (a & D.get('日本', b))), (L[3:12][-1:3] * 2))
    try: print('<-#12_.12X', format(-0.0, '<-#12_.12X'))
    except (ValueError, TypeError, OverflowError) as ex: print('<-#12_.12X', type(ex).__name__, ex)
    try: print('< 1_', '[{0:< 1_}]'.format('ab'))
    except (ValueError, TypeError, OverflowError) as ex: print('< 1_', type(ex).__name__, ex)
    try: print('é^#12.12n', f'[{float("nan"):é^#12.12n}]')
    except (ValueError, TypeError, OverflowError) as ex: print('é^#12.12n', type(ex).__name__, ex)
    try: print('< #1,.12f', format(-65, '< #1,.12f'))
    except (ValueError, TypeError, OverflowError) as ex: print('< #1,.12f', type(ex).__name__, ex)
    try: print('%0*X', '%0*X' % (((c) % 9), -1.5e20))
    except (ValueError, TypeError, OverflowError) as ex: print('%0*X', type(ex).__name__, ex)
    import asyncio
    alog4 = []
    async def co4(k, steps):
        alog4.append(('start', k))
        for _ in range(steps):
            await asyncio.sleep(0)
        alog4.append(('end', k))
        if k == ((sum(x + a for x in range(0) if x % 1 != 10)) % 5):
            raise ValueError(k)
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
            alog4.append(('aexit', et.__name__ if et else None)); return False
    async def main4():
        g = agen4(3); print('asend', await g.__anext__(), await g.asend(5)); await g.aclose()
        print('gather', await asyncio.gather(co4(0, 2), co4(1, 1), return_exceptions=True))
        async with ACM4() as cm: await co4(((12) % 5), 1)
        return len(alog4)
    try:
        print('run', asyncio.run(main4()))
    finally:
        print(alog4)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    def gt5():
        total = 0
        try:
            while True:
                try:
                    v = yield total
                    total += v if v is not None else 1
                except ValueError as ex:
                    print('gen caught', ex.args)
                    total = -1
        finally:
            if closed is not None: closed.append(total)
    go6 = gt5()
    print(next(go6), go6.send((((b // (b or 3)) ^ (c * 0)) % (a or 3))), go6.send(None))
    try:
        print(go6.throw(ValueError(b)))
    except StopIteration as si:
        print('stop', si.value)
    go6.close()
    print(go6.close())
    print(b)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
