# asyncio with threads: to_thread / run_in_executor run blocking calls on worker threads while the
# loop runs other tasks; run_coroutine_threadsafe submits to a loop from another thread.
import asyncio, time, threading

def blocking_io(n):
    time.sleep(0.02)
    return "io%d on a worker thread: %s" % (n, threading.current_thread() is not threading.main_thread())

def fails():
    raise ValueError("worker failed")

async def main():
    results = await asyncio.gather(*(asyncio.to_thread(blocking_io, i) for i in range(3)), asyncio.sleep(0.01, "slept"))
    for r in results:
        print(r)
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    try:
        await asyncio.to_thread(fails)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())

loop = asyncio.new_event_loop()
def in_other_thread(out):
    out.append(asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01, "from another thread"), loop).result(5))
    loop.call_soon_threadsafe(loop.stop)
out = []
t = threading.Thread(target=in_other_thread, args=(out,))
t.start()
loop.run_forever()
t.join()
loop.close()
print(out)
