# Exception classes whose __new__ returns something that is not an exception instance: every
# place that instantiates an exception class (raise, generator throw, sys.exc_info afterwards,
# chaining) must raise TypeError instead of treating the result as an exception.
import sys


class IntNew(Exception):
    def __new__(cls, *args):
        return 5


class NoneNew(ValueError):
    def __new__(cls, *args):
        return None


class OtherExc(Exception):
    def __new__(cls, *args):
        return KeyError("swapped")


def show(tag):
    t, v, tb = sys.exc_info()
    print(tag, t.__name__ if t else None, v, tb is not None)


def gen():
    try:
        yield 1
    except TypeError as e:
        print("in generator:", e)
        show("gen exc_info:")
        yield 2
    yield 3


for args in [(IntNew,), (IntNew, "x"), (IntNew, ("a", "b")), (NoneNew,), (IntNew, IntNew)]:
    g = gen()
    next(g)
    print("throw ->", g.throw(*args))
    show("after throw:")

g = gen()
next(g)
try:
    g.throw(OtherExc)
except KeyError as e:
    print("OtherExc thrown as", repr(e))

g = gen()
next(g)
try:
    g.throw(ValueError, ValueError("same object"))
except ValueError as e:
    print("instance value:", repr(e))

g = gen()
next(g)
try:
    g.throw(ValueError, ("a", 1))
except ValueError as e:
    print("tuple value:", e.args)

for cls in [IntNew, NoneNew]:
    try:
        raise cls
    except TypeError as e:
        print("raise:", e)
        show("raise exc_info:")
    try:
        raise cls("arg")
    except TypeError as e:
        print("raise inst:", e)
    print("sys.exception():", sys.exception())

try:
    raise OtherExc
except KeyError as e:
    print("raise OtherExc ->", repr(e))

try:
    try:
        raise IntNew
    except TypeError:
        raise RuntimeError("during")
except RuntimeError as e:
    print("context:", type(e.__context__).__name__, e.__context__)

try:
    raise ValueError("v") from KeyError
except ValueError as e:
    print("cause class:", repr(e.__cause__), e.__suppress_context__)

try:
    raise ValueError("v") from 5
except TypeError as e:
    print("cause int:", e)

try:
    raise ValueError("v") from None
except ValueError as e:
    print("cause None:", e.__cause__, e.__suppress_context__)

try:
    raise ValueError("v") from IntNew("x")
except TypeError as e:
    print("cause instance:", e)

try:
    raise 5
except TypeError as e:
    print("raise int:", e)

try:
    g = gen()
    next(g)
    g.throw(5)
except TypeError as e:
    print("throw int:", e)

print(sys.exc_info())
