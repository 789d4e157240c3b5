try:
    a = -1
    b = 10
    c = 0
    s = 'hello'
    t = 'b'
    L = [0]
    M = [-4, 10]
    D = {'b': 0}
    class CM1:
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
    assert (abs(c) and (c <= (c != -4))) or b >= 0, 'a'
    print((M[(c << 0) >> 2 % len(M)] if M else -7))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    with CM1((c * ((b > c) - (L[b % len(L)] if L else -7)))) as cm1:
        print([x - a for x in M if x != b])
        for y in enumerate(L[:3]):
            print('y', y)
            print(bin(M[b]), hex(len('AbC')), oct(a), int('101', 16), (c).bit_length())
        else:
            print('for-else')
    s = ('-'.join(str(x) for x in L))[:12]
    import threading
    res = [None] * 1
    lk = threading.Lock()
    shared = [0]
    def work2(k):
        try:
            acc = 0
            for i in range(38):
                acc = (acc * 31 + i + k) % 1000003
                with lk:
                    shared[0] += 1
            res[k] = acc
        except Exception as e:
            res[k] = type(e).__name__
    ths = [threading.Thread(target=work2, args=(k,)) for k in range(1)]
    for th in ths: th.start()
    for th in ths: th.join()
    print('threads', res, shared[0])
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print(10)
    assert (sum(x * x for x in range(1) if x % 2 != 0) and (a if 12 == a else c)) or True, ('%s=%d' % (s, 5))
    fn = lambda x, y=10: b
    print(fn(D.get(f"{b}:{s[-1:-4:]!r}:{D.get(s, b):>4}:{abs(b):x}", sum(-x for x in range(4) if x % 3 != 10))), fn((min(b, (c + c)) + (a ** 1 % 1000000007)), b))
    x, *y = M[:5] or [a]
    print(x, y)
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M)
