# expect: MemoryError OverflowError
b = b"x" * (10 ** 13)
