# seed 003, Step 4: two Processes running cpu_task (range 10**5 instead of 10**8). The timing
# ("about the time of one when 2 cores are free") is measured by `make bench`, not asserted.
from multiprocessing import Process
import time


def cpu_task():
    start = time.time()
    total = 0
    for i in range(10**5):
        total += i*i
    print("Done in:", time.time() - start)


if __name__ == "__main__":
    p1 = Process(target=cpu_task)
    p2 = Process(target=cpu_task)
    start = time.time()
    p1.start(); p2.start()
    p1.join(); p2.join()
    print("Total time:", time.time() - start)
