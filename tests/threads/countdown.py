# seed 002: countdown split over 1, 2 and 4 threads (the result is structural: every thread
# finishes its share; the timing is in tests/threads/bench_gil.py)
from threading import Thread
import time

COUNT = 2000000

def countdown(n):
    while n > 0:
        n -= 1

for nthreads in (1, 2, 4):
    threads = [Thread(target=countdown, args=(COUNT // nthreads,)) for i in range(nthreads)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    print(nthreads, "threads done", all(not t.is_alive() for t in threads), elapsed < 60)
