# Three programs that crashed the interpreter under the free-threaded policy (`none`) before the
# containers took their object locks (interp/core/objlock.h): each prints what CPython prints.
#  1. four threads appending to one bytearray (the buffer was reallocated under a concurrent
#     append: double free / use-after-free);
#  2. list(l) in one thread while another sorts l (the reader saw the length of the detached
#     array and a NULL items pointer);
#  3. list.count while other threads insert/remove other items (count saw shifted items twice or
#     not at all; remove could delete a different item than the one it matched).
import threading


def run(targets):
    ts = [threading.Thread(target=t) for t in targets]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


b = bytearray()


def appender():
    for i in range(5000):
        b.append(i & 255)


run([appender] * 4)
print("bytearray", len(b), b.count(7))

l = list(range(2000))
seen = set()
stop = []


def sorter():
    for i in range(40):
        l.sort(reverse=(i % 2 == 0))
    stop.append(1)


def reader():
    while not stop:
        seen.add(len(list(l)) in (0, 2000))   # during a sort l reads as [] (as CPython)


run([sorter, reader, reader])
print("sort", seen <= {True}, sorted(l) == list(range(2000)))

c = [1, 2] * 300
errors = []


def mutator(k):
    def f():
        for i in range(1500):
            c.insert(0, 10 + k)
            c.remove(10 + k)
    return f


def counter():
    for i in range(150):
        if c.count(1) != 300 or c.count(2) != 300:
            errors.append(1)


run([mutator(0), mutator(1), mutator(2), counter])
print("count/remove", not errors, len(c), c.count(1), c.count(2))
