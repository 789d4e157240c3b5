# Event, Condition, Semaphore, BoundedSemaphore, RLock, Timer, join(timeout), enumerate.
# Every line printed is decided by what the threads did, never by how fast: a wait that must
# succeed has a generous limit (a hang guard), a wait that must time out waits for something
# that cannot happen before it returns.
import threading
import time

e = threading.Event()
def setter():
    time.sleep(0.05)
    e.set()
st = threading.Thread(target=setter)
st.start()
print("event", e.wait(60), e.is_set())     # 60 s: hang guard
st.join()

c = threading.Condition()
items = []
def producer():
    for i in range(5):
        with c:
            items.append(i)
            c.notify()
def consumer(got):
    while len(got) < 5:
        with c:
            c.wait_for(lambda: items)
            got.append(items.pop(0))
got = []
a = threading.Thread(target=consumer, args=(got,))
b = threading.Thread(target=producer)
a.start(); b.start(); a.join(); b.join()
print("condition", got)

sem = threading.Semaphore(2)
inside = [0]
peak = [0]
mx = threading.Lock()
def limited():
    with sem:
        with mx:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.02)
        with mx:
            inside[0] -= 1
ts = [threading.Thread(target=limited) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("semaphore peak <= 2:", peak[0] <= 2)

bs = threading.BoundedSemaphore(1)
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as ex:
    print("bounded:", ex)

r = threading.RLock()
with r:
    with r:
        print("rlock nested ok")

fired = []
tm = threading.Timer(0.05, lambda: fired.append(1))
tm.start(); tm.join()
tc = threading.Timer(3600, lambda: fired.append(2))   # cancelled long before it could fire
tc.start(); tc.cancel(); tc.join()
print("timer", fired)

release_slow = threading.Event()
slow = threading.Thread(target=release_slow.wait)
slow.start()
slow.join(0.05)                   # cannot end: the thread waits for release_slow
print("join timeout alive:", slow.is_alive())
release_slow.set()
slow.join()
print("joined alive:", slow.is_alive())

lk = threading.Lock()
lk.acquire()
t0 = time.monotonic()
# never early: a timed-out acquire has waited at least its timeout (later is fine)
print("acquire timeout:", lk.acquire(timeout=0.1), time.monotonic() - t0 >= 0.099)
lk.release()
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print("active", threading.active_count(), len(threading.enumerate()))
d = threading.Thread(target=time.sleep, args=(0.1,), daemon=True)
print("daemon", d.daemon)
d.start(); d.join()

b = threading.Barrier(3)
order = []
def at_barrier(i):
    idx = b.wait()
    with mx:
        order.append(idx)
bs3 = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for t in bs3: t.start()
for t in bs3: t.join()
print("barrier", sorted(order), b.parties, b.n_waiting, b.broken)
