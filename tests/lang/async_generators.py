# Async generators (PEP 525) and asynchronous comprehensions (PEP 530) under asyncio: async for over
# them, asend/athrow/aclose, cleanup of a generator left by break (asyncio's finalizer hook),
# StopAsyncIteration inside the body, and the SyntaxErrors.
import asyncio

async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker cleanup")

async def squares(src):
    async for v in src:
        yield v * v

async def main():
    out = []
    async for i in ticker(3, 0.001):
        out.append(i)
    print(out)
    print("skip")
    res = []
    async for s in squares(ticker(4, 0)):
        res.append(s)
    print(res)
    agen = ticker(5, 0)
    print(await agen.__anext__(), await agen.__anext__())
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")
    async for i in ticker(10, 0):
        if i == 2:
            break
    print("broke out")

async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except ValueError as e:
        yield "caught %s after %r" % (e, received)

async def main2():
    g = echo()
    print(await g.asend(None), await g.asend("a"), await g.asend("b"))
    print(await g.athrow(ValueError("boom")))
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print("done")
    print(type(g).__name__, g.__name__, repr(g).startswith("<async_generator object echo"))

asyncio.run(main())
asyncio.run(main2())

async def bad():
    yield 1
    raise StopAsyncIteration
async def main3():
    try:
        async for x in bad():
            print("got", x)
    except RuntimeError as e:
        print("RuntimeError:", e)
asyncio.run(main3())
for src in ["async def f():\n    yield 1\n    return 2\n", "async def f():\n    yield from g()\n"]:
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

async def arange(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0)
    return 2 * x

async def main():
    print([i async for i in arange(5)])
    print([i async for i in arange(6) if i % 2])
    print({i: i * i async for i in arange(3)})
    print({i % 2 async for i in arange(4)})
    print([await double(i) for i in range(4)])
    print([await double(i) async for i in arange(3)])
    print([[j async for j in arange(i)] for i in range(3)])
    g = (i * 10 async for i in arange(3))
    print(type(g).__name__, [x async for x in g])
    print([x for x in await double(2) * [1]])
    total = 0
    async for v in (await double(i) for i in range(3)):
        total += v
    print(total)

asyncio.run(main())
