# queue.Queue as the hand-off between threads: 3 producers put 200 items each into a bounded
# queue (maxsize 8, so producers block on a full queue), 4 consumers take them until they see a
# sentinel, and the main thread joins the queue (task_done/join). Decided by what arrived: every
# item exactly once, the sums, the unfinished count back at 0. Then a LifoQueue and a
# PriorityQueue fed by two threads, and get() with a timeout that a producer thread satisfies.
import queue
import threading

N_PROD, N_CONS, PER = 3, 4, 200
q = queue.Queue(maxsize=8)
got = [[] for _ in range(N_CONS)]

def producer(p):
    for i in range(PER):
        q.put((p, i))

def consumer(c):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        got[c].append(item)
        q.task_done()

cons = [threading.Thread(target=consumer, args=(c,)) for c in range(N_CONS)]
prods = [threading.Thread(target=producer, args=(p,)) for p in range(N_PROD)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
q.join()
print("after join: unfinished", q.unfinished_tasks, "qsize", q.qsize())
for _ in cons:
    q.put(None)
for t in cons:
    t.join()
allitems = [it for g in got for it in g]
print("items", len(allitems), "distinct", len(set(allitems)), "sum", sum(i for _, i in allitems))
# each producer's items reach any one consumer in the order they were put (FIFO)
print("per-consumer FIFO", all([i for p2, i in g if p2 == p] == sorted(i for p2, i in g if p2 == p)
                                 for g in got for p in range(N_PROD)))

pq = queue.PriorityQueue()
def feed(start):
    for k in range(start, 100, 2):
        pq.put((k % 10, k))
ts = [threading.Thread(target=feed, args=(s,)) for s in (0, 1)]
for t in ts:
    t.start()
for t in ts:
    t.join()
out = [pq.get() for _ in range(pq.qsize())]
print("priority sorted", out == sorted(out), out[:3], out[-2:])

lq = queue.LifoQueue()
t = threading.Thread(target=lambda: [lq.put(i) for i in range(10)])
t.start(); t.join()
print("lifo", [lq.get_nowait() for _ in range(10)])

r = queue.Queue()
ready = threading.Event()
def late():
    ready.wait()
    r.put("late item")
t = threading.Thread(target=late)
t.start()
try:
    r.get(timeout=0.05)
except queue.Empty:
    print("timed out first, as nothing was put")
ready.set()
print(r.get(timeout=60))
t.join()

sq = queue.SimpleQueue()
ws = [threading.Thread(target=lambda k=k: [sq.put(k * 1000 + i) for i in range(100)]) for k in range(4)]
for w in ws:
    w.start()
for w in ws:
    w.join()
vals = [sq.get() for _ in range(sq.qsize())]
print("simple", len(vals), len(set(vals)), sq.empty())
