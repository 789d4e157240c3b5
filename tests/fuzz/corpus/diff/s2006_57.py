closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 1
    b = -1
    c = -4
    s = 'ab'
    t = 'Q'
    L = [0]
    M = []
    D = {'a': 5}
    class E1(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    L[b] = (b + b)
    L = L[:8]
    if t.startswith('a'):
        print(list(D), list(D.values()))
        D = dict(list(D.items())[:6])
        c = max(((b & 3) & a), D.get('xyz', (M[b % len(M)] if M else -7))) % 1000003
    elif ((a ** 3 % 1000000007) // ((-1 * a) or 3)) > (12 - ((10 << 2) >> 4)):
        print((0 + min(abs(a), (5 - 5))), s, L)
    else:
        a += max(c, sum(x for x in range(0) if x % 1 != 1))
    import io
    f = io.BytesIO()
    try: print(f.write(b'xyz'))
    except Exception as ex: print("print(f.write(b'xyz'))", type(ex).__name__, ex)
    try: print(f.tell())
    except Exception as ex: print('print(f.tell())', type(ex).__name__, ex)
    try: print(f.truncate(3))
    except Exception as ex: print('print(f.truncate(3))', type(ex).__name__, ex)
    try: print(f.readlines())
    except Exception as ex: print('print(f.readlines())', type(ex).__name__, ex)
    print(f.getvalue()); f.close()
    try: f.read()
    except ValueError as ex: print(ex)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    M = (M)[:8]
    print(((c & c) + (b & b)))
    mlog2 = []
    class Meta2(type):
        @classmethod
        def __prepare__(mcls, name, bases, **kw):
            mlog2.append(('prepare', name, sorted(kw))); return {'pre': len(bases)}
        def __new__(mcls, name, bases, ns, **kw):
            mlog2.append(('new', name, sorted(k for k in ns if not k.startswith('__'))))
            ns['made_by'] = mcls.__name__
            return super().__new__(mcls, name, bases, ns, **kw)
        def __init__(cls, name, bases, ns, **kw):
            super().__init__(name, bases, ns)
            cls.opts = kw
        def __call__(cls, *a, **k):
            mlog2.append(('call', cls.__name__, a))
            return super().__call__(*a, **k)
        def __repr__(cls): return '<class %s>' % cls.__name__
    class Named2:
        def __set_name__(self, owner, name): self.name = owner.__name__ + '.' + name
        def __get__(self, obj, typ=None): return self.name if obj is None else (self.name, obj.v)
    class Base2(metaclass=Meta2):
        field = Named2()
        def __init__(self, v): self.v = v
        def __init_subclass__(cls, tag=None, **kw):
            super().__init_subclass__(**kw)
            cls.tag = tag
            mlog2.append(('subclass', cls.__name__, tag))
    class Sub2(Base2, tag=((a) % 9)):
        other = Named2()
    Dyn2 = type('Dyn2', (Sub2,), {'x': ((c) % 7)})
    o2 = Dyn2(1)
    print(Base2, Sub2.made_by, Sub2.tag, Sub2.opts, Dyn2.x, o2.field, Sub2.other, o2.other, type(Sub2).__name__, isinstance(Sub2, Meta2), getattr(Sub2, 'pre', None))
    print(mlog2)
    import asyncio
    alog3 = []
    async def co3(k, steps):
        alog3.append(('start', k))
        for _ in range(steps):
            await asyncio.sleep(0)
        alog3.append(('end', k))
        if k == ((c) % 5):
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
            alog3.append(('aexit', et.__name__ if et else None)); return True
    async def main3():
        ts = [asyncio.create_task(co3(1, 2)) for _ in range(2)]
        print('tasks', [await x for x in ts])
        print('agen', [x async for x in agen3(2)])
        return len(alog3)
    try:
        print('run', asyncio.run(main3()))
    finally:
        print(alog3)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c += (a < c)
    b += c
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
