try:
    a = 5
    b = -1
    c = 12
    s = 'hello'
    t = 'b'
    L = [3]
    M = []
    D = {'a': 5}
    def g1(n):
        a = n
        b = 7
        c = 7
        s = 'ab'
        t = 'b'
        L = [3]
        M = []
        D = {'b': 1}
        for i in range(n):
            a = (a + i) % 1000003
            yield (((M[a % len(M)] if M else -7) ** 1 % 1000000007) - (a | a))
    def g2(n):
        a = n
        b = -1
        c = 2
        s = 'hello'
        t = 'b'
        L = []
        M = []
        D = {'a': 3}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield (sum(g1(0)) + (len(s) if t.startswith('a') else (c if 0 in L else b)))
            yield from g1(n % 3)
        finally:
            print('gen-finally', 'g2', n)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if (c and sum(g2(3))):
        print(a)
        for x in t[:4]:
            print('x', x)
            fs = [lambda k=0: i + k for i in range(2)]
            print([f() for f in fs], [f((a ** 3 % 1000000007)) for f in fs])
    elif s.startswith(''):
        L.pop()
        L = L[:8]
    else:
        def gt3():
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
                print('gen closing', total)
        go4 = gt3()
        print(next(go4), go4.send(a), go4.send(None))
        try:
            print(go4.throw(ValueError(b)))
        except StopIteration as si:
            print('stop', si.value)
        go4.close()
        print(go4.close())
        try:
            try:
                raise KeyError(len(list(range((5 - 0) % 6))))
            except Exception as e1:
                raise IndexError(c) from e1
        except Exception as e2:
            print(type(e2).__name__, type(e2.__context__).__name__, type(e2.__cause__).__name__, e2.__suppress_context__)
    try:
        b = min(a, ((a ** 1 % 1000000007) | (a ** 1 % 1000000007))) % 1000003
        c += (c - ((b - b) * c))
    except Exception as e:
        print('caught', type(e).__name__)
        print((((10 % (b or 3)) if (c and 0) else a) ** 3 % 1000000007))
    else:
        L = ([x for x in [] if x % 2])[:8]
    print((M[a % len(M)] if M else -7))
    b += min(((1 - c) + b), ((1 * b) | (a * c)))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
