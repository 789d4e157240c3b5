# expect: MemoryError OverflowError
x = 1 << (10 ** 12)
