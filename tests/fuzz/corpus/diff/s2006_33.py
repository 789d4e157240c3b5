closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 2
    b = 12
    c = 5
    s = ''
    t = 'aba'
    L = [10, 3]
    M = [0, -1]
    D = {'a': -4}
    class E1(Exception):
        pass
    class CM2:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
    def f3(p0):
        a = p0
        b = 3
        c = 1
        s = 'xyz'
        t = 'aba'
        L = [3, 7, 7, 0]
        M = [3, 10]
        D = {'b': 10}
        w4 = 0
        while w4 < 2:
            w4 += 1
            try:
                if a in L:
                    D.pop(t, None)
                    D = dict(list(D.items())[:6])
                print((s.find('') and c), ((min(a, a) - (10 & c)) * 3), (c + -4))
                c = (len(t.zfill(4)) - (b - len(L))) % 1000003
            except E1 as e:
                print('caught', type(e).__name__, e.args)
                t = (str(3))[:12]
            except Exception as e:
                print('caught', type(e).__name__)
        print(D)
        D = dict(list(D.items())[:6])
        return ((c <= D.get('b a', D.get(s, 1)))) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(12)
    try:
        if s.startswith('a'):
            raise TypeError(b)
    finally:
        print('finally', b)
        assert not (sum(x * x for x in range(0) if x % 1 != -1) > b) or True, t
    b = a % 1000003
    print((abs(((sum(x * x for x in range(2) if x % 2 != 12) << 2) >> 3)) ** 0.5))
    mlog5 = []
    class Meta5(type):
        def __new__(mcls, name, bases, ns, **kw):
            mlog5.append(('new', name, sorted(k for k in ns if not k.startswith('__'))))
            ns['made_by'] = mcls.__name__
            return super().__new__(mcls, name, bases, ns, **kw)
        def __init__(cls, name, bases, ns, **kw):
            super().__init__(name, bases, ns)
            cls.opts = kw
        def __call__(cls, *a, **k):
            mlog5.append(('call', cls.__name__, a))
            return super().__call__(*a, **k)
        def __repr__(cls): return '<class %s>' % cls.__name__
    class Named5:
        def __set_name__(self, owner, name): self.name = owner.__name__ + '.' + name
        def __get__(self, obj, typ=None): return self.name if obj is None else (self.name, obj.v)
    class Base5(metaclass=Meta5):
        field = Named5()
        def __init__(self, v): self.v = v
        def __init_subclass__(cls, tag=None, **kw):
            super().__init_subclass__(**kw)
            cls.tag = tag
            mlog5.append(('subclass', cls.__name__, tag))
    class Sub5(Base5, tag=3):
        other = Named5()
    Dyn5 = type('Dyn5', (Sub5,), {'x': ((sum(-x for x in range(5) if x % 1 != 12)) % 7)})
    o5 = Dyn5(7)
    print(Base5, Sub5.made_by, Sub5.tag, Sub5.opts, Dyn5.x, o5.field, Sub5.other, o5.other, type(Sub5).__name__, isinstance(Sub5, Meta5), getattr(Sub5, 'pre', None))
    print(mlog5)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    s = (t)[:12]
    fn = lambda x, y=3: f3((((3 ** 1 % 1000000007) << 2) >> 4))
    print(fn(b), fn((abs((c - 5)) + c), (((c - c) if 12 <= b else (c ^ b)) if (10 - 2) > (-4 % (b or 3)) else (M[(M[c % len(M)] if M else -7) % len(M)] if M else -7))))
    assert t.find('b') != a or b >= 0, str(c)[-4:-1:2]
    import math
    try: print('math.copysign(12 - 10, 1e-300)', math.copysign(12 - 10, 1e-300))
    except Exception as ex: print('math.copysign(12 - 10, 1e-300)', type(ex).__name__, ex)
    try: print('math.floor(abs(12) / 7)', math.floor(abs(12) / 7))
    except Exception as ex: print('math.floor(abs(12) / 7)', type(ex).__name__, ex)
    try: print('math.modf(-1.5)', math.modf(-1.5))
    except Exception as ex: print('math.modf(-1.5)', type(ex).__name__, ex)
    try: print("math.floor(-1.5), math.ceil(0.5), math.trunc(float('inf'))", math.floor(-1.5), math.ceil(0.5), math.trunc(float('inf')))
    except Exception as ex: print("math.floor(-1.5), math.ceil(0.5), math.trunc(float('inf'))", type(ex).__name__, ex)
    import weakref
    wl6 = []
    class W6:
        def __init__(self, v): self.v = v
    o6 = [W6(i) for i in range(4)]
    r6 = weakref.ref(o6[0], lambda r: wl6.append('cb0'))
    wv6 = weakref.WeakValueDictionary((i, o) for i, o in enumerate(o6))
    wk6 = weakref.WeakKeyDictionary({o6[1]: 'one'})
    ws6 = weakref.WeakSet(o6)
    f6 = weakref.finalize(o6[2], wl6.append, 'fin2')
    p6 = weakref.proxy(o6[0])
    print(r6() is o6[0], r6().v, len(wv6), len(wk6), len(ws6), f6.alive, p6.v, weakref.getweakrefcount(o6[0]))
    del o6[2]
    print(r6() is None, sorted(wv6), len(wk6), len(ws6), f6.alive, wl6)
    try: print(p6.v)
    except ReferenceError as ex: print('ReferenceError', ex)
    o6.clear()
    print(len(wv6), len(ws6), wl6)
    try: weakref.ref(1)
    except TypeError as ex: print(ex)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
