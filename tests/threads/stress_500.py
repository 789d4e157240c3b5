# 500 threads started and joined, twice.
import threading

count = [0]
lock = threading.Lock()

def work():
    with lock:
        count[0] += 1

for rnd in range(2):
    ts = [threading.Thread(target=work) for i in range(500)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
print(count[0], threading.active_count())
