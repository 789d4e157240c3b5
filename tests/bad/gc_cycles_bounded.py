# expect: ok
# 200,000 reference cycles (two instances, their dicts and a list of 202 items each, ~2 KiB)
# under the bad suite's 256 MiB limit: about 450 MiB if none were freed, so without the cycle
# collector this ends in MemoryError. With it, automatic collections keep the heap bounded and the run ends
# cleanly. (tests/bench/gc_cycles.py runs ten million and prints the interpreter's peak use.)
class Node:
    pass

for i in range(200000):
    a = Node()
    b = Node()
    a.peer = b
    b.peer = a
    a.items = [a, b] + [i] * 200
print("done")
