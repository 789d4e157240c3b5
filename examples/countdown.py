"""examples/countdown.py — Beazley's countdown ("Understanding the Python GIL", PyCon 2010): the
same pure-Python work, split over THREADS threads. For the host tool:

    python3 qemu/tollbooth.py run examples/countdown.py [THREADS [N]] --cpus 2 --gil old --trace /tmp/old
    python3 qemu/tollbooth.py sweep examples/countdown.py --threads 1,2,4 ...

sys.argv[1] is the thread count (default 2): `run` passes the ARGs after the file, and `sweep`
runs every cell with sys.argv = [FILE, THREADS]. sys.argv[2] is the total count (default 400000).
Prints `RESULT threads=T seconds=S policy=P` (sweep collects RESULT lines; S is its y axis).
"""
import sys
import threading
import time


def countdown(n):
    while n > 0:
        n -= 1


threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
total = int(sys.argv[2]) if len(sys.argv) > 2 else 400000
policy = sys.getgilpolicy() if hasattr(sys, "getgilpolicy") else "cpython"
workers = [threading.Thread(target=countdown, args=(total // threads,)) for _ in range(threads)]
t0 = time.time()
for w in workers:
    w.start()
for w in workers:
    w.join()
dt = time.time() - t0
print("countdown of %d over %d thread(s) under %s: %.3f s" % (total, threads, policy, dt))
print("RESULT threads=%d seconds=%.4f policy=%s" % (threads, dt, policy))
