# expect: ok RuntimeError MemoryError
# Thousands of threads: either they all run, or starting one fails with a Python exception.
import threading
results = []
def work(i):
    results.append(i)
ts = []
for i in range(3000):
    t = threading.Thread(target=work, args=(i,))
    t.start()
    ts.append(t)
for t in ts:
    t.join()
print(len(results))
