# expect: MemoryError OverflowError
s = "a" * 10 ** 12
