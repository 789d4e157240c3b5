# expect: ok
# Fill the arena through many small allocations, catch the MemoryError, drop the data and go on:
# the interpreter must still be usable afterwards (CPython behaves the same under a memory cap).
x = []
try:
    while True:
        x.append([0] * 64)
except MemoryError:
    n = len(x)
    x = None
    print("caught MemoryError after", n > 1000)
y = [i * i for i in range(100000)]
print("recovered", sum(y) > 0)
