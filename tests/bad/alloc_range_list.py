# expect: MemoryError OverflowError
x = list(range(10 ** 15))
