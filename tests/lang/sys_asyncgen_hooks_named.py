# sys.get_asyncgen_hooks() is a named tuple (firstiter, finalizer), as CPython's.
import sys
h = sys.get_asyncgen_hooks()
print(h, h.firstiter, h.finalizer, h[0], len(h), tuple(h))
def fin(g): pass
sys.set_asyncgen_hooks(finalizer=fin)
h = sys.get_asyncgen_hooks()
print(h.firstiter, h.finalizer is fin, h[1] is fin)
sys.set_asyncgen_hooks(*sys.get_asyncgen_hooks()[:1], finalizer=None)
print(sys.get_asyncgen_hooks())
