# unsafe policy: corruption that no detector sees can still break threading's own bookkeeping (an
# object freed by a refcount race and already reused). Here the started event's set() raises, as
# a corrupted one might: start() would wait for it for ever. threading's bootstrap reports it
# (_thread._bootstrap_failed), and the reset ends start()'s wait: status 1, never a hang.
import threading, sys
sys.setgilpolicy("unsafe")


class StartedEventThatFails(threading.Event):
    def set(self):
        raise TypeError("'<int>' object is not callable (as a reused object would say)")


t = threading.Thread(target=print, args=("not reached",))
t._started = StartedEventThatFails()
t.start()
print("start() returned")
