# collections: namedtuple, defaultdict, OrderedDict, Counter, ChainMap, errors and reprs
from collections import namedtuple, defaultdict, OrderedDict, Counter, ChainMap
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p == (1, 2), p._asdict(), p._replace(x=5), Point._fields)
a, b = p; print(a, b, hash(p) == hash((1, 2)), Point._make([3, 4]), p < Point(1, 3))
try: p.x = 3
except AttributeError as x: print("AttributeError", x)
try: Point(1)
except TypeError as x: print("TypeError", x)
try: Point(1, 2, 3)
except TypeError as x: print("TypeError", x)
try: Point(1, 2, z=3)
except TypeError as x: print("TypeError", x)
try: namedtuple('X', 'a a')
except ValueError as x: print("ValueError", x)
try: namedtuple('X', 'a _b')
except ValueError as x: print("ValueError", x)
try: namedtuple('X', 'a def')
except ValueError as x: print("ValueError", x)
print(namedtuple('X', 'a def _c', rename=True)._fields)
P3 = namedtuple('P3', 'x y z', defaults=[0, 9]); print(P3(1), P3._field_defaults, P3.__doc__)
print(type(p).__name__, Point.__name__)
print(sorted([Point(2, 1), Point(1, 5)]), {p: 1}[(1, 2)] if False else 'skip')
print(max(Point(3, 4)), sum(p), p.count(1), p.index(2))

dd = defaultdict(list)
dd['a'].append(1); dd['b']; print(dd, dd['a'], 'c' in dd, len(dd))
di = defaultdict(int); 
for c in 'hello': di[c] += 1
print(di, dict(di), sorted(di.items()))
n = defaultdict(); 
try: n['x']
except KeyError as x: print("KeyError", x)
print(n, defaultdict(lambda: 5).default_factory() )
try: defaultdict(3)
except TypeError as x: print("TypeError", x)
print(isinstance(dd, dict), dd.copy(), type(dd.copy()).__name__)

od = OrderedDict(); od['b'] = 1; od['a'] = 2; od['c'] = 3
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od = OrderedDict.fromkeys('abcd'); od.move_to_end('b'); print(list(od)); od.move_to_end('d', last=False); print(list(od))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict())
print(list(reversed(OrderedDict(x=1, y=2))))
try: OrderedDict().popitem()
except KeyError as x: print("KeyError", x)

c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), sorted(c.elements()))
c.update('aaz'); print(c); c.subtract({'a': 10}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1), Counter(), Counter([1,1,2]).total())
print(Counter('aab') == Counter('aba'), list(Counter('hello').keys()))
del c['a']; del c['nope']; print(c)
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), sorted(cm), cm)
try: cm['zz']
except KeyError as x: print("KeyError", x)
