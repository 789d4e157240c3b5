# Generator return values (StopIteration.value), next()/__next__, and throw()/close() passed down
# through `yield from` (PEP 380).

def g():
    yield 1
    return 42

it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("next:", e.value, e.args)

it = g()
print(it.__next__())
try:
    it.__next__()
except StopIteration as e:
    print("__next__:", e.value)
print(next(it, "dflt"))

def g_none():
    yield 1
it = g_none()
next(it)
try:
    next(it)
except StopIteration as e:
    print("bare:", e.value, e.args)

# iterator dunders on built-in iterators
li = iter([10, 20])
print(li.__next__(), li.__iter__() is li, next(li))
try:
    li.__next__()
except StopIteration as e:
    print("list_iterator exhausted", e.args)
m = map(str, [1, 2])
print(m.__next__(), list(m.__iter__()))
gen = (x * x for x in range(3))
print(gen.__iter__() is gen, gen.__next__(), list(gen))

# user iterator: StopIteration's value reaches next() and yield from
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration("liftoff")
        self.n -= 1
        return self.n
c = Countdown(2)
print(next(c), next(c))
try:
    next(c)
except StopIteration as e:
    print("user:", e.value)

def deleg():
    r = yield from Countdown(3)
    print("deleg got", r)
    return r
print(list(deleg()))

# yield from returns the sub-generator's value
def inner():
    x = yield "a"
    y = yield "b"
    return (x, y)
def outer():
    r = yield from inner()
    print("outer got", r)
    return "done"
o = outer()
print(next(o), o.send(1))
try:
    o.send(2)
except StopIteration as e:
    print("outer returned", e.value)

# throw() forwarded to the sub-generator, which handles it
def inner2():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner2 caught", repr(e))
        yield 99
    finally:
        print("inner2 finally")
    return "r2"
def outer2():
    r = yield from inner2()
    print("outer2 got", r)
    yield "after"
o = outer2()
print(next(o))
print(o.throw(ValueError("boom")))
print(next(o))

# throw() that the sub-generator does not handle: it propagates through the outer one
def outer3():
    try:
        yield from inner2()
    except KeyError as e:
        print("outer3 caught", repr(e))
        yield "recovered"
o = outer3()
next(o)
print(o.throw(KeyError("k")))

# throw() the sub-generator answers by returning: outer continues with the value
def inner4():
    try:
        yield 1
    except ValueError:
        return "early"
def outer4():
    r = yield from inner4()
    yield ("outer4", r)
o = outer4()
next(o)
print(o.throw(ValueError))

# close() closes the sub-generator first
def outer5():
    try:
        yield from inner2()
    finally:
        print("outer5 finally")
o = outer5()
next(o)
o.close()
print("closed")

# three levels deep
def lvl3():
    try:
        yield "deep"
    except GeneratorExit:
        print("lvl3 closing")
        raise
def lvl2():
    yield from lvl3()
def lvl1():
    yield from lvl2()
o = lvl1()
print(next(o))
o.close()

# an exception raised while closing the sub-generator reaches the outer one
def bad_close():
    try:
        yield 1
    finally:
        raise RuntimeError("from inner finally")
def outer6():
    try:
        yield from bad_close()
    except RuntimeError as e:
        print("outer6 saw", e)
        raise
o = outer6()
next(o)
try:
    o.close()
except RuntimeError as e:
    print("close raised", e)

# a sub-iterator without throw(): the exception is raised in the delegating generator
def outer7():
    try:
        yield from iter([1, 2, 3])
    except ZeroDivisionError:
        yield "handled at outer7"
o = outer7()
next(o)
print(o.throw(ZeroDivisionError))

# an object with throw(): called with the exception
class Thrower:
    def __iter__(self): return self
    def __next__(self): return "t"
    def throw(self, e):
        print("Thrower.throw", type(e).__name__)
        raise StopIteration("thrown-done")
def outer8():
    r = yield from Thrower()
    yield r
o = outer8()
print(next(o))
print(o.throw(IndexError("i")))

# gi_yieldfrom
def outer9():
    yield from inner()
o = outer9()
print(o.gi_yieldfrom)
next(o)
print(type(o.gi_yieldfrom).__name__)

# generator already executing
def selfref():
    yield me.throw(ValueError)
me = selfref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# StopIteration inside a generator becomes RuntimeError (PEP 479)
def leaky():
    yield 1
    next(iter([]))
try:
    list(leaky())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# sending into a just-started generator
try:
    g().send(5)
except TypeError as e:
    print("TypeError:", e)
