# Two Processes incrementing a shared Value under a multiprocessing Lock: exactly 2 * N
# (value_without_lock.py is the same without the Lock).
from multiprocessing import Process, Value, Lock
import time
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


def increment_count(x, lock):
    for _ in range(N):
        with lock:
            x.value += 1


if __name__ == "__main__":
    x = Value('i', 0)
    lock = Lock()
    p1 = Process(target=increment_count, args=(x, lock))
    p2 = Process(target=increment_count, args=(x, lock))
    start = time.time()
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    print("Final value of x (with lock):", x.value)
    print("Time taken:", time.time() - start)
    print("exact:", x.value == 2 * N)
