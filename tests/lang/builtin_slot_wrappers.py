# The container and operator slots of built-in types are methods too (slot wrappers): super().__len__()
# in a str subclass, int.__add__(a, b), [1].__rmul__(2), NotImplemented for other types.
class MS(str):
    def __len__(self): return super().__len__() + 100
    def __getitem__(self, i): return 'G' + super().__getitem__(i)
    def __contains__(self, x): return not super().__contains__(x)
    def __add__(self, o): return MS(super().__add__(o) + '!')
u = MS('abc')
print(len(u), u[1], 'b' in u, 'z' in u, u + 'd', type(u + 'd').__name__, str.__len__('hello'))
class MI(int):
    def __add__(self, o): return int.__add__(self, o) * 10
    def __radd__(self, o): return super().__radd__(o) + 1
    def __mul__(self, o): return super().__mul__(o) - 1
print(MI(2) + 3, 3 + MI(2), MI(4) * 5, int.__add__(1, 2), int.__add__(1, 'a'), int.__radd__(1, 2), (5).__mod__(3), (5).__rsub__(7))
class ML(list):
    def __getitem__(self, i): return super().__getitem__(i) * 2
    def __len__(self): return super().__len__() * 3
    def __add__(self, o): return ML(super().__add__(o))
m = ML([1, 2, 3])
print(m[1], len(m), type(m + [4]).__name__, list.__len__([1, 2]), list.__getitem__([5, 6], 1), [1].__mul__(3), [1].__rmul__(2))
class MD(dict):
    def __getitem__(self, k): return super().__getitem__(k) + 1
    def __contains__(self, k): return super().__contains__(k.lower())
d = MD(a=1)
print(d['a'], 'A' in d, dict.__len__({1: 2}), {1: 2}.__or__({3: 4}), {1}.__and__({1, 2}), (2.5).__truediv__(2), (7).__floordiv__(2))
print(b'ab'.__add__(b'c'), (1, 2).__contains__(2), 'x'.__mul__(3), 'ab'.__mod__(()), bytes.__len__(b'abc'), tuple.__getitem__((1, 2), 0))
print(hasattr(int, '__len__'), hasattr(str, '__radd__'), hasattr(list, '__radd__'), hasattr(int, '__getitem__'), hasattr(list, '__sub__'))
