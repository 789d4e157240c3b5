# concurrent.futures with threads: Future states and reprs, submit/map/as_completed/wait, callbacks,
# exceptions (CancelledError, InvalidStateError, TimeoutError), shutdown and initializer
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor, Future, wait, as_completed, FIRST_COMPLETED
import time
def sq(x):
    return x * x
def boom(x):
    raise ValueError("bad %d" % x)
with ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(sq, i) for i in range(10)]
    print([f.result() for f in fs])
    print(list(ex.map(sq, range(5))))
    print(sorted(f.result() for f in as_completed(fs)))
    done, not_done = wait(fs)
    print(len(done), len(not_done))
    e = ex.submit(boom, 3)
    try:
        e.result()
    except ValueError as x:
        print("ValueError", x)
    print(repr(e.exception()), e.done(), e.cancelled(), e.running())
    print(repr(e).split(' at ')[0], repr(e).split(' state=')[1])
    print(repr(fs[0]).split(' state=')[1])
    try:
        list(ex.map(boom, [1, 2]))
    except ValueError as x:
        print("map ValueError", x)
f = Future()
print(repr(f).split(' state=')[1], f.done())
print(f.cancel(), f.cancelled(), f.done(), repr(f).split(' state=')[1])
try: f.result()
except cf.CancelledError as x: print("CancelledError", repr(x))
f = Future()
calls = []
f.add_done_callback(lambda fut: calls.append(fut.result()))
f.set_result(42)
f.add_done_callback(lambda fut: calls.append(-fut.result()))
print(calls, f.result(), f.cancel())
try: f.set_result(1)
except cf.InvalidStateError as x: print("InvalidStateError", str(x).split(':')[0])
g = Future()
try: g.result(timeout=0.01)
except cf.TimeoutError as x: print("TimeoutError", repr(x), cf.TimeoutError is TimeoutError)
print(g.set_running_or_notify_cancel(), g.running(), g.cancel())
try: ThreadPoolExecutor(0)
except ValueError as x: print("ValueError", x)
ex = ThreadPoolExecutor(2)
ex.shutdown()
try: ex.submit(sq, 1)
except RuntimeError as x: print("RuntimeError", x)
ex = ThreadPoolExecutor(1)
slow = ex.submit(time.sleep, 0.2)
fast = [ex.submit(sq, i) for i in range(3)]
d, nd = wait([slow] + fast, return_when=FIRST_COMPLETED)
print(len(d) >= 1, slow in d)
print(sum(f.result() for f in fast))
d, nd = wait([ex.submit(time.sleep, 0.5)], timeout=0.01)
print(len(d), len(nd))
ex.shutdown(wait=False, cancel_futures=True)
print(cf.ALL_COMPLETED, cf.FIRST_EXCEPTION, issubclass(cf.BrokenExecutor, RuntimeError))
names = []
import threading
with ThreadPoolExecutor(2, thread_name_prefix='w') as ex2:
    print(sorted(set(ex2.map(lambda _: threading.current_thread().name.startswith('w_'), range(4)))))
with ThreadPoolExecutor(1, initializer=names.append, initargs=('init',)) as ex3:
    ex3.submit(sq, 2).result()
print(names)
try:
    for f in as_completed([ThreadPoolExecutor(1).submit(time.sleep, 0.3)], timeout=0.01):
        pass
except TimeoutError as x:
    print("TimeoutError", x)
