# Tracked objects cross threads: each producer makes cycles and plain containers and hands them
# to a consumer thread, which drops them there (so a container is untracked by a thread other
# than the one that tracked it, while its maker keeps tracking new ones). Producers end while
# cycles they made are still alive (their tracking lists outlive them and are taken over by the
# threads started next); then the cycles are dropped and collected. gc.freeze()/gc.unfreeze()
# run while other threads allocate. Every cycle is finalized exactly once, and collect() finds
# each dropped cycle.
import gc
import threading
import queue

N_PROD = 3
N_ITEMS = 2000

class Node:
    def __init__(self, log):
        self.log = log
    def __del__(self):
        self.log.append(1)

log = []
kept = []
q = queue.Queue()

def produce(i):
    for k in range(N_ITEMS):
        a = Node(log)
        b = Node(log)
        a.peer = b
        b.peer = a
        q.put([a, {"b": b}, (k, [k])])
        if k % 100 == 0:
            c = Node(log)
            c.me = [c]
            kept.append(c)            # alive after this thread ends
    del a, b

def consume():
    n = 0
    while True:
        item = q.get()
        if item is None:
            break
        n += 1
        del item                       # untracked here, tracked by the producer
    return n

gc.disable()
cons = threading.Thread(target=consume)
cons.start()
prods = [threading.Thread(target=produce, args=(i,)) for i in range(N_PROD)]
for t in prods:
    t.start()
for t in prods:
    t.join()
q.put(None)
cons.join()

# the lists of the ended threads are reused by these; freeze/unfreeze while they allocate
stop = threading.Event()
def churn():
    while not stop.is_set():
        x = [[], {}, ()]
        x.append(x)
later = [threading.Thread(target=churn) for _ in range(2)]
for t in later:
    t.start()
gc.freeze()
frozen = gc.get_freeze_count()
gc.unfreeze()
stop.set()
for t in later:
    t.join()
print(frozen > 0, gc.get_freeze_count())

n_kept = len(kept)
kept.clear()
found = gc.collect()
gc.enable()
print(len(log) == 2 * N_PROD * N_ITEMS + n_kept, n_kept, found >= 2 * N_PROD * N_ITEMS + n_kept)

# Automatic collections keep their pace: frees of objects counted before a collection must not
# push the next one further away (each cycle here is 5 tracked objects: ~140 collections at
# threshold 700 over 100,000 allocations, CPython 3.11 makes 76; a count that drifted below zero made 1).
class P:
    pass
def collections():
    return sum(s["collections"] for s in gc.get_stats())
before = collections()
for i in range(20000):
    a = P()
    b = P()
    a.peer = b
    b.peer = a
    a.items = [a, b, i]
del a, b
print(collections() - before >= 50)
