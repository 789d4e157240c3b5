closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 0
    b = 12
    c = -1
    s = 'ab'
    t = 'Q'
    L = [0, 5]
    M = [2, -4]
    D = {'a': 1}
    def g1(n):
        a = n
        b = 1
        c = 3
        s = 'xyz'
        t = 'Q'
        L = [3]
        M = [0, 7]
        D = {'b': 10}
        for i in range(n):
            a = (a + i) % 1000003
            yield c
    class E2(Exception):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    M[1:5] = sorted(((L * 2) + list(range(1 % 6))))[:3]
    del M[::-2]
    M = M[:8]
    print(M)
    gi3 = g1(4)
    print(next(gi3, 'done'))
    gi3.close()
    for i in s[:4]:
        print('i', i)
        try:
            b += (c + abs((2 <= a)))
        except (ZeroDivisionError, ZeroDivisionError) as e:
            print('caught', type(e).__name__)
        finally:
            print('finally', b)
    else:
        print('for-else')
    a += ((min(-1, b) - (a % (1 or 3))) ** 0 % 1000000007)
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    D[(('日本' * 1) * 2)[2:7:2]] = 12
    D = dict(list(D.items())[:6])
    try:
        print({x: x * x for x in L[:4]}, sorted({x % 3 for x in M}))
    except (TypeError, ZeroDivisionError) as e:
        print('caught', type(e).__name__)
    except (RuntimeError, IndexError) as e:
        print('caught', type(e).__name__)
    else:
        print(sum(x for x in range(2) if x % 2 != 1))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
