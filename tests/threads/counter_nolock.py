# The two-thread counter without the lock: `x += 1` is LOAD_GLOBAL, BINARY_OP, STORE_GLOBAL; a switch between
# the load and the store loses updates. Structural check only: never more than 2,000,000.
import threading

x = 0

def increment(n):
    global x
    for i in range(n):
        x += 1

ts = [threading.Thread(target=increment, args=(1000000,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("without lock: at most 2000000:", 0 < x <= 2000000)
