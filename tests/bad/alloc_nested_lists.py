# expect: MemoryError
x = []
while True:
    x = [x, [0] * 100]
