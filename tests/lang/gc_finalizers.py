# gc and __del__ (PEP 442): an object in an unreachable cycle is finalized exactly once, then
# freed; a finalizer that resurrects its object keeps it alive and is not run again; the
# finally block of a suspended generator in a cycle runs when the cycle is collected.
import gc

events = []

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        events.append(self.name)

def report(label):
    print(label, sorted(events))
    events.clear()

gc.collect()
gc.disable()          # no automatic collection between the steps below

# A two-object cycle: both finalized, once, by the collection and not before.
a = Noisy("a"); b = Noisy("b")
a.peer = b; b.peer = a
del a, b
report("before collect:")
print(gc.collect() > 0)
report("after collect:")
gc.collect()
report("again:")

# A self-cycle through a list attribute.
c = Noisy("c")
c.items = [c, c]
del c
gc.collect()
report("self-cycle:")

# Resurrection: __del__ stores the object in a global; it lives on and keeps its data.
saved = []
class Phoenix:
    def __del__(self):
        events.append("phoenix")
        saved.append(self)
p = Phoenix()
p.me = p
p.data = [1, 2, 3]
del p
gc.collect()
report("resurrected:")
print(len(saved), saved[0].data)
# Dropped again: not finalized a second time (PEP 442), but freed.
saved.clear()
gc.collect()
report("second death:")

# A suspended generator inside a cycle: its finally block runs when the cycle is collected.
def worker(box):
    try:
        yield 1
        yield 2
    finally:
        events.append("finally")
box = []
g = worker(box)
next(g)
box.append(g)
del g, box
gc.collect()
report("generator:")

# Many cycles at once, each finalized once.
for i in range(50):
    n = Noisy(i)
    n.me = n
del n
gc.collect()
print("many:", len(events), sorted(events) == list(range(50)))
events.clear()

# Objects reachable from a cycle but not part of it go with it.
holder = Noisy("holder")
holder.child = Noisy("child")
holder.me = holder
del holder
gc.collect()
report("cycle and child:")
gc.enable()
