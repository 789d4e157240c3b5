# Countdown split over 1, 2 and 4 threads. The result is structural: every thread finishes its
# share; how long it took is a figure in tests/threads/bench_gil.py, never checked here.
from threading import Thread

COUNT = 2000000

def countdown(n):
    while n > 0:
        n -= 1

for nthreads in (1, 2, 4):
    threads = [Thread(target=countdown, args=(COUNT // nthreads,)) for i in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(nthreads, "threads done", all(not t.is_alive() for t in threads))
