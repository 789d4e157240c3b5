closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -1
    b = 2
    c = 12
    s = 'hello'
    t = 'b'
    L = [2, -1]
    M = []
    D = {'b': -1}
    def f1(p0=-4):
        a = p0
        b = 10
        c = 12
        s = 'hello'
        t = 'b'
        L = [5, 12, 3, 12]
        M = [10]
        D = {'b': 7}
        print(c)
        for i in t[:4]:
            print('i', i)
            L = ((((L + M) + (M + L)) + [x * 2 for x in M if x > 0]))[:8]
        M.extend([x * y for x in range(0) for y in range(x)][:4])
        M = M[:8]
        return (5) % 1000003
    class E2(ValueError):
        pass
    class CM3:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return False
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(bin(((((c - c) << 0) >> 4) if a < (a + 10) else a)), hex(abs(sum(x * x for x in range(4) if x % 2 != -4))), oct(7), int('101', 10), ((12 - b)).bit_length())
    try:
        try:
            raise RuntimeError(abs(c))
        except Exception as e1:
            raise IndexError((((a << 1) >> 1) if s.startswith('') else ((b & -4) & (3 // (a or 3))))) from e1
    except Exception as e2:
        print(type(e2).__name__, type(e2.__context__).__name__, type(e2.__cause__).__name__, e2.__suppress_context__)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    c = repr(M).upper().find('') % 1000003
    try:
        try:
            L.append(c)
            L = L[:8]
            M = (list(range(((c % (a or 3)) + 12) % 6)))[:8]
            print(a > a)
        except (E2, KeyError) as e:
            print('caught', type(e).__name__)
            print(D)
            D = dict(list(D.items())[:6])
        else:
            a = (-4 if s.startswith('b') else (L[a % len(L)] if L else -7)) % 1000003
        finally:
            print('finally', a)
    except (RuntimeError, KeyError) as e:
        print('caught', type(e).__name__, e.args)
    except (ValueError, IndexError) as e:
        print('caught', type(e).__name__, e.args)
        print(0)
    b = c % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
