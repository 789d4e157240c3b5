# asyncio.run closes the async generators still open at the end (sys's firstiter hook registers
# them with the loop; shutdown_asyncgens acloses them), also when the main coroutine failed while
# one was suspended, and one dropped unfinished is closed on the loop as before.
import asyncio
log = []
async def agen(m, tag):
    try:
        for i in range(m):
            await asyncio.sleep(0)
            got = yield i
            if got is not None: log.append(('got', tag, got))
    finally:
        log.append(('finally', tag))
async def main(fail):
    g = agen(3, 'kept')
    print('first', await g.__anext__(), await g.asend(5))
    h = agen(3, 'dropped')
    print('h', await h.__anext__())
    del h
    await asyncio.sleep(0)
    print([x async for x in agen(2, 'done')])
    if fail:
        raise KeyError(fail)
    return len(log)
for fail in (0, 1):
    try:
        print('run', asyncio.run(main(fail)))
    except KeyError as e:
        print('KeyError', e)
    print(sorted(log)); log.clear()
