# expect: MemoryError
x = []
while True:
    x.append([0] * 64)
