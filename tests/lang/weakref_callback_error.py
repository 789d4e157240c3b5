# A weakref callback that raises: the error is printed as "Exception ignored in" and the program
# goes on (stderr is not compared; the exit status and stdout are).
import weakref
class Obj:
    pass
def cb(wr):
    raise ValueError('boom')
t = Obj()
rr = weakref.ref(t, cb)
del t
print('after boom', rr())
