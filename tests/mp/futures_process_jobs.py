# The GIL article's two jobs ("Python's GIL: threading vs multiprocessing") under a
# ProcessPoolExecutor: the CPU-bound loop runs in worker processes (own interpreter, own GIL),
# and the I/O-bound job sleeps there (time.sleep standing in for the network). Results only,
# never timings.
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def cpu_task(n):
    total = 0
    for i in range(n):
        total += i & 7
    return total


def io_task(i):
    time.sleep(0.05)
    return "response %d" % i


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print("cpu:", list(ex.map(cpu_task, [10**4, 2 * 10**4, 3 * 10**4, 4 * 10**4])))
        fs = [ex.submit(io_task, i) for i in range(4)]
        print("io:", sorted(f.result() for f in as_completed(fs)))
