closed = []   # what generators' finally clauses saw (None once the module is released)
try:
    a = 0
    b = 1
    c = 10
    s = ''
    t = 'Q'
    L = [2, 2, 7]
    M = [12, 12]
    D = {'a': 7}
    def f1(p0, p1=-4):
        a = p0
        b = p1
        c = 0
        s = 'xyz'
        t = 'b'
        L = [-4, 7]
        M = [2, 12]
        D = {'a': 3}
        print({x: x * x for x in M[:4]}, sorted({x % 3 for x in M}))
        print((abs(sum(x for x in range(5) if x % 1 != 12)) ** 0.5))
        return (-4) % 1000003
    class C2:
        count = 0
        def __init__(self, v):
            self.v = v
            C2.count += 1
        def m(self, k):
            return (self.v * -4 + k) % 1000003
        def __repr__(self):
            return 'C2(%r)' % (self.v,)
        def __eq__(self, other):
            return isinstance(other, C2) and self.v == other.v
        def __lt__(self, other):
            return self.v < other.v
        @property
        def double(self):
            return self.v * 2
        @staticmethod
        def st(x):
            return x + 1
        @classmethod
        def make(cls, x):
            return cls(x * 3)
    objs = sorted([C2(a) for _ in range(3)])
    print(objs, C2.count, objs[0] == objs[1], objs[0].double, C2.st(2), C2.make(1))
    def f3(p0, p1):
        a = p0
        b = p1
        c = -1
        s = 'xyz'
        t = 'Q'
        L = [-4]
        M = [2]
        D = {'a': 7}
        M = ([x % 3 for x in M if x > 0])[:8]
        try:
            fn = lambda x, y=7: (M[((x & 3) ** 3 % 1000000007) % len(M)] if M else -7)
            print(fn((a + a)), fn(((M[(b // (c or 3)) % len(M)] if M else -7) if t.startswith('') else (0 ** 3 % 1000000007)), c))
            if a == a:
                return b
        except Exception as e:
            print('caught', type(e).__name__)
        except (IndexError, ZeroDivisionError) as e:
            print('caught', type(e).__name__)
            print(abs((t.find('a') | C2(1).m(a))))
        else:
            b = ((2 // ((b if a in L else 1) or 3)) if (10 - a) in L else a) % 1000003
        finally:
            print('finally', c)
        L.sort()
        L = L[:8]
        return (c) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    try:
        print(s, [x for x in M if x != b], D.get(f"{b}:{'b a'!r}:{-1:>4}:{abs(c):x}", (a - 0)) in M)
        print('%5.2f|%-4d|%r|%x' % (len([x * y for x in range(4) for y in range(x)]) / 3, a, f"{c}:{repr(M)!r}:{12:>4}:{abs((((2 << 1) >> 1) + (b + 0))):x}", abs(len(s))), '{:>{w}}|{:+}'.format('naïve', ((sum(x + a for x in range(0) if x % 3 != 5) + b) - (((0 << 1) >> 1) if b in L else C2(c).m(b))), w=1))
        print(not (('xyz'.find('a') << 1) >> 4))
    except (TypeError, RuntimeError) as e:
        print('caught', type(e).__name__, e.args)
        print(c)
    except Exception as e:
        print('caught', type(e).__name__)
    if (b and ((-1 ** 1 % 1000000007) + (b <= -4))):
        if (abs(c) + (a if s.startswith('a') else 12)) in M:
            print(c)
        else:
            M = ([(len(L) ** 2 % 1000000007), (b if c in M else C2(c).m(b)), ((b - a) % -1)])[:8]
            t = ((t + 'b a'))[:12]
        print(s, [x * y for x in range(3) for y in range(x)], s.startswith(''))
    elif c in L:
        L = (M)[:8]
    else:
        t = (f"{f1(s.find('ab'), c)}:{(s + 'naïve')!r}:{((c if t.startswith('a') else a) & f1(b, a)):>4}:{abs(abs((a * b))):x}")[:12]
        print(str(b), b, repr(round(a / 7, 0)).find('ab'))
    a = ((f3(f1(7, c), (c if not 3 else 1)) << 0) >> 1) % 1000003
except BaseException as e:
    print('EXC', type(e).__name__)
try:
    L.insert((D.get('Ωmega', (b + b)) <= 0), c)
    L = L[:8]
    fn = lambda x, y=2: max(b, y)
    print(fn(12), fn((a | f3(min(b, b), c)), ((min(b, b) - ((b << 3) >> 1)) - 7)))
except BaseException as e:
    print('EXC', type(e).__name__)
print('END', a, b, c, s, t, L, M, sorted(closed, key=repr))
