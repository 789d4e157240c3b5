try:
    a = -1
    b = 1
    c = -1
    s = ''
    t = 'aba'
    L = []
    M = [10, 7]
    D = {'a': 1}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return True
    def f2(p0):
        a = p0
        b = 12
        c = 10
        s = 'xyz'
        t = 'aba'
        L = [3, 7]
        M = [5, 7]
        D = {'b': 3}
        L.extend([x * y for x in range(2) for y in range(x)][:4])
        L = L[:8]
        return ((M[7 % len(M)] if M else -7)) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    fs = [lambda k=0: i + k for i in range(1)]
    print([f() for f in fs], [f((c + b)) for f in fs])
    try:
        try:
            s = (s)[:12]
            M = (L)[:8]
            print((sum(x for x in range(5) if x % 1 != 2) & (L[(c // 2) % len(L)] if L else -7)))
        finally:
            print('finally', a)
            a = ((12 if 2 == -4 else (L[a % len(L)] if L else -7)) + (f2(c) - -1)) % 1000003
        c = 1 % 1000003
        b += c
    except Exception as e:
        print('caught', type(e).__name__, e.args)
        M.pop()
        M = M[:8]
    else:
        print((list(range(12 % 6)) * 0), 7)
    a = (((c << 0) >> 2 + b) & len('-'.join(str(x) for x in L))) % 1000003
    import threading
    res = [None] * 1
    lk = threading.Lock()
    shared = [0]
    def work3(k):
        try:
            acc = 0
            for i in range(36):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f2(k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work3, args=(k,)) for k in range(1)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    M = (([x * y for x in range(4) for y in range(x)] * 2))[:8]
    try:
        if (c and (len(s) + (a + b))):
            print(round(c / 7, 3))
            with CM1(abs(b)) as cm3:
                try:
                    a = c % 1000003
                    print(-4)
                    print(str(12), not (c - (c + a)))
                except Exception as e:
                    print('caught', type(e).__name__, e.args)
                finally:
                    print('finally', b)
                    a += ((c != (b ** 0 % 1000000007)) * ((a + 2) << 3) >> 1)
        elif ('a'.find('a') and (M[(b | a) % len(M)] if M else -7)):
            a = 12 % 1000003
        print(len(repr(L)))
    except ValueError as e:
        print('caught', type(e).__name__, e.args)
    except Exception as e:
        print('caught', type(e).__name__)
    finally:
        print('finally', a)
    M = (([x * 2 for x in M if x > 0] + M))[:8]
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    Dx = dict.fromkeys(s, b)
    Dx.update({'b a': a}, z=a)
    print(Dx.setdefault(repr([x * 2 for x in L[3:0] if x % 2]), (L[abs((a if 10 in L else a)) % len(L)] if L else -7)), Dx, sorted(Dx.keys()), list(Dx.items())[:3])
    print(Dx.popitem() if Dx else None, len(Dx), ('ab' + (s[12:7:] * 1)) in Dx)
    print((((-4 < -1) >= sum(x + a for x in range(5) if x % 3 != 5)) / f2(a)))
    print((((L + L) * 2) + [x * y for x in range(0) for y in range(x)]), ((a + D.get(s, c)) <= ((c * a) ** 2 % 1000000007)), D.get(str(7), 2) in M)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
