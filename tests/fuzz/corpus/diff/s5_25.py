closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 5
    b = 3
    c = 1
    s = 'xyz'
    t = 'Q'
    L = [1, -4, 7]
    M = [1, 0]
    D = {'b': 3}
    class CM1:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return True
    class CM2:
        def __init__(self, k):
            self.k = k
        def __enter__(self):
            print('enter', self.k)
            return self
        def __exit__(self, et, ev, tb):
            print('exit', self.k, et.__name__ if et else None)
            return self.k % 2 == 0
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        fn = lambda x, y=-1: y
        print(fn(len(s)), fn(len('xyz'), (((b <= b) + 7) - c)))
    except (KeyError, ZeroDivisionError) as e:
        print('caught', type(e).__name__)
    except (ValueError, IndexError) as e:
        print('caught', type(e).__name__)
    finally:
        print('finally', a)
    if a > (L[len(s) % len(L)] if L else -7):
        if a != D.get(str(b), c):
            assert t.startswith('') or L, ('%s=%d' % ('AbC', (3 ** 2 % 1000000007)))
            c += c
        elif not (b != (M[5 % len(M)] if M else -7)):
            print(a)
        else:
            print(5)
            print((M[len([x * y for x in range(0) for y in range(x)]) % len(M)] if M else -7))
    elif (((a ** 0 % 1000000007) + c) and c):
        s = (f"{(b if not b else sum(x + a for x in range(2) if x % 2 != 1))}:{'-'.join(str(x) for x in M)!r}:{c:>4}:{abs(((c << 1) >> 1)):x}")[:12]
    print(D)
    D = dict(list(D.items())[:6])
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
