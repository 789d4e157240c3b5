closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = -4
    b = 5
    c = 5
    s = 'xyz'
    t = 'aba'
    L = [-1, -1, -1]
    M = [0]
    D = {'a': 0}
    def f1(p0, p1):
        a = p0
        b = p1
        c = 1
        s = 'ab'
        t = 'b'
        L = [7]
        M = []
        D = {'a': 7}
        if (10 // len('xyz')) < a:
            raise KeyError(((10 - (a + c)) + (L[a % len(L)] if L else -7)))
        fn = lambda x, y=10: x
        print(fn(b), fn(len(M), b))
        print(bin(((sum(-x for x in range(0) if x % 2 != 12) << 1) >> 2)), hex(((len(M) - b) * L[min(12, c)])), oct(('naïve'[10:5:2].find('') ^ len(f"{c}:{'é'!r}:{c:>4}:{abs(a):x}"))), int('101', 16), (a).bit_length())
        return (max(b, max(c, ((c << 2) >> 3)))) % 1000003
    class E2(Exception):
        pass
    def f3(p0, p1=10):
        a = p0
        b = p1
        c = 3
        s = 'hello'
        t = 'Q'
        L = [-4]
        M = [7]
        D = {'b': 1}
        print(max(sum(-x for x in range(5) if x % 2 != 12), 7))
        return (b) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    if c < (b >= (10 // c)):
        w4 = 0
        while w4 < 4:
            w4 += 1
            if w4 == -4: break
        else:
            print('no break')
        try:
            raise KeyError(str((2 - c)).find(''))
        except KeyError as gone:
            print(repr(gone))
        print('gone' in dir())
        del L[a]
        L = L[:8]
    elif sum(x * x for x in range(4) if x % 2 != 3) in M:
        print((b - (((c != a) << 0) >> 2)))
    else:
        assert ((c + 2) + sum(x + a for x in range(2) if x % 2 != 0)) in M or True, ('%s=%d' % ('a', (len(M) ** 0 % 1000000007)))
    print(len(t))
    try:
        print(not 'ab'.find(''), ((a - (b - 7)) - a), (list(range((c - c) % 6)) * 0))
    except ZeroDivisionError as e:
        print('caught', type(e).__name__)
        M = ([x * y for x in range(1) for y in range(x)])[:8]
    except RuntimeError as e:
        print('caught', type(e).__name__, e.args)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        w5 = 0
        while w5 < 3:
            w5 += 1
            try:
                print((12 if t.startswith('a') else a))
            finally:
                print('finally', a)
                b = (L[f3(7, D.get(t, c)) % len(L)] if L else -7) % 1000003
        else:
            print('while-else', w5)
        if -1 in M:
            print(((f1(b, a) * (M[c % len(M)] if M else -7)) % ((b < b) - -1)))
    except (ValueError, KeyError) as e:
        print('caught', type(e).__name__, e.args)
        try:
            try:
                raise ZeroDivisionError(abs((f3(a, a) if 5 != b else a)))
            except Exception as e1:
                raise ZeroDivisionError(((c << 1) >> 0)) from e1
        except Exception as e2:
            print(type(e2).__name__, type(e2.__context__).__name__, type(e2.__cause__).__name__, e2.__suppress_context__)
    except ValueError as e:
        print('caught', type(e).__name__, e.args)
        w6 = 0
        while w6 < 3:
            w6 += 1
            print(D)
            D = dict(list(D.items())[:6])
    else:
        t = ('Ωmega')[:12]
    finally:
        print('finally', c)
        M = ((L + M))[:8]
    print(list(D), list(D.values()))
    D = dict(list(D.items())[:6])
    L.reverse()
    L = L[:8]
    print(('Ωmega' + s), abs((1 != a)) < ((a | b) & b), b)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print((L[(M[(5 ^ b) % len(M)] if M else -7) % len(L)] if L else -7))
    print(min((b - (a + b)), (b + c)))
    L = ([x - a for x in list(range(D.get(s, 2) % 6)) if x != b])[:8]
    b = ((M[(M[b % len(M)] if M else -7) % len(M)] if M else -7) - abs((-1 - 7))) % 1000003
    import threading
    res = [None] * 3
    lk = threading.Lock()
    shared = [0]
    def work7(k):
        try:
            acc = 0
            for i in range(34):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            acc += f1(k, k)
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work7, args=(k,)) for k in range(3)]
    for th in ths: th.start(); th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
