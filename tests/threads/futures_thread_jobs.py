# The GIL article's two jobs ("Python's GIL: threading vs multiprocessing") under a
# ThreadPoolExecutor: a CPU-bound loop and an I/O-bound job (time.sleep standing in for the
# network). Results only, never timings. That the four I/O jobs wait at the same time is decided
# by a Barrier(4) inside the job: it only opens when all four are in it (a pool that ran them one
# by one would break it after its hang-guard timeout: BrokenBarrierError).
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def cpu_task(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


barrier = threading.Barrier(4, timeout=60)


def io_task(i):
    time.sleep(0.05)
    barrier.wait()
    time.sleep(0.05)
    return "response %d" % i


with ThreadPoolExecutor(max_workers=4) as ex:
    print("cpu:", list(ex.map(cpu_task, [10**4, 2 * 10**4, 3 * 10**4, 4 * 10**4])))
    fs = {ex.submit(io_task, i): i for i in range(4)}
    out = sorted(f.result() for f in as_completed(fs))
    print("io:", out)
    print("all done:", all(f.done() for f in fs))
