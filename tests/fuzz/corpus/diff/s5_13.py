closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 5
    b = -1
    c = 7
    s = 'ab'
    t = 'b'
    L = [5, 12, 3]
    M = []
    D = {'a': 5}
    class E1(ValueError):
        pass
    class E2(E1):
        pass
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(a)
    for i in zip(L, t):
        print('i', i)
        if (abs(b) and sum(-x for x in range(5) if x % 1 != 3)):
            break
    else:
        print('for-else')
    print((((10 ^ c) * b) | (min(c, 10) + D.get(s, c))))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    a = 12 % 1000003
    assert not a or True, ('%s=%d' % (t, b))
    print(('%s=%d' % ('b a', (L[(12 // (a or 3)) % len(L)] if L else -7))), ('%s=%d' % (('-'.join(str(x) for x in L) + str(10)), b)))
    assert not len(t) or True, ('%s=%d' % ('AbC', (M[c % len(M)] if M else -7)))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(list(range((D.get(t, 1) if (12 and a) else a) % 6)))
    b += a
    print((b - b))
    c = ((a - abs(a)) == a) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
