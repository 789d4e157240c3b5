# Processes run at once, each interpreter under its own GIL, and share the built-in types with
# everything in their dicts. Every class statement binds object.__init_subclass__ (a classmethod:
# the bound method holds its function), every property read calls a built-in getter, every
# one-character string comes from one process-wide cache, and each process imports modules with
# static types of their own (_thread, _collections, random, re) at the same moment as the others.
# If any of those were counted or filled with plain writes from two processes, a count would be
# lost and the object freed under the others; the totals must come back exact.
from multiprocessing import Process, Queue


def work(q, seed, n):
    import random, re, collections, threading
    total = 0
    for i in range(n):
        class K:
            x = i

        class L(K):
            pass

        total += L.x - K.x + len(L.__mro__)
        total += (3 + 4j).imag == 4.0
        total += len(str(i % 10)) + ("abc"[i % 3] in "abc")
        total += collections.deque([i], maxlen=2)[0] == i
        total += threading.Lock().locked() is False
        total += bool(re.match("a", "a"))
    q.put((seed, total))


if __name__ == "__main__":
    n = 1500
    q = Queue()
    for rnd in range(2):
        ps = [Process(target=work, args=(q, s, n)) for s in range(4)]
        for p in ps:
            p.start()
        got = sorted(q.get(timeout=120) for _ in ps)
        for p in ps:
            p.join()
        print("round", rnd, got, [p.exitcode for p in ps])
