# collections.deque: both ends, maxlen, rotate, indexing, comparisons, errors
from collections import deque, namedtuple, defaultdict, OrderedDict, Counter, ChainMap
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
print(list(reversed(d)), 3 in d, 99 in d, d.count(2), d.index(7))
d.remove(7); print(d)
try: d.remove(100)
except ValueError as e: print("ValueError", e)
e = deque()
for m in ('pop', 'popleft'):
    try: getattr(e, m)()
    except IndexError as x: print("IndexError", x)
try: d[100]
except IndexError as x: print("IndexError", x)
m = deque(range(10), maxlen=3); print(m, m.maxlen)
m.appendleft(-1); print(m)
m.append(99); print(m)
print(deque('abc') == deque('abc'), deque([1]) < deque([2]), deque() == [])
x = deque(); 
for i in range(100): x.append(i); x.appendleft(-i)
s = 0
while x:
    s += x.pop() if len(x) % 2 else x.popleft()
print(s)
d2 = deque([1,2]); d2 += [3]; print(d2, d2 * 2, d2 + deque([0]))
d2.insert(1, 'z'); print(d2); del d2[0]; print(d2); d2[0] = 'q'; print(d2); d2.reverse(); print(d2)
print(d2.copy(), bool(deque()), repr(deque([], maxlen=0)))
try: hash(deque())
except TypeError as x: print(x)

# indexing and mutation edge cases
z = deque(range(5))
z[1] = 'one'; z[-1] = 'last'; del z[2]; print(z, z[True], len(z))
for bad in (lambda: z['a'], lambda: z[1:2], lambda: z.__setitem__(9, 0), lambda: z.__delitem__(-9), lambda: z[2**70]):
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
z0 = deque([1, 2], maxlen=0); z0.append(3); z0.appendleft(4); z0.extend([5]); print(z0, len(z0))
s = deque([1, 2, 3]); s.extend(s); s.extendleft(s); print(s)
r = deque(range(6)); r.rotate(14); print(r); r.rotate(-15); print(r); r.rotate(0); print(r)
try:
    r.rotate('x')
except TypeError as e:
    print('TypeError', e)
m = deque('abc', maxlen=2); print(m); m.extendleft('xyz'); print(m)
try:
    m.insert(0, 'q')
except IndexError as e:
    print('IndexError', e)
try:
    deque([], maxlen=-1)
except ValueError as e:
    print('ValueError', e)
w = deque([1, 2, 3])
w.__init__([9]); print(w, w.maxlen)
big = deque()
for i in range(1000):
    if i % 3:
        big.append(i)
    else:
        big.appendleft(i)
    if i % 7 == 0:
        big.pop() if i % 2 else big.popleft()
print(len(big), sum(big), big[0], big[-1], big[500], list(big)[:5] == [big[i] for i in range(5)])
it = iter(deque([1, 2, 3])); print(next(it), list(it), bool(deque()), bool(deque([0])))
print(isinstance(deque(), deque), type(deque()).__name__, deque.__name__)
# iterators: mutation during iteration, reversed, __length_hint__
d = deque([1, 2, 3])
it = iter(d)
print(type(it), next(it), it.__length_hint__(), list(it), list(reversed(d)), type(reversed(d)))
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
d = deque(range(5))
it = iter(d); next(it); d[0] = 'x'; print(list(it))
it = iter(d); next(it); d.rotate(1)
try: next(it)
except RuntimeError as e: print('RuntimeError', e)
try: next(it)
except RuntimeError as e: print('again', e)
it = iter(d); print(it.__next__(), iter(it) is it)
e = iter(deque())
try: e.__next__()
except StopIteration as x: print('StopIteration', repr(x))
print(list(reversed(deque())), sum(deque(range(100))), max(deque([3, 9, 2])), sorted(deque('cab')))
