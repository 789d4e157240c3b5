# Two Processes each running a CPU-bound task (a sum of squares over range(10**5)): both run to
# the end and print. The timing ("about the time of one when 2 cores are free") is measured by
# `make bench`, not asserted: processes_cpu_bound.expected matches the figures with `~` patterns.
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
