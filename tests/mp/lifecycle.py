# Process lifecycle: names, pids, repr states, join(timeout), a subclass overriding run(),
# nested processes, kwargs, many processes started and joined, limits, unjoined children
# joined at exit.
import time
import multiprocessing as mp
from multiprocessing import Process, Queue, Value, Event


def sleeper(t):
    time.sleep(t)


def waiter(ev):
    ev.wait()          # a child that stays alive until the parent says so, however slow the host


def child_info(q, tag, extra=None):
    cp = mp.current_process()
    q.put((tag, cp.name, extra, mp.parent_process() is not None))


def spawner(q):
    p = Process(target=child_info, args=(q, "grandchild"))
    p.start()
    p.join()
    q.put(("nested name", p.name, p.exitcode))


def add_to(v, n=1):
    with v.get_lock():
        v.value += n


class Worker(Process):
    def __init__(self, q, word):
        Process.__init__(self)
        self.q = q
        self.word = word

    def run(self):
        self.q.put(self.word.upper())


def late(v):
    time.sleep(0.2)
    v.value = 42


if __name__ == "__main__":
    q = Queue()
    p = Process(target=child_info, args=(q, "kw"), kwargs={"extra": [1, 2]})
    print(repr(p).replace(p.name, "NAME"))
    p.start()
    print(q.get(timeout=10))
    p.join()
    print(p.exitcode, p.is_alive(), "stopped exitcode=0" in repr(p), p.pid > 1)
    ev = Event()
    s = Process(target=waiter, args=(ev,))
    s.start()
    s.join(0.05)       # cannot end: the child waits for ev
    print("join(timeout) returned early:", s.is_alive(), s.exitcode)
    ev.set()
    s.join()
    print("then:", s.exitcode)
    n = Process(target=spawner, args=(q,))
    n.start()
    print(q.get(timeout=10)[0], q.get(timeout=10)[0])
    n.join()
    w = Worker(q, "hello")
    w.start()
    print(q.get(timeout=10))
    w.join()
    v = Value('i', 0)
    total = 0
    for rnd in range(5):
        ps = [Process(target=add_to, args=(v,), kwargs={"n": i}) for i in range(8)]
        for x in ps:
            x.start()
        for x in ps:
            x.join()
        total += sum(range(8))
    print("40 processes:", v.value == total, [x.exitcode for x in ps])
    old = mp.set_process_limits(max_processes=2)
    ev2 = Event()      # a and b stay alive until c has been refused
    a = Process(target=waiter, args=(ev2,))
    b = Process(target=waiter, args=(ev2,))
    c = Process(target=waiter, args=(ev2,))
    a.start()
    b.start()
    try:
        c.start()
    except OSError as e:
        print("limit:", "too many processes" in str(e))
    ev2.set()
    a.join()
    b.join()
    mp.set_process_limits(max_processes=old[0])
    try:
        mp.Process(target=sleeper, args=(0,)).join()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        mp.Value('z', 0)
    except TypeError as e:
        print("TypeError: unsupported typecode" in "TypeError: " + str(e))
    v2 = Value('i', 0)
    Process(target=late, args=(v2,)).start()
    import sys
    sys.stdout.flush() if hasattr(sys.stdout, "flush") else None
    print("main module ends; the child is joined at exit")
