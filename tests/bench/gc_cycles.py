# The cycle collector's figure: N reference cycles (default ten million; two instances, their
# dicts and a list each) created and dropped in a loop. Run it under a small memory limit,
#   TOLLPY_MEM=8000000 build/host/tollpy tests/bench/gc_cycles.py [N]
# (8 MB: without collection the first ~15,000 cycles exhaust it). Prints how many collections
# ran and how many objects they freed; /usr/bin/time -f %M gives the process's peak RSS.
import gc
import sys

class Node:
    pass

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000000
for i in range(N):
    a = Node()
    b = Node()
    a.peer = b
    b.peer = a
    a.items = [a, b, i]
del a, b
gc.collect()
s = gc.get_stats()[2]
print("cycles", N, "collections", s["collections"], "collected", s["collected"])
