# expect: RecursionError
# multiprocessing copies arguments and queue items between interpreters: a 200,000-deep nest.
import multiprocessing as mp
x = []
for i in range(200000):
    x = [x]
def child(v):
    pass
q = mp.Queue()
try:
    q.put(x)
    print("put")
except RecursionError:
    print("put RecursionError")
p = mp.Process(target=child, args=(x,))
p.start()
p.join()
