# Several threads create reference cycles at once (with a low collection threshold, so the
# automatic collector runs often, started by any of them), some call gc.collect() themselves,
# and one keeps mutating containers shared with the others while collections stop the world.
# Every cycle's objects are finalized exactly once, and the shared containers stay intact.
import gc
import threading

N_THREADS = 4
N_CYCLES = 3000

class Node:
    def __init__(self, log):
        self.log = log
    def __del__(self):
        self.log.append(1)

logs = [[] for _ in range(N_THREADS)]
shared = []
shared_d = {}
stop = threading.Event()

def make_cycles(i):
    log = logs[i]
    for k in range(N_CYCLES):
        a = Node(log)
        b = Node(log)
        a.peer = b
        b.peer = a
        a.data = [a, b, {"k": b}]
        if k % 1000 == 999 and i % 2 == 0:
            gc.collect()
    del a, b

def mutate():
    n = 0
    while not stop.is_set():
        shared.append([n])
        shared_d[n % 50] = (n, [n])
        if len(shared) > 100:
            del shared[:50]
        n += 1

old = gc.get_threshold()
gc.set_threshold(200)
m = threading.Thread(target=mutate)
m.start()
threads = [threading.Thread(target=make_cycles, args=(i,)) for i in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
m.join()
gc.collect()
gc.set_threshold(*old)
print([len(l) for l in logs])
print(all(isinstance(x, list) for x in shared), len(shared_d))
