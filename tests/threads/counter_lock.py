# Two threads incrementing one global 1,000,000 times each, with a threading.Lock:
# exactly 2,000,000 under every GIL policy.
import threading

x = 0
lock = threading.Lock()

def increment(n):
    global x
    for i in range(n):
        with lock:
            x += 1

t1 = threading.Thread(target=increment, args=(1000000,))
t2 = threading.Thread(target=increment, args=(1000000,))
t1.start()
t2.start()
t1.join()
t2.join()
print("with lock:", x)
