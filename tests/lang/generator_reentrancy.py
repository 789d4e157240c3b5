# A generator driven again while it is running (close/next/send/throw from inside its own body,
# yield from itself): ValueError "generator already executing", and the generator stays usable
# or finished exactly as CPython leaves it.


def closes_itself():
    me.close()
    yield 1


me = closes_itself()
try:
    next(me)
except ValueError as e:
    print("close:", e)
try:
    print(next(me))
except StopIteration:
    print("close: then StopIteration")


def catches_own_close():
    try:
        me2.close()
    except ValueError as e:
        print("caught inside:", e)
    yield "after"
    yield "more"


me2 = catches_own_close()
print(next(me2))
print(next(me2))
me2.close()
print(list(me2))


def nexts_itself():
    yield next(me3)


me3 = nexts_itself()
try:
    next(me3)
except ValueError as e:
    print("next:", e)
print(list(me3))


def sends_itself():
    yield me4.send(None)


me4 = sends_itself()
try:
    next(me4)
except ValueError as e:
    print("send:", e)


def throws_itself():
    try:
        me5.throw(KeyError("k"))
    except ValueError as e:
        print("throw inside:", e)
    yield 5


me5 = throws_itself()
print(next(me5))


def yields_from_itself():
    yield from me6


me6 = yields_from_itself()
try:
    next(me6)
except ValueError as e:
    print("yield from:", e)


def running_flag():
    yield me7.gi_running


me7 = running_flag()
print("gi_running inside:", next(me7), "outside:", me7.gi_running)


def close_in_finally():
    try:
        yield 1
    finally:
        try:
            me8.close()
        except ValueError as e:
            print("close in finally:", e)


me8 = close_in_finally()
next(me8)
me8.close()
print("closed:", list(me8))


def outer():
    yield from inner()


def inner():
    try:
        yield 1
        g9.send(None)
    except ValueError as e:
        print("inner re-enters outer:", e)
    yield 2


g9 = outer()
print(next(g9))
print(next(g9))


def loop_closing():
    for i in range(3):
        try:
            it.close()
        except ValueError:
            pass
        yield i


it = loop_closing()
print(list(it))
for _ in range(100):
    g = closes_itself()
    me = g
    try:
        next(g)
    except ValueError:
        pass
print("done")
