# copy: shallow vs deep copies of containers, shared and cyclic structures, instances,
# __copy__/__deepcopy__, __getstate__/__setstate__, containers of immutables, errors
import copy
a = [1, [2, 3], {'k': [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(s, d, s[1] is a[1], d[1] is a[1])
t = (1, 2, 'x')
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
inner = [0]
shared = [inner, inner]
ds = copy.deepcopy(shared)
print(ds, ds[0] is ds[1], ds[0] is inner)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[0], dc is not cyc)
dd = {'a': {1, 2}, 'b': frozenset([3]), 'c': bytearray(b'xy')}
cd = copy.deepcopy(dd)
print(cd, cd['a'] is dd['a'], cd['c'] is dd['c'])
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = []
    def __repr__(self):
        return 'Point(%r, %r, %r)' % (self.x, self.y, self.tags)
p = Point(1, 2)
p2 = copy.copy(p); p3 = copy.deepcopy(p)
p.tags.append('t')
print(p2, p3, p2.tags is p.tags, type(p3).__name__)
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Custom('copied ' + self.v)
    def __deepcopy__(self, memo):
        return Custom('deep ' + self.v)
print(copy.copy(Custom('a')).v, copy.deepcopy(Custom('b')).v, copy.deepcopy([Custom('c')])[0].v)
class State:
    def __init__(self):
        self.a = 1
        self.cache = 'big'
    def __getstate__(self):
        return {'a': self.a}
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = 'rebuilt'
c = copy.deepcopy(State())
print(c.a, c.cache)
print(copy.copy(5), copy.deepcopy('s'), copy.copy(None), copy.deepcopy(len) is len, copy.copy(range(3)))
print(copy.copy({1, 2}), copy.copy({'a': 1}), copy.deepcopy([]), copy.copy(print) is print)
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo)
class Node:
    def __init__(self, val):
        self.val = val
        self.next = None
n1 = Node(1); n2 = Node(2); n1.next = n2; n2.next = n1
m1 = copy.deepcopy(n1)
print(m1.val, m1.next.val, m1.next.next is m1, m1 is not n1)
e = copy.copy(ValueError('boom', 2))
print(repr(e), repr(copy.deepcopy(KeyError('k'))))
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
import _thread
try:
    copy.deepcopy(_thread.allocate_lock())
except TypeError as e:
    print('TypeError', str(e).startswith('cannot pickle'))
