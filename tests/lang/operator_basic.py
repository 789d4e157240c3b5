# operator: the functions, in-place forms, itemgetter/attrgetter/methodcaller (and reprs), errors
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 3), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3.5), op.invert(5), op.inv(0), op.lshift(1, 4), op.rshift(256, 3))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.truth([0]))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne('a', 'a'), op.gt(3, 2), op.ge(1, 2))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.countOf([1, 2, 1, 1], 1), op.indexOf('abc', 'c'))
print(op.concat([1], [2]), op.concat('a', 'b'), op.index(7), op.length_hint([1, 2, 3]), op.length_hint(iter([]), 5))
l = [1, 2, 3]
op.setitem(l, 0, 'x'); op.delitem(l, 1); print(l, op.getitem(l, -1), op.getitem('hello', slice(1, 3)))
a = [1]
b = op.iadd(a, [2]); print(a, b, a is b, op.iadd(1, 2), op.imul('ab', 2), op.isub(5, 3), op.ior({1}, {2}), op.iconcat([0], (1,)))
print(op.call(max, 3, 7, 2), op.ixor(6, 3), op.iand(6, 3), op.ipow(3, 2), op.ifloordiv(9, 2), op.itruediv(9, 2), op.imod(9, 4), op.ilshift(1, 3), op.irshift(8, 1))
g = op.itemgetter(1)
g2 = op.itemgetter(0, 2)
print(g('abc'), g2('abc'), g({1: 'one'}), repr(g), repr(g2))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=op.itemgetter(1)), sorted(rows, key=op.itemgetter(0)))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct='!'):
        return greeting + ' ' + self.name + punct
p = P('ann', P('bob'))
ag = op.attrgetter('name')
print(ag(p), op.attrgetter('inner.name')(p), op.attrgetter('name', 'inner.name')(p), repr(ag), repr(op.attrgetter('a', 'b.c')))
mc = op.methodcaller('greet', 'hi', punct='?')
print(mc(p), repr(mc), op.methodcaller('upper')('x'), repr(op.methodcaller('split', ',', 1)))
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])), op.__add__(1, 2), op.__getitem__([5], 0))
for call in (lambda: op.add(1, 'a'), lambda: op.concat(1, 2), lambda: op.index(1.5), lambda: op.attrgetter(1),
             lambda: op.indexOf([1], 2), lambda: op.itemgetter(5)([1]), lambda: ag(1), lambda: op.truediv(1, 0),
             lambda: op.methodcaller(3)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
