# Pool(2).map over cpu_task (pool_cpu_bound.py's program with a smaller range), starmap, apply_async,
# imap, results in order, a worker's exception raised in the parent.
from multiprocessing import Pool, cpu_count


def cpu_task(n):
    total = 0
    for i in range(20000):
        total += i * i
    return total + n


def add(a, b):
    return a + b


def boom(x):
    if x == 3:
        raise ValueError("bad input %d" % x)
    return x


def kw(a, b=0, c=0):
    return (a, b, c)


if __name__ == "__main__":
    print(cpu_count() >= 1)
    with Pool(2) as p:
        print(p.map(cpu_task, [1, 2]))
        print(p.map(cpu_task, range(10)) == [cpu_task(i) for i in range(10)])
        print(p.starmap(add, [(1, 2), (3, 4), ("a", "b")]))
        r = p.apply_async(kw, (1,), {"c": 3})
        print(r.get(timeout=10))
        print(list(p.imap(abs, [-1, -2, 3])))
        print(p.map(str, [1, 2]))
        try:
            p.map(boom, range(6))
        except ValueError as e:
            print("worker raised:", repr(e))
        print(p.apply(add, (10, 20)))
        print(p.map(cpu_task, []))
    p = Pool(processes=3)
    print(sum(p.map(add, [1, 2, 3], 1) if False else p.starmap(add, [(i, i) for i in range(100)])))
    p.close()
    p.join()
    print("done")
