# Two Processes incrementing a shared Value without a lock: `x.value += 1` is a load then a
# store, so updates may be lost (N is smaller than the 1,000,000 of the GIL tutorial this
# follows). value_with_lock.py is the same with a Lock.
from multiprocessing import Process, Value
import time
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000


def increment_count(x):
    for _ in range(N):
        x.value += 1  # not safe yet


if __name__ == "__main__":
    x = Value('i', 0)
    p1 = Process(target=increment_count, args=(x,))
    p2 = Process(target=increment_count, args=(x,))
    start = time.time()
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    print("Final value of x (without lock):", x.value)
    print("Time taken:", time.time() - start)
    # the structure a test can rely on (a loaded host may not run the two in parallel):
    print("plausible:", 0 < x.value <= 2 * N, "| lost updates:", x.value < 2 * N)
