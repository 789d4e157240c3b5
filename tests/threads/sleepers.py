# time.sleep releases the GIL: five threads are asleep at the same time. Decided by what the
# threads did, not by how long it took: each daemon thread says it is going to sleep and then
# sleeps for an hour; the main thread waits until all five have said so. If a sleep kept the GIL,
# the first sleeper would hold it for the hour, the others could never start, and the runner's
# hang guard would fail the test. Then five short sleepers are joined and their results checked.
import threading
import time

entered = []

def long_sleeper(i):
    entered.append(i)
    time.sleep(3600)

ts = [threading.Thread(target=long_sleeper, args=(i,), daemon=True) for i in range(5)]
for t in ts:
    t.start()
while len(entered) < 5:
    time.sleep(0.01)
print("asleep at once:", sorted(entered), sum(t.is_alive() for t in ts))

def worker(i, out):
    time.sleep(0.2)
    out.append(i)

out = []
ws = [threading.Thread(target=worker, args=(i, out)) for i in range(5)]
for t in ws:
    t.start()
for t in ws:
    t.join()
print(sorted(out), any(t.is_alive() for t in ws))
