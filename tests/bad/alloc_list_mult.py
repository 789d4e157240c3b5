# expect: MemoryError OverflowError
x = [0] * (10 ** 18)
