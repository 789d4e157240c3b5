# Isolation: an exception, sys.exit(N), a MemoryError and an infinite loop in a child are
# contained; terminate() ends a child (exit code -15); the parent and the other children go on.
# Pickling errors name the type. Globals are not shared (each process re-ran the module), nor is
# the cycle collector's state (gc.set_debug in a child leaves the parent's flags alone).
import gc
import sys
import time
from multiprocessing import Process, Queue, Value, current_process, active_children

counter = 0


def fails():
    raise KeyError("inside the child")


def exits(n):
    sys.exit(n)


def hog():
    x = []
    while True:
        x.append("x" * 100000)


def spin():
    while True:
        pass


def bump(v):
    global counter
    counter += 100
    v.value = counter


def who(q):
    q.put((current_process().name, __name__))


def gc_flags(q):
    gc.set_debug(gc.get_debug() | 4)
    q.put(gc.get_debug())


def gen():
    yield 1


if __name__ == "__main__":
    p = Process(target=fails)
    p.start()
    p.join()
    print("exception ->", p.exitcode)
    for n in (0, 3, None):
        p = Process(target=exits, args=(n,))
        p.start()
        p.join()
        print("sys.exit(%r) ->" % (n,), p.exitcode)
    p = Process(target=hog)
    p.start()
    p.join()
    print("MemoryError ->", p.exitcode)
    s = Process(target=spin)
    s.start()
    s.join(0.2)
    print("spinning:", s.is_alive(), s.exitcode)
    s.terminate()
    s.join()
    print("terminated ->", s.exitcode, s.is_alive())
    v = Value('i', 0)
    b = Process(target=bump, args=(v,))
    b.start()
    b.join()
    print("child's global:", v.value, "parent's global:", counter)
    q = Queue()
    w = Process(target=who, args=(q,), name="Worker-A")
    w.start()
    print(q.get(timeout=10), current_process().name)
    w.join()
    g = Process(target=gc_flags, args=(q,))
    g.start()
    print("gc.get_debug(): child", q.get(timeout=10), "parent", gc.get_debug())
    g.join()
    for bad in (gen(), lambda: 1, q.get):
        try:
            Process(target=who, args=(bad,)).start()
        except Exception as e:
            print(type(e).__name__ + ":", e)
    print(active_children())
    print("parent alive")
