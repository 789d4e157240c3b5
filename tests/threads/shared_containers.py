# Four threads mutating one list, one dict and one set without a Python lock: under the GIL each
# mutation is one bytecode-level operation; under `none` the per-object locks (interp/core/objlock.h)
# keep the containers intact. Exact counts under every policy except unsafe.
import threading

shared = []
d = {}
s = set()

def mutate(k):
    for i in range(50000):
        shared.append((k, i))
        d[i % 1000] = k
        s.add(i % 500)
        if i % 3 == 0:
            shared.pop()

ts = [threading.Thread(target=mutate, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared), len(d), len(s))
