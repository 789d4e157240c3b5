closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 5
    b = 7
    c = 1
    s = ''
    t = 'b'
    L = [2]
    M = [2, 7]
    D = {'b': 10}
    def g1(n):
        a = n
        b = -1
        c = 3
        s = 'xyz'
        t = 'b'
        L = [-1, 2, 3, -1]
        M = [3, -1]
        D = {'b': 1}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield ((c if 7 in L else (b if -1 in M else c)) > (a * ((12 << 4) >> 3)))
        finally:
            if closed is not None: closed.append(('g1', n))
    def g2(n):
        a = n
        b = 7
        c = 10
        s = ''
        t = 'Q'
        L = [12, 12]
        M = []
        D = {'b': 5}
        try:
            for i in range(n):
                a = (a + i) % 1000003
                yield b
            yield from g1(n % 3)
        finally:
            if closed is not None: closed.append(('g2', n))
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    print((c + 0.1 * (1 - (c * c))))
    c = (a * -4) % 1000003
    print((min((c % (c or 3)), min(7, 10)) / a))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
