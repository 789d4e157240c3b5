# ProcessPoolExecutor on multiprocessing: submit, as_completed, map (chunksize), exceptions from
# the worker, wait, keyword arguments, shutdown; results only (no timings)
from concurrent.futures import ProcessPoolExecutor, as_completed, wait
import concurrent.futures


def cpu_task(n):
    total = 0
    for i in range(n):
        total += i & 7
    return total


def fail(x):
    raise ValueError("bad %d" % x)


def add(a, b):
    return a + b


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(cpu_task, 10000 * (i + 1)) for i in range(4)]
        print([f.result() for f in fs])
        print(sorted(f.result() for f in as_completed(fs)))
        print(list(ex.map(cpu_task, [10, 100, 1000])))
        print(list(ex.map(add, range(7), range(7), chunksize=3)))
        e = ex.submit(fail, 7)
        try:
            e.result()
        except ValueError as x:
            print("ValueError", x)
        d, nd = wait([ex.submit(add, 1, 2), ex.submit(add, 'a', 'b')])
        print(sorted(str(f.result()) for f in d), len(nd))
        print(ex.submit(add, b=2, a=5).result())
    try:
        ex.submit(add, 1, 2)
    except RuntimeError as x:
        print("RuntimeError", x)
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as x:
        print("ValueError", x)
    ex = ProcessPoolExecutor(2)
    print(sum(ex.map(cpu_task, [1000] * 6)))
    ex.shutdown()
    print("done")
