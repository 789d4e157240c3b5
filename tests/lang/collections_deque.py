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

