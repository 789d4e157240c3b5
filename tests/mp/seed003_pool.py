# seed 003, Step 8: Pool(2).map over cpu_task (range 10**5 instead of 10**8)
from multiprocessing import Pool


def cpu_task(n):
    total = 0
    for i in range(10**5):
        total += i*i
    return total


if __name__ == "__main__":
    with Pool(2) as p:
        print(p.map(cpu_task, [1, 2]))
