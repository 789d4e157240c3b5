closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -1
    b = 2
    c = -1
    s = ''
    t = 'Q'
    L = [2, 1]
    M = []
    D = {'a': 2}
    def f1(p0):
        a = p0
        b = 0
        c = 10
        s = 'ab'
        t = 'b'
        L = [2, -1]
        M = []
        D = {'a': 0}
        w2 = 0
        while w2 < 3:
            w2 += 1
            if not a:
                return ((b < c) ^ ((c - b) + a))
        else:
            print('while-else', w2)
        return (a) % 1000003
    class CM3:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return self.k % 2 == 0
    def g4(n):
        a = n
        b = 2
        c = -4
        s = 'xyz'
        t = 'aba'
        L = [12]
        M = [7]
        D = {'b': 1}
        for i in range(n):
            a = (a + i) % 1000003
            yield (c - (5 + (a // (c or 3))))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w5 = 0
    while w5 < 4:
        w5 += 1
        if t.startswith('b'):
            D[t] = abs(sum(x * x for x in range(3) if x % 2 != 3))
            D = dict(list(D.items())[:6])
            print({x: x * x for x in L[:4]}, sorted({x % 3 for x in M}))
        a = (c if not a else (abs(b) * a)) % 1000003
    print((abs(((c // b) | len(L))) ** 0.5))
    try:
        print(1)
        a += a
    except ZeroDivisionError as e:
        print('caught', type(e).__name__, e.args)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(s.startswith(''))
    try:
        fn = lambda x, y=1: (x != y)
        print(fn(((a ** 1 % 1000000007) + (M[a % len(M)] if M else -7))), fn((a + (a % f1(-4))), b))
    except Exception as e:
        print('caught', type(e).__name__)
    except (ZeroDivisionError, KeyError) as e:
        print('caught', type(e).__name__, e.args)
    finally:
        print('finally', c)
        L.sort()
        L = L[:8]
    print(b)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    w6 = 0
    while w6 < 4:
        w6 += 1
        Dx = dict.fromkeys(s, f1((len(t) >= sum(g4(3)))))
        Dx.update({s: 2}, z=s.find('ab'))
        print(Dx.setdefault(t, abs(0)), Dx, sorted(Dx.keys()), list(Dx.items())[:3])
        print(Dx.popitem() if Dx else None, len(Dx), '日本' in Dx)
        print(bin((sum(g4(2)) | f1(a))), hex(((abs(sum(g4(4))) << 2) >> 2)), oct((len('-'.join(str(x) for x in M)) - ((M[c % len(M)] if M else -7) | abs(b)))), int('7', 16), (1).bit_length())
    try:
        def gt7():
            total = 0
            try:
                while True:
                    try:
                        v = yield total
                        total += v if v is not None else 1
                    except ValueError as ex:
                        print('gen caught', ex.args)
                        return 'stopped'
            finally:
                if closed is not None: closed.append(total)
        go8 = gt7()
        print(next(go8), go8.send(sum(x + a for x in range(5) if x % 3 != -1)), go8.send(None))
        try:
            print(go8.throw(ValueError((((a if (-1 and 5) else c) + (b - c)) - (t.find('a') - c)))))
        except StopIteration as si:
            print('stop', si.value)
        go8.close()
        print(go8.close())
        print(f1(c))
    except (ZeroDivisionError, TypeError) as e:
        print('caught', type(e).__name__)
    except Exception as e:
        print('caught', type(e).__name__, e.args)
    a += (D.get(repr(L), (b - b)) - b)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
