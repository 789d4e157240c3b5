# expect: ValueError MemoryError OverflowError
s = format(1, "99999999999999999999d")
