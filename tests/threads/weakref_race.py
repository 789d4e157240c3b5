# Weak references read from several threads while other threads drop the objects: every read is
# the live object or None, never a dead one; WeakValueDictionary entries vanish with their values.
import threading, weakref

class Box:
    def __init__(self, n):
        self.n = n

N = 2000
boxes = [Box(i) for i in range(N)]
refs = [weakref.ref(b) for b in boxes]
table = weakref.WeakValueDictionary((i, b) for i, b in enumerate(boxes))
bad = []
lock = threading.Lock()

def reader():
    for _ in range(5):
        for i, r in enumerate(refs):
            o = r()
            if o is not None and o.n != i:
                with lock:
                    bad.append(i)

def dropper(start):
    for i in range(start, N, 2):
        boxes[i] = None

ts = [threading.Thread(target=reader) for _ in range(2)] + \
     [threading.Thread(target=dropper, args=(k,)) for k in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(bad, sum(1 for r in refs if r() is not None), len(table))
