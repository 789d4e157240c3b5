# queue in one thread: FIFO/LIFO/priority order, Empty/Full, timeouts, task_done, qsize
import queue
q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 4, 1, 5]:
    lq.put(x)
    pq.put((x, str(x)))
print([lq.get() for _ in range(5)], [pq.get() for _ in range(5)])
b = queue.Queue(maxsize=2)
b.put('a'); b.put_nowait('b')
print(b.full(), b.qsize(), b.maxsize)
for call in (lambda: b.put('c', block=False), lambda: b.put('c', timeout=0.01), lambda: b.put_nowait('c')):
    try:
        call()
    except queue.Full as e:
        print('Full', repr(e))
print(b.get(), b.get_nowait())
for call in (lambda: b.get(block=False), lambda: b.get(timeout=0.01), b.get_nowait):
    try:
        call()
    except queue.Empty as e:
        print('Empty', repr(e), type(e).__name__, issubclass(queue.Empty, Exception))
try:
    b.get(timeout=-1)
except ValueError as e:
    print('ValueError', e)
t = queue.Queue()
t.put(1); t.put(2)
print(t.unfinished_tasks)
t.get(); t.task_done(); t.get(); t.task_done()
t.join()
print(t.unfinished_tasks)
try:
    t.task_done()
except ValueError as e:
    print('ValueError', e)
s = queue.SimpleQueue()
s.put('x'); s.put_nowait('y')
print(s.qsize(), s.empty(), s.get(), s.get_nowait(), s.empty())
try:
    s.get(timeout=0.01)
except queue.Empty:
    print('SimpleQueue Empty')
try:
    s.get(block=False)
except queue.Empty:
    print('SimpleQueue Empty again')
print(queue.Queue(0).full(), queue.Queue(-1).maxsize)
print(sorted(n for n in dir(queue) if not n.startswith('_') and n[0].isupper()))
