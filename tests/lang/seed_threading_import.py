from threading import Thread
import threading
done = []
def worker(n):
    total = 0
    for i in range(n):
        total += i
    done.append(total)
t1 = Thread(target=worker, args=(1000,))
t2 = Thread(target=worker, args=(2000,))
t1.start(); t2.start()
t1.join(); t2.join()
print(sorted(done))
