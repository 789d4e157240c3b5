# expect: MemoryError
d = {}
i = 0
while True:
    d[i] = [i] * 32
    i += 1
