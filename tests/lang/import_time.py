import time
t0 = time.time()
m0 = time.monotonic()
time.sleep(0.01)
t1 = time.time()
m1 = time.monotonic()
print(t1 >= t0, m1 > m0, type(t0).__name__)
p = time.perf_counter()
print(time.perf_counter() >= p)
