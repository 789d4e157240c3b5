# Where await / async for / async with may appear: SyntaxErrors as CPython 3.11 words them.
cases = [
    "await x",
    "def f():\n    await x\n",
    "class C:\n    await x\n",
    "def f():\n    async for i in y:\n        pass\n",
    "def f():\n    async with y:\n        pass\n",
    "async for i in y:\n    pass\n",
    "async with y:\n    pass\n",
    "async def f():\n    yield from g()\n",
    "f = lambda: await x\n",
    "async def f():\n    g = lambda: await x\n",
    "async x = 1\n",
    "def f():\n    return [x async for x in y]\n",
    "def f():\n    return [await x for x in y]\n",
    "async def f():\n    yield 1\n    return 2\n",
]
for src in cases:
    try:
        exec(src)
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(repr(src.splitlines()[-1].strip()), "->", e.msg)

# these compile
ok = [
    "async def f():\n    await g()\n",
    "async def f():\n    return [await g() for g in ()] if False else await h()\n".replace("[await g() for g in ()] if False else ", ""),
    "async def f():\n    async for i in y:\n        pass\n    async with a as b, c:\n        pass\n",
    "@dec\nasync def f():\n    pass\n".replace("@dec\n", ""),
    "class C:\n    async def m(self):\n        return await self.n()\n",
    "async def f():\n    x = await a ** 2\n    y = -await b\n    z = await c.d[0]()\n",
]
for src in ok:
    exec(src)
    print("ok:", src.splitlines()[0])
import asyncio
async def coro():
    pass
c = coro()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(coro), asyncio.iscoroutinefunction(coro))
c.close()
