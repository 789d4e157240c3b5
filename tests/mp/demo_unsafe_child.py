# Isolation of the `unsafe` GIL policy (a demo, not a test: see docs/design/mp.md, known gaps): a child
# switches ITS interpreter to `unsafe` and races 4 threads on one list. A corruption the checks
# detect ends that child only (exit code 1); a real SIGSEGV still ends the whole host program.
import sys
import threading
from multiprocessing import Process, Queue

item = ("shared", "tuple")


def racer():
    sys.setgilpolicy("unsafe")
    shared = []

    def mutate():
        for i in range(100000):
            shared.append(item)
            x = shared[-1]
            if len(shared) > 50:
                shared.pop()

    ts = [threading.Thread(target=mutate) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def sibling(q):
    q.put(sum(range(100000)))


if __name__ == "__main__":
    q = Queue()
    p = Process(target=racer)
    s = Process(target=sibling, args=(q,))
    p.start()
    s.start()
    print("sibling:", q.get(timeout=60))
    p.join()
    s.join()
    print("racer exit code in (0, 1):", p.exitcode in (0, 1), "| sibling:", s.exitcode)
    print("parent policy:", sys.getgilpolicy())
