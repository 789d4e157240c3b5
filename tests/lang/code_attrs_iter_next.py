# Functions' __code__ (co_name, co_argcount, co_varnames, co_filename, co_firstlineno, ...),
# the function type's constructor, read-only __globals__, bound-method hashing, and __next__
# on the built-in iterators.
import sys

def f(a, b=1, *args, c, d=2, **kw):
    local = a + b
    return local

co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_nlocals, co.co_filename == __file__, co.co_firstlineno, co.co_flags)
print((lambda x, /, y: 0).__code__.co_posonlyargcount, (lambda: 0).__code__.co_name, type(co).__name__)

def outer():
    v = 1
    def inner():
        return v
    return inner

print(outer.__code__.co_cellvars, outer().__code__.co_freevars, outer().__code__.co_argcount)

def g():
    return a_global

FunctionType = type(g)
h1 = FunctionType(g.__code__, {"a_global": 1})
h2 = FunctionType(g.__code__, {"a_global": 2}, "renamed")
print(h1(), h2(), h2.__name__, type(h1) is FunctionType)
def k(a, b=1, c=2):
    return a + b + c

h3 = FunctionType(k.__code__, globals(), "with_defaults", (10, 20))
print(h3(1), h3(5, 6), h3(1, 2, 3), h3.__defaults__)
for bad in [(None, {}), (g.__code__, None), (outer().__code__, {})]:
    try:
        FunctionType(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    f.__globals__ = {}
except AttributeError as e:
    print("AttributeError", e)

class A:
    def m(self):
        return 1

a = A()
print(a.m == a.m, hash(a.m) == hash(a.m), a.m == A().m, len({a.m, a.m}))

for it in [iter([1, 2]), iter((3, 4)), iter(range(5, 7)), iter("xy"), iter(b"\x01\x02"), iter({8: 0, 9: 0}),
           iter({10}), reversed([11, 12]), enumerate("a"), zip([1], [2]), map(abs, [-3]), filter(None, [0, 4]),
           iter({1: 2}.values()), iter({1: 2}.items()), (i * i for i in range(2, 4)), iter(bytearray(b"\x05"))]:
    print(type(it).__name__, it.__next__())
it = iter([1])
print(it.__next__())
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
it.__next__()
