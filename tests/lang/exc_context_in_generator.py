# An exception raised inside a generator's frame while its resumer handles another exception
# gets the resumer's as __context__, and sys.exc_info() / bare raise inside the generator see it,
# as CPython's exc_info stack (gi_exc_state linked to the resumer's entry). A generator's own
# handled exception wins over the resumer's and comes back when the generator is resumed.
import sys


def show(e2):
    print(type(e2).__name__, type(e2.__context__).__name__, type(e2.__cause__).__name__,
          e2.__suppress_context__)


def g():
    L = [1]
    try:
        yield L[5]
    finally:
        pass


# the fuzzer's reproducer: generator vs plain expression
try:
    try:
        raise ValueError(1)
    except Exception as e1:
        raise KeyError(sum(g())) from e1
except Exception as e2:
    show(e2)
    print(type(e2.__context__.__context__).__name__)
try:
    try:
        raise ValueError(1)
    except Exception as e1:
        raise KeyError([1][5]) from e1
except Exception as e2:
    show(e2)

# generator expression
try:
    try:
        raise ValueError(2)
    except ValueError:
        list(1 // x for x in [1, 0])
except ZeroDivisionError as e:
    print("genexpr", type(e.__context__).__name__, e.__context__)

# yield from: the inner generator sees the outer resumer's handled exception
def inner():
    yield 1
    raise TypeError("inner")

def outer():
    yield from inner()

try:
    try:
        raise ValueError(3)
    except ValueError:
        for v in outer():
            print("yield from got", v)
except TypeError as e:
    print("yield from", type(e.__context__).__name__, e.__context__)

# sys.exc_info() and bare raise inside a generator resumed from an except block
def info():
    while True:
        t, v, tb = sys.exc_info()
        yield (t.__name__ if t else None, str(v) if v else None)

it = info()
print("exc_info outside", next(it))
try:
    raise KeyError("k")
except KeyError:
    print("exc_info in except", next(it))
print("exc_info after", next(it))

def reraiser():
    yield 1
    raise

r = reraiser()
next(r)
try:
    try:
        raise OSError("os")
    except OSError:
        next(r)
except OSError as e:
    print("bare raise in generator re-raised", type(e).__name__, e)

# a generator's own handled exception: kept across a yield, restored on resume, and it wins
# over the resumer's
def own():
    try:
        raise IndexError("own")
    except IndexError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
        try:
            raise AttributeError("in gen")
        except AttributeError as a:
            yield a.__context__
    yield sys.exc_info()[1]

o = own()
print("own 1", repr(next(o)))
try:
    raise KeyError("caller")
except KeyError:
    print("own 2", repr(next(o)))
    print("own 3", repr(next(o)))
    print("caller still", repr(sys.exc_info()[1]))
    print("own 4", repr(next(o)))
print("after own", sys.exc_info())

# throw() into a generator while the caller handles another exception: the thrown exception is
# chained to the generator's own handled exception only (CPython's _PyErr_ChainStackItem)
def own_catcher():
    try:
        raise IndexError("own")
    except IndexError:
        try:
            yield 1
        except RuntimeError as e:
            yield type(e.__context__).__name__

c = own_catcher()
next(c)
try:
    raise ValueError("v")
except ValueError:
    print("throw own", c.throw(RuntimeError("r")))

def catcher():
    try:
        yield 1
    except RuntimeError as e:
        yield (type(e.__context__).__name__, repr(sys.exc_info()[1]))

c = catcher()
next(c)
try:
    raise ValueError("v")
except ValueError:
    print("throw", c.throw(RuntimeError("r")))

# nested generators: the innermost with none of its own sees the middle one's
def innermost():
    yield repr(sys.exc_info()[1])

def middle():
    try:
        raise LookupError("middle")
    except LookupError:
        yield from innermost()

try:
    raise ValueError("caller")
except ValueError:
    print("nested", list(middle()))
