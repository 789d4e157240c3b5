import time
def cpu_task(n):
    total = 0
    for i in range(n):
        total += i*i
    return total
start = time.time()
print(cpu_task(200000))
elapsed = time.time() - start
print("Done in:", "ok" if elapsed >= 0 else "negative?")
print(cpu_task(10), cpu_task(0))
