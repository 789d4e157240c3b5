# expect: MemoryError
x = []
while True:
    x = [x, [0] * 1000]
