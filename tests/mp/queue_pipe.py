# Queue put/get with copies and timeouts, Pipe both ways, Event, Semaphore, Array, RLock.
from multiprocessing import Process, Queue, Pipe, Event, Semaphore, Array, RLock, Value
import multiprocessing


def producer(q, n):
    for i in range(n):
        q.put({"i": i, "sq": [i * i], "big": 2 ** 70 + i, "f": i / 2, "t": (b"x", None, True)})
    q.put(None)


def echo(conn):
    while True:
        m = conn.recv()
        if m is None:
            break
        conn.send(("echo", m))
    conn.close()


def waiter(ev, q):
    ok = ev.wait(10)
    q.put(("event seen", ok))


def fill(arr, lock):
    for i in range(len(arr)):
        with lock:
            arr[i] = arr[i] + i


def sem_user(sem, v):
    with sem:
        with v.get_lock():
            v.value += 1


if __name__ == "__main__":
    q = Queue()
    p = Process(target=producer, args=(q, 5))
    p.start()
    got = []
    while True:
        m = q.get(timeout=10)
        if m is None:
            break
        got.append(m)
    p.join()
    print(len(got), got[0], got[4]["big"])
    # the copy is a copy: changing it here changes nothing there
    d = {"a": [1]}
    q.put(d)
    d2 = q.get()
    d2["a"].append(2)
    print(d, d2, d is d2)
    try:
        q.get(timeout=0.05)
    except Exception as ex:
        print(type(ex).__name__, "after timeout")
    try:
        q.get_nowait()
    except Exception as ex:
        print(type(ex).__name__, "(nowait)")
    small = Queue(1)
    small.put(1)
    try:
        small.put(2, timeout=0.05)
    except Exception as ex:
        print(type(ex).__name__, "after timeout")
    print(small.qsize(), small.empty(), small.full())

    a, b = Pipe()
    e = Process(target=echo, args=(b,))
    e.start()
    for m in [1, "two", [3.0], {"four": 4}]:
        a.send(m)
        print(a.recv())
    a.send(None)
    e.join()
    print("echo exit", e.exitcode)

    ev = Event()
    rq = Queue()
    w = Process(target=waiter, args=(ev, rq))
    w.start()
    print(ev.is_set())
    ev.set()
    print(rq.get(timeout=10))
    w.join()

    arr = Array('i', [10, 20, 30, 40])
    lk = RLock()
    ps = [Process(target=fill, args=(arr, lk)) for _ in range(3)]
    for x in ps:
        x.start()
    for x in ps:
        x.join()
    print(arr[:], len(arr), list(arr))

    sem = Semaphore(2)
    v = Value('d', 0.5)
    ps = [Process(target=sem_user, args=(sem, v)) for _ in range(4)]
    for x in ps:
        x.start()
    for x in ps:
        x.join()
    print(v.value, sem.get_value())
    print(Value('b', 200).value, Value('H', -1).value, Value('i', 2 ** 31).value)
    with lk:
        with lk:
            print("rlock reentrant")
    l = multiprocessing.Lock()
    print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01))
    l.release()
    try:
        l.release()
    except ValueError as ex:
        print("ValueError:", ex)
