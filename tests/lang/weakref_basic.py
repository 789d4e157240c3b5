import weakref, sys
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return 'Obj(%d)' % self.n
o = Obj(1)
r = weakref.ref(o)
print(r() is o, r() , weakref.getweakrefcount(o), weakref.ref(o) is r)
del o
print(r(), weakref.getweakrefcount(Obj(2)))
log = []
o = Obj(3)
r2 = weakref.ref(o, lambda wr: log.append(('dead', wr is r2, wr())))
print(r2.__callback__ is not None)
o = None
print(log)
for bad in [1, 'x', [1], {}, None]:
    try: weakref.ref(bad)
    except TypeError as e: print(e)
d = weakref.WeakValueDictionary()
a, b = Obj(10), Obj(11)
d['a'] = a; d['b'] = b
print(len(d), sorted(d.keys()), d['a'], 'a' in d)
del a
print(len(d), sorted(d.keys()), 'a' in d, d.get('a'))
try: d['a']
except KeyError as e: print('KeyError', e)
k = weakref.WeakKeyDictionary()
x = Obj(20); k[x] = 'meta'; print(k[x], len(k)); del x; print(len(k))
s = weakref.WeakSet(); y = Obj(30); s.add(y); print(len(s), y in s); del y; print(len(s))
p = weakref.proxy(Obj(40))
try: p.n
except ReferenceError as e: print('ReferenceError', e)
z = Obj(50); p = weakref.proxy(z); print(p.n)
f = weakref.finalize(Obj(60), print, 'finalized!')
print(f.alive)
w = Obj(70); f2 = weakref.finalize(w, print, 'bye', 70); print(f2.alive); del w; print(f2.alive)
e1, e2 = Obj(1), Obj(2)
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
q1, q2 = Eq(5), Eq(5)
print(weakref.ref(q1) == weakref.ref(q2), hash(weakref.ref(q1)) == hash(5))
