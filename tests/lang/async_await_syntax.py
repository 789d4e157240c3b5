# async def / await / async for / async with, driven by hand (no event loop): coroutine objects,
# __await__, awaitables, asynchronous iterators and context managers (PEP 492).

class Ticket:
    """An awaitable: __await__ is a generator; what it yields goes to whoever drives the coroutine."""
    def __init__(self, v):
        self.v = v
    def __await__(self):
        sent = yield ("waiting", self.v)
        return (self.v, sent)

async def leaf(x):
    got = await Ticket(x)
    return got

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]

def drive(coro):
    """Run a coroutine to completion, answering each yield with a counter."""
    n = 0
    value = None
    while True:
        try:
            y = coro.send(value)
        except StopIteration as e:
            return e.value
        n += 1
        print("  yielded", y)
        value = "reply%d" % n

c = middle()
print(type(c).__name__, c.__name__, c.__qualname__)
print(drive(c))

# a finished coroutine cannot be resumed
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# __await__ gives an iterator over the coroutine
async def answer():
    return 42
w = answer().__await__()
try:
    next(w)
except StopIteration as e:
    print("wrapper:", e.value)

# a coroutine is not an iterator
co = answer()
try:
    next(co)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(co)
except TypeError as e:
    print("TypeError:", e)
co.close()

# awaiting something that is not awaitable
async def bad():
    await 5
try:
    drive(bad())
except TypeError as e:
    print("TypeError:", e)

class BadAwait:
    def __await__(self):
        return 3
async def bad2():
    await BadAwait()
try:
    drive(bad2())
except TypeError as e:
    print("TypeError:", e)

# async with
class Conn:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await Ticket("open " + self.name)
        print("  enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        await Ticket("close " + self.name)
        print("  exit", self.name, et.__name__ if et else None)
        return et is KeyError          # swallow KeyError only

async def use_conns():
    async with Conn("a") as a, Conn("b") as b:
        print("  inside", a, b)
    async with Conn("c"):
        raise KeyError("swallowed")
    try:
        async with Conn("d"):
            raise ValueError("kept")
    except ValueError as e:
        print("  caught", e)
    for i in range(3):
        async with Conn("loop%d" % i):
            if i == 1:
                break
    return "conns done"
print(drive(use_conns()))

async def ret_in_with():
    async with Conn("r"):
        return "returned from inside"
print(drive(ret_in_with()))

# async for
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Ticket("tick")
        return self.n

async def loops():
    out = []
    async for i in Countdown(3):
        out.append(i)
    else:
        out.append("else")
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        out.append(i)
    else:
        out.append("not reached")
    return out
print(drive(loops()))

async def no_aiter():
    async for x in [1, 2]:
        pass
try:
    drive(no_aiter())
except TypeError as e:
    print("TypeError:", e)

async def no_aenter():
    async with Ticket(1):
        pass
try:
    drive(no_aenter())
except TypeError as e:
    print("TypeError:", e)

# throw() and close() reach the innermost awaitable's generator
class Guard:
    def __await__(self):
        try:
            yield "guarded"
        except ValueError as e:
            print("  Guard caught", e)
            return "recovered"
        finally:
            print("  Guard finally")

async def guarded():
    r = await Guard()
    return r
g = guarded()
print(g.send(None))
try:
    g.throw(ValueError("x"))
except StopIteration as e:
    print("after throw:", e.value)
g = guarded()
g.send(None)
g.close()
print("closed")

# await binds tighter than ** and unary minus applies to the result
class Num:
    def __await__(self):
        return 3
        yield
async def arith():
    return -await Num() ** 2
print(drive(arith()))

# StopIteration inside a coroutine becomes RuntimeError
async def leaks():
    raise StopIteration
try:
    drive(leaks())
except RuntimeError as e:
    print("RuntimeError:", e)

# a coroutine awaited twice at once
async def parent():
    inner = leaf(7)
    async def other():
        return await inner
    first = other()
    first.send(None)
    await inner
try:
    drive(parent())
except RuntimeError as e:
    print("RuntimeError:", e)
