# MicroPython-style _thread program: start_new_thread, allocate_lock, polling a shared counter.
import _thread
import time

lock = _thread.allocate_lock()
n_finished = 0
results = []

def worker(tid, count):
    global n_finished
    total = 0
    for i in range(count):
        total += i
    with lock:
        results.append((tid, total))
        n_finished += 1

for i in range(4):
    _thread.start_new_thread(worker, (i, 1000 * (i + 1)))

while True:
    with lock:
        if n_finished == 4:
            break
    time.sleep(0.01)

print(sorted(results))
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False))
lock.release()
print(_thread.get_ident() == _thread.get_ident(), type(_thread.get_ident()).__name__)
