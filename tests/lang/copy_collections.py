# copy and deepcopy of the collections types
import copy
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
d = deque([[1], [2]], maxlen=5)
e = copy.deepcopy(d); f = copy.copy(d)
d[0].append(9)
print(e, f, e.maxlen, e[0] is d[0], f[0] is d[0])
dd = defaultdict(list, a=[1]); de = copy.deepcopy(dd); dd['a'].append(2); de['b'].append(0)
print(dd, de, copy.copy(dd))
o = OrderedDict(x=[1], y=2); oc = copy.deepcopy(o); o['x'].append(3); print(o, oc)
c = Counter('aab'); print(copy.deepcopy(c), copy.copy(c))
P = namedtuple('P', 'a b'); p = P([1], 2); q = copy.deepcopy(p); p.a.append(5); print(p, q, copy.copy(p) is p)
import copy
class T(tuple):
    pass
t = T(([1], 2))
u = copy.copy(t); v = copy.deepcopy(t)
t[0].append(3)
print(type(u).__name__, u, v, u[0] is t[0], v[0] is t[0])
