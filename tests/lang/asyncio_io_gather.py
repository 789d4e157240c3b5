# The I/O-bound example under asyncio: five "downloads" (asyncio.sleep stands in for the network)
# run concurrently under asyncio.gather. Concurrency shows in the event order (every job starts
# before any finishes), never in timings; results come back in argument order.
import asyncio

events = []

async def download(url, delay):
    events.append("start " + url)
    await asyncio.sleep(delay)
    events.append("done " + url)
    return "%s: %d bytes" % (url, len(url) * 100)

async def main():
    urls = ["http://example.com/page%d" % i for i in range(5)]
    # the slowest first: completion order is the reverse of the start order
    results = await asyncio.gather(*(download(u, 0.02 * (5 - i)) for i, u in enumerate(urls)))
    for r in results:
        print(r)
    return len(results)

n = asyncio.run(main())
print("jobs:", n)
for e in events:
    print(e)
starts = [i for i, e in enumerate(events) if e.startswith("start")]
dones = [i for i, e in enumerate(events) if e.startswith("done")]
print("all started before the first finished:", max(starts) < min(dones))

# the same jobs as tasks, awaited one by one
async def with_tasks():
    tasks = [asyncio.create_task(download("job%d" % i, 0.01)) for i in range(5)]
    out = []
    for t in tasks:
        out.append(await t)
    return out

events.clear()
print(asyncio.run(with_tasks()))
print(events[:5] == ["start job%d" % i for i in range(5)])
