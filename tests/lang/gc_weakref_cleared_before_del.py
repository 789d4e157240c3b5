# The cycle collector clears the weak references to unreachable objects and runs their callbacks
# before any __del__ (CPython's handle_weakrefs, then finalize_garbage): a __del__ that resurrects
# its object does not bring its weak references back, and a __del__ sees the others' cleared.
import gc, weakref
log, keep = [], []
class Node:
    def __init__(self, k): self.k = k; self.peer = None
    def __del__(self):
        log.append(('del', self.k, refs[self.k]() is None))
        if self.k % 3 == 0: keep.append(self)
refs = {}
x = Node(6); x.peer = x
refs[6] = weakref.ref(x, lambda r: log.append('cb6'))
a, b = Node(1), Node(2)
a.peer, b.peer = b, a
refs[1] = weakref.ref(a, lambda r: log.append('cb1'))
refs[2] = weakref.ref(b)
del x, a, b
gc.collect()
print(sorted(log, key=repr), len(keep), [refs[k]() is None for k in (1, 2, 6)])
keep.clear()
gc.collect()
print(sorted(log, key=repr), refs[6]() is None)
