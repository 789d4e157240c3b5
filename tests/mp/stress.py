# Stress: processes running at once share only immortal objects (static types and their
# methods, interned strings, None/True/False): hammer the built-in types' methods, exceptions,
# generators and classes in 4 processes at once, several rounds, then a Pool with many tiny
# tasks. Any refcount race on a shared object would crash or corrupt; the sums must be exact.
from multiprocessing import Process, Queue, Pool


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def gen(n):
    for i in range(n):
        yield i


def work(seed, n):
    acc = 0
    d = {}
    l = []
    s = set()
    for i in range(n):
        l.append(i)
        d[str(i)] = i
        s.add(i % 7)
        acc += len("a,b,c".split(",")) + "xyz".upper().count("X")
        acc += Point(i, seed).norm2() % 5
        try:
            {}["missing"]
        except KeyError:
            acc += 1
        acc += sum(gen(3)) + max(l[-3:]) % 3 + int(3.5) + len(d) % 2
        if len(l) > 50:
            l = l[25:]
            d = dict((k, v) for k, v in d.items() if v % 2)
    return acc + sorted(s)[-1]


def run(q, seed, n):
    q.put((seed, work(seed, n)))


def tiny(x):
    return [x, str(x), (x, None), {"k": x}]


if __name__ == "__main__":
    n = 3000
    expect = dict((seed, work(seed, n)) for seed in range(4))
    q = Queue()
    for rnd in range(3):
        ps = [Process(target=run, args=(q, seed, n)) for seed in range(4)]
        for p in ps:
            p.start()
        got = dict(q.get(timeout=120) for _ in range(4))
        for p in ps:
            p.join()
        print("round", rnd, got == expect, [p.exitcode for p in ps])
    with Pool(4) as pool:
        r = pool.map(tiny, range(2000), 7)
    print(r == [tiny(x) for x in range(2000)], len(r))
