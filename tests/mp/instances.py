# Instances of plain classes cross as pickle sends them (class by name + __dict__, no __init__
# call in the receiver); exceptions keep their type and args; a worker's custom exception is
# raised again in the parent.
from multiprocessing import Process, Queue, Pool


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.history = [(x, y)]

    def __repr__(self):
        return "Point(%r, %r, %r)" % (self.x, self.y, self.history)


class Point3(Point):
    z = 0


class BadInput(Exception):
    pass


def move(q, p, dx):
    p.x += dx
    p.history.append((p.x, p.y))
    q.put(p)
    q.put(ValueError("bad", 42))


def check(v):
    if v < 0:
        raise BadInput("negative: %d" % v)
    return Point(v, -v)


if __name__ == "__main__":
    q = Queue()
    p = Point3(1, 2)
    w = Process(target=move, args=(q, p, 10))
    w.start()
    moved = q.get(timeout=30)
    err = q.get(timeout=30)
    w.join()
    print(p, moved, type(moved).__name__, moved.z)
    print(repr(err), err.args)
    with Pool(2) as pool:
        print(pool.map(check, [1, 2, 3]))
        try:
            pool.map(check, [1, -5, 3])
        except BadInput as e:
            print("BadInput raised in the parent:", e)
