# gc: a finalizer that raises while its cycle is collected is reported on stderr ("Exception
# ignored in: ..."), the collection goes on and the cycle is freed.
import gc

events = []

class Raiser:
    def __del__(self):
        events.append("raiser")
        raise ValueError("in __del__")

class Quiet:
    def __del__(self):
        events.append("quiet")

gc.collect()
gc.disable()
r = Raiser()
q = Quiet()
r.q = q
q.r = r
del r, q
print(gc.collect() > 0)
print(sorted(events))
gc.enable()
