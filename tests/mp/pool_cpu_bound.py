# Pool(2).map over a CPU-bound task (a sum of squares over range(10**5)): both results come back
# in order. The GIL tutorial this follows uses range(10**8); the speed-up is measured by
# `make bench-mp`, not asserted here.
from multiprocessing import Pool


def cpu_task(n):
    total = 0
    for i in range(10**5):
        total += i*i
    return total


if __name__ == "__main__":
    with Pool(2) as p:
        print(p.map(cpu_task, [1, 2]))
