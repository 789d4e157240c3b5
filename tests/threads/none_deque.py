# collections.deque shared between threads with no lock of our own: append/appendleft from
# producers, pop/popleft from consumers, while readers index, iterate, rotate and test `in`.
# Each C deque operation is atomic (as CPython's under its GIL), also under the policy `none`
# (the deque's object lock): every item pushed comes out exactly once and nothing crashes;
# an iterator over a deque that changes raises RuntimeError, as CPython's.
import threading
from collections import deque

N_PROD, PER = 4, 3000
d = deque()
taken = [[] for _ in range(4)]
done = threading.Event()

def producer(p):
    for i in range(PER):
        if i % 2:
            d.append((p, i))
        else:
            d.appendleft((p, i))

def consumer(c):
    out = taken[c]
    while True:
        try:
            out.append(d.popleft() if c % 2 else d.pop())
        except IndexError:
            if done.is_set() and not d:
                return

def reader():
    seen = 0
    while not done.is_set():
        try:
            d[0]
            d[-1]
        except IndexError:
            pass
        try:
            seen += sum(1 for _ in d) >= 0
        except RuntimeError:        # "deque mutated during iteration", as CPython
            seen += 1
        try:
            list(reversed(d))
        except RuntimeError:
            pass
        (0, 0) in d
        d.rotate(1)
        d.rotate(-1)

prods = [threading.Thread(target=producer, args=(p,)) for p in range(N_PROD)]
cons = [threading.Thread(target=consumer, args=(c,)) for c in range(4)]
readers = [threading.Thread(target=reader) for _ in range(2)]
for t in prods + cons + readers:
    t.start()
for t in prods:
    t.join()
done.set()
for t in cons + readers:
    t.join()
allitems = [x for part in taken for x in part] + list(d)
print("pushed", N_PROD * PER, "got", len(allitems), "distinct", len(set(allitems)))
print("complete", sorted(allitems) == sorted((p, i) for p in range(N_PROD) for i in range(PER)))

b = deque(maxlen=10)
def bounded(k):
    for i in range(2000):
        b.append(k * 10000 + i)
ts = [threading.Thread(target=bounded, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("bounded", len(b), b.maxlen, len(set(b)))
