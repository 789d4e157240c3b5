# gc: the knobs (enable/disable/isenabled, thresholds, is_tracked, garbage, freeze) and that
# collect() finds reference cycles.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

old = gc.get_threshold()
print(old)
gc.set_threshold(500)
print(gc.get_threshold()[0])
gc.set_threshold(900, 7, 3)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)
print(type(gc.get_count()), len(gc.get_count()))

for bad in (lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.set_threshold(),
            lambda: gc.set_threshold("a")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(gc.garbage, gc.callbacks)
print(gc.is_tracked(1), gc.is_tracked(2 ** 100), gc.is_tracked("text"), gc.is_tracked(1.5),
      gc.is_tracked(None), gc.is_tracked(b"x"))
print(gc.is_tracked([]), gc.is_tracked([1]), gc.is_tracked({"k": []}), gc.is_tracked(set()))

class C:
    pass
print(gc.is_tracked(C()), gc.is_tracked(lambda: 0))

gc.collect()
# A list that contains itself.
l = [1, 2]
l.append(l)
del l
print(gc.collect() > 0)

# Two instances pointing at each other, through their __dict__.
a = C(); b = C()
a.b = b; b.a = a
del a, b
print(gc.collect() >= 2)

# A dict cycle and a set holding an instance that refers back to the set.
d = {}
d["self"] = d
s = set()
c = C()
c.s = s
s.add(c)
del d, s, c
print(gc.collect() > 0)

# Nothing left: a second collection finds nothing new of ours.
n = gc.collect()
print(n >= 0)

# A collection while disabled still runs when asked.
gc.disable()
x = []
x.append(x)
del x
print(gc.collect() > 0)
gc.enable()

# freeze: frozen objects are not examined; unfreeze puts them back.
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(isinstance(gc.get_objects(), list))
print(gc.DEBUG_STATS, gc.DEBUG_LEAK)
