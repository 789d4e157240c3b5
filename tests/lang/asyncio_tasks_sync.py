# asyncio: tasks, cancellation, exceptions through gather, wait_for/timeout, wait, as_completed,
# Queue, Lock, Event, Semaphore, Condition; results and event order only (no timings).
import asyncio

log = []

async def worker(name, delay, fail=False):
    log.append("start " + name)
    await asyncio.sleep(delay)
    if fail:
        raise ValueError("worker %s failed" % name)
    log.append("end " + name)
    return name.upper()

async def test_gather():
    print(await asyncio.gather(worker("a", 0.02), worker("b", 0.01)))
    r = await asyncio.gather(worker("c", 0.01), worker("d", 0.01, fail=True), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r], r[1])
    try:
        await asyncio.gather(worker("e", 0.01, fail=True), worker("f", 0.03))
    except ValueError as e:
        print("gather raised:", e)
    await asyncio.sleep(0.04)          # let f finish
    print(await asyncio.gather())

async def test_cancel():
    t = asyncio.create_task(worker("slow", 10))
    await asyncio.sleep(0)
    print("cancel:", t.cancel(), t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError")
    print("cancelled:", t.cancelled(), t.done())

    async def catches():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append("cleanup ran")
            raise
    t = asyncio.create_task(catches())
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("with message:", e.args)
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

async def test_timeouts():
    try:
        await asyncio.wait_for(worker("never", 10), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timed out:", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(worker("quick", 0.001), timeout=5))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() block timed out")
    async with asyncio.timeout(5):
        await asyncio.sleep(0)
    print("timeout() block finished in time")

async def test_wait():
    tasks = [asyncio.create_task(worker("w%d" % i, 0.01 * (i + 1))) for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    # the first timer is due first; a loaded machine may find the next one due in the same turn
    print("first completed:", "W0" in [t.result() for t in done], len(done) + len(pending))
    done, pending = await asyncio.wait(tasks)
    print("all:", sorted(t.result() for t in done), len(pending))
    order = []
    ts = [asyncio.create_task(worker(n, d)) for n, d in [("x", 0.03), ("y", 0.01), ("z", 0.02)]]
    for fut in asyncio.as_completed(ts):
        order.append(await fut)
    print("as_completed:", order)

async def test_current():
    t = asyncio.current_task()
    print("current task is a Task:", isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    t2 = asyncio.create_task(worker("named", 0), name="my-task")
    print(t2.get_name(), await t2)
    print(asyncio.get_running_loop() is t.get_loop())

async def test_queue():
    q = asyncio.Queue(maxsize=2)
    produced = []
    async def producer():
        for i in range(5):
            await q.put(i)
            produced.append(i)
        await q.put(None)
    async def consumer():
        got = []
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                return got
            got.append(item * item)
    _, got = await asyncio.gather(producer(), consumer())
    print("queue:", produced, got, q.empty(), q.qsize())
    await q.join()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull", q.full())
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        lq.put_nowait(x)
        pq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])

async def test_sync():
    lock = asyncio.Lock()
    order = []
    async def critical(n):
        async with lock:
            order.append("in%d" % n)
            await asyncio.sleep(0.001)
            order.append("out%d" % n)
    await asyncio.gather(critical(1), critical(2), critical(3))
    print("lock:", order, lock.locked())

    ev = asyncio.Event()
    async def waiter(n):
        await ev.wait()
        return n
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("event set?", ev.is_set())
    ev.set()
    print("event:", await asyncio.gather(*ws))

    sem = asyncio.Semaphore(2)
    active = [0]
    peak = [0]
    async def limited(n):
        async with sem:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            await asyncio.sleep(0.001)
            active[0] -= 1
            return n
    print("semaphore:", await asyncio.gather(*(limited(i) for i in range(5))), "peak", peak[0])

    cond = asyncio.Condition()
    box = []
    async def consume():
        async with cond:
            await cond.wait_for(lambda: box)
            return box.pop()
    async def produce():
        await asyncio.sleep(0.001)
        async with cond:
            box.append("item")
            cond.notify()
    print("condition:", (await asyncio.gather(consume(), produce()))[0])

async def main():
    await test_gather()
    await test_cancel()
    await test_timeouts()
    await test_wait()
    await test_current()
    await test_queue()
    await test_sync()
    return "ok"

print(asyncio.run(main()))
for line in log:
    print(line)

# errors
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
async def nested():
    s = asyncio.sleep(0)
    try:
        asyncio.run(s)
    finally:
        s.close()       # never awaited: closing it avoids the RuntimeWarning
c = nested()
try:
    asyncio.run(c)
except RuntimeError as e:
    print("RuntimeError:", str(e))
async def boom():
    await asyncio.sleep(0)
    raise KeyError("boom")
try:
    asyncio.run(boom())
except KeyError as e:
    print("KeyError:", e)
