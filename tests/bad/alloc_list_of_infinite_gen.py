# expect: MemoryError
def forever():
    i = 0
    while True:
        yield i
        i += 1
x = list(forever())
