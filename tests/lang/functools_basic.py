# functools: partial (and repr), reduce, wraps, lru_cache/cache (cache_info), total_ordering,
# cmp_to_key, cached_property, singledispatch; errors
import functools
from functools import partial, reduce, wraps, lru_cache, total_ordering, cmp_to_key

def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, 3, 3, mod=5)
print(square(7), cube_mod(), square.func is power, square.args, square.keywords)
print(repr(partial(max, 1, 2, key=abs)).replace(repr(max), 'MAX'))
p2 = partial(partial(power, 2), 5)
print(p2(), p2.args, p2.func is power)
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
for call in (lambda: reduce(lambda a, b: a, []), lambda: reduce(lambda a, b: a, 5), lambda: partial(3)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

def logged(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k)
    return inner
@logged
def hello(name):
    """Say hello."""
    return "hello " + name
print(hello("x"), hello.__name__, hello.__doc__, hello.__wrapped__("y"), hello.__qualname__)

calls = []
@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * 10
print([slow(i) for i in (1, 2, 1, 3, 1, 2)], calls)
print(slow.cache_info(), slow.cache_info().hits, tuple(slow.cache_info()))
slow.cache_clear(); print(slow.cache_info())
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30), fact.cache_info())
@lru_cache(maxsize=None, typed=True)
def ident(x):
    return type(x).__name__
print(ident(1), ident(1.0), ident(1), ident.cache_info())
@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
try:
    lru_cache('x')
except TypeError as e:
    print("TypeError", e)

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1), sorted([b, a])[0].n)
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)

def cmp(x, y):
    return (x > y) - (x < y)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda x, y: len(y) - len(x))))

class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0
    @functools.cached_property
    def area(self):
        self.computed += 1
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, c.computed, 'area' in c.__dict__)

@functools.singledispatch
def show(x):
    return "object " + repr(x)
@show.register(int)
def _(x):
    return "int %d" % x
@show.register(list)
def _(x):
    return "list of %d" % len(x)
print(show(5), show([1, 2]), show("s"), show(True))
