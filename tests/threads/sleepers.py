# Five threads each sleeping 2 s finish in about 2 s: time.sleep releases the GIL.
import threading
import time

def worker(i, out):
    time.sleep(2)
    out.append(i)

out = []
t0 = time.time()
ts = [threading.Thread(target=worker, args=(i, out)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.time() - t0
print(sorted(out))
print("about 2 s:", 1.9 < elapsed < 3.0)
