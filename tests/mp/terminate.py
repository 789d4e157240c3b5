# terminate() is cooperative but prompt: a child spinning in bytecode, sleeping in time.sleep(),
# blocked on a threading.Lock, joining a thread, or waiting on a multiprocessing Queue/Lock/Event
# ends with exit code -15; a child that already ended keeps its code. The parent goes on.
# "Prompt" is decided without a clock: each child says (ready) that it is about to block in a
# call that would not end for an hour, or never; join() returning at all shows terminate()
# ended it there (a late one would leave the runner's hang guard to fail the test).
import time
import threading
from multiprocessing import Process, Queue, Lock, Event


def spin(ready):
    ready.set()
    while True:
        pass


def sleeper(ready):
    ready.set()
    time.sleep(3600)


def locker(ready):
    l = threading.Lock()
    l.acquire()
    ready.set()
    l.acquire()


def joiner(ready):
    t = threading.Thread(target=time.sleep, args=(3600,))
    t.daemon = True
    t.start()
    ready.set()
    t.join()


def q_waiter(ready, q):
    ready.set()
    q.get()


def lock_waiter(ready, l):
    ready.set()
    l.acquire()


def ev_waiter(ready, e):
    ready.set()
    e.wait()


def quick():
    pass


if __name__ == "__main__":
    q = Queue()
    l = Lock()
    l.acquire()
    e = Event()
    cases = [(spin, ()), (sleeper, ()), (locker, ()), (joiner, ()), (q_waiter, (q,)),
             (lock_waiter, (l,)), (ev_waiter, (e,))]
    for f, args in cases:
        ready = Event()
        p = Process(target=f, args=(ready,) + args)
        p.start()
        print(f.__name__, "ready:", ready.wait(60))     # 60 s: hang guard
        p.terminate()
        p.join()
        print(f.__name__, p.exitcode)
    p = Process(target=quick)
    p.start()
    p.join()
    p.terminate()
    print("after the end:", p.exitcode)
