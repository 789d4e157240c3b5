# terminate() is cooperative but prompt: a child spinning in bytecode, sleeping in time.sleep(),
# blocked on a threading.Lock, joining a thread, or waiting on a multiprocessing Queue/Lock/Event
# ends within a fraction of a second with exit code -15; a child that already ended keeps its
# code. The parent goes on.
import time
import threading
from multiprocessing import Process, Queue, Lock, Event


def spin():
    while True:
        pass


def sleeper():
    time.sleep(30)


def locker():
    l = threading.Lock()
    l.acquire()
    l.acquire()


def joiner():
    t = threading.Thread(target=time.sleep, args=(30,))
    t.daemon = True
    t.start()
    t.join()


def q_waiter(q):
    q.get()


def lock_waiter(l):
    l.acquire()


def ev_waiter(e):
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
        p = Process(target=f, args=args)
        p.start()
        time.sleep(0.1)
        t0 = time.time()
        p.terminate()
        p.join()
        print(f.__name__, p.exitcode, "prompt:", time.time() - t0 < 2.0)
    p = Process(target=quick)
    p.start()
    p.join()
    p.terminate()
    print("after the end:", p.exitcode)
